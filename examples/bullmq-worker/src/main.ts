import { Queue } from 'bullmq';
import { connection } from './connection';
import { archive, compress } from './images.worker';
import { orders, payments } from './orders.worker';

// Incorrect (require-client-close): the queue opened to clean up old jobs at startup is never
// closed, so its Redis connection stays open and the process cannot exit after SIGTERM.
async function cleanOldJobs() {
  const maintenance = new Queue('orders', { connection: { host: process.env.REDIS_HOST, port: 6379 } });
  await maintenance.clean(7 * 24 * 3600 * 1000, 1000, 'completed');
}

// Correct: the same cleanup, closing what it opened.
async function cleanFailedJobs() {
  const maintenance = new Queue('orders', { connection: { host: process.env.REDIS_HOST, port: 6379 } });
  try {
    await maintenance.clean(30 * 24 * 3600 * 1000, 1000, 'failed');
  } finally {
    await maintenance.close();
  }
}

// Correct: the workers finish their current jobs, then the shared connection is quit.
async function main() {
  await cleanOldJobs();
  await cleanFailedJobs();
  process.on('SIGTERM', async () => {
    await Promise.all([archive.close(), compress.close(), orders.close(), payments.close()]);
    await connection.quit();
  });
}

void main();
