import noBlockingInAsync from './no-blocking-in-async.js';
import noPerRequestClient from './no-per-request-client.js';
import requireClientClose from './require-client-close.js';

export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-per-request-client': noPerRequestClient,
  'require-client-close': requireClientClose,
};
