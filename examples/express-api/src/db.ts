import { Pool } from 'pg';
import Redis from 'ioredis';

// Correct: one pool and one Redis connection for the whole process.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
