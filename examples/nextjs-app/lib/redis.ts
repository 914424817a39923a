import Redis from 'ioredis';

// Correct: one connection per server process.
export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
