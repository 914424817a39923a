import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-per-request-client.js';

/**
 * An S3 client built with static keys and used only to presign URLs (`getSignedUrl` of
 * `@aws-sdk/s3-request-presigner`, `createPresignedPost`) signs locally and sends nothing: no
 * connection to reuse. Without keys in the options, the client resolves its credentials itself
 * (instance metadata, SSO: a request per client); and a client that also sends a command opens
 * connections: both stay reported.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-per-request-client: presign-only clients', rule, {
  valid: [
    {
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
app.get('/download/:key', async (req, res) => {
  const config = await storageConfigFor(req.user.teamId);
  const client = new S3Client({
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: config.bucket, Key: req.params.key }), { expiresIn: 600 }));
});`,
      name: 'a client with static keys passed only to getSignedUrl',
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost as presignPost } from '@aws-sdk/s3-presigned-post';
app.post('/uploads', async (req, res) => {
  const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
  const post = await presignPost(s3, { Bucket: 'uploads', Key: req.body.name });
  res.json(post);
});`,
      name: 'a client with static keys passed only to createPresignedPost, imported under another name',
    },
  ],
  invalid: [
    {
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
app.get('/download/:key', async (req, res) => {
  const client = new S3Client({ region: 'eu-west-1' });
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'files', Key: req.params.key })));
});`,
      output: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const client = new S3Client({ region: 'eu-west-1' });

app.get('/download/:key', async (req, res) => {
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'files', Key: req.params.key })));
});`,
      errors: [{ messageId: 'perRequestClient', line: 4, column: 18, endLine: 4, endColumn: 55 }],
      name: 'a presign-only client without keys resolves its credentials per client',
    },
    {
      code: `import { S3Client, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
app.get('/download/:key', async (req, res) => {
  const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
  await client.send(new HeadObjectCommand({ Bucket: 'files', Key: req.params.key }));
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'files', Key: req.params.key })));
});`,
      output: `import { S3Client, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });

app.get('/download/:key', async (req, res) => {
  await client.send(new HeadObjectCommand({ Bucket: 'files', Key: req.params.key }));
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'files', Key: req.params.key })));
});`,
      errors: [{ messageId: 'perRequestClient', line: 4, column: 18, endLine: 4, endColumn: 142 }],
      name: 'a client that sends a command besides presigning',
    },
    {
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from './presign';
app.get('/download/:key', async (req, res) => {
  const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'files', Key: req.params.key })));
});`,
      output: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from './presign';

const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });

app.get('/download/:key', async (req, res) => {
  res.redirect(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'files', Key: req.params.key })));
});`,
      errors: [{ messageId: 'perRequestClient', line: 4, column: 18, endLine: 4, endColumn: 142 }],
      name: 'a getSignedUrl of the project, which may send anything',
    },
  ],
});
