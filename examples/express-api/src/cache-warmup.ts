import Redis from 'ioredis';
import { pool } from './db';

// Incorrect (require-client-close): the connection opened to copy the prices is never quit, so it
// stays open for the life of the process (and keeps a script or a test that calls this from exiting).
export async function warmPriceCache() {
  const cache = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const { rows } = await pool.query('select sku, price from prices');
  await cache.mset(rows.flatMap((row) => [`price:${row.sku}`, String(row.price)]));
}

// Correct: the helper closes the connection it opened, whatever happens.
export async function warmStockCache() {
  const cache = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  try {
    const { rows } = await pool.query('select sku, quantity from stock');
    await cache.mset(rows.flatMap((row) => [`stock:${row.sku}`, String(row.quantity)]));
  } finally {
    await cache.quit();
  }
}
