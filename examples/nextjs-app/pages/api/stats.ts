import type { NextApiRequest, NextApiResponse } from 'next';
import { redis } from '@/lib/redis';

// Correct: the shared connection from lib/redis.ts.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ visits: Number(await redis.incr('visits')) });
}
