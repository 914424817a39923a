import { CALL, CONSTRUCT, READ, ReferenceTracker } from '@eslint-community/eslint-utils';
import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ModuleExportRef } from '../catalog/types.js';
import { globalReferences, moduleSources, normalizeSpecifier } from './modules.js';
import { perNode, perProgram } from './program-cache.js';
import { specifierPrefilter } from './specifier-prefilter.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** A call or construction that the import tracker matched to a catalog entry. */
export interface ResolvedCall<E> {
  node: CallLike;
  entry: E;
  /** The module specifier as the file wrote it. */
  specifier: string;
  /** The export path as used in the file, e.g. `['S3Client']` or `['default', 'create']`. */
  path: readonly string[];
}

/** Entries whose `module` is `globalThis` resolve through global variables (`Atomics.wait`). */
export const GLOBAL_MODULE = 'globalThis';

export interface TraceNode {
  [key: string]: TraceNode;
}

export interface TrackedReference<T> {
  node: TSESTree.Node;
  path: string[];
  info: T;
}

/** ReferenceTracker, typed for typescript-eslint's AST. */
export interface Tracker {
  iterateEsmReferences<T>(traceMap: Record<string, TraceNode>): IterableIterator<TrackedReference<T>>;
  iteratePropertyReferences<T>(node: TSESTree.Node, traceMap: TraceNode): IterableIterator<TrackedReference<T>>;
}

/** One ReferenceTracker per file, in legacy mode: a CJS module binds both default and named imports. */
export const referenceTracker = perProgram(
  (sourceCode): Tracker =>
    new ReferenceTracker(sourceCode.scopeManager!.globalScope as never, { mode: 'legacy' }) as unknown as Tracker,
);

/**
 * Returns a resolver for one catalog: for a file, every call/construction that reaches one of the
 * catalog's exports through real imports (ESM named/default/namespace, `require` with destructuring
 * and renames, `import x = require()`), aliases included. Results are cached per file.
 */
export const catalogResolver = perNode(<E extends ModuleExportRef>(entries: readonly E[]) => {
  const resolved = resolvedReferences(entries);
  return (sourceCode: SourceCode): ReadonlyMap<TSESTree.Node, ResolvedCall<E>> => resolved(sourceCode).calls;
}) as <E extends ModuleExportRef>(entries: readonly E[]) => (sourceCode: SourceCode) => ReadonlyMap<TSESTree.Node, ResolvedCall<E>>;

/** A tagged template whose tag reaches a catalog export marked `templateTag`: `` $.sync`ls` ``. */
export interface ResolvedTag<E> {
  node: TSESTree.TaggedTemplateExpression;
  entry: E;
  specifier: string;
  path: readonly string[];
}

/**
 * Returns a resolver for the tagged templates of one catalog: for a file, every tagged template
 * whose tag reaches an export marked `templateTag` (`` $.sync`ls` ``, `` execaSync`ls` ``), keyed
 * by the TaggedTemplateExpression. Resolved in the same pass as `catalogResolver`'s calls.
 */
export const catalogTagResolver = perNode(<E extends ModuleExportRef>(entries: readonly E[]) => {
  const resolved = resolvedReferences(entries);
  return (sourceCode: SourceCode): ReadonlyMap<TSESTree.Node, ResolvedTag<E>> => resolved(sourceCode).tags;
}) as <E extends ModuleExportRef>(entries: readonly E[]) => (sourceCode: SourceCode) => ReadonlyMap<TSESTree.Node, ResolvedTag<E>>;

interface Resolved<E> {
  calls: ReadonlyMap<TSESTree.Node, ResolvedCall<E>>;
  tags: ReadonlyMap<TSESTree.Node, ResolvedTag<E>>;
}

const NOTHING_RESOLVED: Resolved<never> = { calls: new Map(), tags: new Map() };

const resolvedReferences = perNode(<E extends ModuleExportRef>(entries: readonly E[]) => {
  const index = indexEntries(entries);
  return perProgram((sourceCode): Resolved<E> => (mentionsReachableEntry(sourceCode, index) ? resolve(sourceCode, index) : NOTHING_RESOLVED));
}) as <E extends ModuleExportRef>(entries: readonly E[]) => (sourceCode: SourceCode) => Resolved<E>;

/**
 * Whether the file's text names an entry of a module it imports (or of a global it reads): the
 * text test below, run only for the entries the file can reach. A file importing `fs` is scanned
 * for `fs`'s names, not for the hundred names of every module in the catalog.
 */
function mentionsReachableEntry(sourceCode: SourceCode, index: EntryIndex<ModuleExportRef>): boolean {
  const mentions = new Set<Mention>();
  for (const source of moduleSources(sourceCode)) {
    for (const entries of index.entriesOfModule(source.specifier)) mentions.add(entryMention(entries));
  }
  for (const source of dynamicImports(sourceCode)) {
    for (const entries of index.entriesOfModule(source.specifier)) mentions.add(entryMention(entries));
  }
  if (index.globals.length > 0 && readsGlobal(sourceCode, index.globalNames)) mentions.add(entryMention(index.globals));
  return mentions.size > 0 && textMentions(sourceCode.text, [...mentions]);
}

/** The text test of a group of entries (one module's, the globals'), built once per group. */
const entryMention = perNode((entries: readonly ModuleExportRef[]) => mentionOf(entries));

/**
 * Whether the file reads one of `names` as a global. ESLint declares the globals it knows (`Atomics`
 * is an ES2017 built-in) in the global scope, with every read of them: a lookup by name. Only a
 * name the configuration leaves undeclared needs the file's unresolved references, which are all
 * its uses of `require`, `process`, `Object`..., hundreds in a large CommonJS file.
 */
export function readsGlobal(sourceCode: SourceCode, names: ReadonlySet<string>): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  let undeclared = false;
  for (const name of names) {
    const variable = globalScope.set.get(name);
    if (!variable) undeclared = true;
    else if (variable.defs.length === 0 && variable.references.length > 0) return true;
  }
  if (undeclared) for (const reference of globalScope.through) if (names.has(reference.identifier.name)) return true;
  return false;
}

/**
 * What a file's text must contain to reach one of `entries`. Every segment of an export path is spelled out
 * somewhere in a file that reaches it (an import specifier, a destructured key, a member access),
 * so the file must contain the entry's longest named segment as a whole word (`readFileSync`,
 * `create` of `default.create`, `Atomics` of `Atomics.wait`), or, for default and wildcard
 * exports, the module's name. Most files mention none and skip import tracking. The scan
 * (`textMentions`) looks for the names' last four characters with `indexOf` and checks the word
 * around each hit.
 */
function mentionOf(entries: readonly ModuleExportRef[]): Mention {
  const words = new Set<string>();
  const fragments = new Set<string>();
  let always = false;
  for (const entry of entries) {
    const named = entry.export.split('.').filter((segment) => segment !== '' && segment !== 'default' && !segment.includes('*'));
    const longest = named.reduce((best, segment) => (segment.length > best.length ? segment : best), '');
    if (longest !== '') words.add(longest);
    else if (entry.module === GLOBAL_MODULE) always = true;
    else fragments.add(normalizeSpecifier(entry.module).split('*')[0] ?? '');
  }
  if (fragments.has('')) always = true;
  return { always, words, fragments: [...fragments], anchors: [...new Set([...words].map((word) => word.slice(-4)))] };
}

/** What the text test looks for on behalf of one group of entries. */
interface Mention {
  /** The group can be reached without naming anything testable (a wildcard module, a bare global). */
  always: boolean;
  words: ReadonlySet<string>;
  fragments: readonly string[];
  /** The last four characters of the words, deduplicated: what `indexOf` looks for. */
  anchors: readonly string[];
}

/** The groups' tests in one pass over the text: each anchor is searched once, however many groups share it (`Sync`). */
function textMentions(text: string, mentions: readonly Mention[]): boolean {
  const anchors = new Set<string>();
  for (const mention of mentions) {
    if (mention.always) return true;
    for (const fragment of mention.fragments) if (text.includes(fragment)) return true;
    for (const anchor of mention.anchors) anchors.add(anchor);
  }
  const isWord = (word: string) => mentions.some((mention) => mention.words.has(word));
  for (const anchor of anchors) {
    for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
      const end = at + anchor.length;
      if (isWordCode(text.charCodeAt(end))) continue;
      let begin = at;
      while (begin > 0 && isWordCode(text.charCodeAt(begin - 1))) begin--;
      if (isWord(text.slice(begin, end))) return true;
    }
  }
  return false;
}

/** Characters that continue an identifier: ASCII letters, digits, `_`, `$`, and anything non-ASCII. */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 128
  );
}

export interface EntryIndex<E> {
  exact: Map<string, E[]>;
  patterns: { matcher: RegExp; entries: E[] }[];
  globals: E[];
  /** The first segment of each global entry's export (`Atomics` of `Atomics.wait`). */
  globalNames: ReadonlySet<string>;
  matchesModule(specifier: string): boolean;
  /**
   * Whether `import { name } from specifier` binds something that can lead to one of the module's
   * entries: the first segment of an entry's export path (`Pool` of `Pool`, `create` of
   * `default.create`, a wildcard's match), or `default`. The import tracker follows a named import
   * only when its name is such a segment (legacy mode adds `default`), so an import of other names
   * (`Op` of `sequelize`, a type) reaches none of the module's entries.
   */
  namedImportReaches(specifier: string, name: string): boolean;
  /** The entry groups (one module's, one pattern's) a module specifier selects; none for most. */
  entriesOfModule(specifier: string): readonly (readonly E[])[];
  /**
   * The trace map of a module specifier, built by `build` and kept for the next files when it is
   * `reusable`: the same for every file (no wildcard export, which depends on the file's names).
   */
  traceRoot(specifier: string, build: () => { root: TraceNode; reusable: boolean }): TraceNode;
}

const NO_ENTRIES: readonly never[] = [];

export const entryIndex = perNode((entries: readonly ModuleExportRef[]) => indexEntries(entries));

function indexEntries<E extends ModuleExportRef>(entries: readonly E[]): EntryIndex<E> {
  const globalNames = new Set<string>();
  const patternPrefixes: string[] = [];
  const index: EntryIndex<E> = {
    exact: new Map(),
    patterns: [],
    globals: [],
    globalNames,
    matchesModule(specifier) {
      const key = normalizeSpecifier(specifier);
      return mayName(key) && (index.exact.has(key) || index.patterns.some((pattern) => pattern.matcher.test(key)));
    },
    entriesOfModule(specifier) {
      if (!this.matchesModule(specifier)) return NO_ENTRIES;
      const key = normalizeSpecifier(specifier);
      const groups: E[][] = [];
      const exact = this.exact.get(key);
      if (exact) groups.push(exact);
      for (const pattern of this.patterns) if (pattern.matcher.test(key)) groups.push(pattern.entries);
      return groups;
    },
    namedImportReaches(specifier, name) {
      if (name === 'default') return true;
      let reaches = namedImports.get(specifier);
      if (reaches === undefined) {
        reaches = importedNameTest(this.entriesOfModule(specifier));
        namedImports.set(specifier, reaches);
      }
      return reaches(name);
    },
    traceRoot(specifier, build) {
      const known = traceRoots.get(specifier);
      if (known) return known;
      const { root, reusable } = build();
      if (reusable) traceRoots.set(specifier, root);
      return root;
    },
  };
  const traceRoots = new Map<string, TraceNode>();
  const namedImports = new Map<string, (name: string) => boolean>();
  for (const entry of entries) {
    if (entry.module === GLOBAL_MODULE) {
      globalNames.add(entry.export.split('.')[0] ?? entry.export);
      index.globals.push(entry);
    } else if (entry.module.includes('*')) {
      const glob = normalizeSpecifier(entry.module);
      patternPrefixes.push(glob.slice(0, glob.indexOf('*')));
      const matcher = globToRegExp(glob);
      const group = index.patterns.find((pattern) => pattern.matcher.source === matcher.source);
      if (group) group.entries.push(entry);
      else index.patterns.push({ matcher, entries: [entry] });
    } else {
      const key = normalizeSpecifier(entry.module);
      const list = index.exact.get(key);
      if (list) list.push(entry);
      else index.exact.set(key, [entry]);
    }
  }
  const mayName = specifierPrefilter(index.exact.keys(), patternPrefixes);
  return index;
}

/**
 * The names a named import of a module with these entry groups must have to reach one of them:
 * the first segment of each export path after its leading `default`s (what `addExport` puts under
 * the module's trace root), a wildcard segment as its pattern (a superset of the names it expands
 * to). An export that is the module itself (`default`) has none: only default and namespace
 * imports reach it.
 */
function importedNameTest(groups: readonly (readonly ModuleExportRef[])[]): (name: string) => boolean {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  for (const group of groups) {
    for (const entry of group) {
      const head = entry.export.split('.').find((segment) => segment !== 'default');
      if (head === undefined) continue;
      if (head.includes('*')) patterns.push(globToRegExp(head));
      else names.add(head);
    }
  }
  return (name) => names.has(name) || patterns.some((pattern) => pattern.test(name));
}

function resolve<E extends ModuleExportRef>(sourceCode: SourceCode, index: EntryIndex<E>): Resolved<E> {
  const found = new Map<TSESTree.Node, ResolvedCall<E>>();
  const tags = new Map<TSESTree.Node, ResolvedTag<E>>();
  const traceMap: Record<string, TraceNode> = {};
  const exportNames = lazyIdentifierNames(sourceCode);
  const dynamic = dynamicImports(sourceCode);

  for (const source of [...moduleSources(sourceCode), ...dynamic]) {
    if (Object.hasOwn(traceMap, source.specifier)) continue;
    // Most imports match nothing: this runs for every import of every file.
    const groups = index.entriesOfModule(source.specifier);
    if (groups.length === 0) continue;
    traceMap[source.specifier] = index.traceRoot(source.specifier, () => {
      const root = moduleRoot();
      const matching = groups.flat();
      for (const entry of matching) addExport(root, entry.export.split('.'), { entry, specifier: source.specifier }, exportNames);
      return { root, reusable: !matching.some((entry) => entry.export.includes('*')) };
    });
  }

  const hasModules = Object.keys(traceMap).length > 0;
  if (!hasModules && index.globals.length === 0) return { calls: found, tags };

  const tracker = referenceTracker(sourceCode);
  const collect = (references: Iterable<TrackedReference<Hit<E>>>, prefix: readonly string[] = []) => {
    for (const { node, path, info } of references) {
      // Reads are traced only for template tags: the read that is a tagged template's tag. The
      // tracker reports a named import's or destructured key's read on its declaration: its
      // variable's reads are the tags to look at.
      if (info.entry.templateTag) {
        for (const read of bindingReads(sourceCode, node) ?? [node]) {
          const tagged = read.parent;
          if (tagged?.type === AST_NODE_TYPES.TaggedTemplateExpression && tagged.tag === read && !tags.has(tagged)) {
            tags.set(tagged, { node: tagged, entry: info.entry, specifier: info.specifier, path: [...prefix, ...path] });
          }
        }
      }
      if (found.has(node)) continue;
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) continue;
      found.set(node, { node, entry: info.entry, specifier: info.specifier, path: [...prefix, ...path] });
    }
  };

  if (hasModules) {
    collect(tracker.iterateEsmReferences<Hit<E>>(traceMap), []);
    for (const source of moduleSources(sourceCode)) {
      const moduleMap = traceMap[source.specifier];
      if (!moduleMap) continue;
      if (source.kind === 'require') {
        collect(tracker.iteratePropertyReferences(source.node, moduleMap), [source.specifier]);
      } else if (source.kind === 'import-equals') {
        for (const variable of sourceCode.scopeManager!.getDeclaredVariables(source.node)) {
          for (const reference of variable.references) {
            if (reference.isRead()) collect(tracker.iteratePropertyReferences(reference.identifier, moduleMap), [source.specifier]);
          }
        }
      }
    }
    // `await import('m')` is the module's namespace: traced like a `require('m')`.
    for (const source of dynamic) {
      const moduleMap = traceMap[source.specifier];
      if (moduleMap) collect(tracker.iteratePropertyReferences(source.node, moduleMap), [source.specifier]);
    }
  }

  for (const entry of index.globals) {
    const [globalName, ...rest] = entry.export.split('.');
    if (!globalName) continue;
    const subtree: TraceNode = {};
    addExport(subtree, rest, { entry, specifier: GLOBAL_MODULE }, exportNames);
    for (const identifier of globalReferences(sourceCode).get(globalName) ?? []) {
      collect(tracker.iteratePropertyReferences(identifier, subtree), [globalName]);
    }
  }
  return { calls: found, tags };
}

/**
 * The reads of the variable that an import specifier or a destructured key (`{ execaSync }`,
 * `{ execaSync: run = fallback }`) declares; `undefined` for any other node.
 */
function bindingReads(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] | undefined {
  let identifier: TSESTree.Node | undefined;
  if (
    node.type === AST_NODE_TYPES.ImportSpecifier ||
    node.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
    node.type === AST_NODE_TYPES.ImportNamespaceSpecifier
  ) {
    identifier = node.local;
  } else if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern) {
    identifier = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
  } else {
    return undefined;
  }
  if (identifier.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return variable ? variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier) : [];
}

/** `await import('m')` with a constant specifier: the awaited namespace, traced like a `require`. */
interface DynamicImport {
  specifier: string;
  node: TSESTree.AwaitExpression;
}

/**
 * The file's awaited dynamic imports. Most files have none: each `import` in the text followed by
 * `(` is looked up as a token (strings and comments say it too), without a pass over the tokens.
 */
const dynamicImports = perProgram((sourceCode): readonly DynamicImport[] => {
  const found: DynamicImport[] = [];
  for (const start of importCallStarts(sourceCode.text)) {
    const token = sourceCode.getTokenByRangeStart(start);
    if (token?.type !== AST_TOKEN_TYPES.Keyword || token.value !== 'import') continue;
    const node = sourceCode.getNodeByRangeIndex(start);
    if (node?.type !== AST_NODE_TYPES.ImportExpression || node.range[0] !== token.range[0]) continue;
    const specifier = ASTUtils.getStringIfConstant(node.source);
    let awaited: TSESTree.Node = node;
    while (awaited.parent && isTransparent(awaited.parent, awaited)) awaited = awaited.parent;
    if (specifier === null || awaited.parent?.type !== AST_NODE_TYPES.AwaitExpression) continue;
    found.push({ specifier, node: awaited.parent });
  }
  return found;
});

/** Wrappers that leave the value as it is: `(import('m'))`, `import('m') as Promise<M>`. */
function isTransparent(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return parent.expression === child;
    default:
      return false;
  }
}

interface Hit<E> {
  entry: E;
  specifier: string;
}

/** A module's trace node; `default` points back at itself, so `m.default.X` and `m.X` both match. */
function moduleRoot(): TraceNode {
  const root: TraceNode = {};
  root.default = root;
  return root;
}

function addExport<E extends ModuleExportRef>(root: TraceNode, segments: readonly string[], hit: Hit<E>, exportNames: () => readonly string[]): void {
  let node = root;
  let rest = segments;
  while (rest[0] === 'default' && node === root) rest = rest.slice(1);
  for (const [position, segment] of rest.entries()) {
    const isLast = position === rest.length - 1;
    if (isLast && segment.includes('*')) {
      const matcher = globToRegExp(segment);
      const except = hit.entry.exceptExports;
      for (const name of exportNames()) if (matcher.test(name) && !except?.includes(name)) markCallable(child(node, name), hit);
      return;
    }
    node = child(node, segment);
  }
  markCallable(node, hit);
}

function child(node: TraceNode, key: string): TraceNode {
  if (!Object.hasOwn(node, key)) node[key] = {};
  return node[key]!;
}

function markCallable<E extends ModuleExportRef>(node: TraceNode, hit: Hit<E>): void {
  const callable = node as unknown as Record<symbol, Hit<E>>;
  callable[CALL] ??= hit;
  callable[CONSTRUCT] ??= hit;
  if (hit.entry.templateTag) callable[READ] ??= hit;
}

/** Where the text says `import` then `(`, blanks between allowed. */
function importCallStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('import'); at !== -1; at = text.indexOf('import', at + 1)) {
    let next = at + 'import'.length;
    while (isBlankCode(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 40 /* ( */) starts.push(at);
  }
  return starts;
}

function isBlankCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** Identifier names in the file, read once and only when a wildcard export needs them. */
function lazyIdentifierNames(sourceCode: SourceCode): () => readonly string[] {
  let names: string[] | undefined;
  return () => {
    names ??= [...new Set((sourceCode.ast.tokens ?? []).filter((token) => token.type === 'Identifier').map((token) => token.value))];
    return names;
  };
}

const globCache = new Map<string, RegExp>();
function globToRegExp(glob: string): RegExp {
  let matcher = globCache.get(glob);
  if (!matcher) {
    const source = glob
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*');
    matcher = new RegExp(`^${source}$`);
    globCache.set(glob, matcher);
  }
  return matcher;
}
