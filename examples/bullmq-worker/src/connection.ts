import IORedis from 'ioredis';

// Correct: one connection for the process; BullMQ duplicates it where it needs blocking commands.
export const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });
