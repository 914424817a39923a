import { Router } from 'express';
import bcrypt from 'bcrypt';
import { Pool } from 'pg';
import { pool } from '../db';
import { storeAvatar } from '../services/avatars';
import { passwordMatches } from '../services/passwords';

export const users = Router();

// Correct: the shared pool.
users.get('/users', async (req, res) => {
  const { rows } = await pool.query('select id, name from users order by id limit 100');
  res.json(rows);
});

// Incorrect (no-per-request-client): a new pool (and its connections) for every request.
users.get('/users/:id', async (req, res) => {
  const perRequestPool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await perRequestPool.query('select * from users where id = $1', [req.params.id]);
    res.json(rows[0] ?? null);
  } finally {
    await perRequestPool.end();
  }
});

// Incorrect (no-blocking-in-async): hashSync keeps the event loop busy for the whole hash, stalling every request in flight.
users.post('/users', async (req, res) => {
  const passwordHash = bcrypt.hashSync(req.body.password, 12);
  const { rows } = await pool.query('insert into users (email, password_hash) values ($1, $2) returning id', [req.body.email, passwordHash]);
  res.status(201).json(rows[0]);
});

// Correct: the async hash runs on libuv's thread pool.
users.put('/users/:id/password', async (req, res) => {
  const passwordHash = await bcrypt.hash(req.body.password, 12);
  await pool.query('update users set password_hash = $1 where id = $2', [passwordHash, req.params.id]);
  res.sendStatus(204);
});

// Incorrect, in services/avatars.ts: the helper it calls builds an S3 client per request.
users.put('/users/:id/avatar', async (req, res) => {
  await storeAvatar(req.params.id, req.body);
  res.sendStatus(204);
});

// Incorrect, in services/passwords.ts: the helper it calls blocks the event loop.
users.post('/sessions', async (req, res) => {
  const { rows } = await pool.query('select salt, password_hash from users where email = $1', [req.body.email]);
  const ok = rows[0] !== undefined && passwordMatches(req.body.password, rows[0].salt, rows[0].password_hash);
  res.sendStatus(ok ? 201 : 401);
});
