import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});
const run = promisify(execFile);

// Correct: the async child_process and fs APIs.
export const handler = async (event) => {
  const { bucket, key } = event.detail;
  const original = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: key }));
  await writeFile('/tmp/original', await original.Body.transformToByteArray());
  await run('composite', ['-gravity', 'southeast', '/opt/watermark.png', '/tmp/original', '/tmp/marked.png']);
  await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: `marked/${key}`, Body: await readFile('/tmp/marked.png') }));
};
