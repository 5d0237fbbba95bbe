import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NEW_MEMBER_RULE } from '../schema/moderation/new-members.ts';

/** The repository root: relative paths in the configuration are resolved against it. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number().int().min(0).max(65535);

/** A comma-separated list of exact origins, as browsers send them in the Origin header. */
function parseOrigins(value: string, ctx: z.RefinementCtx<string>): string[] {
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*' || origin === 'null') {
      ctx.addIssue({ code: 'custom', message: `"${origin}" is not allowed: list each origin that may call the API with a visitor's session` });
    } else if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol) || new URL(origin).origin !== origin) {
      // Browsers send the serialized origin (lower case, no default port, no path), so only that form can match.
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin: write scheme://host[:port] as a browser sends it, like https://chuyengia.gov.vn (lower case, no path, no trailing slash)`,
      });
    }
  }
  return origins;
}

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
  /**
   * The demo dataset (its accounts share the password printed in the README): `auto` loads it
   * into an empty database at start, except in production; `always` adds what is missing of it
   * at every start, production included; `never` leaves it out.
   */
  DEMO_DATA: z.enum(['auto', 'always', 'never']).default('auto'),
  /**
   * How many reverse proxies stand in front of the server, each appending to X-Forwarded-For; the
   * client's address (which keys rate limits) is the entry that many places from the right. 0 uses
   * the socket's address. `true` and `false`, the former values, still mean 1 and 0.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(?:[0-9]|true|false)$/, 'the number of reverse proxies in front of the server, 0 to 9 (true and false mean 1 and 0)')
    .default('0')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value))),
  /**
   * Other origins whose pages may call the API with the visitor's session, comma-separated
   * (`https://chuyengia.gov.vn,https://www.chuyengia.gov.vn`). Unset, only the server's own
   * origin may.
   */
  CORS_ORIGINS: z.string().default('').transform(parseOrigins),
  /**
   * The site's public address (`https://chuyengia.gov.vn`), for the absolute links of canonical
   * URLs, Open Graph tags, the sitemap and feeds. Unset, each request's own origin is used, which
   * a client can choose through its Host header: set it in production.
   */
  PUBLIC_URL: z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value,
      'an origin: scheme://host[:port], no path and no trailing slash, like https://chuyengia.gov.vn',
    )
    .optional(),
  /**
   * The new-member rule (schema/moderation/new-members.ts): a member who is neither staff nor a
   * verified expert is new for this many days after joining (0: nobody is).
   */
  NEW_MEMBER_DAYS: z.coerce.number().int().min(0).max(365).default(NEW_MEMBER_RULE.days),
  /** How many of a new member's threads and replies wait for a moderator's approval before theirs show at once (0: none wait). */
  NEW_MEMBER_APPROVED_POSTS: z.coerce.number().int().min(0).max(50).default(NEW_MEMBER_RULE.postsToApprove),
  /**
   * Where email goes out (schema/email/): `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://…:465`. Unset, no email is sent: in development each one is written to the log, link
   * included; in production start-up says loudly that email is off.
   */
  SMTP_URL: z
    .string()
    .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol) && new URL(value).hostname !== '', 'smtp://user:password@host:port or smtps://user:password@host:port')
    .optional(),
  /** The sender of every email: an address, with a name before it in angle-bracket form if wanted. */
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^\r\n<>"]{1,100} <[^\s<>@"]+@[^\s<>@"]+>|[^\s<>@"]+@[^\s<>@"]+)$/,
      'an address (no-reply@chuyengia.gov.vn), or a name and one (Mạng lưới chuyên gia <no-reply@chuyengia.gov.vn>), on one line',
    )
    .default('Mạng lưới chuyên gia <no-reply@chuyengia.gov.vn>'),
  /**
   * A Redis (`redis://[:password@]host:port[/db]`, `rediss://` for TLS) shared by every server
   * instance: live updates reach subscribers on any instance, and rate limits count across them.
   * Unset, both stay within each process.
   */
  REDIS_URL: z
    .string()
    .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), 'a redis:// or rediss:// address, like redis://127.0.0.1:6379')
    .optional(),
  /**
   * The weekly digest email (schema/digest/): the hour, Vietnam time, on Mondays when each week's
   * digests start going out (every server checks hourly; a member gets one per week however many
   * run), or `off` for servers that should not send them (\`npm run send-digest\` still does).
   */
  DIGEST_HOUR: z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).default(8),
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
  // Links in emails must not come from a request's Host header, which a client chooses (a reset
  // link pointing at another site would hand it the token).
  if (parsed.data.NODE_ENV === 'production' && parsed.data.SMTP_URL && !parsed.data.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration:\n  PUBLIC_URL: required with SMTP_URL in production, for the links in emails');
  }
  return { ...parsed.data, dataDir: path.resolve(rootDir, parsed.data.DATA_DIR) };
}

/** The names the README must document. */
export const configVariables = Object.keys(configSchema.shape);
