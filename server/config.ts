import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: relative paths in the configuration are resolved against it. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Every environment variable the product reads. The README lists the same ones; a test
 * keeps the two in step.
 */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port of the API and the web app. */
  PORT: port.default(4000),
  /** Interface to listen on; 0.0.0.0 exposes the server beyond this machine. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Any MongoDB 7+ (replica set in production). When unset, the embedded database is started. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  /** Database name; overrides the one in MONGODB_URI's path. */
  DB_NAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, 'Latin letters, digits, _ and - only')
    .default('expertnetwork'),
  /** Where the embedded database keeps its files (ignored with MONGODB_URI). */
  DATA_DIR: z.string().min(1).default('.data/db'),
  /** A directory holding the pinned source archives of the embedded database (see README); without it they are downloaded. */
  ENGINE_SOURCES_DIR: z.string().min(1).optional(),
  /** Load the demo dataset into an empty database at start: auto (when empty) or never. */
  DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (for rate limits). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Bearer token for /metrics. Set, a scrape must send `Authorization: Bearer <token>`; unset,
   * /metrics is open in development and absent (404) in production, since it tells a stranger
   * which operations run, how often they fail and how busy the server is.
   */
  METRICS_TOKEN: z
    .string()
    .regex(/^[!-~]{16,200}$/, '16 to 200 visible ASCII characters, without spaces')
    .optional(),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(rootDir, parsed.data.DATA_DIR) };
}

/** The names the README must document. */
export const configVariables = Object.keys(configSchema.shape);
