import { beforeAll, describe, expect, it } from 'vitest';
import Redis from 'ioredis';

// Incorrect (require-client-close): the connection opened in beforeAll is never quit (there is no
// afterAll), so the test runner waits on it after the last test.
describe('order counters', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
    await redis.set('orders:count', '0');
  });

  it('counts orders', async () => {
    expect(await redis.incr('orders:count')).toBe(1);
  });
});
