import fp from 'fastify-plugin';
import Redis from 'ioredis';

// Incorrect (require-client-close): the connection used to read the flags at startup is never quit,
// so app.close() leaves it open and the process does not exit on its own.
export const featureFlags = fp(async (fastify) => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  fastify.decorate('flags', await redis.hgetall('feature-flags'));
});

// Correct: the one-shot connection is quit as soon as the limits are read.
export const rateLimits = fp(async (fastify) => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  try {
    fastify.decorate('limits', await redis.hgetall('rate-limits'));
  } finally {
    await redis.quit();
  }
});
