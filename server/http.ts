import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import { GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import compression from 'compression';
import mongoose from 'mongoose';
import sirv from 'sirv';
import { resolveViewer } from '../schema/account/service.ts';
import { NEW_MEMBER_RULE, type NewMemberRule } from '../schema/moderation/new-members.ts';
import { findAvatar } from '../schema/avatar/service.ts';
import type { Context, SessionCookie } from '../schema/context.ts';
import { RateLimitedError, UnavailableError } from '../schema/errors.ts';
import { spend } from '../schema/limits.ts';
import { schema } from '../schema/index.ts';
import { rootDir, type Config } from './config.ts';
import { isDatabaseUnavailable } from './db/availability.ts';
import type { Logger } from './logger.ts';
import { createMetrics, metricsAccess, observeDatabaseCommands, type Metrics, type TimedServerContext } from './metrics.ts';
import { useOperationLimits } from './operation-limits.ts';
import { createPublicRoutes } from './public/index.ts';

export const webDistDir = path.join(rootDir, 'web/dist');

/** Largest request body accepted (an avatar, base64-encoded, is the largest legitimate one). */
export const MAX_BODY_BYTES = 512 * 1024;

/** Operation limits, checked while validating, before anything is executed. */
export const LIMITS = { depth: 10, aliases: 100, directives: 5, tokens: 3000, cost: 5000 };

/** The request being answered, for logs and masked errors. */
const requestStore = new AsyncLocalStorage<{ requestId: string }>();

export const sessionCookieName = (config: Pick<Config, 'NODE_ENV'>) => (config.NODE_ENV === 'production' ? '__Host-session' : 'session');

interface ServerContext extends TimedServerContext {
  /** Set by the HTTP server (or a test) from the socket, or X-Forwarded-For behind trusted proxies. */
  clientAddress?: string;
}

interface CookieStore {
  get(name: string): Promise<{ value: string } | null | undefined>;
  set(cookie: Record<string, unknown>): Promise<void>;
  delete(cookie: Record<string, unknown>): Promise<void>;
}

/** GraphQL Armor's rejections, as errors with a code and HTTP 400. */
function armorReject(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message, { extensions: { code, http: { status: 400 } } }))],
  };
}

/** What an origin on CORS_ORIGINS may do; every other origin gets no CORS headers at all. */
function corsFor(allowedOrigins: ReadonlySet<string>) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    // The server's own pages need no CORS headers: browsers check them only across origins.
    if (!origin || !allowedOrigins.has(origin)) return false as const;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', 'x-graphql-yoga-csrf'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/**
 * Refuses (403) a request that a browser says comes from another site's page, or another origin
 * of this one (another port, a subdomain), unless its origin is on CORS_ORIGINS. Without CORS
 * headers a browser would not let that page read the answer anyway, and the CSRF header forces a
 * preflight it fails; refusing outright also keeps the operation from running at all. Browsers
 * set Sec-Fetch-Site and a page cannot forge it; a client without it (an older browser, curl)
 * is left to CORS, as its Origin cannot be compared with a Host that a proxy may rewrite.
 */
function useOriginPolicy(allowedOrigins: ReadonlySet<string>): Plugin<Context> {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const site = request.headers.get('sec-fetch-site');
      if (site !== 'cross-site' && site !== 'same-site') return;
      const origin = request.headers.get('origin');
      if (origin && allowedOrigins.has(origin)) return;
      const body = { errors: [{ message: 'Pages of this origin may not call the API.', extensions: { code: 'ORIGIN_NOT_ALLOWED' } }] };
      endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } }));
    },
  };
}

/**
 * Errors that graphql-js or Pothos raise about the request itself (a variable of the wrong type,
 * an ID of another type) carry no code; every error a client sees must, so they get
 * BAD_USER_INPUT. Unexpected failures are left to masking.
 */
function useInputErrorCodes(): Plugin<Context> {
  const coded = (error: GraphQLError) => {
    const original = error.originalError;
    if (error.extensions?.code || (original && !(original instanceof GraphQLError))) return error;
    return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, originalError: original, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
  };
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if ('errors' in result && result.errors?.length) setResult({ ...result, errors: result.errors.map((e) => coded(e as GraphQLError)) });
      },
    }),
  };
}

/** Answers depend on the session (and GraphiQL's page is no exception worth caching): no cache keeps one. */
function useNoStore(): Plugin<Context> {
  return {
    onResponse({ response }) {
      response.headers.set('cache-control', 'no-store');
    },
  };
}

/**
 * The GraphQL endpoint. Tests call `yoga.fetch` on it directly. With `metrics`, its requests are
 * counted and timed there.
 */
export function createGraphQL(config: Pick<Config, 'NODE_ENV'> & Partial<Pick<Config, 'CORS_ORIGINS' | 'NEW_MEMBER_DAYS' | 'NEW_MEMBER_APPROVED_POSTS'>>, logger: Logger, metrics?: Metrics) {
  const production = config.NODE_ENV === 'production';
  const newMembers: NewMemberRule = { days: config.NEW_MEMBER_DAYS ?? NEW_MEMBER_RULE.days, postsToApprove: config.NEW_MEMBER_APPROVED_POSTS ?? NEW_MEMBER_RULE.postsToApprove };
  const cookieName = sessionCookieName(config);
  const allowedOrigins = new Set(config.CORS_ORIGINS ?? []);
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: !production,
    multipart: false,
    batching: false,
    logging: logger,
    // Yoga's default reflects any Origin with credentials allowed: any page could read a visitor's data.
    cors: corsFor(allowedOrigins),
    plugins: [
      // First, so that it sees every request, including those the plugins below refuse.
      ...(metrics ? [metrics.plugin] : []),
      useOriginPolicy(allowedOrigins),
      useCookies(),
      // Simple (preflight-free) requests must carry this header, which a cross-site form cannot.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.depth, ...armorReject('QUERY_TOO_DEEP') },
        // No allow-list: GraphQL Armor would otherwise let unlimited __typename aliases through.
        maxAliases: { n: LIMITS.aliases, allowList: [], ...armorReject('TOO_MANY_ALIASES') },
        maxDirectives: { n: LIMITS.directives, ...armorReject('TOO_MANY_DIRECTIVES') },
        maxTokens: { n: LIMITS.tokens, ...armorReject('TOO_MANY_TOKENS') },
        costLimit: { maxCost: LIMITS.cost, ...armorReject('QUERY_TOO_COSTLY') },
        blockFieldSuggestion: { enabled: production },
      }),
      ...(production ? [useDisableIntrospection()] : []),
      useOperationLimits(),
      useInputErrorCodes(),
      useNoStore(),
    ],
    context: async ({ request, clientAddress }) => {
      const cookies = (request as Request & { cookieStore: CookieStore }).cookieStore;
      const token = (await cookies.get(cookieName))?.value;
      const sessionCookie: SessionCookie = {
        set: (value, expiresAt) => cookies.set({ name: cookieName, value, expires: expiresAt.getTime(), httpOnly: true, secure: production, sameSite: 'lax', path: '/', domain: null }),
        clear: () => cookies.delete({ name: cookieName, httpOnly: true, secure: production, sameSite: 'lax', path: '/', domain: null }),
      };
      return {
        requestId: requestStore.getStore()?.requestId ?? randomUUID(),
        clientAddress: clientAddress ?? 'unknown',
        userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? '',
        viewer: await resolveViewer(token),
        sessionCookie,
        newMembers,
      };
    },
    maskedErrors: {
      // Expected errors are GraphQLErrors and pass; anything else is logged with the request id
      // and reaches the client as INTERNAL_SERVER_ERROR carrying that id (no stack in production).
      maskError: (error, message, isDev) => {
        const masked = maskError(error, message, isDev && !production);
        if (masked === error) return masked;
        const requestId = requestStore.getStore()?.requestId;
        const original = (error as { originalError?: unknown }).originalError ?? error;
        if (isDatabaseUnavailable(original)) {
          logger.warn({ requestId, reason: (original as Error).message }, 'the database is unavailable; the client is asked to try again');
          const unavailable = new UnavailableError();
          return new GraphQLError(unavailable.message, { ...masked, extensions: { ...unavailable.extensions, requestId } });
        }
        logger.error({ err: (error as { originalError?: unknown }).originalError ?? error, requestId }, 'unexpected error while answering a request');
        return new GraphQLError(masked.message, { ...masked, extensions: { ...(masked as GraphQLError).extensions, requestId } });
      },
    },
  });
}

const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/**
 * How long a refusal past the per-address request rate is held before it is sent, at most. A
 * sender that waits for each answer before the next (a script, a browser) then sends about one a
 * second instead of a thousand: answered at once, the refusals alone filled a core (npm run bench,
 * the worst requests). A person behind a busy shared address is refused either way.
 */
export const FLOOD_REFUSAL_HOLD_MS = 1000;
/** Refusals held at once, at most: past this they are sent at once, so held sockets stay few. */
const MAX_HELD_REFUSALS = 256;
let heldRefusals = 0;

async function holdFloodRefusal(retryAfterSeconds: number): Promise<void> {
  if (heldRefusals >= MAX_HELD_REFUSALS) return;
  heldRefusals++;
  try {
    await sleep(Math.min(FLOOD_REFUSAL_HOLD_MS, retryAfterSeconds * 1000));
  } finally {
    heldRefusals--;
  }
}

/** The most of a refused request's body that is read and dropped to keep its connection open. */
const DRAIN_AT_MOST_BYTES = 64 * 1024;

/**
 * After refusing a request whose body was not read: a small one is read and dropped, so that its
 * connection serves the next request; a large or unknown one closes the connection instead (the
 * client reconnects), since draining half a megabyte per refusal is what a flood of them costs.
 */
function leaveBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > DRAIN_AT_MOST_BYTES || req.headers['transfer-encoding']) res.setHeader('connection', 'close');
  else req.resume();
}

/**
 * Reads a request body, refusing (null) one larger than MAX_BODY_BYTES, chunked or not. Node sets
 * no limit and Yoga reads whatever it is given, so GraphQL bodies are read here first: a declared
 * length over the limit is refused without reading a byte, an undeclared one as soon as it passes.
 */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The client's address, which keys rate limits. Each of our `proxyHops` proxies appends the address
 * it received the request from to X-Forwarded-For, so the right-most `proxyHops` entries are ours
 * and the one furthest left of them is the client as our outermost proxy saw it; anything further
 * left came from the client and is ignored. With fewer entries than hops the request entered our
 * chain past its outer proxy without a header of its own, so the left-most entry was still written
 * by one of our proxies: it is the client's address, where the socket's (our proxy's) would put
 * every such client under one rate limit.
 */
function clientAddressOf(req: IncomingMessage, proxyHops: number): string {
  const entries =
    proxyHops > 0
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')
          .map((entry) => entry.trim())
      : [];
  const forwarded = entries.length ? entries[Math.max(0, entries.length - proxyHops)] : '';
  return forwarded?.slice(0, 100) || req.socket.remoteAddress || 'unknown';
}

/** A JSON answer; none is stored by a cache, since GraphQL answers depend on the session. */
function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  // With its length known, compression leaves a short answer as it is.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' }).end(text);
}

/** One HTTP server: GraphQL at /graphql, health at /health, metrics at /metrics, avatars, the built web app. */
export interface HttpServerOptions {
  /** False while the database is known to be down (the embedded one restarting a process). */
  databaseHealthy?: () => boolean;
}

export function createHttpServer(config: Config, logger: Logger, serverOptions: HttpServerOptions = {}) {
  // In production the site is served over HTTPS only (the session cookie is __Host-, Secure):
  // browsers are told never to try plain HTTP, where the first request could be intercepted.
  const headersForEveryResponse = config.NODE_ENV === 'production' ? { ...securityHeaders, 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : securityHeaders;
  const metrics = createMetrics();
  const yoga = createGraphQL(config, logger, metrics);
  const mayReadMetrics = metricsAccess(config);
  // The driver reports commands of the client it has; one connected later is observed when it connects.
  const client = mongoose.connection.getClient() as ReturnType<typeof mongoose.connection.getClient> | undefined;
  if (client) observeDatabaseCommands(client);
  else mongoose.connection.once('connected', () => observeDatabaseCommands(mongoose.connection.getClient()));
  const hasWeb = existsSync(path.join(webDistDir, 'index.html'));
  if (!hasWeb) logger.warn('web/dist is missing: run `npm run build` (npm start does it for you).');
  const options = {
    etag: true,
    // The build writes .br and .gz beside each asset: the smallest the browser accepts is sent as it is.
    brotli: true,
    gzip: true,
    setHeaders: (res: ServerResponse, pathname: string) => {
      // Vite fingerprints everything under /assets/; the HTML must always be fresh.
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  };
  // Built assets: a missing one is a 404, never the app's HTML.
  const assets = hasWeb ? sirv(webDistDir, options) : null;
  // Everything else is an app route and falls back to index.html, dots included (/experts/tri.nv).
  const app = hasWeb ? sirv(webDistDir, { ...options, single: true, ignores: false }) : null;
  // Public pages (a published practice, the lists), the sitemap, robots.txt and feeds: readable without JavaScript.
  const publicRoutes = hasWeb ? createPublicRoutes(config, readFileSync(path.join(webDistDir, 'index.html'), 'utf8')) : null;
  // Everything else (GraphQL answers, the app page, metrics) is compressed on the fly when the client
  // accepts it, above 1 KB and for text types only; answers sirv sent precompressed are left as they are.
  const compress = compression({ threshold: 1024 }) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

  async function answerGraphQL(req: IncomingMessage, res: ServerResponse) {
    const receivedAt = process.hrtime.bigint();
    const clientAddress = clientAddressOf(req, config.TRUST_PROXY);
    try {
      await spend('requestsPerAddress', clientAddress);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      // Refused before the body is read: a flood costs as little as it can.
      leaveBodyUnread(req, res);
      await holdFloodRefusal(error.retryAfterSeconds);
      metrics.recordRefusal('rejected', 429, 'RATE_LIMITED', receivedAt);
      res.setHeader('retry-after', String(error.retryAfterSeconds));
      return sendJson(res, 429, { errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds } }] });
    }
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    if (body === null) {
      leaveBodyUnread(req, res);
      metrics.recordRefusal('rejected', 413, 'PAYLOAD_TOO_LARGE', receivedAt);
      return sendJson(res, 413, { errors: [{ message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    }
    // Yoga's own Node adapter, handed the body already read (`req.body`), as a one-chunk stream: a
    // Buffer there would have its every byte listed as a key (Object.keys, in the adapter), which
    // held the event loop 50 ms for a body at the size limit. It answers its own failures, with a
    // 500 if one escapes its plugins.
    await yoga(Object.assign(req, { body: body && Readable.from([body]) }), res, { clientAddress, receivedAt });
  }

  /** For load balancers and supervisors: 503 while requests would fail for want of the database. */
  function answerHealth(res: ServerResponse) {
    const up = mongoose.connection.readyState === mongoose.ConnectionStates.connected && (serverOptions.databaseHealthy?.() ?? true);
    res.setHeader('cache-control', 'no-store');
    if (up) return sendJson(res, 200, { status: 'ok' });
    res.setHeader('retry-after', '5');
    sendJson(res, 503, { status: 'unavailable' });
  }

  async function answerMetrics(req: IncomingMessage, res: ServerResponse) {
    const access = mayReadMetrics(req.headers.authorization);
    if (access === 'hidden') return void res.writeHead(404).end();
    if (access === 'unauthorized') return void res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const text = await metrics.render();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text);
  }

  async function answerAvatar(res: ServerResponse, id: string) {
    const avatar = await findAvatar(id);
    if (!avatar) return void res.writeHead(404).end();
    // A lean read gives BSON Binary, not a Buffer.
    const bytes = Buffer.isBuffer(avatar.data) ? avatar.data : Buffer.from((avatar.data as unknown as { buffer: Uint8Array }).buffer);
    res.writeHead(200, { 'content-type': avatar.contentType, 'content-length': bytes.length, 'cache-control': 'public, max-age=31536000, immutable', 'content-disposition': 'inline' }).end(bytes);
  }

  function route(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const fail = (error: unknown) => {
      logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
      else res.destroy();
    };
    if (pathname === '/graphql') return void answerGraphQL(req, res).catch(fail);
    if (pathname === '/health') return answerHealth(res);
    if (pathname === '/metrics') return void answerMetrics(req, res).catch(fail);
    const avatar = /^\/avatars\/([0-9a-f]{24})$/.exec(pathname);
    if (avatar) return void answerAvatar(res, avatar[1]!).catch(fail);
    if (!assets || !app || !publicRoutes) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The web app is not built: run `npm run build`.\n');
      return;
    }
    const notFound = () => void res.writeHead(404).end();
    if (pathname.startsWith('/assets/')) assets(req, res, notFound);
    else
      void publicRoutes
        .answer(req, res)
        .then((answered) => answered || app(req, res, notFound))
        .catch(fail);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headersForEveryResponse)) res.setHeader(name, value);
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    requestStore.run({ requestId }, () => compress(req, res, () => route(req, res, requestId)));
  });
  return { server, yoga, metrics };
}
