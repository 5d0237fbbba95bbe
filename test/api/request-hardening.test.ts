import http from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { Topic } from '../../schema/topic/model.ts';
import { createGraphQL } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';

/*
 * What the GraphQL endpoint refuses whatever the limits (those are in limits.test.ts): requests
 * another site could make a browser send, and in production, anything that shows the schema or
 * the code.
 */

useTestDatabase();
const server = useHttpServer();

describe('Cross-site request forgery', () => {
  const send = (init: RequestInit & { url?: string }) => fetch(init.url ?? `${server()}/graphql`, init);

  it('refuses a cross-site form post', async () => {
    const response = await send({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=mutation%20%7B%20signOut%20%7B%20__typename%20%7D%20%7D' });
    expect(response.status).toBe(403);
  });

  it('refuses a text/plain post', async () => {
    const response = await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { signOut { __typename } }' }) });
    expect(response.status).toBe(403);
  });

  it('refuses a multipart post', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation { signOut { __typename } }' }));
    const response = await send({ method: 'POST', body: form });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses a mutation over GET, even with the CSRF header', async () => {
    const response = await send({ url: `${server()}/graphql?query=${encodeURIComponent('mutation { signOut { __typename } }')}`, method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(response.status).toBe(405);
  });

  it('refuses a GET query without the CSRF header and answers it with the header', async () => {
    const url = `${server()}/graphql?query=${encodeURIComponent('{ topics { slug } }')}`;
    expect((await send({ url, method: 'GET' })).status).toBe(403);
    expect((await send({ url, method: 'GET', headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' } })).status).toBe(200);
  });
});

describe('Production mode', () => {
  const production = createGraphQL({ NODE_ENV: 'production' }, createLogger('silent', false));
  const ask = async (query: string) => {
    const response = await production.fetch(
      'http://localhost/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) },
      { clientAddress: '192.0.2.50' },
    );
    return { status: response.status, ...(await response.json()) };
  };

  it('does not answer introspection', async () => {
    const response = await ask('{ __schema { types { name } } }');
    expect(response.data ?? null).toBeNull();
    expect(response.errors[0].message).toMatch(/introspection/i);
  });

  it('does not suggest field names', async () => {
    const response = await ask('{ expertz { totalCount } }');
    expect(response.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('serves no GraphiQL page', async () => {
    const response = await production.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('masks an unexpected failure without a stack trace', async () => {
    const failure = vi.spyOn(Topic, 'find').mockImplementationOnce(() => {
      throw new Error('disk on fire at /srv/app/schema/topic/service.ts:9:3');
    });
    try {
      const response = await ask('{ topics { name } }');
      expect(response.errors[0].message).toBe('Unexpected error.');
      expect(response.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response)).not.toMatch(/disk on fire|service\.ts|stack/);
    } finally {
      failure.mockRestore();
    }
  });
});

describe('Refused bodies', () => {
  /** Posts `size` bytes over a fresh keep-alive connection: the answer's status, its Connection header, and whether the server closed the socket. */
  function post(size: number): Promise<{ status: number; connection: string | undefined; closed: boolean }> {
    const agent = new http.Agent({ keepAlive: true });
    return new Promise((resolve, reject) => {
      const request = http.request(`${server()}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': size } }, (response) => {
        response.resume();
        response.on('end', () => {
          // A closed socket ends right after the answer; an open one waits for the next request.
          const socket = request.socket!;
          const settle = () => {
            resolve({ status: response.statusCode!, connection: response.headers.connection, closed: socket.destroyed });
            agent.destroy();
          };
          if (socket.destroyed) settle();
          else setTimeout(settle, 200);
        });
      });
      request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      const shell = '{"query":"{ __typename }","extensions":{"pad":""}}';
      request.end(`${shell.slice(0, -3)}${'x'.repeat(size - shell.length)}"}}`);
    });
  }

  it('closes the connection instead of reading a refused body of a megabyte, and keeps it for a small one', async () => {
    const large = await post(1024 * 1024);
    expect(large.status).toBe(413);
    expect(large.connection).toBe('close');
    expect(large.closed).toBe(true);
    const small = await post(1000);
    expect(small.status).toBe(200);
    expect(small.connection).toBe('keep-alive');
    expect(small.closed).toBe(false);
  });
});
