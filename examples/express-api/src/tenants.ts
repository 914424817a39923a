import { Pool } from 'pg';

// Correct: one pool per tenant, kept in a module-level cache.
const tenantPools = new Map<string, Pool>();

export function poolFor(tenantId: string, databaseUrl: string): Pool {
  let tenantPool = tenantPools.get(tenantId);
  if (!tenantPool) {
    tenantPool = new Pool({ connectionString: databaseUrl });
    tenantPools.set(tenantId, tenantPool);
  }
  return tenantPool;
}

// Incorrect (no-per-request-client): a pool per request for the tenant's database.
export async function tenantStats(req: { tenant: { databaseUrl: string } }, res: { json(body: unknown): void }) {
  const tenantPool = new Pool({ connectionString: req.tenant.databaseUrl });
  res.json((await tenantPool.query('select count(*) from orders')).rows[0]);
}
