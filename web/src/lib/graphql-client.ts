import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { requestFinished, requestStarted } from './outage.ts';

/**
 * Codes carried by {@link GraphQLRequestError}: the API's own `extensions.code` values
 * (BAD_USER_INPUT, NOT_FOUND, UNAVAILABLE, ...) plus two of ours for failures that never
 * reached a resolver. NETWORK_ERROR and UNAVAILABLE are outages (see {@link isOutage}).
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'NETWORK_ERROR' | 'UNAVAILABLE' | 'BAD_RESPONSE' | (string & {});

/** A request that did not produce data: the API answered with `errors`, or the request failed. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly code: ErrorCode,
    /** For BAD_USER_INPUT and NOT_FOUND: the argument at fault, e.g. "handle" or "filter.place". */
    readonly argument?: string,
    readonly status?: number,
    /** For UNAVAILABLE: how long the API suggests waiting before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const isErrorCode = (error: unknown, ...codes: ErrorCode[]): error is GraphQLRequestError => error instanceof GraphQLRequestError && codes.includes(error.code);

/**
 * Says whether an error means the service, not the request, failed: the API could not be
 * reached, or it answered UNAVAILABLE or a 5xx. Nothing is known then (not even whether the
 * person is signed in), and trying again later can work.
 */
export const isOutage = (error: unknown): error is GraphQLRequestError => isErrorCode(error, 'NETWORK_ERROR', 'UNAVAILABLE');

/**
 * Says whether an error means "there is no such thing": NOT_FOUND, or BAD_USER_INPUT on the
 * given argument (a key that cannot name anything, e.g. an id that is not an id). Without an
 * argument, any BAD_USER_INPUT counts (a page whose lists reject an unknown filter value).
 */
export const isMissing =
  (argument?: string) =>
  (error: unknown): boolean =>
    isErrorCode(error, 'NOT_FOUND') || (isErrorCode(error, 'BAD_USER_INPUT') && (argument === undefined || error.argument === argument));

/** What `load` answers, or null when it fails with an error `missing` accepts; other errors are thrown. */
export async function orNull<T>(load: () => Promise<T>, missing: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
}

export interface GraphQLResponse {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: unknown; argument?: unknown; retryAfterSeconds?: unknown } }[];
}

/** Seconds from `extensions.retryAfterSeconds` or a Retry-After header (seconds form only). */
function retryAfterOf(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * The one place where an answer becomes an error: the failure a response stands for, or
 * undefined when it carries data. Any 5xx (a proxy's 502/503/504 as well as the API's own) and
 * the API's UNAVAILABLE are outages; otherwise the first error's code is kept, for the page to
 * decide (NOT_FOUND, BAD_USER_INPUT, ...).
 */
export function responseError(status: number, body: GraphQLResponse | undefined, retryAfterHeader?: string | null): GraphQLRequestError | undefined {
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  if (code === 'UNAVAILABLE' || status >= 500) {
    const retryAfterSeconds = retryAfterOf(first?.extensions?.retryAfterSeconds) ?? retryAfterOf(retryAfterHeader);
    return new GraphQLRequestError(first?.message ?? `The service is unavailable (HTTP ${status}).`, 'UNAVAILABLE', undefined, status, retryAfterSeconds);
  }
  if (first) {
    const argument = typeof first.extensions?.argument === 'string' ? first.extensions.argument : undefined;
    return new GraphQLRequestError(first.message ?? 'The request failed.', code ?? 'INTERNAL_SERVER_ERROR', argument, status);
  }
  if (status < 200 || status >= 300 || !body || body.data == null) {
    return new GraphQLRequestError(`Unexpected response (HTTP ${status}).`, 'BAD_RESPONSE', undefined, status);
  }
  return undefined;
}

const printed = new WeakMap<object, string>();
export function source(document: object & { kind: string }): string {
  let text = printed.get(document);
  if (text === undefined) {
    // gql.tada keeps only the parsed document, so print it once and remember it.
    text = print(document as Parameters<typeof print>[0]);
    printed.set(document, text);
  }
  return text;
}

/** The endpoint; same origin in production and through Vite's proxy in development. */
export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * Runs one operation and returns its data, or throws a {@link GraphQLRequestError} (see
 * {@link responseError}; the API reports expected errors with HTTP 200). Every outcome is also
 * told to the outage notice (lib/outage.ts), so that a failure no page shows is still said.
 */
export async function request<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables?: Variables, init: { signal?: AbortSignal } = {}): Promise<Result> {
  const id = requestStarted();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        // The API refuses requests without it (CSRF prevention): a cross-site form cannot add headers.
        'x-graphql-yoga-csrf': '1',
      },
      body: JSON.stringify({ query: source(document), variables: variables ?? {} }),
      credentials: 'same-origin',
      signal: init.signal ?? null,
    });
  } catch (error) {
    // Cancelled on purpose (a newer search replaced it): says nothing about the service.
    if ((error as Error)?.name === 'AbortError') throw error;
    const failure = new GraphQLRequestError('The server could not be reached.', 'NETWORK_ERROR');
    requestFinished(id, failure);
    throw failure;
  }

  let body: GraphQLResponse | undefined;
  try {
    body = (await response.json()) as GraphQLResponse;
  } catch {
    // Not JSON (a proxy's error page): responseError reads the status instead.
    body = undefined;
  }
  const failure = responseError(response.status, body, response.headers.get('retry-after'));
  requestFinished(id, isOutage(failure) ? failure : undefined);
  if (failure) throw failure;
  return body!.data as Result;
}
