import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const avatars = path.join(process.cwd(), 'uploads', 'avatars');

// Incorrect (no-blocking-in-async): readFileSync blocks the server while the image is read, for
// every avatar request.
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id') ?? 'default';
  const image = readFileSync(path.join(avatars, `${path.basename(id)}.png`));
  return new Response(image, { headers: { 'content-type': 'image/png' } });
}

// Correct: the async API.
export async function PUT(request: Request) {
  const id = new URL(request.url).searchParams.get('id') ?? 'default';
  await writeFile(path.join(avatars, `${path.basename(id)}.png`), Buffer.from(await request.arrayBuffer()));
  return new Response(null, { status: 204 });
}
