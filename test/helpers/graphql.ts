import { createSession } from '../../schema/session/service.ts';
import { createGraphQL } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; argument?: string; [key: string]: unknown } }[];
  /** Set-Cookie headers of the response. */
  setCookies: string[];
}

export interface RequestOptions {
  /** A Cookie header, e.g. from `sessionCookieFor`. */
  cookie?: string;
  clientAddress?: string;
  headers?: Record<string, string>;
}

const yoga = createGraphQL({ NODE_ENV: 'test' }, createLogger('silent', false));

/** Sends one GraphQL operation to the in-process Yoga app, as the web app would. */
export const graphql = graphqlOf(yoga);

/** `graphql` over an endpoint made with other settings (e.g. the new-member rule's). */
export function graphqlWith(config: Parameters<typeof createGraphQL>[0]) {
  return graphqlOf(createGraphQL(config, createLogger('silent', false)));
}

function graphqlOf(yoga: ReturnType<typeof createGraphQL>) {
  return <T = any>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}) => send<T>(yoga, query, variables, options);
}

async function send<T>(yoga: ReturnType<typeof createGraphQL>, query: string, variables: Record<string, unknown>, options: RequestOptions): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    },
    { clientAddress: options.clientAddress ?? '192.0.2.1' },
  );
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : { errors: [{ message: await response.text() }] };
  return { status: response.status, ...body, setCookies: response.headers.getSetCookie() };
}

/** A Cookie header for a fresh session of this person, as if they had signed in. */
export async function sessionCookieFor(expertId: string): Promise<string> {
  const { token } = await createSession(expertId, 'vitest');
  return `session=${token}`;
}

/** The Cookie header that a response's Set-Cookie asks the browser to keep (null when cleared). */
export function cookieFrom(response: GraphQLResponse): string | null {
  const line = response.setCookies.find((c) => c.startsWith('session='));
  if (!line) return null;
  const value = line.split(';')[0]!.slice('session='.length);
  return value ? `session=${value}` : null;
}

/** The raw Yoga app, for requests that are not plain JSON posts. */
export { yoga };
