import { describe, expect, it } from 'vitest';
import { catalogResolver } from '../../src/analysis/imports.js';
import type { ModuleExportRef } from '../../src/catalog/types.js';
import { analyze } from '../helpers/analyze.js';

const catalog: readonly (ModuleExportRef & { id: string })[] = [
  { id: 'pg.Pool', module: 'pg', export: 'Pool' },
  { id: 'ioredis', module: 'ioredis', export: 'default' },
  { id: 'axios.create', module: 'axios', export: 'default.create' },
  { id: 'stripe', module: 'stripe', export: 'default' },
  { id: 'aws', module: '@aws-sdk/client-*', export: '*Client' },
  { id: 'fs.readFileSync', module: 'fs', export: 'readFileSync' },
  { id: 'atomics.wait', module: 'globalThis', export: 'Atomics.wait' },
];

/** The catalog ids matched in `code`, each with the matched call's source text. */
function matches(code: string, filename = 'src/file.ts'): string[] {
  return analyze(
    code,
    (context) => {
      const found = catalogResolver(catalog)(context.sourceCode);
      return [...found.values()]
        .sort((a, b) => a.node.range[0] - b.node.range[0])
        .map((call) => `${call.entry.id}: ${context.sourceCode.getText(call.node)}`);
    },
    { filename },
  );
}

describe('catalogResolver', () => {
  it('follows ESM named, renamed, default and namespace imports', () => {
    expect(
      matches(`
        import { Pool, Pool as P } from 'pg';
        import Redis from 'ioredis';
        import * as pg from 'pg';
        import axios from 'axios';
        new Pool(); new P(); new Redis(); new pg.Pool(); new pg.default.Pool(); axios.create();
      `),
    ).toEqual([
      'pg.Pool: new Pool()',
      'pg.Pool: new P()',
      'ioredis: new Redis()',
      'pg.Pool: new pg.Pool()',
      'pg.Pool: new pg.default.Pool()',
      'axios.create: axios.create()',
    ]);
  });

  it('follows an awaited dynamic import, blanks before its parenthesis included, and not the words in strings or comments', () => {
    expect(
      matches(`
        // import('ioredis') in a comment
        const text = "import('ioredis')";
        export async function handler() {
          const { Pool } = await import('pg');
          const Redis = (await import
            ('ioredis')).default;
          new Pool(); new Redis();
        }
      `),
    ).toEqual(['pg.Pool: new Pool()', 'ioredis: new Redis()']);
  });

  it('follows require with destructuring, renames, aliases and the call form', () => {
    expect(
      matches(`
        const { Pool: PgPool } = require('pg');
        const Redis = require('ioredis');
        const axios = require('axios').default;
        const Alias = PgPool;
        new PgPool(); new Alias(); new Redis(); axios.create();
        const stripe = require('stripe')('sk_test');
        new (require('pg').Pool)();
      `),
    ).toEqual([
      'pg.Pool: new PgPool()',
      'pg.Pool: new Alias()',
      'ioredis: new Redis()',
      'axios.create: axios.create()',
      "stripe: require('stripe')('sk_test')",
      "pg.Pool: new (require('pg').Pool)()",
    ]);
  });

  it('follows TypeScript import-equals and node: prefixes', () => {
    expect(
      matches(`
        import pg = require('pg');
        import fs from 'node:fs';
        import { readFileSync as read } from 'fs';
        new pg.Pool(); fs.readFileSync('a'); read('b');
      `),
    ).toEqual(["pg.Pool: new pg.Pool()", "fs.readFileSync: fs.readFileSync('a')", "fs.readFileSync: read('b')"]);
  });

  it('expands wildcard modules and exports against the names the file uses', () => {
    expect(
      matches(`
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
        import * as sqs from '@aws-sdk/client-sqs';
        new S3Client({}); new GetObjectCommand({}); new sqs.SQSClient({});
      `),
    ).toEqual(['aws: new S3Client({})', 'aws: new sqs.SQSClient({})']);
  });

  it('resolves globals only while the file does not shadow them', () => {
    expect(matches(`Atomics.wait(view, 0, 0); function f(Atomics) { Atomics.wait(view, 0, 0); }`)).toEqual([
      'atomics.wait: Atomics.wait(view, 0, 0)',
    ]);
  });

  it('ignores look-alikes that do not come from the catalogued module', () => {
    expect(
      matches(`
        import { Pool } from './pool';
        import { Client } from 'my-db';
        class Redis {}
        const { readFileSync } = require('./fs');
        function create() {}
        new Pool(); new Client(); new Redis(); readFileSync('x'); create();
        const axios = { create() {} }; axios.create();
      `),
    ).toEqual([]);
  });

  it('does not match a require that a local binding shadows', () => {
    expect(matches(`function load(require) { const { Pool } = require('pg'); return new Pool(); }`)).toEqual([]);
  });

  describe('skips files that cannot reach the catalog, and only those', () => {
    const cases: [string, string, string[]][] = [
      ['a file that names no catalogued export', `import fs from 'fs'; fs.readFile('a', cb); const pool = makePool();`, []],
      ['an alias, named where it is taken', `import fs from 'fs'; const read = fs.readFileSync; read('a');`, ["fs.readFileSync: read('a')"]],
      ['a computed member with a static name', `import * as fs from 'fs'; fs['readFileSync']('a');`, ["fs.readFileSync: fs['readFileSync']('a')"]],
      ['a default export, through the module name', `const Redis = require('ioredis'); new Redis();`, ['ioredis: new Redis()']],
      ['a member of a default export', `import axios from 'axios'; axios.create();`, ['axios.create: axios.create()']],
      ['a wildcard module and export', `import * as s3 from '@aws-sdk/client-s3'; new s3.S3Client({});`, ['aws: new s3.S3Client({})']],
      ['a global', `Atomics.wait(view, 0, 0);`, ['atomics.wait: Atomics.wait(view, 0, 0)']],
      ['a longer identifier that only ends like an export', `import * as fs from 'fs'; fs.xreadFileSync('a'); fs.readFileSyncs('b');`, []],
    ];
    it.each(cases)('%s', (_name, code, expected) => {
      expect(matches(code)).toEqual(expected);
    });

    it('handles export names without word characters at their ends', () => {
      const dollar: readonly (ModuleExportRef & { id: string })[] = [{ id: 'execa.$', module: 'execa', export: '$' }];
      const found = analyze(`import { $ } from 'execa'; $('ls');`, (context) =>
        [...catalogResolver(dollar)(context.sourceCode).values()].map((call) => call.entry.id),
      );
      expect(found).toEqual(['execa.$']);
    });
  });
});
