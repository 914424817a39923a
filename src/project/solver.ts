import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { innermostFunction, isFunction } from '../analysis/ast.js';
import { type ExecutionContext, functionName } from '../analysis/contexts.js';
import { exportNames, isExportReference } from '../analysis/exports.js';
import { functionRole, positionRole } from '../analysis/function-roles.js';
import { type FileSummary, fileSummary } from './file-summary.js';
import type { ProjectIndex, UnchangedTree } from './project-index.js';
import type { Knowledge } from '../settings.js';
import { fileStamp } from './stamp.js';
import { type ExportRef, type Use, findUses } from './uses.js';

export interface CrossFileCaller { file: string; line: number; label: string }
/**
 * `scheduled`: run by a timer or scheduler and by no request (see `ExecutionContext.scheduled`);
 * `edge`: called from an edge runtime file, where I/O objects are made per request on purpose.
 */
const CROSS_FILE_KINDS = ['request', 'scheduled', 'edge', 'startup', 'once', 'test', 'unknown'] as const;
export type CrossFileKind = (typeof CROSS_FILE_KINDS)[number];
export interface CrossFileContext { kind: CrossFileKind; chain: CrossFileCaller[] }

const UNKNOWN: CrossFileContext = Object.freeze({ kind: 'unknown', chain: [] }) as CrossFileContext;
/** Call sites worked out per question at most: past it the answer is `unknown`, never slow. */
const BUDGET = 5000;

/** What an answer was worked out from: each file read at its stamp, each importer set at its digest. */
interface Dependencies {
  stamps: Map<string, string | null>;
  importers: Map<string, string>;
}
interface Exact extends Dependencies { context: CrossFileContext }

/** An answer as the disk cache keeps it, paths relative to the root: context, chain, file digests, importer-set digests. */
interface SavedAnswer {
  kind: CrossFileKind;
  chain: [string, number, string][];
  files: [string, string][];
  importers: [string, string][];
}

/**
 * Cross-file contexts of one project. A question about an export is answered from the uses of
 * it in the files that import it (through re-exports), each site's context coming from the
 * rules' own `ContextAnalysis` of that file; a site in a function whose callers its file does
 * not show asks the same question about that function's export, transitively. An export already
 * being worked out further up (a cycle) stands in as `unknown`; answers that leaned on such a
 * stand-in are not kept, so no answer depends on the order of the questions. Answers saved by an
 * earlier process are used while every file and importer set they came from is unchanged.
 */
export class Solver {
  private readonly exact = new Map<string, Exact>();
  private readonly inProgress = new Set<string>();
  private standIns = 0;
  private budget = BUDGET;
  private depended: Dependencies[] = [];
  private saved = new Map<string, SavedAnswer>();
  /** Whether an answer was worked out here that the saved ones did not have. */
  private changed = false;

  private built: ProjectIndex | null = null;

  /**
   * `buildIndex` runs on the first question the saved answers cannot settle; until then, while
   * `unchangedTree` (the saved index's tree, still the one on disk) holds, saved answers are
   * checked against it alone.
   */
  constructor(
    private readonly buildIndex: () => ProjectIndex,
    readonly knowledge: Knowledge,
    private readonly unchangedTree: UnchangedTree | null = null,
  ) {}

  /** The project index, built on first use. */
  get index(): ProjectIndex {
    this.built ??= this.buildIndex();
    return this.built;
  }

  /** The index's snapshot for the disk cache; `null` when it was never built or holds nothing new. */
  indexSnapshot(): ReturnType<ProjectIndex['snapshot']> {
    return this.built?.snapshot() ?? null;
  }

  /** Whether the index was built here and holds anything the saved one did not. */
  get indexChanged(): boolean {
    return this.built?.hasChanges ?? false;
  }

  /** The stamps of the index built here (`null` when none was), for the disk cache. */
  indexStamps(): ReturnType<ProjectIndex['stamps']> | null {
    return this.built?.stamps() ?? null;
  }

  /** The saved tree, while the index is not built and the tree still holds: importer sets are then the saved ones. */
  private get savedTree(): UnchangedTree | null {
    return this.built === null && this.unchangedTree?.stillCurrent() ? this.unchangedTree : null;
  }

  /** What saved answers are checked against: the unchanged saved tree, else the index. */
  private get files(): Pick<ProjectIndex, 'state' | 'relative' | 'absolute'> {
    return this.savedTree ?? this.index;
  }

  private importersUnchanged(importers: Iterable<readonly [string, string]>): boolean {
    if (this.savedTree) return true;
    for (const [path, digest] of importers) if (this.index.importersKey(path) !== digest) return false;
    return true;
  }

  context(file: string, exportName: string): CrossFileContext {
    this.budget = BUDGET;
    return this.solve(file, exportName);
  }

  /**
   * The context of the code at `node` in a file being linted, whose own analysis found no
   * callers for it: the first link of the chain is that code's function.
   */
  contextAt(summary: FileSummary, node: TSESTree.Node): CrossFileContext {
    this.budget = BUDGET;
    return this.siteContext(summary, node, new Set());
  }

  /** Whether an answer was worked out here that the saved ones did not have. */
  get hasNewAnswers(): boolean {
    return this.changed;
  }

  /** Takes the answers an earlier process saved (`snapshot()`'s format); each is checked when asked for. */
  restore(saved: unknown): void {
    if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return;
    for (const [key, answer] of Object.entries(saved)) if (isSavedAnswer(answer)) this.saved.set(key, answer);
  }

  /**
   * The answers to keep for later processes: the ones worked out here and the saved ones still
   * valid, each only while its files are unchanged since. Saved answers are checked again even
   * when nothing here is new (an index rebuilt because a file changed): a later run on an
   * unchanged tree takes them without checking their importer sets.
   */
  snapshot(): Record<string, SavedAnswer> {
    const result: Record<string, SavedAnswer> = {};
    for (const [key, answer] of this.saved) if (this.isCurrent(answer)) result[key] = answer;
    for (const [key, exact] of this.exact) {
      const saved = this.toSaved(exact);
      if (saved) result[this.savedKey(key)] = saved;
    }
    return result;
  }

  private solve(file: string, exportName: string): CrossFileContext {
    const key = `${file}\0${exportName}`;
    const cached = this.exact.get(key) ?? this.fromSaved(key);
    if (cached && this.isFresh(cached)) {
      this.dependOnAll(cached);
      return cached.context;
    }
    if (this.inProgress.has(key)) {
      this.standIns++;
      return UNKNOWN;
    }
    const standInsBefore = this.standIns;
    this.inProgress.add(key);
    const dependencies: Dependencies = { stamps: new Map(), importers: new Map() };
    this.depended.push(dependencies);
    try {
      const context = this.compute(file, exportName);
      if (this.standIns === standInsBefore && this.budget > 0) {
        this.exact.set(key, { context, ...dependencies });
        this.changed = true;
      }
      return context;
    } finally {
      this.inProgress.delete(key);
      this.depended.pop();
      this.dependOnAll(dependencies);
    }
  }

  private isFresh(exact: Exact): boolean {
    for (const [path, stamp] of exact.stamps) if (fileStamp(path) !== stamp) return false;
    return this.importersUnchanged(exact.importers);
  }

  private depend(path: string, stamp: string | null): void {
    this.depended.at(-1)?.stamps.set(path, stamp);
  }

  private dependOnImporters(path: string, importers: string): void {
    this.depended.at(-1)?.importers.set(path, importers);
  }

  /** What an answer came from is also what the answer being worked out around it comes from. */
  private dependOnAll(dependencies: Dependencies): void {
    for (const [path, stamp] of dependencies.stamps) this.depend(path, stamp);
    for (const [path, importers] of dependencies.importers) this.dependOnImporters(path, importers);
  }

  /** The project files that import `file`, in a fixed order; the answer being worked out depends on that set. */
  private importersOf(file: string): string[] {
    const importers = [...this.index.importers(file)].sort();
    this.dependOnImporters(file, this.index.importersKey(file));
    return importers;
  }

  /** A saved answer for `key`, taken into memory when the files it came from still have the same text. */
  private fromSaved(key: string): Exact | null {
    const savedKey = this.savedKey(key);
    const answer = this.saved.get(savedKey);
    if (!answer) return null;
    this.saved.delete(savedKey);
    if (!this.isCurrent(answer)) return null;
    const files = this.files;
    const stamps = new Map<string, string | null>();
    for (const [path] of answer.files) stamps.set(files.absolute(path), files.state(files.absolute(path))?.stamp ?? null);
    const importers = new Map(answer.importers.map(([path, digest]) => [files.absolute(path), digest] as const));
    const chain = answer.chain.map(([path, line, label]) => ({ file: files.absolute(path), line, label }));
    const exact: Exact = { context: { kind: answer.kind, chain }, stamps, importers };
    this.exact.set(key, exact);
    return exact;
  }

  private isCurrent(answer: SavedAnswer): boolean {
    const files = this.files;
    return (
      answer.files.every(([path, hash]) => files.state(files.absolute(path))?.hash === hash) &&
      this.importersUnchanged(answer.importers.map(([path, digest]) => [files.absolute(path), digest] as const))
    );
  }

  private toSaved(exact: Exact): SavedAnswer | null {
    const files = this.files;
    const saved: [string, string][] = [];
    for (const [path, stamp] of exact.stamps) {
      const state = files.state(path);
      if (!state || state.stamp !== stamp || state.hash === null) return null;
      saved.push([files.relative(path), state.hash]);
    }
    return {
      kind: exact.context.kind,
      chain: exact.context.chain.map((link): [string, number, string] => [files.relative(link.file), link.line, link.label]),
      files: saved,
      importers: [...exact.importers].map(([path, digest]): [string, string] => [files.relative(path), digest]),
    };
  }

  /** `file\0export` with the file relative to the root. */
  private savedKey(key: string): string {
    const separator = key.indexOf('\0');
    return `${this.files.relative(key.slice(0, separator))}${key.slice(separator)}`;
  }

  private compute(file: string, exportName: string): CrossFileContext {
    const dot = exportName.indexOf('.');
    const ref: ExportRef = dot > 0 ? { name: exportName.slice(0, dot), member: exportName.slice(dot + 1) } : { name: exportName, member: null };
    const results: CrossFileContext[] = [];
    let escapes = false;
    for (const alias of this.aliases(file, ref.name)) {
      const declared = this.index.handlers.find((handler) => handler.file === alias.file && handler.exportName === alias.name && ref.member === null);
      if (declared) return { kind: 'request', chain: [{ file: declared.config, line: declared.line, label: declared.label }] };
      if (alias.namespace) {
        escapes = true;
        continue;
      }
      for (const importer of this.importersOf(alias.file)) {
        const summary = fileSummary(importer, this.index.root, this.knowledge);
        this.depend(importer, summary?.stamp ?? null);
        if (!summary) {
          escapes = true;
          continue;
        }
        const found = findUses(summary, alias.file, { name: alias.name, member: ref.member }, this.index.resolve);
        escapes ||= found.escapes;
        for (const use of found.uses) {
          if (--this.budget < 0) return UNKNOWN;
          const answer = this.useContext(summary, use, new Set());
          if (answer.kind === 'request') return answer;
          results.push(answer);
        }
      }
    }
    return combine(results, escapes);
  }

  /** `file`'s export `name`, and the names it is re-exported under by barrels, transitively. */
  private aliases(file: string, name: string): { file: string; name: string; namespace: boolean }[] {
    const found = [{ file, name, namespace: false }];
    const seen = new Set([`${file}\0${name}`]);
    for (let i = 0; i < found.length && found.length < 200; i++) {
      const current = found[i]!;
      if (current.namespace) continue;
      for (const barrel of this.importersOf(current.file)) {
        const reExports = this.index.reExports(barrel);
        if (reExports.length > 0) this.depend(barrel, this.index.state(barrel)?.stamp ?? null);
        for (const reExport of reExports) {
          if (reExport.from !== current.file) continue;
          let alias: { file: string; name: string; namespace: boolean } | null = null;
          if (reExport.importName === current.name) alias = { file: barrel, name: reExport.exportName, namespace: false };
          else if (reExport.importName === '*' && current.name !== 'default') alias = { file: barrel, name: current.name, namespace: false };
          else if (reExport.importName === '**') alias = { file: barrel, name: reExport.exportName, namespace: true };
          if (alias && !seen.has(`${alias.file}\0${alias.name}`)) {
            seen.add(`${alias.file}\0${alias.name}`);
            found.push(alias);
          }
        }
      }
    }
    return found;
  }

  /** The context of one use of an export in `summary`'s file. */
  private useContext(summary: FileSummary, use: Use, visited: Set<TSESTree.Node>): CrossFileContext {
    const line = use.node.loc.start.line;
    // An edge runtime file (`export const runtime = 'edge'`) makes its I/O objects per request on
    // purpose, as the rules' own analysis of that file does.
    if (summary.env.facts.edge) return { kind: 'edge', chain: [{ file: summary.file, line, label: 'edge runtime' }] };
    if (use.kind === 'passed') {
      const role = positionRole(summary.env, use.node, null);
      if (!role) return UNKNOWN;
      switch (role.kind) {
        case 'request':
          return { kind: repeatKind(role.scheduled), chain: [{ file: summary.file, line, label: role.label }] };
        case 'startup':
        case 'once':
          return { kind: role.kind, chain: [{ file: summary.file, line, label: role.label }] };
        case 'test-setup':
        case 'test-teardown':
        case 'test-body':
          return { kind: 'test', chain: [{ file: summary.file, line, label: role.label }] };
        case 'iteration':
        case 'inline': {
          // It runs with the call it is handed to. For a call the analysis does not know, only
          // inside a function (`parseForm(request, uploadHandler)` in an action), as the file's own
          // analysis reads callbacks: at module scope the call may be a wrapper that returns a
          // handler (`export const GET = withAuth(handler)`), and when the function runs is a guess.
          const call = enclosingCall(use.node);
          if (!call || (role.kind === 'inline' && !innermostFunction(call))) return UNKNOWN;
          return this.siteContext(summary, call, visited);
        }
        default:
          // A callback of a call the analysis does not know: when it runs is a guess.
          return UNKNOWN;
      }
    }
    return this.siteContext(summary, use.node, visited);
  }

  private siteContext(summary: FileSummary, site: TSESTree.Node, visited: Set<TSESTree.Node>): CrossFileContext {
    const line = site.loc.start.line;
    let context: ExecutionContext;
    try {
      context = summary.contexts.contextAt(site);
    } catch {
      return UNKNOWN;
    }
    const link = (label: string): CrossFileCaller => ({ file: summary.file, line, label });
    switch (context.kind) {
      case 'startup':
        // A class this file never instantiates: its instances are made where other files say.
        if (context.assumed) break;
        return { kind: context.kind, chain: [link([...context.via, context.label].join(' < '))] };
      case 'request':
        return { kind: repeatKind(context.scheduled), chain: [link([...context.via, context.label].join(' < '))] };
      case 'once':
      case 'test':
        return { kind: context.kind, chain: [link([...context.via, context.label].join(' < '))] };
      case 'unknown':
        break;
      default:
        // Worker threads and edge handlers: neither per request in the sense of sharing, nor startup.
        return UNKNOWN;
    }
    const fn = enclosingCallable(summary, site);
    if (!fn || visited.has(fn.node)) return UNKNOWN;
    visited.add(fn.node);
    const answers: CrossFileContext[] = [];
    const exported = fn.exports(summary);
    for (const name of exported) {
      const answer = this.solve(summary.file, name);
      if (answer.kind === 'request') return { kind: 'request', chain: [link(`${fn.label}`), ...answer.chain] };
      answers.push(answer);
    }
    // Its callers in the file too, which may run per request through other files (an exported
    // helper that the file's own exported functions also call).
    const calls = inFileCalls(summary, fn.node);
    if (calls === null && exported.length === 0) return UNKNOWN;
    for (const call of calls ?? []) {
      if (--this.budget < 0) return UNKNOWN;
      const answer = this.siteContext(summary, call, visited);
      // The caller in this file is a link of its own: `createEcrClient()` ← `getImageRef()` at this file's line ← the route.
      if (answer.kind === 'request') return { kind: 'request', chain: [link(fn.label), ...answer.chain] };
      answers.push(answer);
    }
    const escapes = exported.length === 0 && calls?.length === 0;
    const combined = combine(answers, escapes);
    return combined.kind === 'unknown' ? UNKNOWN : { kind: combined.kind, chain: [link(fn.label), ...combined.chain] };
  }
}

/** The cross-file kind of per-request code: `scheduled` when only timers and schedulers run it. */
function repeatKind(scheduled: true | undefined): 'request' | 'scheduled' {
  return scheduled ? 'scheduled' : 'request';
}

function isSavedAnswer(value: unknown): value is SavedAnswer {
  if (value === null || typeof value !== 'object') return false;
  const answer = value as SavedAnswer;
  return (
    (CROSS_FILE_KINDS as readonly string[]).includes(answer.kind) &&
    Array.isArray(answer.chain) &&
    answer.chain.every((link) => Array.isArray(link) && typeof link[0] === 'string' && typeof link[1] === 'number' && typeof link[2] === 'string') &&
    [answer.files, answer.importers].every((pairs) => Array.isArray(pairs) && pairs.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string'))
  );
}

/**
 * Per request anywhere wins, then a schedule, then an edge runtime; callers all known and run once (startup,
 * once-guards, tests) make it so; anything else is unknown.
 */
function combine(results: readonly CrossFileContext[], escapes: boolean): CrossFileContext {
  for (const kind of ['request', 'scheduled', 'edge'] as const) {
    const found = results.find((result) => result.kind === kind);
    if (found) return found;
  }
  if (escapes || results.length === 0 || results.some((result) => result.kind === 'unknown')) return UNKNOWN;
  for (const kind of ['test', 'once'] as const) if (results.every((result) => result.kind === kind)) return results[0]!;
  return results.find((result) => result.kind === 'startup') ?? results.find((result) => result.kind === 'once') ?? results[0]!;
}

interface Callable {
  node: TSESTree.Node;
  label: string;
  /** The export names that reach this function or its class from other files. */
  exports(summary: FileSummary): string[];
}

/**
 * The function (or class instance code) around `site`, with the export names it has. Callbacks
 * that run where they are passed (`withRetry(async () => ...)`, `.then(...)`) are part of the
 * function around them, as the file's own analysis reads them.
 */
function enclosingCallable(summary: FileSummary, site: TSESTree.Node): Callable | null {
  let child: TSESTree.Node = site;
  for (let node = site.parent; node; child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.PropertyDefinition && child === node.value && !node.static) {
      const classNode = node.parent.parent;
      return { node: classNode, label: `new ${className(classNode)}()`, exports: (summary) => exportNames(summary.sourceCode, classNode) };
    }
    if (!isFunction(node)) continue;
    const fn = node;
    if (functionRole(summary.env, fn).kind === 'inline') continue;
    const method = fn.parent.type === AST_NODE_TYPES.MethodDefinition ? fn.parent : null;
    if (method) {
      const classNode = method.parent.parent;
      const methodName = functionName(fn);
      if (method.kind === 'constructor') return { node: fn, label: `new ${className(classNode)}()`, exports: (summary) => exportNames(summary.sourceCode, classNode) };
      return {
        node: fn,
        label: `${className(classNode)}.${methodName}()`,
        exports: (summary) => exportNames(summary.sourceCode, classNode).map((name) => `${name}.${methodName}`),
      };
    }
    return { node: fn, label: `${functionName(fn)}()`, exports: (summary) => exportNames(summary.sourceCode, fn) };
  }
  return null;
}

function className(node: TSESTree.Node): string {
  return (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.id ? node.id.name : 'class';
}

/** Calls in its own file of a named function; `null` when it is also used otherwise (stored, passed), exports aside. */
function inFileCalls(summary: FileSummary, fn: TSESTree.Node): TSESTree.Node[] | null {
  let declaration: TSESTree.Node | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) declaration = fn;
  else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn) declaration = fn.parent;
  if (!declaration) return null;
  const [variable] = summary.sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? [];
  if (!variable) return null;
  const calls: TSESTree.Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const identifier = reference.identifier as TSESTree.Node;
    if (identifier.range[0] >= fn.range[0] && identifier.range[1] <= fn.range[1]) continue;
    const parent = identifier.parent;
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee === identifier) calls.push(parent);
    else if (!isExportReference(summary.sourceCode, identifier)) return null;
  }
  return calls;
}

function enclosingCall(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) return current;
    if (isFunction(current)) return null;
  }
  return null;
}
