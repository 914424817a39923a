import { Queue, Worker } from 'bullmq';
import { connection } from './connection';

// Correct: the processor reuses the module's queue, and with it the shared connection.
const receipts = new Queue('receipts', { connection });

export const payments = new Worker(
  'payments',
  async (job) => {
    await receipts.add('send', { orderId: job.data.orderId });
  },
  { connection },
);

// Incorrect (no-per-request-client): every job creates a Queue with its own Redis connection, and
// never closes it.
export const orders = new Worker(
  'orders',
  async (job) => {
    const invoices = new Queue('invoices', { connection: { host: process.env.REDIS_HOST, port: 6379 } });
    await invoices.add('create', { orderId: job.data.orderId });
  },
  { connection },
);
