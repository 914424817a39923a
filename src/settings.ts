import { type BlockingCallEntry, blockingCallCatalog } from './catalog/blocking-calls.js';
import { clientCatalog } from './catalog/clients.js';
import { registrationCatalog, type RegistrationEntry, type RegistrationRole } from './catalog/registrations.js';
import type { ClientEntry, ClientKind } from './catalog/types.js';
import { perNode } from './analysis/program-cache.js';

/** A call matched by the callee's name (`runInWorker(fn)`, `router.handle(fn)`), for project-local helpers. */
export interface NamedCallMatcher {
  name: string;
  role: RegistrationRole;
  label: string;
}

/** Everything the rules know, after user settings are merged into the built-in catalogs. */
export interface Knowledge {
  clients: readonly ClientEntry[];
  blockingCalls: readonly BlockingCallEntry[];
  registrations: readonly RegistrationEntry[];
  namedRegistrations: ReadonlyMap<string, NamedCallMatcher>;
  handlerDecorators: ReadonlyMap<string, string>;
  runtime: 'node' | 'edge' | undefined;
  /** The project layer (`src/project/`): `false` turns it off; otherwise where the project is and which files it has. */
  project: ProjectSettings | false;
  /**
   * The user's settings as JSON (`''` for none) without `project`, whose paths differ between
   * checkouts (`root: import.meta.dirname`): what the project layer's disk cache is keyed by.
   */
  fingerprint: string;
}

/** `settings['shared-client'].project`; paths relative to ESLint's cwd. */
export interface ProjectSettings {
  root?: string;
  include?: readonly string[];
  exclude?: readonly string[];
  /** The disk cache's directory; `false` keeps everything in memory. */
  cache?: string | false;
}

export const SETTINGS_KEY = 'shared-client';

const SETTINGS_SHAPE = `{
  clients?: { module: string, export: string, kind: 'pool' | 'wrapper', close?: string, label?: string }[],
  handlers?: ({ module: string, export: string, properties?: string[] } | { name: string } | { decorator: string })[],
  blockingCalls?: { module: string, export: string, asyncAlternative?: string, description?: string }[],
  offloadWrappers?: ({ module: string, export: string } | { name: string })[],
  runtime?: 'node' | 'edge',
  project?: false | { root?: string, include?: string[], exclude?: string[], cache?: string | false }
}`;

export class SettingsError extends Error {
  constructor(path: string, problem: string) {
    super(`Invalid settings['${SETTINGS_KEY}']${path}: ${problem}. Expected the shape ${SETTINGS_SHAPE}`);
    this.name = 'SettingsError';
  }
}

const defaultKnowledge: Knowledge = {
  clients: clientCatalog,
  blockingCalls: blockingCallCatalog,
  registrations: registrationCatalog,
  namedRegistrations: new Map(),
  handlerDecorators: new Map(),
  runtime: undefined,
  project: {},
  fingerprint: '',
};

const parseCached = perNode((raw: object) => parseSettings(raw));

/**
 * The settings object last parsed and what it gave. Every rule asks for every file, and the files
 * of a run share one settings object (ESLint's merged config, cached per matching config): the
 * comparison saves the `WeakMap` lookups of `parseCached`.
 */
let lastRaw: object | undefined;
let lastKnowledge: Knowledge = defaultKnowledge;

/** The merged knowledge for a rule context's `settings`, parsed and validated once per settings object. */
export function knowledgeFrom(settings: Readonly<Record<string, unknown>> | undefined): Knowledge {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined) return defaultKnowledge;
  if (raw === lastRaw) return lastKnowledge;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new SettingsError('', 'must be an object');
  const knowledge = parseCached(raw);
  lastRaw = raw;
  lastKnowledge = knowledge;
  return knowledge;
}

function parseSettings(raw: object): Knowledge {
  const settings = raw as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!['clients', 'blockingCalls', 'handlers', 'offloadWrappers', 'runtime', 'project'].includes(key)) throw new SettingsError(`.${key}`, 'is not a known setting');
  }
  const clients = optionalArray(settings, 'clients').map((item, index) => parseClient(item, `.clients[${index}]`));
  const blockingCalls = optionalArray(settings, 'blockingCalls').map((item, index) => parseBlockingCall(item, `.blockingCalls[${index}]`));
  const handlers = optionalArray(settings, 'handlers').map((item, index) => parseCallMatcher(item, `.handlers[${index}]`, 'request', true));
  const offload = optionalArray(settings, 'offloadWrappers').map((item, index) =>
    parseCallMatcher(item, `.offloadWrappers[${index}]`, 'offload', false),
  );
  const runtime = settings.runtime;
  if (runtime !== undefined && runtime !== 'node' && runtime !== 'edge') {
    throw new SettingsError('.runtime', `must be 'node' or 'edge' (got ${JSON.stringify(runtime)})`);
  }
  const matchers = [...handlers, ...offload];
  return {
    clients: [...clients, ...clientCatalog],
    blockingCalls: [...blockingCalls, ...blockingCallCatalog],
    registrations: [...matchers.flatMap((m) => (m.type === 'import' ? [m.entry] : [])), ...registrationCatalog],
    namedRegistrations: new Map(matchers.flatMap((m) => (m.type === 'name' ? [[m.matcher.name, m.matcher] as const] : []))),
    handlerDecorators: new Map(matchers.flatMap((m) => (m.type === 'decorator' ? [[m.decorator, 'handler'] as const] : []))),
    runtime,
    project: parseProject(settings.project),
    fingerprint: JSON.stringify({ ...settings, project: undefined }),
  };
}

function parseProject(value: unknown): ProjectSettings | false {
  if (value === undefined) return {};
  if (value === false) return false;
  const object = expectObject(value, '.project', ['root', 'include', 'exclude', 'cache']);
  const project: { root?: string; include?: string[]; exclude?: string[]; cache?: string | false } = {};
  const root = optionalString(object, 'root', '.project');
  if (root !== undefined) project.root = root;
  const cache = object.cache;
  if (cache !== undefined && cache !== false && (typeof cache !== 'string' || cache === '')) {
    throw new SettingsError('.project.cache', `must be a directory (a non-empty string) or false (got ${JSON.stringify(cache)})`);
  }
  if (cache !== undefined) project.cache = cache;
  for (const key of ['include', 'exclude'] as const) {
    const globs = object[key];
    if (globs === undefined) continue;
    if (!Array.isArray(globs) || !globs.every((glob) => typeof glob === 'string' && glob !== '')) {
      throw new SettingsError(`.project.${key}`, 'must be an array of non-empty glob strings');
    }
    project[key] = globs as string[];
  }
  return project;
}

function optionalArray(settings: Record<string, unknown>, key: string): unknown[] {
  const value = settings[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SettingsError(`.${key}`, 'must be an array');
  return value;
}

function parseClient(item: unknown, path: string): ClientEntry {
  const object = expectObject(item, path, ['module', 'export', 'kind', 'close', 'label']);
  const module = expectString(object, 'module', path);
  const exportPath = expectString(object, 'export', path);
  const kind = object.kind;
  if (kind !== 'pool' && kind !== 'wrapper') {
    throw new SettingsError(`${path}.kind`, `must be 'pool' or 'wrapper' (got ${JSON.stringify(kind)})`);
  }
  return {
    module,
    export: exportPath,
    kind: kind satisfies ClientKind,
    close: optionalString(object, 'close', path),
    label: optionalString(object, 'label', path) ?? `${exportPath.replace(/^default\.?/, '') || module} (${module})`,
  };
}

/**
 * A project's own blocking call. `asyncAlternative` names an export of the same module that takes
 * the same arguments and returns a promise of the same result: the fix then awaits it.
 */
function parseBlockingCall(item: unknown, path: string): BlockingCallEntry {
  const object = expectObject(item, path, ['module', 'export', 'asyncAlternative', 'description']);
  const module = expectString(object, 'module', path);
  const exportPath = expectString(object, 'export', path);
  const asyncAlternative = optionalString(object, 'asyncAlternative', path);
  if (asyncAlternative !== undefined && !/^[A-Za-z_$][\w$]*$/.test(asyncAlternative)) {
    throw new SettingsError(`${path}.asyncAlternative`, `must be the name of an export of the same module (got ${JSON.stringify(asyncAlternative)})`);
  }
  return {
    module,
    export: exportPath,
    label: [module, exportPath.replace(/^default\.?/, '')].filter(Boolean).join('.'),
    work: 'other',
    description: optionalString(object, 'description', path),
    alternative: asyncAlternative === undefined ? null : { source: { kind: 'same-module', export: asyncAlternative } },
  };
}

type ParsedMatcher =
  | { type: 'import'; entry: RegistrationEntry }
  | { type: 'name'; matcher: NamedCallMatcher }
  | { type: 'decorator'; decorator: string };

function parseCallMatcher(item: unknown, path: string, role: RegistrationRole, allowDecorator: boolean): ParsedMatcher {
  const allowed = ['module', 'export', 'properties', 'name', ...(allowDecorator ? ['decorator'] : [])];
  const object = expectObject(item, path, allowed);
  const label = role === 'offload' ? 'offload wrapper' : 'handler';
  if ('name' in object) return { type: 'name', matcher: { name: expectString(object, 'name', path), role, label } };
  if (allowDecorator && 'decorator' in object) return { type: 'decorator', decorator: expectString(object, 'decorator', path) };
  const entry: RegistrationEntry = { module: expectString(object, 'module', path), export: expectString(object, 'export', path), role, label };
  const properties = object.properties;
  if (properties !== undefined) {
    if (!Array.isArray(properties) || !properties.every((p) => typeof p === 'string')) {
      throw new SettingsError(`${path}.properties`, 'must be an array of strings');
    }
    return { type: 'import', entry: { ...entry, properties } };
  }
  return { type: 'import', entry };
}

function expectObject(item: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new SettingsError(path, 'must be an object');
  for (const key of Object.keys(item)) {
    if (!allowed.includes(key)) throw new SettingsError(`${path}.${key}`, `is not a known property (expected one of ${allowed.join(', ')})`);
  }
  return item as Record<string, unknown>;
}

function expectString(object: Record<string, unknown>, key: string, path: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value === '') throw new SettingsError(`${path}.${key}`, `must be a non-empty string (got ${JSON.stringify(value)})`);
  return value;
}

function optionalString(object: Record<string, unknown>, key: string, path: string): string | undefined {
  return object[key] === undefined ? undefined : expectString(object, key, path);
}
