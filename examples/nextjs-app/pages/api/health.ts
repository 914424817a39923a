import type { NextApiRequest, NextApiResponse } from 'next';
import Redis from 'ioredis';

// Incorrect (no-per-request-client): every health check opens a new Redis connection (and this one
// is never even closed).
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  res.status(200).json({ redis: await redis.ping() });
}
