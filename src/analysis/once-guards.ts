import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { forEachChild, innermostFunction, isEarlyExit, isFunction, memberName, propertyName, valueSlot } from './ast.js';
import { perProgram, programNodeMap } from './program-cache.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Where a value is cached: a variable, `this.x`, or a property of the global object. */
type CacheKey = Variable | string;

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const SIZE_PROPERTIES = new Set(['length', 'size']);

/**
 * Whether the value computed at `node` is created once and cached rather than on every run:
 * `x ??= create()`, `if (!x) x = create()`, `x || (x = create())`, `if (x) return x; x = create()`,
 * `globalThis.x ?? create()`, keyed caches (`if (!map.has(k)) map.set(k, create())`,
 * `map.get(k) ?? map.set(k, create()).get(k)`).
 */
export function isOnceGuarded(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const slot = valueSlot(node);
  const parent = slot.parent;
  if (!parent) return false;

  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === slot) {
    if (parent.operator === '??=' || parent.operator === '||=') return true;
    if (parent.operator !== '=') return false;
    const key = cacheKey(sourceCode, parent.left);
    return key !== null && isGuarded(sourceCode, parent, key);
  }
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === slot && parent.operator !== '&&') {
    return readsOutsideCache(sourceCode, parent.left, slot);
  }
  const store = mapStore(slot);
  if (store) {
    const key = cacheKey(sourceCode, store.map);
    return key !== null && isGuarded(sourceCode, store.call, key);
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === slot && parent.id.type === AST_NODE_TYPES.Identifier) {
    return storedVariableIsGuarded(sourceCode, parent, slot);
  }
  return false;
}

/**
 * Whether the code at `node` runs only while a cache is being filled, not on every run: `node` is,
 * or is part of, a once-guarded value (`cache ??= parse(readFileSync(p))`); or it sits in the
 * branch of a guard on a cache that the branch fills (`if (!cache) { const raw = read(); cache =
 * parse(raw); }`), or after an early return on such a cache. Only caches that outlive the
 * function (module or closure variables, `this.x`, globals) make a branch a once-region.
 */
export function isInOnceRegion(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (isOnceGuarded(sourceCode, node)) return true;
  const owner = innermostFunction(node);
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (isExpressionNode(current) && isOnceGuarded(sourceCode, current)) return true;
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== current.test && fillsTestedCache(sourceCode, current.test, [child], owner, child === current.consequent)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        if (followsEarlyReturnOnFilledCache(sourceCode, current.body, child, owner)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function isExpressionNode(node: TSESTree.Node): boolean {
  return !node.type.endsWith('Statement') && !node.type.endsWith('Declaration') && node.type !== AST_NODE_TYPES.Program;
}

function followsEarlyReturnOnFilledCache(
  sourceCode: SourceCode,
  body: readonly TSESTree.Node[],
  child: TSESTree.Node,
  owner: TSESTree.Node | null,
): boolean {
  const index = body.indexOf(child);
  if (index <= 0) return false;
  const rest = body.slice(index);
  return body.slice(0, index).some((statement) => isEarlyExit(statement) && fillsTestedCache(sourceCode, statement.test, rest, owner, false));
}

/**
 * Whether `region` fills a cache that outlives `owner` and that `test` reads, directly or through
 * a local read from it (`let c = cache.get(k); if (!c) { ...; cache.set(k, c) }`). The region may
 * fill it itself or through a function of the file it calls (`if (!ready) init()`, where `init()`
 * sets `ready = true`). Resetting a buffer (`if (this.batch.length === 0) return; ...; this.batch = []`)
 * fills nothing: see `cacheWritesIn` for what counts. A test of the cache's size counts only when
 * the region runs while the cache is empty (`runsWhenTrue`: the region is the branch taken when
 * `test` holds; otherwise it runs when `test` fails): `if (cache.size > 0) return; ... cache.set(k, v)`.
 */
function fillsTestedCache(
  sourceCode: SourceCode,
  test: TSESTree.Node,
  region: readonly TSESTree.Node[],
  owner: TSESTree.Node | null,
  runsWhenTrue: boolean,
): boolean {
  for (const key of writtenCaches(sourceCode, region, owner)) {
    if (!outlives(key, owner)) continue;
    if (mentions(sourceCode, test, key)) return true;
    if (mentionsLocalReadOf(sourceCode, test, key, owner)) return true;
    if (sizeTest(sourceCode, test, key) === (runsWhenTrue ? 'empty' : 'filled')) return true;
  }
  return false;
}

const FILLED_WHEN: Readonly<Record<string, (n: number) => boolean>> = {
  '>': (n) => n === 0,
  '!==': (n) => n === 0,
  '!=': (n) => n === 0,
  '>=': (n) => n === 1,
};
const EMPTY_WHEN: Readonly<Record<string, (n: number) => boolean>> = {
  '===': (n) => n === 0,
  '==': (n) => n === 0,
  '<': (n) => n === 1,
  '<=': (n) => n === 0,
};

/**
 * What `test` says of the size of the cache `key` when it holds: `'filled'` for `cache.size > 0`,
 * `cache.length !== 0`, `cache.size`; `'empty'` for `cache.size === 0`, `!cache.length`; `null` for
 * any other test.
 */
function sizeTest(sourceCode: SourceCode, test: TSESTree.Node, key: CacheKey): 'filled' | 'empty' | null {
  const isSizeOfKey = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression && SIZE_PROPERTIES.has(memberName(node) ?? '') && cacheKey(sourceCode, node.object) === key;
  if (isSizeOfKey(test)) return 'filled';
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const inner = sizeTest(sourceCode, test.argument, key);
    return inner === null ? null : inner === 'filled' ? 'empty' : 'filled';
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !isSizeOfKey(test.left)) return null;
  if (test.right.type !== AST_NODE_TYPES.Literal || typeof test.right.value !== 'number') return null;
  const bound = test.right.value;
  if (FILLED_WHEN[test.operator]?.(bound)) return 'filled';
  if (EMPTY_WHEN[test.operator]?.(bound)) return 'empty';
  return null;
}

function outlives(key: CacheKey, owner: TSESTree.Node | null): boolean {
  return typeof key === 'string' || owner === null || !isInside(key.scope.block, owner);
}

function mentionsLocalReadOf(sourceCode: SourceCode, test: TSESTree.Node, key: CacheKey, owner: TSESTree.Node | null): boolean {
  if (owner === null) return false;
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      const definition = variable?.defs[0];
      if (variable && definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && isInside(definition.node, owner)) {
        if (mentions(sourceCode, definition.node.init, key)) found = true;
      }
      return;
    }
    forEachChild(sourceCode, node, visit);
  };
  visit(test);
  return found;
}

/**
 * Caches filled in `region` (outside nested functions), by the region's own code or by the file's
 * functions it calls: assignment targets and `x.set(k, v)` receivers (see `cacheWritesIn`).
 */
function writtenCaches(sourceCode: SourceCode, region: readonly TSESTree.Node[], owner: TSESTree.Node | null): CacheKey[] {
  const keys = new Set<CacheKey>();
  const container = owner ?? sourceCode.ast;
  for (const write of [...cacheWritesIn(sourceCode, container), ...calleeCacheWrites(sourceCode, container)]) {
    if (write.kind === 'reset' || write.kind === 'update') continue;
    if (write.kind === 'flag' && isEverReset(sourceCode, write.key)) continue;
    if (region.some((node) => node.range[0] <= write.range[0] && write.range[1] <= node.range[1])) keys.add(write.key);
  }
  return [...keys];
}

interface CacheWrite {
  key: CacheKey;
  range: TSESTree.Range;
  /**
   * `fill`: a computed value (`cache = parse(raw)`, `map.set(k, v)`); `flag`: a truthy constant
   * (`ready = true`), a once-flag unless the file ever resets it; `reset`: a falsy or empty
   * constant (`batch = []`, `inFlight = false`, `client = null`), which fills nothing; `update`:
   * arithmetic on the old value (`bytes += chunk.length`), a counter, not a cache.
   */
  kind: 'fill' | 'flag' | 'reset' | 'update';
}

/** How deep `if (!ready) init()` follows calls to the file's functions for the writes they make. */
const CALLEE_DEPTH = 3;

/**
 * The cache writes that the file's functions called from `container` (outside nested functions)
 * make, transitively, each placed at the range of the call in `container`: `if (!ready) init()`
 * fills `ready` when `init()` sets it. Only writes of bindings that outlive the callee count.
 */
function calleeCacheWrites(sourceCode: SourceCode, container: TSESTree.Node, depth = 0, seen = new Set<TSESTree.Node>()): readonly CacheWrite[] {
  const byContainer = programNodeMap<CacheWrite[]>(sourceCode, calleeCacheWrites);
  const known = byContainer.get(container);
  if (known) return known;
  seen.add(container);
  const writes: CacheWrite[] = [];
  for (const call of localCallsIn(sourceCode, container)) {
    const callee = localCallee(sourceCode, call);
    if (!callee || seen.has(callee)) continue;
    const reached = [...cacheWritesIn(sourceCode, callee), ...(depth + 1 < CALLEE_DEPTH ? calleeCacheWrites(sourceCode, callee, depth + 1, seen) : [])];
    for (const write of reached) if (outlives(write.key, callee)) writes.push({ key: write.key, kind: write.kind, range: call.range });
  }
  seen.delete(container);
  // A result cut short by recursion (`seen`) or depth is still a sound subset; keep only the outermost one.
  if (depth === 0) byContainer.set(container, writes);
  return writes;
}

/** Calls in `container` outside nested functions. */
function localCallsIn(sourceCode: SourceCode, container: TSESTree.Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== container && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    forEachChild(sourceCode, node, visit);
  };
  visit(container);
  return calls;
}

/** The function of the file that `call` calls: `init()` for a function declaration or const, `this.init()` for a method of the class. */
function localCallee(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
    if (!definition) return null;
    if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
    if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && isFunction(definition.node.init)) return definition.node.init;
    return null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(callee);
    let classBody: TSESTree.Node | undefined = callee.parent;
    while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
    if (!name || classBody?.type !== AST_NODE_TYPES.ClassBody) return null;
    for (const member of classBody.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && !member.static && propertyName(member) === name) return member.value;
    }
  }
  return null;
}

/** Whether the file ever sets the cache `key` to a falsy or empty value (`ready = false` in a `reset()`), declarations aside. */
function isEverReset(sourceCode: SourceCode, key: CacheKey): boolean {
  return resetKeys(sourceCode).has(key);
}

/** The cache keys the file sets to a falsy or empty value anywhere, found in one walk. */
const resetKeys = perProgram((sourceCode): ReadonlySet<CacheKey> => {
  const found = new Set<CacheKey>();
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && writeKind(node) === 'reset') {
      const written = cacheKey(sourceCode, node.left);
      if (written !== null) found.add(written);
    }
    forEachChild(sourceCode, node, visit);
  };
  visit(sourceCode.ast);
  return found;
});

/** What an assignment writes (see `CacheWrite.kind`). */
function writeKind(assignment: TSESTree.AssignmentExpression): CacheWrite['kind'] {
  if (assignment.operator === '??=' || assignment.operator === '||=' || assignment.operator === '&&=') return 'fill';
  if (assignment.operator !== '=') return 'update';
  const value = assignment.right;
  if (value.type === AST_NODE_TYPES.Literal) {
    if ('regex' in value && value.regex) return 'fill';
    return value.value ? 'flag' : 'reset';
  }
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return 'reset';
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void') return 'reset';
  if (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length === 0) return 'reset';
  if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 0) return 'reset';
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ? 'flag' : 'reset';
  return 'fill';
}

/**
 * The cache writes of a function (or of the module's top level), outside nested functions, found
 * in one walk. Every question about a region of the function filters this list: walking the
 * region itself, once per question, made a long function cost its length squared.
 */
function cacheWritesIn(sourceCode: SourceCode, container: TSESTree.Node): readonly CacheWrite[] {
  const byContainer = programNodeMap<CacheWrite[]>(sourceCode, cacheWritesIn);
  const known = byContainer.get(container);
  if (known) return known;
  const writes: CacheWrite[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== container && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const key = cacheKey(sourceCode, node.left);
      if (key !== null) writes.push({ key, range: node.range, kind: writeKind(node) });
    } else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'set') {
      const key = cacheKey(sourceCode, node.callee.object);
      if (key !== null) writes.push({ key, range: node.range, kind: 'fill' });
    }
    forEachChild(sourceCode, node, visit);
  };
  visit(container);
  byContainer.set(container, writes);
  return writes;
}

/** `const c = create(); cache.set(k, c)` / `this.c = c` inside a guard on the same cache. */
function storedVariableIsGuarded(sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator, creation: TSESTree.Node): boolean {
  const [variable] = sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
  for (const reference of variable?.references ?? []) {
    if (!reference.isRead()) continue;
    const use = valueSlot(reference.identifier);
    const parent = use.parent;
    let key: CacheKey | null = null;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === use) key = cacheKey(sourceCode, parent.left);
    const store = mapStore(use);
    if (store) key = cacheKey(sourceCode, store.map);
    if (key !== null && isGuarded(sourceCode, creation, key)) return true;
  }
  return false;
}

/** `map.set(key, value)`: the map and the call, when `slot` is the stored value. */
function mapStore(slot: TSESTree.Node): { map: TSESTree.Expression; call: TSESTree.CallExpression } | null {
  const call = slot.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== slot) return null;
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(call.callee) !== 'set') return null;
  return { map: call.callee.object, call };
}

/**
 * Whether `node` (an assignment or store of the cache `key`) sits behind a test of the same cache
 * within its function: an enclosing `if`/conditional, the right side of `||`/`??` whose left
 * reads the cache, or after an `if (cache) return` in the same block.
 */
function isGuarded(sourceCode: SourceCode, node: TSESTree.Node, key: CacheKey): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
        if (child !== parent.test && mentions(sourceCode, parent.test, key)) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test && mentions(sourceCode, parent.test, key)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right && parent.operator !== '&&' && mentions(sourceCode, parent.left, key)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        if (followsEarlyReturnGuard(sourceCode, parent.body, child, key)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function followsEarlyReturnGuard(sourceCode: SourceCode, body: readonly TSESTree.Node[], child: TSESTree.Node, key: CacheKey): boolean {
  const index = body.indexOf(child);
  return body.slice(0, Math.max(index, 0)).some((statement) => isEarlyExit(statement) && mentions(sourceCode, statement.test, key));
}

/**
 * Whether `expression` tests the cache `key` (`!x`, `x == null`, `!cache.has(k)`, `cache[k]`). Its
 * size is not its presence: `this.batch.length === 0` guards a buffer, not a cache.
 */
function mentions(sourceCode: SourceCode, expression: TSESTree.Node, key: CacheKey): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && SIZE_PROPERTIES.has(memberName(node) ?? '')) return;
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
      if (cacheKey(sourceCode, node) === key) {
        found = true;
        return;
      }
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      visit(node.object);
      if (node.computed) visit(node.property);
      return;
    }
    forEachChild(sourceCode, node, visit);
  };
  visit(expression);
  return found;
}

/**
 * `cached ?? create()`: the left side reads a cache that outlives the function (a module or
 * closure variable, `this.x`, `globalThis.x`, or `someCache.get(k)`), not a request's own data.
 */
function readsOutsideCache(sourceCode: SourceCode, left: TSESTree.Node, creation: TSESTree.Node): boolean {
  const target = left.type === AST_NODE_TYPES.CallExpression && left.callee.type === AST_NODE_TYPES.MemberExpression ? left.callee.object : left;
  const key = cacheKey(sourceCode, target);
  if (key === null) return false;
  if (typeof key === 'string') return true;
  const owner = innermostFunction(creation);
  return owner === null || !isInside(key.scope.block, owner);
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The cache an expression reads or writes: `x` → x's variable, `this.x` → `this.x`, `a.b[c]` → a's variable. */
function cacheKey(sourceCode: SourceCode, node: TSESTree.Node): CacheKey | null {
  let current: TSESTree.Node = node;
  let firstProperty: string | null = null;
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.ChainExpression) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      firstProperty = memberName(current) ?? '[computed]';
      current = current.object;
    } else {
      current = current.expression;
    }
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) return firstProperty === null ? null : `this.${firstProperty}`;
  if (current.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
  if (variable && variable.defs.length > 0) return variable;
  if (GLOBAL_OBJECTS.has(current.name)) return firstProperty === null ? null : `global.${firstProperty}`;
  return `global.${current.name}`;
}
