import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

// Incorrect (no-per-request-client): routes/users.ts, another file, calls this on every request,
// so every upload builds a new S3 client with its own connections.
export async function storeAvatar(userId: string, image: Buffer) {
  const s3 = new S3Client({ region: process.env.AWS_REGION });
  await s3.send(new PutObjectCommand({ Bucket: 'avatars', Key: userId, Body: image }));
}
