import { Redis } from 'ioredis';

/**
 * A connection to the Redis at `url` (REDIS_URL), ready before it is returned so that a wrong
 * address stops start-up with its reason. It reconnects by itself after a drop; commands wait
 * meanwhile instead of failing at once.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, connectionName: 'expert-network' });
  await client.connect();
  return client;
}
