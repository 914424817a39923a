const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const crypto = require('node:crypto');

// Incorrect (no-per-request-client, no-blocking-in-async): a Secrets Manager client per invocation,
// and a key derived with pbkdf2Sync, which blocks the event loop for the whole derivation.
exports.handler = async (event) => {
  const secrets = new SecretsManagerClient({ region: process.env.AWS_REGION });
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: 'payments/signing' }));
  const key = crypto.pbkdf2Sync(SecretString, event.merchantId, 100_000, 32, 'sha256');
  return { signature: crypto.createHmac('sha256', key).update(event.body).digest('hex') };
};
