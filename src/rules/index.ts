import noPerRequestClient from './no-per-request-client.js';

export const rules = {
  'no-per-request-client': noPerRequestClient,
};
