import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCatalog } from '../../src/catalog/clients.js';
import { clearProjectCache, projectSharedClient } from '../../src/project/index.js';

const root = join(import.meta.dirname, '../fixtures/projects/getters');
const asker = join(root, 'src/routes/handler.ts');

afterEach(() => clearProjectCache());

/** The shared client the project offers for `module`'s `exportName`, as a file in src/routes would import it. */
function shared(module: string, exportName: string, name: string) {
  const entry = clientCatalog.find((candidate) => candidate.module === module && candidate.export === exportName);
  if (!entry) throw new Error(`no catalog entry ${module} ${exportName}`);
  const found = projectSharedClient(asker, entry, name, [], [], { root });
  return found && { exportName: found.exportName, access: found.access, line: found.line, specifier: found.specifier };
}

describe('the project’s shared clients', () => {
  it('finds a memoised getter (`if (!x) x = new ...; return x`) and a memoised arrow (`x ??= new ...`)', () => {
    expect(shared('stripe', 'default', 'Stripe client')).toEqual({ exportName: 'getStripe', access: 'getter', line: 10, specifier: '../lib/clients' });
    expect(shared('pg', 'Pool', 'pg Pool')).toEqual({ exportName: 'getPool', access: 'getter', line: 16, specifier: '../lib/clients' });
  });

  it('offers no factory that builds a new client per call, no keyed cache, and no guarded variable the function does not return', () => {
    expect(shared('openai', 'default', 'OpenAI client')).toBeNull();
    // warmUp() fills a Stripe client once but returns `true`: only getStripe() is offered.
    expect(shared('stripe', 'default', 'Stripe client')?.exportName).toBe('getStripe');
    expect(shared('@aws-sdk/client-*', '*Client', 'S3Client')).toBeNull();
  });
});
