import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { SOURCE_EXTENSIONS } from './files.js';
import { loadOptional } from './native.js';

/** Resolves a module specifier written in `fromFile` to an absolute file path, or `null`. */
export type Resolve = (fromFile: string, specifier: string) => string | null;

interface ResolveResult { path?: string; error?: string }
interface OxcResolver {
  resolveFileSync(file: string, request: string): ResolveResult;
  sync(directory: string, request: string): ResolveResult;
}
interface OxcResolverModule {
  ResolverFactory: new (options: Record<string, unknown>) => OxcResolver;
}

const OPTIONS = {
  extensions: [...SOURCE_EXTENSIONS, '.json'],
  // `import './x.js'` written for `x.ts` (TypeScript's NodeNext style).
  extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
  conditionNames: ['types', 'import', 'require', 'node', 'default'],
  mainFields: ['types', 'module', 'main'],
  builtinModules: true,
};

/**
 * The project's resolver: `oxc-resolver` with the tsconfig that covers each file (`paths`,
 * `baseUrl`, `extends`), again without tsconfig when that fails (an `extends` it cannot
 * resolve fails every lookup), then a relative-path resolver with extension and `index` probing
 * plus the workspace packages by name, which is all there is when the native binding cannot load.
 */
export function createResolver(root: string): Resolve {
  const oxc = loadOptional<OxcResolverModule>('oxc-resolver');
  let withTsconfig: OxcResolver | null = null;
  let plain: OxcResolver | null = null;
  try {
    if (oxc) {
      withTsconfig = new oxc.ResolverFactory({ ...OPTIONS, tsconfig: 'auto' });
      plain = new oxc.ResolverFactory(OPTIONS);
    }
  } catch {
    withTsconfig = plain = null;
  }
  const workspaces = workspacePackages(root);
  return (fromFile, specifier) => {
    try {
      if (specifier.startsWith('node:')) return null;
      for (const resolver of [withTsconfig, plain]) {
        const result = resolver?.resolveFileSync(fromFile, specifier);
        if (result?.path) return result.path;
      }
      return resolveRelative(fromFile, specifier) ?? resolveWorkspace(workspaces, specifier);
    } catch {
      return null;
    }
  };
}

/** `./x`, `../x.js`, `/abs/x`: the file itself, with a source extension, `.js` written for `.ts`, or its `index`. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  return probe(resolve(dirname(fromFile), specifier));
}

function probe(base: string): string | null {
  if (isFile(base) && SOURCE_EXTENSIONS.some((extension) => base.endsWith(extension))) return base;
  const written = /\.[cm]?jsx?$/.exec(base);
  if (written) {
    const stem = base.slice(0, -written[0].length);
    const alternatives = written[0].startsWith('.m') ? ['.mts'] : written[0].startsWith('.c') ? ['.cts'] : ['.ts', '.tsx'];
    for (const extension of alternatives) if (isFile(stem + extension)) return stem + extension;
  }
  for (const extension of SOURCE_EXTENSIONS) if (isFile(base + extension)) return base + extension;
  for (const extension of SOURCE_EXTENSIONS) if (isFile(join(base, `index${extension}`))) return join(base, `index${extension}`);
  return null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface WorkspacePackage { directory: string; entry: string | null }

/** The workspace globs of the root: `package.json` `workspaces` (array or `{ packages }`), else `pnpm-workspace.yaml` `packages`. */
function workspacePatterns(root: string): string[] {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: unknown };
    const raw = manifest.workspaces;
    const patterns = Array.isArray(raw) ? strings(raw) : raw && typeof raw === 'object' ? strings((raw as { packages?: unknown }).packages) : [];
    if (patterns.length > 0) return patterns;
  } catch {
    // No package.json at the root, or one that does not parse: pnpm's file may still say.
  }
  try {
    const pnpm = parseYaml(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: unknown } | null;
    return strings(pnpm?.packages);
  } catch {
    return [];
  }
}

/** Workspace packages of the root, by name. */
function workspacePackages(root: string): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  try {
    const patterns = workspacePatterns(root);
    const globs = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => `${pattern.replace(/\/$/, '')}/package.json`);
    const ignore = ['**/node_modules/**', ...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))];
    if (globs.length === 0) return packages;
    for (const path of globSync(globs, { cwd: root, ignore })) {
      const directory = dirname(join(root, path));
      const workspace = JSON.parse(readFileSync(join(root, path), 'utf8')) as { name?: unknown; exports?: unknown; main?: unknown; module?: unknown };
      if (typeof workspace.name === 'string') packages.set(workspace.name, { directory, entry: packageEntry(workspace) });
    }
  } catch {
    // No workspaces, or a manifest that does not parse: no workspace packages by name.
  }
  return packages;
}

function packageEntry(manifest: { exports?: unknown; main?: unknown; module?: unknown }): string | null {
  const dot = exportTarget(manifest.exports);
  if (dot !== null) return dot;
  if (typeof manifest.module === 'string') return manifest.module;
  return typeof manifest.main === 'string' ? manifest.main : null;
}

function exportTarget(exports: unknown): string | null {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return null;
  const map = exports as Record<string, unknown>;
  if ('.' in map) return exportTarget(map['.']);
  for (const condition of ['types', 'import', 'require', 'node', 'default']) {
    if (condition in map) {
      const target = exportTarget(map[condition]);
      if (target !== null) return target;
    }
  }
  return null;
}

function resolveWorkspace(workspaces: Map<string, WorkspacePackage>, specifier: string): string | null {
  for (const [name, workspace] of workspaces) {
    if (specifier === name) {
      if (workspace.entry !== null) {
        const entry = probe(join(workspace.directory, workspace.entry));
        if (entry) return entry;
      }
      return probe(join(workspace.directory, 'src')) ?? probe(workspace.directory);
    }
    if (specifier.startsWith(`${name}/`)) {
      const subpath = join(workspace.directory, specifier.slice(name.length + 1));
      return probe(subpath) ?? (existsSync(join(workspace.directory, 'src')) ? probe(join(workspace.directory, 'src', specifier.slice(name.length + 1))) : null);
    }
  }
  return null;
}
