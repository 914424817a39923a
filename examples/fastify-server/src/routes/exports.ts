import type { FastifyInstance, FastifyPluginOptions, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

// Correct: read once while the module loads, before the server accepts requests.
const csvHeader = readFileSync(new URL('../../assets/header.csv', import.meta.url), 'utf8');

export default async function exportsRoutes(fastify: FastifyInstance, options: FastifyPluginOptions) {
  fastify.get('/header', async () => csvHeader);

  // Incorrect (no-blocking-in-async): readFileSync and gzipSync hold the event loop for the whole
  // file, so every other request waits.
  fastify.get('/reports/:name', async (request: FastifyRequest<{ Params: { name: string } }>, reply) => {
    const report = readFileSync(`${options.directory}/${request.params.name}.csv`);
    return reply.header('content-encoding', 'gzip').send(zlib.gzipSync(report));
  });

  // Correct: the async file and zlib APIs.
  fastify.get('/archives/:name', async (request: FastifyRequest<{ Params: { name: string } }>, reply) => {
    const archive = await readFile(`${options.directory}/${request.params.name}.csv`);
    return reply.header('content-encoding', 'gzip').send(await gzip(archive));
  });
}
