import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Nodes that pass a value through unchanged: TypeScript assertions, `await`, optional chains. */
/** The innermost function around `node`; `null` at module level. */
export function innermostFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return null;
}

export function isValueWrapper(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return true;
    default:
      return false;
  }
}

/** The outermost node that carries `node`'s value: `await new Pool()` as a whole, `x as T`. */
export function valueSlot(node: TSESTree.Node): TSESTree.Node {
  let slot = node;
  while (isValueWrapper(slot.parent!)) slot = slot.parent!;
  return slot;
}

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`. */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

export function memberName(node: TSESTree.MemberExpression): string | null {
  return staticKeyName(node.property, node.computed);
}

export function propertyName(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  return staticKeyName(node.key, node.computed);
}

/** The name a call is made by: `f()` → `f`, `a.b.c()` → `c`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return null;
}

/** The receiver of a method call: `a.b()` → `a`. */
export function calleeObject(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Expression | null {
  return call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : null;
}

export function isCallLike(node: TSESTree.Node): node is TSESTree.CallExpression | TSESTree.NewExpression {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
}

export function isLoop(node: TSESTree.Node): node is
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

/** `child` is evaluated on every iteration of `loop` (its body, test or update). */
export function isRepeatedPartOfLoop(loop: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return child === loop.body || child === loop.test || child === loop.update;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return child === loop.body;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return child === loop.body || child === loop.test;
    default:
      return false;
  }
}

/** A string, template or regular expression that looks like a route path (`'/users/:id'`, `'*'`). */
export function isPathLike(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) {
    if ('regex' in node && node.regex) return true;
    return typeof node.value === 'string' && /^[/*]/.test(node.value);
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return /^[/*]/.test(node.quasis[0]?.value.cooked ?? '');
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.some((element) => element !== null && isPathLike(element));
  return false;
}

/** Names of a function's simple parameters (`(req, res)` → `['req', 'res']`); destructured ones are `null`. */
export function parameterNames(fn: FunctionNode): (string | null)[] {
  return fn.params.map((param) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return target.type === AST_NODE_TYPES.Identifier ? target.name : null;
  });
}

/** The type name a parameter is annotated with (`req: Request` → `Request`, `c: Context<Env>` → `Context`). */
export function parameterTypeName(param: TSESTree.Parameter | undefined): string | null {
  const type = parameterType(param);
  return type ? typeReferenceName(type) : null;
}

/** The type annotation of a parameter (`req: Request`, `ctx: Context = x`), when it has one. */
export function parameterType(param: TSESTree.Parameter | undefined): TSESTree.TypeNode | null {
  if (!param) return null;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (!('typeAnnotation' in target) || !target.typeAnnotation) return null;
  return target.typeAnnotation.typeAnnotation;
}

export function typeReferenceName(type: TSESTree.TypeNode): string | null {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return null;
}

/** The longest property chain starting at `root` without calls or dynamic keys: `req` → `req.tenant.id`. */
export function memberChainAround(root: TSESTree.Node): TSESTree.Node {
  let current = root;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
    const member = current.parent;
    if (member.computed && member.property.type !== AST_NODE_TYPES.Literal) break;
    const call = member.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) break;
    current = member;
  }
  return current;
}

/** Calls `visit` on each direct child node of `node`, in source order, using the parser's visitor keys. */
export function forEachChild(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  const keys = sourceCode.visitorKeys[node.type];
  if (!keys) return;
  // Indexed loops, no wrapping array for single children: this runs for every node of every walk.
  for (let k = 0; k < keys.length; k++) {
    const value = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
      }
    } else if (value && typeof value === 'object' && 'type' in value) {
      visit(value as TSESTree.Node);
    }
  }
}

/** Whether `statement` is an `if` whose branch ends in a `return` or `throw`: what follows it runs only when its test fails. */
export function isEarlyExit(statement: TSESTree.Node): statement is TSESTree.IfStatement {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
  const exit = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body.at(-1) : statement.consequent;
  return exit?.type === AST_NODE_TYPES.ReturnStatement || exit?.type === AST_NODE_TYPES.ThrowStatement;
}
