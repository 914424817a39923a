/**
 * Shared shape of every catalog entry: where a value comes from.
 *
 * `module` is a module specifier as written in `import`/`require` (`pg`, `@aws-sdk/client-s3`);
 * a `*` matches any run of characters (`@aws-sdk/client-*`). Built-in modules match with and
 * without the `node:` prefix.
 *
 * `export` is a dotted path from the module: `Pool` (a named export or a property of the CJS
 * module object), `default` (the default export or the CJS module object itself),
 * `default.create` (a member of it). A `*` in the last segment matches any run of characters
 * (`*Client`).
 */
export interface ModuleExportRef {
  module: string;
  export: string;
  /** Names a wildcard `export` does not match (`config` of the AWS SDK v2 object's `*`). */
  exceptExports?: readonly string[] | undefined;
  /** The export is also used as a template tag (`` $.sync`ls` ``): tagged templates resolve too. */
  templateTag?: boolean | undefined;
}

/** `pool` owns connections or sockets; `wrapper` is a configured facade over a shared transport. */
export type ClientKind = 'pool' | 'wrapper';

export interface ClientEntry extends ModuleExportRef {
  kind: ClientKind;
  /** Display name used in messages, e.g. `pg Pool`. */
  label: string;
  /** Method that releases the client's resources; absent when there is nothing to close. */
  close?: string | undefined;
  /** The close method returns nothing to wait for (it closes at once or takes a callback): `agent.destroy()`. */
  syncClose?: boolean | undefined;
  /** The client implements `Symbol.asyncDispose`, so `await using` closes it. */
  asyncDispose?: boolean | undefined;
  /** Closing the client that created this one closes it too (an AMQP channel goes with its connection). */
  closedWithParent?: boolean | undefined;
  /** The client must be connected explicitly (`await client.connect()`) before use. */
  connect?: boolean | undefined;
  /** The factory returns a promise of the client (`await mysql.createConnection()`). */
  async?: boolean | undefined;
  /** Methods of the created client that create further clients (`kafka.producer()`). */
  members?: readonly ClientMember[] | undefined;
  /** One connection rather than a pool: sharing it would serialize requests and die with the connection. */
  singleConnection?: boolean | undefined;
  /**
   * The constructor throws when its API key is missing (OpenAI, Resend): moved to module scope it
   * would fail the import of the file where the key is optional, so a hoist is only suggested.
   */
  throwsWithoutKey?: boolean | undefined;
  /**
   * An option that defers connecting to the first command (ioredis `lazyConnect: true`): a client
   * built with it that is never sent a command opens nothing, so it has nothing to close.
   */
  lazyConnectOption?: string | undefined;
  /** Called without arguments it opens nothing (`mongoose.createConnection()` waits for `openUri()`): nothing to close. */
  idleWithoutArguments?: boolean | undefined;
  /**
   * Its connections are keep-alive sockets of Node's HTTP agent, which are unref'd while idle: an
   * unclosed client does not keep a script or a test runner from exiting (it still leaks sockets
   * when a long-lived process makes one per call).
   */
  idleSocketsUnref?: boolean | undefined;
  /**
   * Commands that hold the connection until they return (blocking reads, subscriber mode), lower
   * case: a client a function issues one of them on is a dedicated connection, which the server
   * requires, not one to share. `xread`/`xreadgroup` block only with a `BLOCK` argument or option.
   */
  dedicatedConnectionCommands?: readonly string[] | undefined;
  /**
   * Methods whose result keeps the client and works through it (a Sequelize model from
   * `db.define()`): returning or storing that result hands the client over.
   */
  boundResults?: readonly string[] | undefined;
  /** What to do instead, when no automatic fix is possible (lower case, no final period). */
  advice?: string | undefined;
}

export interface ClientMember {
  method: string;
  label: string;
  kind: ClientKind;
  close?: string | undefined;
  syncClose?: boolean | undefined;
  closedWithParent?: boolean | undefined;
  connect?: boolean | undefined;
  async?: boolean | undefined;
}
