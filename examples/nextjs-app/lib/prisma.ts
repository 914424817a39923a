import { PrismaClient } from '@prisma/client';

// Correct: the usual Next.js singleton. Module scope runs once per server process, and the
// globalThis slot keeps one client across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = globalForPrisma.prisma ?? new PrismaClient();

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
