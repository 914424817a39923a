import { Pool } from 'pg';

// Incorrect (require-client-close): a module-scope pool in a script that is never ended; the
// seed finishes its inserts and then waits forever on idle connections.
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

for (const email of ['ada@example.com', 'alan@example.com']) {
  await pool.query('insert into users (email) values ($1) on conflict do nothing', [email]);
}
console.log('users seeded');
