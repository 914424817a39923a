import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearProjectCache, crossFileContext } from '../../src/project/index.js';

afterEach(() => clearProjectCache());

describe('cache revalidation', () => {
  it('sees an edit to an importer without clearing the cache (mtime and size)', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'shared-client-project-')));
    cpSync(join(import.meta.dirname, '../fixtures/projects/express'), root, { recursive: true, filter: (source) => !source.includes('node_modules') });
    const db = join(root, 'lib/db.ts');
    expect(crossFileContext(db, 'makeDb').kind).toBe('request');
    const routes = join(root, 'routes/users.ts');
    // The route no longer registers the controller: it calls it once at module scope.
    writeFileSync(routes, readFileSync(routes, 'utf8').replace("router.post('/', createUser);", 'await createUser({ seed: true });'));
    expect(crossFileContext(db, 'makeDb')).toEqual({
      kind: 'startup',
      chain: [
        { file: join(root, 'controllers/users.ts'), line: 5, label: 'createUser()' },
        { file: join(root, 'routes/users.ts'), line: 6, label: 'module scope' },
      ],
    });
  });
});
