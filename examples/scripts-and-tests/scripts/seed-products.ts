import { Pool } from 'pg';

// Correct: the script ends its pool once the inserts are done.
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

try {
  for (const sku of ['tea-001', 'tea-002']) {
    await pool.query('insert into products (sku) values ($1) on conflict do nothing', [sku]);
  }
} finally {
  await pool.end();
}
console.log('products seeded');
