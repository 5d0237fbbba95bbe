import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createYoga, maskError } from 'graphql-yoga';
import sirv from 'sirv';
import { schema } from '../schema/index.ts';
import type { Context } from '../schema/context.ts';
import { rootDir, type Config } from './config.ts';
import type { Logger } from './logger.ts';

export const webDistDir = path.join(rootDir, 'web/dist');

/** The GraphQL endpoint. Tests call `yoga.fetch` on it directly. */
export function createGraphQL(config: Pick<Config, 'NODE_ENV'>, logger: Logger) {
  const production = config.NODE_ENV === 'production';
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: !production,
    logging: logger,
    context: ({ request }) => ({ requestId: request.headers.get('x-request-id')?.slice(0, 64) || randomUUID() }),
    maskedErrors: {
      // Expected errors are GraphQLErrors and pass; anything else is logged with the request id and masked.
      maskError: (error, message, isDev) => {
        const masked = maskError(error, message, isDev);
        if (masked !== error) logger.error({ err: (error as { originalError?: unknown }).originalError ?? error }, 'unexpected error while answering a request');
        return masked;
      },
    },
  });
}

const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** One HTTP server: GraphQL at /graphql, health at /health, the built web app everywhere else. */
export function createHttpServer(config: Config, logger: Logger) {
  const yoga = createGraphQL(config, logger);
  const hasWeb = existsSync(path.join(webDistDir, 'index.html'));
  if (!hasWeb) logger.warn('web/dist is missing: run `npm run build` (npm start does it for you).');
  const options = {
    etag: true,
    setHeaders: (res: ServerResponse, pathname: string) => {
      // Vite fingerprints everything under /assets/; the HTML must always be fresh.
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  };
  // Built assets: a missing one is a 404, never the app's HTML.
  const assets = hasWeb ? sirv(webDistDir, options) : null;
  // Everything else is an app route and falls back to index.html, dots included (/experts/tri.nv).
  const app = hasWeb ? sirv(webDistDir, { ...options, single: true, ignores: false }) : null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/graphql' || pathname === '/health') return void yoga(req, res);
    if (!assets || !app) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The web app is not built: run `npm run build`.\n');
      return;
    }
    const notFound = () => void res.writeHead(404).end();
    if (pathname.startsWith('/assets/')) assets(req, res, notFound);
    else app(req, res, notFound);
  });
  return { server, yoga };
}
