const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const crypto = require('node:crypto');
const { promisify } = require('node:util');

const pbkdf2 = promisify(crypto.pbkdf2);

// Correct: one client for the container, and the asynchronous key derivation.
const secrets = new SecretsManagerClient({ region: process.env.AWS_REGION });

exports.handler = async (event) => {
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: 'payments/signing' }));
  const key = await pbkdf2(SecretString, event.merchantId, 100_000, 32, 'sha256');
  return { signature: crypto.createHmac('sha256', key).update(event.body).digest('hex') };
};
