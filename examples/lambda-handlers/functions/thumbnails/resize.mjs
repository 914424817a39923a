import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

// Incorrect (no-blocking-in-async): an async handler that blocks on execFileSync and readFileSync;
// nothing else in the runtime (timers, the SDK's sockets) moves while ImageMagick runs.
export const handler = async (event) => {
  const { bucket, key } = event.detail;
  const original = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: key }));
  await writeFile('/tmp/original', await original.Body.transformToByteArray());
  execFileSync('convert', ['/tmp/original', '-resize', '256x256', '/tmp/thumbnail.png']);
  await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: `thumbnails/${key}`, Body: readFileSync('/tmp/thumbnail.png') }));
};
