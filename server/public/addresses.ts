import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.ts';

/** A Host header as browsers send it: a name or an IP address, and an optional port. */
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The origin that absolute links start with: PUBLIC_URL, or else the request's own origin (its
 * scheme from the nearest proxy when there is one we trust).
 */
export function publicOrigin(config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>, req: IncomingMessage): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  const forwarded =
    config.TRUST_PROXY > 0
      ? String(req.headers['x-forwarded-proto'] ?? '')
          .split(',')
          .at(-1)
          ?.trim()
      : '';
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  const host = req.headers.host ?? '';
  return `${scheme}://${HOST.test(host) ? host.toLowerCase() : 'localhost'}`;
}

/* Practices are addressed in the web app by the API's global ids (schema/builder.ts: base64url of "Practice:<id>"). */

export const practiceGlobalId = (id: string) => Buffer.from(`Practice:${id}`).toString('base64url');

/** The database id in a practice page's address, or null when it names no practice. */
export function practiceIdOf(globalId: string): string | null {
  if (!/^[A-Za-z0-9_-]{4,200}$/.test(globalId)) return null;
  const match = /^Practice:([0-9a-f]{24})$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  return match ? match[1]! : null;
}

export const practicePath = (id: string) => `/practices/${practiceGlobalId(id)}`;
