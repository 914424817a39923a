import { Router } from 'express';
import { Pool } from 'pg';
import { pool } from '../db';

export const users = Router();

// Correct: the shared pool.
users.get('/users', async (req, res) => {
  const { rows } = await pool.query('select id, name from users order by id limit 100');
  res.json(rows);
});

// Incorrect: a new pool (and its connections) for every request.
users.get('/users/:id', async (req, res) => {
  const perRequestPool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await perRequestPool.query('select * from users where id = $1', [req.params.id]);
    res.json(rows[0] ?? null);
  } finally {
    await perRequestPool.end();
  }
});
