import type { ModuleExportRef } from './types.js';

/** What a blocking call spends the thread's time on; messages and docs name it. */
export type BlockingWork =
  | 'file-system'
  | 'process-spawn'
  | 'key-derivation'
  | 'key-generation'
  | 'random-generation'
  | 'password-hashing'
  | 'compression'
  | 'shared-memory-wait'
  | 'other';

export const blockingWorkDescriptions: Readonly<Record<BlockingWork, string>> = {
  'file-system': 'synchronous file system I/O',
  'process-spawn': 'a child process run to completion',
  'key-derivation': 'CPU-bound key derivation',
  'key-generation': 'CPU-bound key generation',
  'random-generation': 'CPU-bound random data generation',
  'password-hashing': 'CPU-bound password hashing',
  compression: 'CPU-bound compression',
  'shared-memory-wait': 'a wait on shared memory',
  other: 'a blocking call',
};

/**
 * Where the async function comes from:
 * - `module`: another module's promise API, same arguments (`readFileSync` → `readFile` of
 *   `fs/promises`); `via` reaches it through the blocking module's object (`fs.promises.readFile`);
 * - `promisify`: the same module's callback API through `util.promisify` (`pbkdf2Sync` → `pbkdf2`);
 * - `same-module`: a promise-returning export of the same module (`hashSync` → `hash`); `default`
 *   is the module object itself (`fg.sync()` → `fg()`);
 * - `global`: a global function (`Atomics.waitAsync`).
 */
export type AsyncSource =
  | { kind: 'module'; module: string; export: string; via?: string }
  | { kind: 'promisify'; export: string }
  | { kind: 'same-module'; export: string }
  | { kind: 'global'; path: string };

export interface AsyncAlternative {
  source: AsyncSource;
  /**
   * The expression that yields what the blocking call returned; `$call` stands for the async call
   * with the original arguments. Defaults to `await $call`.
   */
  template?: string;
  /** Why the rewrite changes behaviour, when it does: the rewrite is then only a suggestion. */
  caveat?: string;
  /** The first argument may be a file descriptor, which the alternative does not accept. */
  rejectsFileDescriptors?: boolean;
}

export interface BlockingCallEntry extends ModuleExportRef {
  /** Display name in messages and docs: `fs.readFileSync`, `Atomics.wait`. */
  label: string;
  work: BlockingWork;
  /** Overrides the work's description in messages (user entries). */
  description?: string | undefined;
  alternative: AsyncAlternative | null;
  /** What to do instead when there is no async equivalent. */
  advice?: string;
  /** A call whose only argument is an options object binds options and returns a new function (execa). */
  optionsOnlyBinds?: boolean;
}

export const NO_ALTERNATIVE_ADVICE =
  'There is no async equivalent with the same result: move it to startup, or to a worker thread (worker_threads, piscina).';

const WORKER_ADVICE = 'Run it in a worker thread (worker_threads, piscina) or at startup.';

// --- fs -------------------------------------------------------------------------------------

/** `fs` functions with a `fs/promises` twin that takes the same arguments and resolves to the same value. */
const FS_PROMISES = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'lchmod',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'opendir',
  'readdir',
  'readFile',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
] as const;

/** Path-or-descriptor functions: `readFileSync(0)` reads stdin, `fs/promises` `readFile(0)` rejects. */
const FS_ACCEPTS_DESCRIPTORS = new Set(['readFile', 'writeFile', 'appendFile']);

/** Descriptor functions whose promisified callback form resolves to what the sync form returns. */
const FS_DESCRIPTOR_PROMISIFY = ['open', 'close', 'fstat', 'fsync', 'fdatasync', 'ftruncate', 'futimes', 'fchmod', 'fchown'] as const;

/** Descriptor I/O: the promisified callback form resolves to an object; one property is the sync result. */
const FS_DESCRIPTOR_IO = [
  ['read', 'bytesRead'],
  ['readv', 'bytesRead'],
  ['write', 'bytesWritten'],
  ['writev', 'bytesWritten'],
] as const;

const EXISTS_TEMPLATE = 'await $call.then(() => true, () => false)';

function fsEntries(): BlockingCallEntry[] {
  const entry = (name: string, alternative: AsyncAlternative | null, extra: Partial<BlockingCallEntry> = {}): BlockingCallEntry => ({
    module: 'fs',
    export: name,
    label: `fs.${name}`,
    work: 'file-system',
    alternative,
    ...extra,
  });
  return [
    ...FS_PROMISES.map((name) =>
      entry(`${name}Sync`, {
        source: { kind: 'module', module: 'fs/promises', export: name, via: 'promises' },
        ...(FS_ACCEPTS_DESCRIPTORS.has(name) ? { rejectsFileDescriptors: true } : {}),
      }),
    ),
    entry('realpathSync.native', { source: { kind: 'module', module: 'fs/promises', export: 'realpath', via: 'promises' } }),
    // `access()` rejects where `existsSync()` returns false; mapping both outcomes keeps the boolean.
    entry('existsSync', { source: { kind: 'module', module: 'fs/promises', export: 'access', via: 'promises' }, template: EXISTS_TEMPLATE }),
    ...FS_DESCRIPTOR_PROMISIFY.map((name) => entry(`${name}Sync`, { source: { kind: 'promisify', export: name } })),
    ...FS_DESCRIPTOR_IO.map(([name, property]) =>
      entry(`${name}Sync`, { source: { kind: 'promisify', export: name }, template: `(await $call).${property}` }),
    ),
    entry('mkdtempDisposableSync', {
      source: { kind: 'module', module: 'fs/promises', export: 'mkdtempDisposable', via: 'promises' },
      caveat: 'the async result is released with `await using` (or `await remove()`), not `using` (Node.js 24)',
    }),
    entry('globSync', {
      source: { kind: 'module', module: 'fs/promises', export: 'glob', via: 'promises' },
      template: 'await Array.fromAsync($call)',
      caveat: '`fs/promises` `glob()` returns an async iterator, collected here with `Array.fromAsync()` (Node.js 22)',
    }),
  ];
}

// --- fs-extra -------------------------------------------------------------------------------

/** fs-extra's own sync functions; each has a promise-returning twin without `Sync`. */
const FS_EXTRA_OWN = [
  'copy',
  'move',
  'remove',
  'emptyDir',
  'emptydir',
  'ensureDir',
  'mkdirs',
  'mkdirp',
  'ensureFile',
  'createFile',
  'ensureLink',
  'createLink',
  'ensureSymlink',
  'createSymlink',
  'outputFile',
  'outputJson',
  'outputJSON',
  'readJson',
  'readJSON',
  'writeJson',
  'writeJSON',
  'pathExists',
] as const;

/** fs functions that fs-extra wraps only from version 11 on. */
const FS_EXTRA_11: ReadonlySet<string> = new Set(['cp', 'lutimes', 'statfs']);

function fsExtraEntries(): BlockingCallEntry[] {
  const module = 'fs-extra';
  // fs-extra wraps every fs function so that it returns a promise when no callback is given.
  const wrapped = [...FS_PROMISES, ...FS_DESCRIPTOR_PROMISIFY, ...FS_EXTRA_OWN];
  return [
    ...wrapped.map(
      (name): BlockingCallEntry => ({
        module,
        export: `${name}Sync`,
        label: `fs-extra.${name}Sync`,
        work: 'file-system',
        alternative: {
          source: { kind: 'same-module', export: name },
          ...(FS_EXTRA_11.has(name) ? { caveat: `fs-extra returns a promise from \`${name}()\` only from version 11 on` } : {}),
        },
      }),
    ),
    {
      module,
      export: 'existsSync',
      label: 'fs-extra.existsSync',
      work: 'file-system',
      alternative: { source: { kind: 'same-module', export: 'pathExists' } },
    },
    ...FS_DESCRIPTOR_IO.map(
      ([name, property]): BlockingCallEntry => ({
        module,
        export: `${name}Sync`,
        label: `fs-extra.${name}Sync`,
        work: 'file-system',
        alternative: { source: { kind: 'same-module', export: name }, template: `(await $call).${property}` },
      }),
    ),
  ];
}

// --- child_process --------------------------------------------------------------------------

const childProcessEntries: BlockingCallEntry[] = [
  {
    module: 'child_process',
    export: 'execSync',
    label: 'child_process.execSync',
    work: 'process-spawn',
    alternative: {
      source: { kind: 'promisify', export: 'exec' },
      template: '(await $call).stdout',
      caveat:
        '`exec` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`',
    },
  },
  {
    module: 'child_process',
    export: 'execFileSync',
    label: 'child_process.execFileSync',
    work: 'process-spawn',
    alternative: {
      source: { kind: 'promisify', export: 'execFile' },
      template: '(await $call).stdout',
      caveat:
        '`execFile` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`',
    },
  },
  {
    module: 'child_process',
    export: 'spawnSync',
    label: 'child_process.spawnSync',
    work: 'process-spawn',
    alternative: null,
    advice: 'Use `spawn()` and wait for its `close` event (or execa), which leaves the event loop free while the process runs.',
  },
];

// --- crypto ---------------------------------------------------------------------------------

const CRYPTO_PROMISIFY: readonly (readonly [string, BlockingWork])[] = [
  ['pbkdf2', 'key-derivation'],
  ['scrypt', 'key-derivation'],
  ['hkdf', 'key-derivation'],
  ['generateKeyPair', 'key-generation'],
  ['generateKey', 'key-generation'],
  ['generatePrime', 'key-generation'],
  ['checkPrime', 'key-generation'],
  ['randomFill', 'random-generation'],
];

const cryptoEntries: BlockingCallEntry[] = CRYPTO_PROMISIFY.map(([name, work]) => ({
  module: 'crypto',
  export: `${name}Sync`,
  label: `crypto.${name}Sync`,
  work,
  alternative: { source: { kind: 'promisify', export: name } },
}));

// --- zlib -----------------------------------------------------------------------------------

const ZLIB = [
  'gzip',
  'gunzip',
  'deflate',
  'deflateRaw',
  'inflate',
  'inflateRaw',
  'unzip',
  'brotliCompress',
  'brotliDecompress',
  'zstdCompress',
  'zstdDecompress',
] as const;

const zlibEntries: BlockingCallEntry[] = ZLIB.map((name) => ({
  module: 'zlib',
  export: `${name}Sync`,
  label: `zlib.${name}Sync`,
  work: 'compression',
  alternative: { source: { kind: 'promisify', export: name } },
}));

// --- Atomics --------------------------------------------------------------------------------

const atomicsEntries: BlockingCallEntry[] = [
  {
    module: 'globalThis',
    export: 'Atomics.wait',
    label: 'Atomics.wait',
    work: 'shared-memory-wait',
    alternative: {
      source: { kind: 'global', path: 'Atomics.waitAsync' },
      template: 'await $call.value',
      caveat: '`Atomics.waitAsync` needs Node.js 16 and the TypeScript lib `es2024`',
    },
  },
];

// --- password hashing -----------------------------------------------------------------------

function passwordHashingEntries(): BlockingCallEntry[] {
  const sameModule = (module: string, sync: string, async: string): BlockingCallEntry => ({
    module,
    export: sync,
    label: `${module}.${sync}`,
    work: 'password-hashing',
    alternative: { source: { kind: 'same-module', export: async } },
  });
  // No genSaltSync: it only draws 16 random bytes, whatever the cost factor; the hash pays for it.
  return [
    ...['bcrypt', 'bcryptjs', 'bcrypt-ts'].flatMap((module) => [
      sameModule(module, 'hashSync', 'hash'),
      sameModule(module, 'compareSync', 'compare'),
    ]),
    sameModule('@node-rs/bcrypt', 'hashSync', 'hash'),
    sameModule('@node-rs/bcrypt', 'verifySync', 'verify'),
    sameModule('@node-rs/bcrypt', 'compareSync', 'compare'),
    sameModule('@node-rs/argon2', 'hashSync', 'hash'),
    sameModule('@node-rs/argon2', 'verifySync', 'verify'),
    sameModule('@node-rs/argon2', 'hashRawSync', 'hashRaw'),
  ];
}

// --- execa ----------------------------------------------------------------------------------

const execaEntries: BlockingCallEntry[] = [
  // execa 6+ (ESM)
  ...[
    ['execaSync', 'execa'],
    ['execaCommandSync', 'execaCommand'],
  ].map(
    ([sync, async]): BlockingCallEntry => ({
      module: 'execa',
      export: sync!,
      label: `execa.${sync!}`,
      work: 'process-spawn',
      alternative: { source: { kind: 'same-module', export: async! } },
      optionsOnlyBinds: true,
      // execa 9 takes template strings too: `` execaSync`npm run build` ``.
      templateTag: sync === 'execaSync' ? true : undefined,
    }),
  ),
  // The script interface, a template tag: `` $.sync`ls` `` (execa 8+), `` $.s`ls` `` (execa 9),
  // `` $sync`ls` `` (execa 8). Called with only an options object it binds them (`$.sync({ cwd })`).
  ...['$.sync', '$.s', '$sync'].map(
    (name): BlockingCallEntry => ({
      module: 'execa',
      export: name,
      label: `execa.${name}`,
      work: 'process-spawn',
      alternative: { source: { kind: 'same-module', export: '$' } },
      optionsOnlyBinds: true,
      templateTag: true,
    }),
  ),
  // execa 5 and older (CommonJS): `execa.sync()`, `execa.commandSync()`
  {
    module: 'execa',
    export: 'default.sync',
    label: 'execa.sync',
    work: 'process-spawn',
    alternative: { source: { kind: 'same-module', export: 'default' } },
  },
  {
    module: 'execa',
    export: 'default.commandSync',
    label: 'execa.commandSync',
    work: 'process-spawn',
    alternative: { source: { kind: 'same-module', export: 'command' } },
  },
];

// --- globs ----------------------------------------------------------------------------------

const GLOB_VERSION_CAVEAT = '`glob()` returns a promise only from glob 9 on; with glob 7 or 8 it takes a callback';

const globEntries: BlockingCallEntry[] = [
  // `globSync` exists only from glob 9 on, where `glob()` returns a promise.
  {
    module: 'glob',
    export: 'globSync',
    label: 'glob.globSync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'glob' } },
  },
  {
    module: 'glob',
    export: 'glob.sync',
    label: 'glob.glob.sync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'glob' } },
  },
  {
    module: 'glob',
    export: 'sync',
    label: 'glob.sync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'glob' }, caveat: GLOB_VERSION_CAVEAT },
  },
  {
    module: 'fast-glob',
    export: 'sync',
    label: 'fast-glob.sync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'async' } },
  },
  {
    module: 'fast-glob',
    export: 'globSync',
    label: 'fast-glob.globSync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'glob' } },
  },
  {
    module: 'globby',
    export: 'globbySync',
    label: 'globby.globbySync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'globby' } },
  },
  {
    module: 'globby',
    export: 'default.sync',
    label: 'globby.sync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'default' } },
  },
  {
    module: 'tinyglobby',
    export: 'globSync',
    label: 'tinyglobby.globSync',
    work: 'file-system',
    alternative: { source: { kind: 'same-module', export: 'glob' } },
  },
];

/**
 * Known blocking calls. Data only: resolution goes through import tracking
 * (`src/analysis/imports.ts`), so a local `readFileSync` or Effect's `runSync` never matches.
 */
export const blockingCallCatalog: readonly BlockingCallEntry[] = [
  ...fsEntries(),
  ...fsExtraEntries(),
  ...childProcessEntries,
  ...cryptoEntries,
  ...zlibEntries,
  ...atomicsEntries,
  ...passwordHashingEntries(),
  ...execaEntries,
  ...globEntries,
].map((entry) => (entry.alternative === null && entry.advice === undefined ? { ...entry, advice: WORKER_ADVICE } : entry));
