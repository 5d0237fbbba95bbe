import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createHttpServer, type HttpServerOptions } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';
import { useTestDatabase } from './database.ts';
import { loadDemoIntoTestDatabase } from './demo-template.ts';

/**
 * The HTTP server on a free port of 127.0.0.1, configured by `env`, for as long as the enclosing
 * file or describe runs.
 */
export function useHttpServer(env: Record<string, string> = { NODE_ENV: 'test' }, options: HttpServerOptions = {}): () => string {
  let baseUrl = '';
  let close = () => {};
  beforeAll(async () => {
    const { server } = createHttpServer(loadConfig(env), createLogger('silent', false), options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => {
      server.closeAllConnections();
      server.close();
    };
  });
  afterAll(() => close());
  return () => baseUrl;
}

/**
 * The whole product on a free port, over this test file's database filled with the reference
 * and demo data, serving the built web app (npm test builds it first). Returns a getter for
 * its base URL.
 */
export function useRunningApp(): () => string {
  useTestDatabase();
  beforeAll(loadDemoIntoTestDatabase);
  return useHttpServer();
}
