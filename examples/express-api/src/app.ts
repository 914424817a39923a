import express from 'express';
import { users } from './routes/users';
import { reports } from './routes/reports';

export const app = express();
app.use(express.json());
app.use(users);
app.use(reports);

if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 3000));
