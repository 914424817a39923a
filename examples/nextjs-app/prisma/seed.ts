import { PrismaClient } from '@prisma/client';

// Correct: the seed disconnects when it is done, so `prisma db seed` exits.
const prisma = new PrismaClient();

async function main() {
  await prisma.user.createMany({ data: [{ email: 'ada@example.com' }, { email: 'alan@example.com' }] });
}

main().finally(() => prisma.$disconnect());
