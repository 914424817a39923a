import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  buildTimeExportNames,
  contextParamNames,
  handlerTypeNames,
  handlerWrappers,
  httpMethodName,
  inlineCallbackMethods,
  iterationMethods,
  jobHandlerTypeNames,
  jobMethods,
  lambdaEventParamNames,
  messageHandlerProperties,
  middlewareMethods,
  onceWrappers,
  perRequestEvents,
  perRequestHooks,
  pluginInstanceParamNames,
  procedureBuilderNames,
  procedureChainCalls,
  procedureFactories,
  procedureMethods,
  requestDecorators,
  scheduledDecorators,
  requestExportNames,
  requestExportObjectsByFile,
  requestExportsByFile,
  requestParamNames,
  requestTypeNames,
  requestTypePackages,
  lambdaEventTypeNames,
  resolverRootTypes,
  responseParamNames,
  routeHandlerProperties,
  routeMethods,
  routeObjectMethods,
  startupMethodNames,
  testBlocks,
  testSetupHooks,
  testTeardownHooks,
} from '../catalog/frameworks.js';
import type { RegistrationEntry, RegistrationRole } from '../catalog/registrations.js';
import type { Knowledge } from '../settings.js';
import {
  type FunctionNode,
  calleeName,
  isFunction,
  isCallLike,
  isPathLike,
  isValueWrapper,
  memberName,
  parameterNames,
  parameterType,
  parameterTypeName,
  propertyName,
  typeReferenceName,
  valueSlot,
} from './ast.js';
import type { FileFacts } from './file-facts.js';
import { hasDirective } from './file-facts.js';
import { exportNames } from './exports.js';
import { mayPrerender, prerenderedBy } from './prerendering.js';
import type { ResolvedCall } from './imports.js';

/** How often, and by whom, a function is run. */
export type FunctionRole =
  /**
   * Called by a framework once per request, job, message or tick; `scheduled` when a timer or a
   * scheduler calls it (`setInterval`, cron jobs), at a rate that does not grow with traffic.
   */
  | { kind: 'request'; label: string; scheduled?: true }
  /** Runs once per process (plugin bodies, lifecycle hooks, shutdown hooks). */
  | { kind: 'startup'; label: string }
  | { kind: 'offload'; label: string }
  /** Edge runtime handler (Cloudflare Workers): per-request I/O objects are required there. */
  | { kind: 'edge'; label: string }
  /** Its result is computed once (`once(() => ...)`). */
  | { kind: 'once'; label: string }
  /** Called once per element of a collection, in the caller's context. */
  | { kind: 'iteration'; label: string }
  | { kind: 'test-setup' | 'test-teardown' | 'test-body'; label: string }
  /** Runs in its caller's context (promise callbacks, IIFEs, callbacks of unknown calls). */
  | { kind: 'inline' }
  /** A named function or method: its callers in the file decide. */
  | { kind: 'callable' }
  /** A constructor or instance field: the places that instantiate the class decide. */
  | { kind: 'instance' };

export interface RoleEnvironment {
  sourceCode: Readonly<TSESLint.SourceCode>;
  facts: FileFacts;
  knowledge: Knowledge;
  registrations: ReadonlyMap<TSESTree.Node, ResolvedCall<RegistrationEntry>>;
}

const INLINE: FunctionRole = { kind: 'inline' };
const CALLABLE: FunctionRole = { kind: 'callable' };
const SHUTDOWN_EVENTS = new Set(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR2', 'beforeExit', 'exit', 'close']);
const WORKERS_HANDLERS = new Set(['fetch', 'scheduled', 'queue', 'email', 'tail', 'trace']);
const BUN_SERVER_OPTIONS = new Set(['port', 'hostname', 'unix', 'websocket', 'development', 'tls', 'routes']);
const INLINE_TIMERS = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick']);

/** The role of a function, from its directives, decorators, signature, position and exports. */
export function functionRole(env: RoleEnvironment, fn: FunctionNode): FunctionRole {
  const role = declaredRole(env, fn);
  return role.kind === 'request' && servesViteDevServer(fn) ? VITE_DEV_MIDDLEWARE : role;
}

/**
 * Vite's dev and preview servers run on a developer's machine, never in production (Vite says
 * so of `vite preview`): a handler registered in a plugin's `configureServer` or
 * `configurePreviewServer` hook, or by a function handed a `ViteDevServer`, serves one developer.
 */
const VITE_DEV_MIDDLEWARE: FunctionRole = { kind: 'startup', label: 'Vite dev server middleware' };
const VITE_SERVER_HOOKS = new Set(['configureServer', 'configurePreviewServer']);
const VITE_SERVER_TYPES = new Set(['ViteDevServer', 'PreviewServer']);

function servesViteDevServer(fn: FunctionNode): boolean {
  for (let node: TSESTree.Node | undefined = fn.parent; node; node = node.parent) {
    if (!isFunction(node)) continue;
    if (node.params.some((param) => VITE_SERVER_TYPES.has(parameterTypeName(param) ?? ''))) return true;
    const holder: TSESTree.Node = node.parent;
    if ((holder.type === AST_NODE_TYPES.Property || holder.type === AST_NODE_TYPES.MethodDefinition) && holder.value === node && VITE_SERVER_HOOKS.has(propertyName(holder) ?? '')) {
      return true;
    }
  }
  return false;
}

function declaredRole(env: RoleEnvironment, fn: FunctionNode): FunctionRole {
  if (fn.body?.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, 'use server')) {
    return { kind: 'request', label: 'server action' };
  }
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return methodRole(env, fn, parent);
  const position = positionRole(env, fn, fn);
  // A Workers handler object says more than a `(request: Request)` signature: per-request I/O objects are required there.
  if (position?.kind === 'edge') return position;
  const prerendered = prerenderedRole(env, fn);
  if (prerendered) return prerendered;
  return signatureRole(env, fn) ?? wrappedExportRole(env, fn, position) ?? position ?? exportRole(env, fn) ?? namedOrInline(fn);
}

/**
 * A function handed to a call the analysis does not know, whose result the module exports as a
 * request handler (`export const GET = withWorkspace(async (ctx) => ...)`, `exports.handler =
 * streamifyResponse(async (event, stream) => ...)`): the wrapper returns the handler, which runs
 * the function on every request.
 */
function wrappedExportRole(env: RoleEnvironment, fn: FunctionNode, position: FunctionRole | null): FunctionRole | null {
  if (position?.kind !== 'inline') return null;
  const slot = valueSlot(fn);
  const call = slot.parent;
  if (!call || !isCallLike(call) || call.callee === slot) return null;
  const role = exportRole(env, fn);
  if (role?.kind !== 'request') return null;
  const wrapper = calleeName(call);
  return wrapper === null ? role : { kind: 'request', label: `${role.label} (through \`${wrapper}()\`)` };
}

function namedOrInline(fn: FunctionNode): FunctionRole {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return CALLABLE;
  let slot: TSESTree.Node = fn;
  while (isValueWrapper(slot.parent!)) slot = slot.parent!;
  const parent = slot.parent!;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === slot) return CALLABLE;
  if (parent.type === AST_NODE_TYPES.PropertyDefinition) return parent.static ? CALLABLE : { kind: 'instance' };
  if (parent.type === AST_NODE_TYPES.Property && parent.value === slot) return CALLABLE;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === slot) return CALLABLE;
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return CALLABLE;
  return INLINE;
}

function methodRole(env: RoleEnvironment, fn: FunctionNode, method: TSESTree.MethodDefinition): FunctionRole {
  if (method.kind === 'constructor') return { kind: 'instance' };
  // espree (plain JavaScript) leaves `decorators` out of the tree.
  for (const decorator of method.decorators ?? []) {
    const name = decoratorName(decorator);
    if (name === null) continue;
    const label = requestDecorators.get(name) ?? env.knowledge.handlerDecorators.get(name);
    if (label !== undefined) return scheduledDecorators.has(name) ? { kind: 'request', label, scheduled: true } : { kind: 'request', label };
  }
  const name = propertyName(method);
  if (name !== null && startupMethodNames.has(name)) return { kind: 'startup', label: 'lifecycle hook' };
  const classNode = method.parent.parent;
  if (name === 'process' && (classNode.decorators ?? []).some((decorator) => decoratorName(decorator) === 'Processor')) {
    return { kind: 'request', label: 'queue job processor' };
  }
  return signatureRole(env, fn) ?? CALLABLE;
}

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expression = decorator.expression;
  const target = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberName(target);
  return null;
}

/** `(req, res)`, `(request, reply)`, `(ctx, next)`, `(req: Request)`: request handlers wherever they are. */
function signatureRole(env: RoleEnvironment, fn: FunctionNode): FunctionRole | null {
  const [first, second] = parameterNames(fn);
  if (first && second && requestParamNames.has(first) && responseParamNames.has(second)) return { kind: 'request', label: 'request handler' };
  if (first && contextParamNames.has(first) && second === 'next') return { kind: 'request', label: 'middleware' };
  const typeName = parameterTypeName(fn.params[0]);
  if (typeName !== null && requestTypeNames.test(typeName) && !typeFromOtherPackage(env, fn)) {
    return { kind: 'request', label: lambdaEventTypeNames.test(typeName) ? 'Lambda handler' : 'request handler' };
  }
  const declarator = fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : null;
  const declaredType = declarator?.id.typeAnnotation ? typeReferenceName(declarator.id.typeAnnotation.typeAnnotation) : null;
  if (declaredType !== null && handlerTypeNames.test(declaredType)) return { kind: 'request', label: 'request handler' };
  if (declaredType !== null && jobHandlerTypeNames.test(declaredType)) return { kind: 'request', label: 'queue job processor' };
  return null;
}

/**
 * Whether the first parameter's type is imported from a package that serves no requests
 * (`context: Context` from `typedoc`, `req: Request` from a queue library): the name alone is then
 * no sign of a request handler. Global types (`Request`), local ones and the project's own imports
 * keep the signal.
 */
function typeFromOtherPackage(env: RoleEnvironment, fn: FunctionNode): boolean {
  const type = parameterType(fn.params[0]);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  let name: TSESTree.EntityName = type.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(env.sourceCode.getScope(fn), name);
  const definition = variable?.defs[0];
  if (definition?.type !== 'ImportBinding' || definition.parent.type !== AST_NODE_TYPES.ImportDeclaration) return false;
  const specifier = definition.parent.source.value;
  if (/^[./~#]|^@\//.test(specifier)) return false;
  return !requestTypePackages.test(specifier);
}

/** A handler-shaped function passed to a route method with no path literal: `router.get(ROUTES.x, (c) => ...)`. */
function looksLikeRouteHandler(fn: FunctionNode | null): boolean {
  if (!fn) return false;
  const [first] = parameterNames(fn);
  return first !== null && first !== undefined && (requestParamNames.has(first) || contextParamNames.has(first) || first === 'c');
}

/**
 * The role a function gets from where its value is placed: an argument of a registration call,
 * a property of a resolver map or a Workers handler object. `slot` is the function itself or a
 * reference to it (`app.get('/', getUser)`); `fn` is the function, when known.
 */
export function positionRole(env: RoleEnvironment, slot: TSESTree.Node, fn: FunctionNode | null): FunctionRole | null {
  let node = slot;
  while (node.parent && isValueWrapper(node.parent)) node = node.parent;
  let parent = node.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.ArrayExpression && parent.parent.type === AST_NODE_TYPES.CallExpression) {
    node = parent;
    parent = parent.parent;
  }
  if (isCallLike(parent)) {
    if (parent.callee === node) return INLINE;
    return callRole(env, parent, node, null, fn);
  }
  if ((parent.type === AST_NODE_TYPES.Property && parent.value === node) || parent.type === AST_NODE_TYPES.MethodDefinition) {
    return parent.type === AST_NODE_TYPES.Property ? propertyRole(env, parent, fn) : null;
  }
  return null;
}

function propertyRole(env: RoleEnvironment, property: TSESTree.Property, fn: FunctionNode | null): FunctionRole | null {
  const key = propertyName(property);
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  if (isResolverMap(object)) return { kind: 'request', label: 'GraphQL resolver' };
  if ((key === 'resolve' || key === 'subscribe') && hasKey(object, 'type')) return { kind: 'request', label: 'GraphQL resolver' };

  let outer: TSESTree.ObjectExpression = object;
  const keys: string[] = [key ?? ''];
  while (outer.parent.type === AST_NODE_TYPES.Property && outer.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    keys.unshift(propertyName(outer.parent) ?? '');
    outer = outer.parent.parent;
  }
  let slot: TSESTree.Node = outer;
  while (isValueWrapper(slot.parent!)) slot = slot.parent!;
  if (slot.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration && key !== null && WORKERS_HANDLERS.has(key) && outer === object) {
    return object.properties.some((p) => p.type === AST_NODE_TYPES.Property && BUN_SERVER_OPTIONS.has(propertyName(p) ?? ''))
      ? { kind: 'request', label: 'Bun server fetch handler' }
      : { kind: 'edge', label: 'Workers fetch handler' };
  }
  if (slot.parent && isCallLike(slot.parent) && slot.parent.callee !== slot) return callRole(env, slot.parent, slot, keys, fn);
  if (outer === object) {
    const label = exportedObjectLabel(env, outer);
    if (label !== null) return { kind: 'request', label };
  }
  return null;
}

/** `export const actions = { default: async (event) => ... }` in a SvelteKit `+page.server.ts`. */
function exportedObjectLabel(env: RoleEnvironment, object: TSESTree.ObjectExpression): string | null {
  const conventions = requestExportObjectsByFile.filter((convention) => convention.file.test(env.facts.path));
  if (conventions.length === 0) return null;
  const names = exportNames(env.sourceCode, object);
  return conventions.find((convention) => names.some((name) => convention.exports.has(name)))?.label ?? null;
}

/** `{ Query: { user: () => ... }, User: { posts: () => ... } }`: `object` is one of the type maps. */
function isResolverMap(object: TSESTree.ObjectExpression): boolean {
  const holder = object.parent;
  if (holder.type !== AST_NODE_TYPES.Property || holder.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const typeName = propertyName(holder);
  if (typeName !== null && resolverRootTypes.has(typeName)) return true;
  return [...resolverRootTypes].some((root) => hasKey(holder.parent as TSESTree.ObjectExpression, root));
}

function hasKey(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyName(property) === key);
}

function registeredRole(role: RegistrationRole, label: string): FunctionRole {
  return role === 'repeat' ? { kind: 'request', label, scheduled: true } : { kind: role, label };
}

function callRole(
  env: RoleEnvironment,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  keys: readonly string[] | null,
  fn: FunctionNode | null,
): FunctionRole {
  const registration = env.registrations.get(call);
  if (registration) {
    const { properties, role, label } = registration.entry;
    if (!keys || !properties || properties.includes(keys[0] ?? '')) return registeredRole(role, label);
  }
  const name = calleeName(call);
  if (name === null) return INLINE;
  const named = env.knowledge.namedRegistrations.get(name);
  if (named) return registeredRole(named.role, named.label);
  const wrapperLabel = handlerWrappers.get(name);
  if (wrapperLabel !== undefined) return { kind: 'request', label: wrapperLabel };
  if (onceWrappers.has(name)) return { kind: 'once', label: `${name}() wrapper` };
  if (env.facts.role === 'test') {
    if (testSetupHooks.has(name)) return { kind: 'test-setup', label: name };
    if (testTeardownHooks.has(name)) return { kind: 'test-teardown', label: name };
    if (testBlocks.has(name)) return name === 'describe' || name === 'suite' || name === 'context' ? INLINE : { kind: 'test-body', label: name };
  }
  if (keys) {
    const innerKey = keys.at(-1) ?? '';
    if (messageHandlerProperties.has(innerKey)) return { kind: 'request', label: 'message handler' };
    if (routeHandlerProperties.has(innerKey) && routeObjectMethods.has(name) && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      return { kind: 'request', label: 'route handler' };
    }
    return INLINE;
  }
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return INLINE;
  return methodCallRole(env.sourceCode, call, call.callee, name, argument, fn) ?? INLINE;
}

function methodCallRole(
  sourceCode: RoleEnvironment['sourceCode'],
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  callee: TSESTree.MemberExpression,
  name: string,
  argument: TSESTree.Node,
  fn: FunctionNode | null,
): FunctionRole | null {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const before = call.arguments.slice(0, Math.max(index, 0));
  const firstArgument = call.arguments[0];
  const eventName = firstArgument?.type === AST_NODE_TYPES.Literal && typeof firstArgument.value === 'string' ? firstArgument.value : null;

  if (iterationMethods.has(name) && index === 0) return { kind: 'iteration', label: `.${name}() callback` };
  if (name === 'from' && index === 1 && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array') {
    return { kind: 'iteration', label: 'Array.from() callback' };
  }
  if (inlineCallbackMethods.has(name) || INLINE_TIMERS.has(name)) return INLINE;
  if (routeMethods.has(name) && (before.some(isPathLike) || isRouteChain(callee.object) || looksLikeRouteHandler(fn))) {
    return { kind: 'request', label: 'route handler' };
  }
  if (middlewareMethods.has(name) && (before.some(isPathLike) || (fn !== null && fn.params.length >= 2) || looksLikeRouteHandler(fn))) {
    return { kind: 'request', label: 'middleware' };
  }
  if (name === 'on' && index >= 2 && isHttpMethodList(firstArgument) && call.arguments[1] && isPathLike(call.arguments[1])) {
    return { kind: 'request', label: 'route handler' };
  }
  if (name === 'addHook' && eventName !== null) {
    return perRequestHooks.has(eventName)
      ? { kind: 'request', label: `${eventName} hook` }
      : { kind: 'startup', label: `${eventName} hook` };
  }
  if (name === 'register') return { kind: 'startup', label: 'plugin' };
  if (name === 'listen') return { kind: 'startup', label: 'listen callback' };
  if ((name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener') && eventName !== null) {
    if (SHUTDOWN_EVENTS.has(eventName)) return { kind: 'startup', label: 'shutdown hook' };
    // The process's own 'message' is IPC from its parent (a cluster's start command as often as a job): not known to be per request.
    if (name !== 'once' && perRequestEvents.has(eventName) && !isProcessGlobal(callee.object)) return { kind: 'request', label: `'${eventName}' listener` };
    return INLINE;
  }
  const jobLabel = jobMethods.get(name);
  if (jobLabel !== undefined && !isProcessGlobal(callee.object)) return { kind: 'request', label: jobLabel };
  const procedureLabel = procedureMethods.get(name);
  if (procedureLabel !== undefined && call.arguments.length === 1 && isProcedureChain(sourceCode, callee.object)) {
    return { kind: 'request', label: procedureLabel };
  }
  return null;
}

/** Hono `app.on('PURGE', path, fn)` / `app.on(['PUT', 'DELETE'], path, fn)`. */
function isHttpMethodList(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && httpMethodName.test(node.value);
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.length > 0 && node.elements.every((element) => element !== null && isHttpMethodList(element));
  return false;
}

function isProcessGlobal(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'process';
}

/** `app.route('/x').get(...)`: the receiver is a chain that starts with a `.route(path)` call. */
function isRouteChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    if (memberName(current.callee) === 'route' && current.arguments.some(isPathLike)) return true;
    current = current.callee.object;
  }
  return false;
}

/**
 * tRPC: `publicProcedure.input(schema)`, `t.procedure`, `protectedProcedure.use(auth)`; oRPC:
 * `os.input(schema)`, `os.$context<C>().use(auth)`, `implement(contract).user.get`. A chain that
 * starts from a local binding follows it to its value (`const authed = os.use(auth); authed.handler(fn)`).
 */
function isProcedureChain(sourceCode: RoleEnvironment['sourceCode'], node: TSESTree.Node, depth = 0): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    while (isValueWrapper(current) && 'expression' in current) current = current.expression as TSESTree.Node;
    if (current.type === AST_NODE_TYPES.Identifier) {
      if (procedureBuilderNames.test(current.name)) return true;
      if (depth >= 3) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(current), current)?.defs[0];
      const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
      return init ? isProcedureChain(sourceCode, init, depth + 1) : false;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (procedureBuilderNames.test(memberName(current) ?? '')) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.callee.type === AST_NODE_TYPES.MemberExpression && procedureChainCalls.has(memberName(current.callee) ?? '')) return true;
      if (current.callee.type === AST_NODE_TYPES.Identifier && procedureFactories.has(current.callee.name)) return true;
      current = current.callee;
    } else {
      return false;
    }
  }
}

/** A route handler, page or load function that the framework renders ahead of requests (see `prerendering.ts`). */
function prerenderedRole(env: RoleEnvironment, fn: FunctionNode): FunctionRole | null {
  if (!mayPrerender(env.sourceCode, env.facts.path)) return null;
  for (const name of exportNames(env.sourceCode, fn)) {
    const reason = prerenderedBy(env.sourceCode, env.facts.path, name, fn);
    if (reason !== null) return { kind: 'startup', label: `${name}() of a route prerendered by ${reason}` };
  }
  return null;
}

/** Roles that come from how the module exports the function: `export async function GET`, `exports.handler`. */
function exportRole(env: RoleEnvironment, fn: FunctionNode): FunctionRole | null {
  const names = exportNames(env.sourceCode, fn);
  if (names.length === 0) return null;
  for (const name of names) {
    if (buildTimeExportNames.has(name)) return { kind: 'startup', label: `${name}() at build time` };
    const label = requestExportNames.get(name);
    if (label !== undefined) return { kind: 'request', label };
    for (const convention of requestExportsByFile) {
      if (convention.exports.has(name) && convention.file.test(env.facts.path)) return { kind: 'request', label: convention.label };
    }
  }
  if (env.facts.serverActions && fn.async) return { kind: 'request', label: 'server action' };
  const [first, second] = parameterNames(fn);
  if (first && pluginInstanceParamNames.has(first) && fn.params.length >= 2) return { kind: 'startup', label: 'plugin' };
  if (first && lambdaEventParamNames.has(first) && second === 'context') {
    return { kind: 'request', label: 'Lambda handler' };
  }
  return null;
}
