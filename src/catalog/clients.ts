import type { ClientEntry } from './types.js';

/**
 * Method names that close a client, besides each entry's own `close`: `redis.disconnect()`
 * closes an ioredis client as surely as `quit()`.
 */
export const closeMethodNames: ReadonlySet<string> = new Set([
  'close',
  'end',
  'quit',
  'disconnect',
  'destroy',
  '$disconnect',
  'shutdown',
  'terminate',
  'dispose',
]);

/**
 * Classes and objects of the AWS SDK v2 namespace (`AWS.X`) that are not service clients:
 * configuration, credentials, token providers, the request machinery, utilities.
 */
const AWS_SDK_V2_NON_SERVICES: readonly string[] = [
  'config',
  'Config',
  'util',
  'VERSION',
  'Service',
  'Endpoint',
  'HttpRequest',
  'HttpResponse',
  'HttpClient',
  'NodeHttpClient',
  'XHRClient',
  'Request',
  'Response',
  'ResourceWaiter',
  'ParamValidator',
  'EventListeners',
  'SequentialExecutor',
  'MetadataService',
  'Signers',
  'Protocol',
  'XML',
  'JSON',
  'Model',
  'IniLoader',
  'Credentials',
  'CredentialProviderChain',
  'ChainableTemporaryCredentials',
  'CognitoIdentityCredentials',
  'EC2MetadataCredentials',
  'ECSCredentials',
  'EnvironmentCredentials',
  'FileSystemCredentials',
  'ProcessCredentials',
  'RemoteCredentials',
  'SAMLCredentials',
  'SharedIniFileCredentials',
  'SsoCredentials',
  'SSOCredentials',
  'TemporaryCredentials',
  'TokenFileWebIdentityCredentials',
  'WebIdentityCredentials',
  'Token',
  'TokenProviderChain',
  'SSOTokenProvider',
  'StaticTokenProvider',
];

/** The Azure storage SDKs' service and resource clients: REST over the SDK's shared HTTP pipeline. */
const AZURE_STORAGE_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  '@azure/storage-blob': ['BlobServiceClient', 'ContainerClient', 'BlobClient', 'BlockBlobClient'],
  '@azure/storage-queue': ['QueueServiceClient', 'QueueClient'],
  '@azure/storage-file-share': ['ShareServiceClient', 'ShareClient'],
  '@azure/data-tables': ['TableServiceClient', 'TableClient'],
};

/** LangChain integration packages and their model classes. */
const LANGCHAIN_MODELS: Readonly<Record<string, readonly string[]>> = {
  '@langchain/openai': ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings', 'AzureChatOpenAI', 'AzureOpenAIEmbeddings'],
  '@langchain/anthropic': ['ChatAnthropic'],
  '@langchain/groq': ['ChatGroq'],
  '@langchain/google-genai': ['ChatGoogleGenerativeAI', 'GoogleGenerativeAIEmbeddings'],
  '@langchain/google-vertexai': ['ChatVertexAI', 'VertexAIEmbeddings'],
  '@langchain/mistralai': ['ChatMistralAI', 'MistralAIEmbeddings'],
  '@langchain/ollama': ['ChatOllama', 'OllamaEmbeddings'],
  '@langchain/cohere': ['ChatCohere', 'CohereEmbeddings'],
  '@langchain/aws': ['ChatBedrockConverse', 'BedrockEmbeddings'],
  '@langchain/deepseek': ['ChatDeepSeek'],
  '@langchain/xai': ['ChatXAI'],
};

/**
 * Known network, database and SDK clients. Data only: resolution goes through import tracking
 * (`src/analysis/imports.ts`), so a local class named `Client` never matches.
 */
/** Redis commands that hold their connection until they return: blocking pops and reads, subscriber mode, MONITOR. */
const REDIS_HOLDING_COMMANDS: readonly string[] = [
  'blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'xread', 'xreadgroup',
  'subscribe', 'psubscribe', 'ssubscribe', 'monitor',
];

/**
 * Functions that only sign a request locally with the client's credentials and send nothing
 * (AWS SDK v3 presigners), by the module of the client they take as first argument.
 */
export const presigners: readonly { clientModule: string; module: string; export: string }[] = [
  { clientModule: '@aws-sdk/client-s3', module: '@aws-sdk/s3-request-presigner', export: 'getSignedUrl' },
  { clientModule: '@aws-sdk/client-s3', module: '@aws-sdk/s3-presigned-post', export: 'createPresignedPost' },
];

export const clientCatalog: readonly ClientEntry[] = [
  // HTTP clients and agents
  { module: 'axios', export: 'default.create', kind: 'wrapper', label: 'axios instance' },
  { module: 'got', export: 'default.extend', kind: 'wrapper', label: 'got instance' },
  { module: 'ky', export: 'default.create', kind: 'wrapper', label: 'ky instance' },
  { module: 'ky', export: 'default.extend', kind: 'wrapper', label: 'ky instance' },
  { module: 'http', export: 'Agent', kind: 'pool', label: 'http.Agent', close: 'destroy', syncClose: true },
  { module: 'https', export: 'Agent', kind: 'pool', label: 'https.Agent', close: 'destroy', syncClose: true },
  { module: 'agentkeepalive', export: 'default', kind: 'pool', label: 'agentkeepalive Agent', close: 'destroy', syncClose: true },
  { module: 'agentkeepalive', export: 'HttpsAgent', kind: 'pool', label: 'agentkeepalive HttpsAgent', close: 'destroy', syncClose: true },
  ...['Agent', 'Pool', 'Client', 'BalancedPool', 'ProxyAgent', 'RetryAgent', 'EnvHttpProxyAgent'].map(
    (name): ClientEntry => ({ module: 'undici', export: name, kind: 'pool', label: `undici ${name}`, close: 'close' }),
  ),
  { module: 'graphql-request', export: 'GraphQLClient', kind: 'wrapper', label: 'GraphQLClient' },

  // SQL databases
  { module: 'pg', export: 'Pool', kind: 'pool', label: 'pg Pool', close: 'end' },
  {
    module: 'pg',
    export: 'Client',
    kind: 'pool',
    label: 'pg Client',
    close: 'end',
    connect: true,
    singleConnection: true,
    advice: 'use one pg Pool created at module scope instead of a Client per request',
  },
  { module: 'pg-pool', export: 'default', kind: 'pool', label: 'pg-pool Pool', close: 'end' },
  { module: 'postgres', export: 'default', kind: 'pool', label: 'postgres.js client', close: 'end' },
  { module: '@neondatabase/serverless', export: 'Pool', kind: 'pool', label: 'Neon Pool', close: 'end' },
  // @vercel/postgres wraps @neondatabase/serverless: createPool() is a Neon Pool, createClient() a Neon Client.
  { module: '@vercel/postgres', export: 'createPool', kind: 'pool', label: 'Vercel Postgres pool', close: 'end' },
  {
    module: '@vercel/postgres',
    export: 'createClient',
    kind: 'pool',
    label: 'Vercel Postgres client',
    close: 'end',
    connect: true,
    singleConnection: true,
    advice: 'use one Vercel Postgres pool (createPool, or the `sql` export) created at module scope instead of a client per request',
  },
  // The PlanetScale serverless driver queries over fetch: no socket of its own, nothing to close.
  { module: '@planetscale/database', export: 'connect', kind: 'wrapper', label: 'PlanetScale connection' },
  { module: '@planetscale/database', export: 'Client', kind: 'wrapper', label: 'PlanetScale Client' },
  // serverless-mysql: `require('serverless-mysql')(config)` manages one MySQL connection. `end()` may keep it
  // open for reuse (that is its point); `quit()` closes it at once and returns nothing to await.
  {
    module: 'serverless-mysql',
    export: 'default',
    kind: 'pool',
    label: 'serverless-mysql instance',
    close: 'quit',
    syncClose: true,
    advice: 'initialize serverless-mysql once at module scope (outside the handler) and call `end()` at the end of each invocation',
  },
  // The callback APIs' end() takes a callback and returns nothing to await.
  ...['mysql2', 'mysql'].flatMap((module): ClientEntry[] => [
    { module, export: 'createPool', kind: 'pool', label: `${module} pool`, close: 'end', syncClose: true },
    { module, export: 'createPoolCluster', kind: 'pool', label: `${module} pool cluster`, close: 'end', syncClose: true },
    {
      module,
      export: 'createConnection',
      kind: 'pool',
      label: `${module} connection`,
      close: 'end',
      syncClose: true,
      singleConnection: true,
      advice: `use one ${module} pool (createPool) created at module scope instead of a connection per request`,
    },
  ]),
  // Recent mysql2 releases implement Symbol.asyncDispose on promise connections, pools and clusters.
  { module: 'mysql2/promise', export: 'createPool', kind: 'pool', label: 'mysql2 pool', close: 'end', asyncDispose: true },
  { module: 'mysql2/promise', export: 'createPoolCluster', kind: 'pool', label: 'mysql2 pool cluster', close: 'end', asyncDispose: true },
  {
    module: 'mysql2/promise',
    export: 'createConnection',
    kind: 'pool',
    label: 'mysql2 connection',
    close: 'end',
    asyncDispose: true,
    async: true,
    singleConnection: true,
    advice: 'use one mysql2 pool (createPool) created at module scope instead of a connection per request',
  },
  { module: 'mssql', export: 'ConnectionPool', kind: 'pool', label: 'mssql ConnectionPool', close: 'close', connect: true },
  { module: 'oracledb', export: 'createPool', kind: 'pool', label: 'oracledb pool', close: 'close', async: true },
  {
    module: 'oracledb',
    export: 'getConnection',
    kind: 'pool',
    label: 'oracledb connection',
    close: 'close',
    async: true,
    singleConnection: true,
    advice: 'use one oracledb pool (createPool) created at startup instead of a connection per request',
  },
  { module: 'better-sqlite3', export: 'default', kind: 'pool', label: 'better-sqlite3 Database', close: 'close', syncClose: true },
  { module: 'sqlite3', export: 'Database', kind: 'pool', label: 'sqlite3 Database', close: 'close', syncClose: true },
  { module: '@libsql/client', export: 'createClient', kind: 'pool', label: 'libSQL client', close: 'close', syncClose: true },
  { module: 'knex', export: 'default', kind: 'pool', label: 'knex instance', close: 'destroy' },
  { module: 'knex', export: 'knex', kind: 'pool', label: 'knex instance', close: 'destroy' },
  { module: 'sequelize', export: 'default', kind: 'pool', label: 'Sequelize instance', close: 'close', boundResults: ['define'] },
  { module: 'sequelize', export: 'Sequelize', kind: 'pool', label: 'Sequelize instance', close: 'close', boundResults: ['define'] },
  { module: 'typeorm', export: 'DataSource', kind: 'pool', label: 'TypeORM DataSource', close: 'destroy', connect: true },
  { module: '@prisma/client', export: 'PrismaClient', kind: 'pool', label: 'PrismaClient', close: '$disconnect' },
  { module: '@prisma/client/edge', export: 'PrismaClient', kind: 'pool', label: 'PrismaClient', close: '$disconnect' },
  { module: '@clickhouse/client', export: 'createClient', kind: 'pool', label: 'ClickHouse client', close: 'close' },
  { module: 'cassandra-driver', export: 'Client', kind: 'pool', label: 'Cassandra Client', close: 'shutdown' },
  { module: 'neo4j-driver', export: 'default.driver', kind: 'pool', label: 'Neo4j driver', close: 'close' },

  // Key-value stores, documents, search
  ...(['default', 'Redis'] as const).map((name): ClientEntry => ({ module: 'ioredis', export: name, kind: 'pool', label: 'ioredis client', close: 'quit', lazyConnectOption: 'lazyConnect', dedicatedConnectionCommands: REDIS_HOLDING_COMMANDS })),
  ...(['Cluster', 'default.Cluster'] as const).map((name): ClientEntry => ({ module: 'ioredis', export: name, kind: 'pool', label: 'ioredis Cluster', close: 'quit', lazyConnectOption: 'lazyConnect', dedicatedConnectionCommands: REDIS_HOLDING_COMMANDS })),
  ...['redis', '@redis/client'].flatMap((module): ClientEntry[] => [
    { module, export: 'createClient', kind: 'pool', label: 'redis client', close: 'quit', connect: true, dedicatedConnectionCommands: REDIS_HOLDING_COMMANDS },
    { module, export: 'createCluster', kind: 'pool', label: 'redis cluster client', close: 'quit', connect: true, dedicatedConnectionCommands: REDIS_HOLDING_COMMANDS },
  ]),
  { module: 'memjs', export: 'Client.create', kind: 'pool', label: 'memjs Client', close: 'quit', syncClose: true },
  // mongodb 6.9+ attaches Symbol.asyncDispose to MongoClient when the runtime defines the symbol.
  { module: 'mongodb', export: 'MongoClient', kind: 'pool', label: 'MongoClient', close: 'close', asyncDispose: true },
  { module: 'mongodb', export: 'MongoClient.connect', kind: 'pool', label: 'MongoClient', close: 'close', asyncDispose: true, async: true },
  { module: 'mongoose', export: 'createConnection', kind: 'pool', label: 'mongoose connection', close: 'close', idleWithoutArguments: true },
  // mongoose.connect() opens mongoose's one default connection, a module-level singleton, and
  // resolves to the mongoose object. Scripts close it through the module (`mongoose.disconnect()`,
  // `mongoose.connection.close()`), not through the value connect() returns, so, like a channel
  // closed with its connection, require-client-close leaves it alone.
  {
    module: 'mongoose',
    export: 'connect',
    kind: 'pool',
    label: 'mongoose default connection',
    close: 'disconnect',
    closedWithParent: true,
    async: true,
    advice: 'call mongoose.connect() once at startup; its default connection is shared by every model',
  },
  { module: '@elastic/elasticsearch', export: 'Client', kind: 'pool', label: 'Elasticsearch Client', close: 'close' },
  { module: '@opensearch-project/opensearch', export: 'Client', kind: 'pool', label: 'OpenSearch Client', close: 'close' },
  { module: '@azure/cosmos', export: 'CosmosClient', kind: 'pool', label: 'CosmosClient', close: 'dispose', syncClose: true },
  { module: '@google-cloud/firestore', export: 'Firestore', kind: 'pool', label: 'Firestore', close: 'terminate' },
  { module: '@google-cloud/pubsub', export: 'PubSub', kind: 'pool', label: 'PubSub', close: 'close' },

  // Messaging
  {
    module: 'kafkajs',
    export: 'Kafka',
    kind: 'pool',
    label: 'Kafka client',
    members: [
      { method: 'producer', label: 'Kafka producer', kind: 'pool', close: 'disconnect', connect: true },
      { method: 'consumer', label: 'Kafka consumer', kind: 'pool', close: 'disconnect', connect: true },
      { method: 'admin', label: 'Kafka admin client', kind: 'pool', close: 'disconnect', connect: true },
    ],
  },
  ...['amqplib', 'amqplib/callback_api'].map(
    (module): ClientEntry => ({
      module,
      export: 'connect',
      kind: 'pool',
      label: 'AMQP connection',
      close: 'close',
      syncClose: module === 'amqplib/callback_api' ? true : undefined,
      async: true,
      members: [
        { method: 'createChannel', label: 'AMQP channel', kind: 'pool', close: 'close', closedWithParent: true, async: true },
        { method: 'createConfirmChannel', label: 'AMQP channel', kind: 'pool', close: 'close', closedWithParent: true, async: true },
      ],
    }),
  ),
  { module: 'nats', export: 'connect', kind: 'pool', label: 'NATS connection', close: 'close', async: true },
  { module: 'mqtt', export: 'connect', kind: 'pool', label: 'MQTT client', close: 'end', syncClose: true },
  // Each BullMQ class holds its own Redis connections (a Worker a blocking one besides).
  ...['Queue', 'Worker', 'QueueEvents', 'FlowProducer'].map(
    (name): ClientEntry => ({ module: 'bullmq', export: name, kind: 'pool', label: `BullMQ ${name}`, close: 'close' }),
  ),
  // Upstash Redis and Vercel KV (built on it) talk HTTP per command: no connection, nothing to close.
  ...['@upstash/redis', '@upstash/redis/nodejs', '@upstash/redis/cloudflare', '@upstash/redis/fastly'].flatMap((module): ClientEntry[] => [
    { module, export: 'Redis', kind: 'wrapper', label: 'Upstash Redis client' },
    { module, export: 'Redis.fromEnv', kind: 'wrapper', label: 'Upstash Redis client' },
  ]),
  { module: '@vercel/kv', export: 'createClient', kind: 'wrapper', label: 'Vercel KV client' },

  // Cloud SDKs
  { module: '@aws-sdk/client-*', export: '*Client', kind: 'pool', label: 'AWS SDK client', close: 'destroy', syncClose: true, idleSocketsUnref: true },
  // AWS SDK v2: every service is a class on the SDK object (`new AWS.S3()`), and a module of its own
  // (`aws-sdk/clients/s3`). Messages name the service the file uses (`S3`). The SDK object's other
  // classes are not clients.
  {
    module: 'aws-sdk',
    export: '*',
    exceptExports: AWS_SDK_V2_NON_SERVICES,
    kind: 'wrapper',
    label: 'aws-sdk v2 service client',
  },
  { module: 'aws-sdk', export: 'DynamoDB.DocumentClient', kind: 'wrapper', label: 'aws-sdk DynamoDB.DocumentClient' },
  { module: 'aws-sdk/clients/*', export: 'default', kind: 'wrapper', label: 'aws-sdk v2 service client' },
  { module: 'aws-sdk/clients/dynamodb', export: 'DocumentClient', kind: 'wrapper', label: 'aws-sdk DynamoDB.DocumentClient' },
  { module: 'minio', export: 'Client', kind: 'wrapper', label: 'MinIO Client' },
  { module: '@google-cloud/storage', export: 'Storage', kind: 'wrapper', label: 'Google Cloud Storage client' },
  { module: '@google-cloud/bigquery', export: 'BigQuery', kind: 'wrapper', label: 'BigQuery client' },
  { module: '@google-cloud/spanner', export: 'Spanner', kind: 'pool', label: 'Spanner client', close: 'close' },
  { module: '@google-cloud/logging', export: 'Logging', kind: 'wrapper', label: 'Cloud Logging client' },
  { module: '@google-cloud/vertexai', export: 'VertexAI', kind: 'wrapper', label: 'VertexAI client' },
  // The generated (gax) clients of every @google-cloud package open a gRPC channel; `close()` ends it.
  { module: '@google-cloud/*', export: '*Client', kind: 'pool', label: 'Google Cloud client', close: 'close' },
  ...['@azure/storage-blob', '@azure/storage-queue', '@azure/storage-file-share', '@azure/data-tables'].flatMap((module): ClientEntry[] =>
    AZURE_STORAGE_CLIENTS[module]!.flatMap((name): ClientEntry[] => [
      { module, export: name, kind: 'wrapper', label: name },
      { module, export: `${name}.fromConnectionString`, kind: 'wrapper', label: name },
    ]),
  ),
  { module: '@azure/keyvault-secrets', export: 'SecretClient', kind: 'wrapper', label: 'Key Vault SecretClient' },
  { module: '@azure/keyvault-keys', export: 'KeyClient', kind: 'wrapper', label: 'Key Vault KeyClient' },
  { module: '@azure/app-configuration', export: 'AppConfigurationClient', kind: 'wrapper', label: 'AppConfigurationClient' },
  // Service Bus and Event Hubs clients hold an AMQP connection.
  { module: '@azure/service-bus', export: 'ServiceBusClient', kind: 'pool', label: 'ServiceBusClient', close: 'close' },
  { module: '@azure/event-hubs', export: 'EventHubProducerClient', kind: 'pool', label: 'EventHubProducerClient', close: 'close' },
  { module: '@azure/event-hubs', export: 'EventHubConsumerClient', kind: 'pool', label: 'EventHubConsumerClient', close: 'close' },
  { module: '@azure/openai', export: 'OpenAIClient', kind: 'wrapper', label: 'Azure OpenAIClient' },
  // A Firebase app holds credentials and the services' channels; `app.delete()` frees them (or `deleteApp(app)`).
  { module: 'firebase-admin', export: 'initializeApp', kind: 'pool', label: 'Firebase Admin app', close: 'delete' },
  { module: 'firebase-admin/app', export: 'initializeApp', kind: 'pool', label: 'Firebase Admin app', close: 'delete' },
  { module: '@supabase/supabase-js', export: 'createClient', kind: 'wrapper', label: 'Supabase client' },

  // API SDKs
  { module: 'openai', export: 'default', kind: 'wrapper', label: 'OpenAI client', throwsWithoutKey: true },
  { module: 'openai', export: 'OpenAI', kind: 'wrapper', label: 'OpenAI client', throwsWithoutKey: true },
  { module: '@anthropic-ai/sdk', export: 'default', kind: 'wrapper', label: 'Anthropic client' },
  { module: '@anthropic-ai/sdk', export: 'Anthropic', kind: 'wrapper', label: 'Anthropic client' },
  { module: '@google/genai', export: 'GoogleGenAI', kind: 'wrapper', label: 'GoogleGenAI client' },
  { module: 'stripe', export: 'default', kind: 'wrapper', label: 'Stripe client' },
  { module: 'stripe', export: 'Stripe', kind: 'wrapper', label: 'Stripe client' },
  { module: 'twilio', export: 'default', kind: 'wrapper', label: 'Twilio client' },
  { module: '@octokit/rest', export: 'Octokit', kind: 'wrapper', label: 'Octokit client' },
  { module: 'octokit', export: 'Octokit', kind: 'wrapper', label: 'Octokit client' },
  { module: '@slack/web-api', export: 'WebClient', kind: 'wrapper', label: 'Slack WebClient' },
  { module: 'nodemailer', export: 'createTransport', kind: 'wrapper', label: 'nodemailer transport' },
  { module: 'resend', export: 'Resend', kind: 'wrapper', label: 'Resend client', throwsWithoutKey: true },
  { module: '@sendgrid/mail', export: 'MailService', kind: 'wrapper', label: 'SendGrid MailService' },
  { module: '@huggingface/inference', export: 'HfInference', kind: 'wrapper', label: 'HfInference client' },
  { module: '@huggingface/inference', export: 'InferenceClient', kind: 'wrapper', label: 'Hugging Face InferenceClient' },

  // LangChain chat and embedding models: configured facades over the provider's SDK client.
  ...Object.entries(LANGCHAIN_MODELS).flatMap(([module, names]) =>
    names.map((name): ClientEntry => ({ module, export: name, kind: 'wrapper', label: `LangChain ${name}` })),
  ),
];
