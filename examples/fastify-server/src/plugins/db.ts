import fp from 'fastify-plugin';
import { Pool } from 'pg';

declare module 'fastify' {
  interface FastifyInstance {
    pg: Pool;
  }
}

// Correct: a plugin body runs once, at startup. The pool is shared through a decorator and ended
// by the onClose hook.
export default fp(async (fastify) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  fastify.decorate('pg', pool);
  fastify.addHook('onClose', async () => {
    await pool.end();
  });
});
