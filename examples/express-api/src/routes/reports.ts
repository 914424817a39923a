import { Router } from 'express';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import axios from 'axios';
import { serviceUrl } from '../config';

export const reports = Router();

// Correct: one S3 client and one configured HTTP client, created at startup.
const s3 = new S3Client({ region: process.env.AWS_REGION });
const billing = axios.create({ baseURL: 'https://billing.internal', timeout: 2_000 });

reports.post('/reports', async (req, res) => {
  const { data } = await billing.get(`/invoices/${req.body.customerId}`);
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: `${req.body.customerId}.json`, Body: JSON.stringify(data) }));
  res.sendStatus(201);
});

// Incorrect (no-per-request-client): an S3 client per request, and an axios instance per request.
reports.get('/reports/:key', async (req, res) => {
  const client = new S3Client({ region: process.env.AWS_REGION });
  const http = axios.create({ baseURL: 'https://billing.internal' });
  const { data } = await http.get(`/status/${req.params.key}`);
  res.json({ data, region: await client.config.region() });
});

// Correct: a client built from the caller's own credentials is deliberate (quiet by default).
reports.get('/me/invoices', async (req, res) => {
  const asUser = axios.create({ baseURL: 'https://billing.internal', headers: { authorization: req.headers.authorization } });
  res.json((await asUser.get('/invoices')).data);
});

// Incorrect (no-per-request-client): an axios instance per request. Its options call a function, so
// moving it to module scope is offered as a suggestion (the call would then run once, at startup).
reports.get('/reports/:key/history', async (req, res) => {
  const history = axios.create({ baseURL: serviceUrl('history') });
  res.json((await history.get(`/reports/${req.params.key}`)).data);
});
