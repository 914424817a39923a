import { Pool } from '@neondatabase/serverless';

export const runtime = 'edge';

// Correct: on the edge runtime I/O objects cannot outlive a request, so the pool is created and
// ended inside the handler.
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query('select count(*) as users from users');
    return Response.json(rows[0]);
  } finally {
    await pool.end();
  }
}
