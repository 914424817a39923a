import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-per-request-client.js';

const ruleTester = new RuleTester();

// Found on medusa under the corpus's stress settings: a hoist landed between a function's overload
// signatures and its implementation (TS2391).
ruleTester.run('no-per-request-client (overload signatures)', rule, {
  valid: [],
  invalid: [
    {
      filename: 'src/handler.ts',
      code: `import { Pool } from 'pg';

export async function handler(event: { id: string }): Promise<number>;
export async function handler(event: any) {
  const pool = new Pool();
  const result = await pool.query('select 1', [event.id]);
  await pool.end();
  return result.rowCount;
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export async function handler(event: { id: string }): Promise<number>;
export async function handler(event: any) {
  const result = await pool.query('select 1', [event.id]);
  return result.rowCount;
}
`,
      errors: [{ messageId: 'perRequestClient', line: 5, column: 16, endLine: 5, endColumn: 26 }],
      name: 'the hoisted client goes above the overload signatures, not between them and the implementation',
    },
  ],
});
