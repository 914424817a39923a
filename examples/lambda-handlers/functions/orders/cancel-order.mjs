import pg from 'pg';

// Incorrect (no-per-request-client): a new database connection (TCP, TLS and authentication) on
// every invocation. A single connection cannot simply be shared, so there is no automatic fix: use
// one pg.Pool created at module scope (or RDS Proxy).
export const handler = async (event) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('update orders set status = $1 where id = $2', ['cancelled', event.pathParameters.id]);
  } finally {
    await client.end();
  }
  return { statusCode: 204 };
};
