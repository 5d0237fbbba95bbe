import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/**
 * Codes carried by {@link GraphQLRequestError}: the API's own `extensions.code` values
 * (BAD_USER_INPUT, NOT_FOUND, ...) plus two of ours for failures that never reached a resolver.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'NETWORK_ERROR' | 'BAD_RESPONSE' | (string & {});

/** A request that did not produce data: the API answered with `errors`, or the request failed. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly code: ErrorCode,
    /** For BAD_USER_INPUT and NOT_FOUND: the argument at fault, e.g. "handle" or "filter.place". */
    readonly argument?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const isErrorCode = (error: unknown, ...codes: ErrorCode[]): error is GraphQLRequestError =>
  error instanceof GraphQLRequestError && codes.includes(error.code);

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

interface GraphQLResponse {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: unknown; argument?: unknown } }[];
}

const printed = new WeakMap<object, string>();
function source(document: object & { kind: string }): string {
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
 * Runs one operation and returns its data, or throws a {@link GraphQLRequestError} carrying the
 * first error's `extensions.code` (the API reports expected errors with HTTP 200).
 */
export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables?: Variables,
  init: { signal?: AbortSignal } = {},
): Promise<Result> {
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
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new GraphQLRequestError('The server could not be reached.', 'NETWORK_ERROR');
  }

  let body: GraphQLResponse | undefined;
  try {
    body = (await response.json()) as GraphQLResponse;
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const argument = typeof first.extensions?.argument === 'string' ? first.extensions.argument : undefined;
    throw new GraphQLRequestError(first.message ?? 'The request failed.', code, argument, response.status);
  }
  if (!response.ok || !body || body.data == null) {
    throw new GraphQLRequestError(`Unexpected response (HTTP ${response.status}).`, 'BAD_RESPONSE', undefined, response.status);
  }
  return body.data as Result;
}
