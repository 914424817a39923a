import { PrismaClient } from '@prisma/client';
import { prisma } from '@/lib/prisma';

// Correct: the shared client from lib/prisma.ts.
export async function GET() {
  return Response.json(await prisma.user.findMany({ take: 50 }));
}

// Incorrect (no-per-request-client): a new PrismaClient, with its own query engine and connection
// pool, for every POST; under load the database runs out of connection slots.
export async function POST(request: Request) {
  const db = new PrismaClient();
  const user = await db.user.create({ data: await request.json() });
  return Response.json(user, { status: 201 });
}
