/**
 * What the analysis knows about frameworks: which calls, exports, decorators and signatures make
 * a function run once per request (or job, message, tick), once at startup, or off the main thread.
 * Data only; `src/analysis/function-roles.ts` reads it.
 */

/** Route methods of Express, Router, Koa, Hono, Fastify, Restify: `app.get(path, ...handlers)`. */
export const routeMethods: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'head',
  'options',
  'any',
]);

/** Middleware registration: `app.use(fn)`, `router.use('/x', fn)`. */
export const middlewareMethods: ReadonlySet<string> = new Set(['use']);

/** Object-form routes (`fastify.route({ handler })`, hapi `server.route({ handler })`). */
export const routeObjectMethods: ReadonlySet<string> = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'all']);

/** Fastify hooks that run for every request; the others run at startup or shutdown. */
export const perRequestHooks: ReadonlySet<string> = new Set([
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
  'onRequestAbort',
]);

/** Properties of a route options object that hold per-request functions (handler and per-route hooks). */
export const routeHandlerProperties: ReadonlySet<string> = new Set(['handler', 'errorHandler', ...perRequestHooks]);

/** Exports that frameworks call once per request, whatever file they are in. */
export const requestExportNames: ReadonlyMap<string, string> = new Map([
  ['GET', 'route handler'],
  ['POST', 'route handler'],
  ['PUT', 'route handler'],
  ['PATCH', 'route handler'],
  ['DELETE', 'route handler'],
  ['HEAD', 'route handler'],
  ['OPTIONS', 'route handler'],
  ['ALL', 'route handler'],
  ['loader', 'loader'],
  ['action', 'action'],
  ['getServerSideProps', 'getServerSideProps'],
  ['generateMetadata', 'generateMetadata'],
  ['handler', 'Lambda handler'],
]);

/**
 * Exports that frameworks call at build time (or, with revalidation, at most once per interval),
 * not per request: Next.js `getStaticProps`/`getStaticPaths`/`generateStaticParams`, Astro `getStaticPaths`.
 */
export const buildTimeExportNames: ReadonlySet<string> = new Set(['getStaticProps', 'getStaticPaths', 'generateStaticParams']);

/** Exports that are per-request only in files of a given name (`middleware.ts`, SvelteKit `+page.server.ts`). */
export const requestExportsByFile: readonly { file: RegExp; exports: ReadonlySet<string>; label: string }[] = [
  { file: /(^|\/)middleware\.[cm]?[jt]sx?$/, exports: new Set(['middleware', 'default']), label: 'middleware' },
  { file: /(^|\/)\+(page|layout)\.server\.[jt]s$/, exports: new Set(['load', 'actions']), label: 'SvelteKit load function' },
  { file: /(^|\/)hooks\.server\.[jt]s$/, exports: new Set(['handle', 'handleFetch', 'handleError']), label: 'SvelteKit hook' },
  { file: /(^|\/)pages\/api\/.+\.[cm]?[jt]sx?$/, exports: new Set(['default']), label: 'API route handler' },
  { file: /(^|\/)app\/(.+\/)?(page|layout)\.[jt]sx?$/, exports: new Set(['default']), label: 'server component' },
  // Astro 1-2 endpoints in `src/pages/**` (Astro 3+ uses the upper-case `GET`/`POST`, per request anywhere).
  {
    file: /(^|\/)src\/pages\/.+\.[cm]?[jt]s$/,
    exports: new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'all']),
    label: 'API route handler',
  },
];

/** Exported objects whose function properties are per-request in files of a given name (SvelteKit `export const actions = { ... }`). */
export const requestExportObjectsByFile: readonly { file: RegExp; exports: ReadonlySet<string>; label: string }[] = [
  { file: /(^|\/)\+page\.server\.[jt]s$/, exports: new Set(['actions']), label: 'SvelteKit form action' },
];

/** NestJS scheduler decorators (`@Cron`, `@Interval`): their methods run on a timer, not per request. */
const SCHEDULED_DECORATOR_NAMES = ['Cron', 'Interval'];

/** Method decorators whose methods run once per request, message or job (NestJS, type-graphql, schedulers). */
export const requestDecorators: ReadonlyMap<string, string> = new Map([
  ...['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Search'].map(
    (name): [string, string] => [name, 'route handler'],
  ),
  ...['Query', 'Mutation', 'Subscription', 'ResolveField', 'FieldResolver', 'ResolveProperty'].map(
    (name): [string, string] => [name, 'GraphQL resolver'],
  ),
  ...['MessagePattern', 'EventPattern', 'SubscribeMessage', 'GrpcMethod', 'GrpcStreamMethod', 'OnEvent', 'RabbitSubscribe', 'RabbitRPC', 'SqsMessageHandler'].map(
    (name): [string, string] => [name, 'message handler'],
  ),
  ['Process', 'queue job processor'],
  ...SCHEDULED_DECORATOR_NAMES.map((name): [string, string] => [name, 'scheduled job']),
]);

/** Of those, the ones a scheduler calls. */
export const scheduledDecorators: ReadonlySet<string> = new Set(SCHEDULED_DECORATOR_NAMES);

/** Lifecycle methods of long-lived services that run once. */
export const startupMethodNames: ReadonlySet<string> = new Set([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

/** Function names that by convention run once per process. */
export const startupFunctionNames: ReadonlySet<string> = new Set([
  'main',
  'bootstrap',
  'start',
  'startServer',
  'init',
  'initialize',
  'setup',
  'run',
  'configure',
  'createApp',
  'buildApp',
  'createServer',
  'buildServer',
  'register',
]);

/** Array and iterator callbacks that run once per element. */
export const iterationMethods: ReadonlySet<string> = new Set([
  'map',
  'forEach',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'toSorted',
]);

/** Callbacks that run in the caller's own context (same request, same startup). */
export const inlineCallbackMethods: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Hono `app.on(method, path, handler)`: the first argument is an HTTP method (any upper-case name:
 * Hono takes custom ones like `PURGE`) or a list of them, the second a path.
 */
export const httpMethodName = /^[A-Z][A-Z-]*$/;

/** Events whose listeners run once per request, connection or message. */
export const perRequestEvents: ReadonlySet<string> = new Set([
  'request',
  'connection',
  'message',
  'messages',
  'data',
  'upgrade',
  'stream',
  'job',
  'task',
]);

/** Queue, consumer and scheduler registrations: `queue.process(fn)`, `agenda.define('x', fn)`. */
export const jobMethods: ReadonlyMap<string, string> = new Map([
  ['process', 'queue job processor'],
  ['define', 'job processor'],
  ['work', 'job processor'],
  ['consume', 'message consumer'],
  ['subscribe', 'message subscriber'],
  ['schedule', 'scheduled job'],
  ['scheduleJob', 'scheduled job'],
  // Inngest: `inngest.createFunction(config, trigger, handler)`, `createFunction({ id, triggers }, handler)`.
  ['createFunction', 'Inngest background job'],
]);

/** Properties of consumer options that hold per-message functions (kafkajs, sqs-consumer). */
export const messageHandlerProperties: ReadonlySet<string> = new Set([
  'eachMessage',
  'eachBatch',
  'handleMessage',
  'handleMessageBatch',
]);

/** Functions that make their callback run once (`once(() => new Pool())`). */
export const onceWrappers: ReadonlySet<string> = new Set(['once', 'memoize', 'memoizee', 'memoizeOne', 'moize', 'pMemoize', 'lazy', 'singleton', 'remember']);

/** Plain function wrappers that turn a function into a request handler. */
export const handlerWrappers: ReadonlyMap<string, string> = new Map([
  ['defineEventHandler', 'event handler'],
  ['eventHandler', 'event handler'],
  ['defineCachedEventHandler', 'event handler'],
]);

/**
 * Procedure resolvers of RPC builders, by method: tRPC `publicProcedure.input(schema).query(fn)`,
 * oRPC `os.input(schema).handler(fn)`. The receiver must be a procedure chain: see the three below.
 */
export const procedureMethods: ReadonlyMap<string, string> = new Map([
  ['query', 'tRPC procedure'],
  ['mutation', 'tRPC procedure'],
  ['subscription', 'tRPC procedure'],
  ['handler', 'oRPC procedure'],
]);

/** Names of procedure builders a chain starts from: tRPC `publicProcedure`, `t.procedure`; oRPC `os`, `authed`... (by binding, see below). */
export const procedureBuilderNames = /(^os$|procedure$)/i;

/** Builder calls that make a chain a procedure chain wherever it starts: `.input(schema)`, oRPC `implement(contract)`. */
export const procedureChainCalls: ReadonlySet<string> = new Set(['input']);
export const procedureFactories: ReadonlySet<string> = new Set(['implement']);

/** GraphQL resolver map root types. */
export const resolverRootTypes: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/** Test runner lifecycle and test functions (vitest, jest, mocha, node:test). */
export const testSetupHooks: ReadonlySet<string> = new Set(['beforeAll', 'beforeEach', 'before']);
export const testTeardownHooks: ReadonlySet<string> = new Set(['afterAll', 'afterEach', 'after']);
export const testBlocks: ReadonlySet<string> = new Set(['describe', 'it', 'test', 'suite', 'context', 'specify']);

/** Parameter names of request handler signatures. */
export const requestParamNames: ReadonlySet<string> = new Set(['req', 'request']);
export const responseParamNames: ReadonlySet<string> = new Set(['res', 'response', 'reply']);
export const contextParamNames: ReadonlySet<string> = new Set(['ctx']);
export const lambdaEventParamNames: ReadonlySet<string> = new Set(['event']);

/** Type names of request objects (`req: Request`, `request: FastifyRequest`, `ctx: Context`). */
export const requestTypeNames =
  /^(Request|IncomingMessage|NextRequest|NextApiRequest|FastifyRequest|ExpressRequest|KoaRequest|Context|ParameterizedContext|RouterContext|KoaContext|HonoContext|RequestEvent|H3Event|APIGatewayProxyEvent(V2)?|APIGatewayEvent|ALBEvent|SQSEvent|SNSEvent|S3Event|EventBridgeEvent|KinesisStreamEvent|DynamoDBStreamEvent|ScheduledEvent|LoaderFunctionArgs|ActionFunctionArgs)$/;

/** The AWS Lambda event types among `requestTypeNames`: a parameter of one marks a Lambda handler (one invocation per event). */
export const lambdaEventTypeNames =
  /^(APIGatewayProxyEvent(V2)?|APIGatewayEvent|ALBEvent|SQSEvent|SNSEvent|S3Event|EventBridgeEvent|KinesisStreamEvent|DynamoDBStreamEvent|ScheduledEvent)$/;

/** Packages whose request types (`Context`, `Request`, `RequestEvent`...) mark a request handler's parameter. */
export const requestTypePackages =
  /^(?:node:)?(?:https?|http2)$|^(?:express|express-serve-static-core|@types\/express(?:-serve-static-core)?|koa|@types\/koa|@koa\/router|koa-router|@types\/koa-router|hono(?:\/.*)?|fastify|h3|nitropack|elysia|@hapi\/hapi|restify|polka|@sveltejs\/kit|@remix-run\/.+|react-router|next(?:\/.*)?|astro|@trpc\/.+|@nestjs\/.+|aws-lambda|@types\/aws-lambda|@cloudflare\/workers-types|undici|@oak\/oak|oak|@tanstack\/.+|@solidjs\/start|vinxi(?:\/.*)?|@builder\.io\/qwik-city|@netlify\/functions|@vercel\/node)$/;

/** Type names of function types that are queue job processors (BullMQ `export const processor: Processor = async (job) => ...`). */
export const jobHandlerTypeNames = /^(Processor|SandboxedProcessor)$/;

/** Type names of function types that are handlers (`export const main: APIGatewayProxyHandler = ...`). */
export const handlerTypeNames =
  /^(Handler|RequestHandler|APIGatewayProxyHandler(V2)?|SQSHandler|SNSHandler|S3Handler|ScheduledHandler|EventBridgeHandler|ALBHandler|KinesisStreamHandler|DynamoDBStreamHandler|NextApiHandler|LoaderFunction|ActionFunction|RouteHandlerMethod|Middleware|RequestHandler)$/;

/** Parameter names of Fastify plugin signatures: `async function routes(fastify, opts)`. */
export const pluginInstanceParamNames: ReadonlySet<string> = new Set(['fastify', 'app', 'server', 'instance']);
