import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger; pretty output only for a person watching a terminal in development. */
export function createLogger(level: string, pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production'): Logger {
  return pino({
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } } : {}),
  });
}
