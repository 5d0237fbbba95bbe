import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Client } from 'graphql-sse';
import { afterAll, beforeAll } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { loadDemoData, loadReferenceData } from '../../seeds/load.ts';
import { passableTempDir } from './data-dir.ts';
import { startRedisServer, type RedisServer } from './redis-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * Two server processes on one database holding the demo data, sharing one Redis (REDIS_URL), for
 * the file: `servers` (replaceable, e.g. to restart one), the environment to start another with,
 * and `clients` (SSE clients the file opens, disposed at its end).
 */
export function useTwoInstancesWithRedis(dbName: string) {
  const root = passableTempDir(`${dbName}-`);
  let database: EmbeddedDatabase;
  let redis: RedisServer;
  const servers: ServerProcess[] = [];
  const clients: Client[] = [];
  const serverEnv = () => ({ MONGODB_URI: database.uri, DB_NAME: dbName, DEMO_DATA: 'never', REDIS_URL: redis.url });

  beforeAll(async () => {
    [database, redis] = await Promise.all([startEmbeddedDatabase({ dataDir: path.join(root, 'db') }), startRedisServer()]);
    await connectDatabase(database.uri, { dbName });
    await loadReferenceData();
    await loadDemoData();
    await disconnectDatabase();
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess(serverEnv())))));
  }, 240_000);

  afterAll(async () => {
    for (const client of clients) client.dispose();
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([database?.stop(), redis?.stop()]);
    rmSync(root, { recursive: true, force: true });
  });

  return { servers, clients, serverEnv };
}
