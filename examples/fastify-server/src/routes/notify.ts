import type { FastifyInstance, FastifyPluginOptions, FastifyRequest } from 'fastify';
import { Mailer } from '@acme/mailer';

// The team's own SDK, declared as a client in eslint.config.js settings.
const mailer = new Mailer({ host: process.env.SMTP_HOST });

export default async function notify(fastify: FastifyInstance, _options: FastifyPluginOptions) {
  fastify.addHook('onClose', async () => {
    await mailer.close();
  });

  // Correct: the shared mailer.
  fastify.post('/welcome', async (request: FastifyRequest<{ Body: { email: string } }>) => {
    await mailer.send({ to: request.body.email, template: 'welcome' });
    return { queued: true };
  });

  // Incorrect (no-per-request-client): a new Mailer (an SMTP connection pool) for every request.
  fastify.post('/reset', async (request: FastifyRequest<{ Body: { email: string } }>) => {
    const perRequestMailer = new Mailer({ host: process.env.SMTP_HOST });
    await perRequestMailer.send({ to: request.body.email, template: 'password-reset' });
    return { queued: true };
  });
}
