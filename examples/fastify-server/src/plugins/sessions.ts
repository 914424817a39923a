import fp from 'fastify-plugin';
import Redis from 'ioredis';

// Correct: one Redis connection for sessions, opened when the plugin registers and quit on close;
// the onRequest hook runs per request and only uses it.
export default fp(async (fastify) => {
  const sessions = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  fastify.addHook('onClose', async () => {
    await sessions.quit();
  });

  fastify.addHook('onRequest', async (request, reply) => {
    const session = await sessions.get(`session:${request.headers['x-session-id']}`);
    if (!session) return reply.code(401).send();
  });

  // Incorrect (no-per-request-client): the preHandler hook runs for every request, and opens a new
  // Redis connection each time just to count hits.
  fastify.addHook('preHandler', async (request, reply) => {
    const limiter = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
    const hits = await limiter.incr(`hits:${request.ip}`);
    if (hits > 100) return reply.code(429).send();
  });
});
