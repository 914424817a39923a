import { RuleTester } from '@typescript-eslint/rule-tester';
import noBlockingInAsync from '../../src/rules/no-blocking-in-async.js';
import noPerRequestClient from '../../src/rules/no-per-request-client.js';

const ruleTester = new RuleTester();
const crlf = (lines: string[]) => lines.join('\r\n');

// Fix builders write `\n`; a CRLF file gets its fixes in CRLF, so that no line ending is mixed.
ruleTester.run('no-per-request-client', noPerRequestClient, {
  valid: [],
  invalid: [
    {
      code: crlf(["import { Pool } from 'pg';", '', "app.get('/x', async (req, res) => {", '  const pool = new Pool();', "  res.json(await pool.query('select 1'));", '});', '']),
      output: crlf(["import { Pool } from 'pg';", '', 'const pool = new Pool();', '', "app.get('/x', async (req, res) => {", "  res.json(await pool.query('select 1'));", '});', '']),
      errors: [{ messageId: 'perRequestClient', line: 4, column: 16, endLine: 4, endColumn: 26 }],
      name: 'a hoist in a CRLF file is written with CRLF',
    },
  ],
});

ruleTester.run('no-blocking-in-async', noBlockingInAsync, {
  valid: [],
  invalid: [
    {
      code: crlf(["import { readFileSync } from 'node:fs';", '', 'export async function load() {', "  return readFileSync('a.txt', 'utf8');", '}', '']),
      output: crlf([
        "import { readFile } from 'node:fs/promises';",
        '',
        'export async function load() {',
        "  return await readFile('a.txt', 'utf8');",
        '}',
        '',
      ]),
      options: [{ checkAsyncFunctions: true }],
      errors: [{ messageId: 'blocking', line: 4, column: 10, endLine: 4, endColumn: 39 }],
      name: 'an added import in a CRLF file ends with CRLF',
    },
  ],
});
