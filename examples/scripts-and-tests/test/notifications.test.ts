import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Redis from 'ioredis';
import { ses } from '../src/notifications';

// Correct: what beforeAll opens, afterAll closes.
describe('notification throttling', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  });
  afterAll(async () => {
    await redis.quit();
    ses.destroy();
  });

  it('remembers who was notified', async () => {
    await redis.sadd('notified', 'ada@example.com');
    expect(await redis.sismember('notified', 'ada@example.com')).toBe(1);
  });
});
