import { createGraphQL } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; argument?: string } }[];
}

const yoga = createGraphQL({ NODE_ENV: 'test' }, createLogger('silent', false));

/** Sends one GraphQL operation to the in-process Yoga app, as the web app would. */
export async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...(await response.json()) };
}
