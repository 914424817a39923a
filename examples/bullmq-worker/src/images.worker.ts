import { Worker } from 'bullmq';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { connection } from './connection';

const brotli = promisify(zlib.brotliCompress);

// Incorrect (no-blocking-in-async): readFileSync and brotliCompressSync block the worker's event
// loop, so its other concurrent jobs and its lock renewals stall (and jobs get marked stalled).
export const archive = new Worker(
  'archive',
  async (job) => {
    const original = readFileSync(job.data.path);
    return zlib.brotliCompressSync(original).length;
  },
  { connection, concurrency: 8 },
);

// Correct: the async APIs keep the loop free for the other jobs.
export const compress = new Worker(
  'compress',
  async (job) => {
    const original = await readFile(job.data.path);
    return (await brotli(original)).length;
  },
  { connection, concurrency: 8 },
);
