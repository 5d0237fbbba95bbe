import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger: readable lines in development (the default), JSON in production. */
export function createLogger(level: string, pretty = (process.env.NODE_ENV ?? 'development') === 'development'): Logger {
  return pino({
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } } : {}),
  });
}
