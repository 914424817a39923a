import type { FastifyInstance, FastifyPluginOptions, FastifyRequest } from 'fastify';
import { MongoClient } from 'mongodb';

// Correct: a routes plugin body runs once; its client serves every request and closes with the server.
export default async function items(fastify: FastifyInstance, options: FastifyPluginOptions) {
  const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
  fastify.addHook('onClose', async () => {
    await mongo.close();
  });

  fastify.get('/', async () => mongo.db(options.database).collection('items').find().limit(50).toArray());

  // Incorrect (no-per-request-client): a MongoClient, with a connection pool of its own, for every request.
  fastify.get('/:sku', async (request: FastifyRequest<{ Params: { sku: string } }>) => {
    const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
    try {
      return await client.db(options.database).collection('items').findOne({ sku: request.params.sku });
    } finally {
      await client.close();
    }
  });
}
