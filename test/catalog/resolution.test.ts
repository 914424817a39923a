import { describe, expect, it } from 'vitest';
import { clientCreationsFor } from '../../src/analysis/clients.js';
import { catalogResolver, catalogTagResolver } from '../../src/analysis/imports.js';
import { blockingCallCatalog } from '../../src/catalog/blocking-calls.js';
import { clientCatalog } from '../../src/catalog/clients.js';
import { analyze } from '../helpers/analyze.js';

/** Each client creation in `code`: its name in messages, kind and close method, with the creation's text. */
function clients(code: string, sourceType: 'module' | 'commonjs' = 'module'): string[] {
  return analyze(
    code,
    (context) =>
      [...clientCreationsFor(clientCatalog)(context.sourceCode).values()]
        .sort((a, b) => a.node.range[0] - b.node.range[0])
        .map((c) => `${c.name} (${c.entry.kind}${c.entry.close ? `, ${c.entry.close}` : ''}): ${context.sourceCode.getText(c.node)}`),
    { sourceType },
  );
}

/** Each blocking call or tagged template in `code`, by catalog label. */
function blocking(code: string): string[] {
  return analyze(code, (context) => {
    const calls = [...catalogResolver(blockingCallCatalog)(context.sourceCode).values()];
    const tags = [...catalogTagResolver(blockingCallCatalog)(context.sourceCode).values()];
    return [...calls, ...tags]
      .sort((a, b) => a.node.range[0] - b.node.range[0])
      .map((c) => `${c.entry.label} [${c.node.type}]: ${context.sourceCode.getText(c.node)}`);
  });
}

describe('AWS SDK v2', () => {
  it('matches every service of the SDK object, named by the service, and none of its other classes', () => {
    expect(
      clients(`import AWS from 'aws-sdk';
new AWS.S3();
new AWS.Rekognition({ region: 'eu-west-1' });
new AWS.DynamoDB.DocumentClient();
new AWS.Credentials('a', 'b');
new AWS.SharedIniFileCredentials({ profile: 'p' });
new AWS.Endpoint('https://x');
AWS.config.update({ region: 'eu-west-1' });
`),
    ).toEqual([
      'S3 (wrapper): new AWS.S3()',
      "Rekognition (wrapper): new AWS.Rekognition({ region: 'eu-west-1' })",
      'aws-sdk DynamoDB.DocumentClient (wrapper): new AWS.DynamoDB.DocumentClient()',
    ]);
  });

  it('matches require, namespace and named imports, and aws-sdk/clients/* modules', () => {
    expect(
      clients(
        `const AWS = require('aws-sdk');
const { SQS } = require('aws-sdk');
const S3 = require('aws-sdk/clients/s3');
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
new AWS.SNS();
new SQS();
new S3();
new DocumentClient();
`,
        'commonjs',
      ),
    ).toEqual([
      'SNS (wrapper): new AWS.SNS()',
      'SQS (wrapper): new SQS()',
      'aws-sdk v2 service client (wrapper): new S3()',
      'aws-sdk DynamoDB.DocumentClient (wrapper): new DocumentClient()',
    ]);
  });
});

describe('static factories and module-level connections', () => {
  it('resolves X.fromEnv and X.fromConnectionString like the constructor', () => {
    expect(
      clients(`import { Redis } from '@upstash/redis';
import { BlobServiceClient } from '@azure/storage-blob';
Redis.fromEnv();
new Redis({ url: 'u', token: 't' });
BlobServiceClient.fromConnectionString(process.env.CS);
`),
    ).toEqual([
      'Upstash Redis client (wrapper): Redis.fromEnv()',
      "Upstash Redis client (wrapper): new Redis({ url: 'u', token: 't' })",
      'BlobServiceClient (wrapper): BlobServiceClient.fromConnectionString(process.env.CS)',
    ]);
  });

  it('resolves mongoose.connect, firebase-admin initializeApp and serverless-mysql', () => {
    expect(
      clients(
        `const mongoose = require('mongoose');
const admin = require('firebase-admin');
const mysql = require('serverless-mysql')({ config: {} });
mongoose.connect(process.env.MONGO_URL);
admin.initializeApp();
`,
        'commonjs',
      ),
    ).toEqual([
      "serverless-mysql instance (pool, quit): require('serverless-mysql')({ config: {} })",
      'mongoose default connection (pool, disconnect): mongoose.connect(process.env.MONGO_URL)',
      'Firebase Admin app (pool, delete): admin.initializeApp()',
    ]);
  });

  it('matches every generated @google-cloud client', () => {
    expect(
      clients(`import { CloudTasksClient } from '@google-cloud/tasks';
import { SecretManagerServiceClient } from '@google-cloud/secret-manager';
import { Storage } from '@google-cloud/storage';
new CloudTasksClient();
new SecretManagerServiceClient();
new Storage();
`),
    ).toEqual([
      'CloudTasksClient (pool, close): new CloudTasksClient()',
      'SecretManagerServiceClient (pool, close): new SecretManagerServiceClient()',
      'Google Cloud Storage client (wrapper): new Storage()',
    ]);
  });
});

describe('dynamic imports', () => {
  it('resolves an awaited import() like a static import: destructured, as a namespace, inline', () => {
    expect(
      clients(`export async function load() {
  const { PrismaClient } = await import('@prisma/client');
  const prisma = new PrismaClient();
  const pg = await import('pg');
  const pool = new pg.Pool();
  const { default: Redis } = await import('ioredis');
  const redis = new Redis();
  const ch = new (await import('@prisma/client')).PrismaClient();
  return [prisma, pool, redis, ch];
}
`),
    ).toEqual([
      'PrismaClient (pool, $disconnect): new PrismaClient()',
      'pg Pool (pool, end): new pg.Pool()',
      'ioredis client (pool, quit): new Redis()',
      "PrismaClient (pool, $disconnect): new (await import('@prisma/client')).PrismaClient()",
    ]);
  });

  it('leaves import() of other modules, non-constant specifiers and unawaited imports alone', () => {
    expect(
      clients(`export async function load(name) {
  const { PrismaClient } = await import('./prisma-client');
  new PrismaClient();
  const mod = await import(name);
  new mod.PrismaClient();
  import('@prisma/client').then((m) => m);
}
`),
    ).toEqual([]);
  });
});

describe('execa template tags', () => {
  it('resolves $.sync, $.s, $sync and execaSync tagged templates to the TaggedTemplateExpression', () => {
    expect(
      blocking(`import { $, $sync, execaSync, execa } from 'execa';
export async function run() {
  $.sync\`ls\`;
  $.s\`ls\`;
  $sync\`ls\`;
  execaSync\`npm run build\`;
  await $\`ls\`;
  await execa\`ls\`;
  execaSync('ls', ['-la']);
}
`),
    ).toEqual([
      'execa.$.sync [TaggedTemplateExpression]: $.sync`ls`',
      'execa.$.s [TaggedTemplateExpression]: $.s`ls`',
      'execa.$sync [TaggedTemplateExpression]: $sync`ls`',
      'execa.execaSync [TaggedTemplateExpression]: execaSync`npm run build`',
      "execa.execaSync [CallExpression]: execaSync('ls', ['-la'])",
    ]);
  });

  it('resolves tags destructured from require', () => {
    expect(
      blocking(`const { execaSync: run, $ } = require('execa');
export async function build() {
  run\`npm run build\`;
  $.sync\`ls\`;
}
`),
    ).toEqual(['execa.execaSync [TaggedTemplateExpression]: run`npm run build`', 'execa.$.sync [TaggedTemplateExpression]: $.sync`ls`']);
  });

  it('leaves a local tag named $ or execaSync alone', () => {
    expect(
      blocking(`const $ = { sync: (s) => s };
function execaSync(s) { return s; }
export async function run() { $.sync\`ls\`; execaSync\`ls\`; }
`),
    ).toEqual([]);
  });
});
