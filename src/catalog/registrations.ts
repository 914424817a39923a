import type { ModuleExportRef } from './types.js';

/** How often a function registered with a call runs. */
export type RegistrationRole = 'request' | 'repeat' | 'startup' | 'offload';

/**
 * Imported (or global) functions and classes that take callbacks and call them per request, per
 * tick, once, or on a worker thread. The callbacks are the function arguments, or, when
 * `properties` is given, those properties of an object argument (`Bun.serve({ fetch })`).
 */
export interface RegistrationEntry extends ModuleExportRef {
  role: RegistrationRole;
  label: string;
  properties?: readonly string[];
}

const httpServers = ['http', 'https', 'http2'].flatMap((module): RegistrationEntry[] => [
  { module, export: 'createServer', role: 'request', label: `request handler (${module}.createServer)` },
  { module, export: 'createSecureServer', role: 'request', label: `request handler (${module}.createSecureServer)` },
  { module, export: 'Server', role: 'request', label: `request handler (${module}.Server)` },
]);

/** trigger.dev tasks: `task({ id, run })`, `schemaTask`, `schedules.task`; the run and its lifecycle hooks run per run. */
const TRIGGER_TASK_PROPERTIES = ['run', 'init', 'cleanup', 'middleware', 'onStart', 'onSuccess', 'onFailure', 'onComplete', 'onWait', 'onResume', 'catchError', 'handleError'];
const triggerTasks = ['@trigger.dev/sdk', '@trigger.dev/sdk/v3'].flatMap((module): RegistrationEntry[] =>
  ['task', 'schemaTask', 'schedules.task'].map((name) => ({ module, export: name, role: 'request', label: 'trigger.dev background job', properties: TRIGGER_TASK_PROPERTIES })),
);

export const registrationCatalog: readonly RegistrationEntry[] = [
  ...httpServers,
  { module: 'net', export: 'createServer', role: 'request', label: 'connection handler (net.createServer)' },
  { module: 'tls', export: 'createServer', role: 'request', label: 'connection handler (tls.createServer)' },
  { module: 'globalThis', export: 'Bun.serve', role: 'request', label: 'Bun.serve handler', properties: ['fetch', 'routes', 'websocket'] },
  { module: 'bun', export: 'serve', role: 'request', label: 'Bun.serve handler', properties: ['fetch', 'routes', 'websocket'] },
  { module: 'globalThis', export: 'Deno.serve', role: 'request', label: 'Deno.serve handler', properties: ['handler'] },
  { module: '@hono/node-server', export: 'serve', role: 'request', label: 'server fetch handler', properties: ['fetch'] },
  { module: 'bullmq', export: 'Worker', role: 'request', label: 'BullMQ job processor' },
  ...triggerTasks,
  { module: 'sqs-consumer', export: 'Consumer.create', role: 'request', label: 'SQS message handler', properties: ['handleMessage', 'handleMessageBatch'] },
  { module: '@middy/core', export: 'default', role: 'request', label: 'Lambda handler' },
  { module: 'middy', export: 'default', role: 'request', label: 'Lambda handler' },
  { module: 'globalThis', export: 'setInterval', role: 'repeat', label: 'setInterval callback' },
  { module: 'timers', export: 'setInterval', role: 'repeat', label: 'setInterval callback' },
  { module: 'node-cron', export: 'schedule', role: 'repeat', label: 'cron job' },
  { module: 'cron', export: 'CronJob', role: 'repeat', label: 'cron job' },
  { module: 'cron', export: 'CronJob.from', role: 'repeat', label: 'cron job', properties: ['onTick'] },
  { module: 'node-schedule', export: 'scheduleJob', role: 'repeat', label: 'scheduled job' },
  { module: 'fastify-plugin', export: 'default', role: 'startup', label: 'Fastify plugin' },
  { module: 'workerpool', export: 'worker', role: 'offload', label: 'workerpool task' },
];
