import express from 'express';
import { pool, redis } from './db';
import { users } from './routes/users';
import { reports } from './routes/reports';

export const app = express();
app.use(express.json());
app.use(users);
app.use(reports);

if (process.env.NODE_ENV !== 'test') {
  const server = app.listen(Number(process.env.PORT ?? 3000));
  // Correct: the shared clients are closed once, when the process is asked to stop.
  process.on('SIGTERM', () => {
    server.close(async () => {
      await Promise.all([pool.end(), redis.quit()]);
    });
  });
}
