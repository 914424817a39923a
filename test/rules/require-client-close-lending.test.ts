import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-client-close.js';

const ruleTester = new RuleTester();

/** A pool lent to a function of the same file: who closes it depends on what that function does with its parameter. */
const script = (helper: string) => `import { Pool } from 'pg';

${helper}

async function main() {
  const pool = new Pool();
  await migrate(pool);
  console.log('done');
}

main();
`;

/** The autofix: the rest of main() in try, the close in finally. */
const closedScript = (helper: string) => `import { Pool } from 'pg';

${helper}

async function main() {
  const pool = new Pool();
  try {
    await migrate(pool);
    console.log('done');
  } finally {
    await pool.end();
  }
}

main();
`;

ruleTester.run('require-client-close (lent to a function)', rule, {
  valid: [
    { filename: 'scripts/migrate.ts', code: script(`function migrate(db) {\n  return db;\n}`), name: 'the function returns it: handed on' },
    { filename: 'scripts/migrate.ts', code: script(`async function migrate(db) {\n  await db.query('select 1');\n  await db.end();\n}`), name: 'the function closes it' },
    { filename: 'scripts/migrate.ts', code: script(`const registry = [];\nfunction migrate(db) {\n  registry.push(db);\n}`), name: 'the function stores it' },
    { filename: 'scripts/migrate.ts', code: script(`function migrate(db) {\n  setInterval(() => db.query('select 1'), 1000);\n}`), name: 'a callback of the function keeps using it' },
    { filename: 'scripts/migrate.ts', code: script(`function migrate(db) {\n  db.on('error', console.error);\n}`), name: 'the function listens on it' },
    { filename: 'scripts/migrate.ts', code: script(`async function migrate(db) {\n  await seed(db);\n}`), name: 'the function passes it on' },
    { filename: 'scripts/migrate.ts', code: script(`let migrate = async (db) => {\n  await db.query('select 1');\n};`), name: 'a let binding may be another function by then' },
    { filename: 'scripts/migrate.ts', code: script(`async function migrate(...all) {\n  await all[0].query('select 1');\n}`), name: 'a rest parameter' },
  ],
  invalid: [
    {
      filename: 'scripts/migrate.ts',
      code: script(`async function migrate(db) {\n  await db.query('create table if not exists users (id int)');\n}`),
      output: closedScript(`async function migrate(db) {\n  await db.query('create table if not exists users (id int)');\n}`),
      errors: [{ messageId: 'notClosed', line: 8, column: 16, endLine: 8, endColumn: 26, suggestions: [] }],
      name: 'the function only queries: the script still has to close it',
    },
    {
      filename: 'scripts/migrate.ts',
      code: script(`const migrate = async (db, table = 'users') => {\n  const { rows } = await db.query(\`select count(*) from \${table}\`);\n  return rows.length > 0 && db.options.max;\n};`),
      output: closedScript(`const migrate = async (db, table = 'users') => {\n  const { rows } = await db.query(\`select count(*) from \${table}\`);\n  return rows.length > 0 && db.options.max;\n};`),
      errors: [{ messageId: 'notClosed', line: 9, column: 16, endLine: 9, endColumn: 26, suggestions: [] }],
      name: 'an arrow that queries and reads a property',
    },
  ],
});
