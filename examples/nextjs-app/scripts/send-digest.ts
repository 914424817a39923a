import { PrismaClient } from '@prisma/client';

// Incorrect (require-client-close): main() never disconnects, so the script keeps running after
// the digest is sent.
async function main() {
  const prisma = new PrismaClient();
  const subscribers = await prisma.user.findMany({ where: { digest: true } });
  console.log(`sending the weekly digest to ${subscribers.length} subscribers`);
}

void main();
