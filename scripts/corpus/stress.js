// @ts-check

/**
 * Settings for the corpus's stress pass. Library code creates few catalogued clients in request
 * handlers, so the plugin's fixes would hardly run on the corpus. Through the plugin's own
 * settings (the way users add their SDKs), this pass declares constructors and factories that
 * library code calls everywhere (`new Map()`, `new Error()`, `Buffer.from()`, `new EventEmitter()`)
 * to be clients, and common callback registrations (`.then`, `.on`, timers) to be handlers. The
 * rules then report, hoist, cache per key and suggest on thousands of real code shapes, and every
 * one of those fixes must leave code that parses, binds and re-lints clean. Whether hoisting
 * `new Error()` makes sense does not matter here: the fix builders must be safe for any client.
 *
 * TypeScript files leave out the generic containers: TypeScript infers their type arguments from
 * where they are used (`use(new Set())` is a `Set<object>` when `use` takes one), which a hoisted
 * `const set = new Set()` cannot keep, and no syntax-only fix can know. The catalogued clients
 * take their types from their options or have none (see docs/performance.md).
 */
const GENERIC_CONTAINERS = ['Map', 'Set', 'WeakMap', 'Promise', 'Proxy', 'Array.from'];

/** @param {boolean} typescript */
function settings(typescript) {
  /** @param {string} name */
  const keep = (name) => !typescript || !GENERIC_CONTAINERS.includes(name);
  return {
    'shared-client': {
      clients: [
        ...['Map', 'Set', 'WeakMap', 'AbortController', 'Worker']
          .filter(keep)
          .map((name) => ({ module: 'globalThis', export: name, kind: 'pool', close: 'clear' })),
        ...['Error', 'TypeError', 'Date', 'RegExp', 'URL', 'Promise', 'Proxy', 'Buffer.from', 'Buffer.alloc', 'Object.create', 'Array.from', 'Symbol', 'JSON.stringify']
          .filter(keep)
          .map((name) => ({ module: 'globalThis', export: name, kind: 'wrapper' })),
        { module: 'events', export: 'EventEmitter', kind: 'pool', close: 'removeAllListeners' },
        { module: 'events', export: 'default', kind: 'pool', close: 'removeAllListeners' },
        { module: 'stream', export: '*', kind: 'pool', close: 'destroy' },
        { module: 'fs', export: 'create*Stream', kind: 'pool', close: 'close' },
        { module: 'path', export: '*', kind: 'wrapper' },
        { module: 'util', export: 'promisify', kind: 'wrapper' },
        { module: 'crypto', export: 'create*', kind: 'wrapper' },
        { module: 'http', export: 'request', kind: 'pool', close: 'destroy' },
      ],
      handlers: ['then', 'catch', 'on', 'use', 'subscribe', 'setTimeout', 'setImmediate', 'nextTick', 'addEventListener'].map((name) => ({ name })),
    },
  };
}

export const stressSettings = { javascript: settings(false), typescript: settings(true) };
