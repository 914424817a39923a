import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isEarlyExit, isFunction, memberName } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const PRODUCTION_NAMES = new Set(['production', 'prod']);
const DEVELOPMENT_NAMES = new Set(['development', 'dev']);
/** Names of flags that say which environment runs, when their value is out of sight: imported (`dev` from `$app/environment`), or a property (`config.isProduction`). */
const PRODUCTION_FLAG = /^(is_?)?(prod|production)$/i;
const DEVELOPMENT_FLAG = /^(is_?)?(dev|development)$/i;
const FLAG_PROPERTY = /^is_?/i;
/** How many constants `isProd = env === 'production'` a test is followed through. */
const CONSTANT_DEPTH = 3;

/**
 * Whether the code at `node` runs only outside production, within its function (or the module's
 * top level): the branch of `if (process.env.NODE_ENV !== 'production')`, the else of
 * `if (isProduction)`, the right of `isDev && ...`, or what follows an early return or throw in
 * production (`if (ENVIRONMENT === 'production' || IS_CLOUD) return`). Such code does not repeat
 * per request where requests are served. Callers decide for code in functions (see contexts.ts).
 */
export function isDevelopmentOnly(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === current.consequent && falseInProduction(sourceCode, current.test)) return true;
        if (child === current.alternate && trueInProduction(sourceCode, current.test)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right && current.operator === '&&' && falseInProduction(sourceCode, current.left)) return true;
        if (child === current.right && current.operator === '||' && trueInProduction(sourceCode, current.left)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        if (followsExitInProduction(sourceCode, current.body, child)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function followsExitInProduction(sourceCode: SourceCode, body: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
  const index = body.indexOf(child);
  return body.slice(0, Math.max(index, 0)).some((statement) => isEarlyExit(statement) && trueInProduction(sourceCode, statement.test));
}

/** Whether `test` holds whenever production runs: `NODE_ENV === 'production'`, `isProd || x`. */
function trueInProduction(sourceCode: SourceCode, test: TSESTree.Node, depth = 0): boolean {
  return environmentTest(sourceCode, test, depth) === 'production' || composite(sourceCode, test, depth, true);
}

/** Whether `test` fails whenever production runs: `NODE_ENV !== 'production'`, `isDev && x`. */
function falseInProduction(sourceCode: SourceCode, test: TSESTree.Node, depth = 0): boolean {
  return environmentTest(sourceCode, test, depth) === 'not production' || composite(sourceCode, test, depth, false);
}

/** `!a`, `a || b`, `a && b` of environment tests: `holds` asks `trueInProduction`, else `falseInProduction`. */
function composite(sourceCode: SourceCode, test: TSESTree.Node, depth: number, holds: boolean): boolean {
  const same = (node: TSESTree.Node) => (holds ? trueInProduction : falseInProduction)(sourceCode, node, depth);
  const opposite = (node: TSESTree.Node) => (holds ? falseInProduction : trueInProduction)(sourceCode, node, depth);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return opposite(test.argument);
  if (test.type !== AST_NODE_TYPES.LogicalExpression || test.operator === '??') return false;
  // A disjunction holds in production when one side does; a conjunction fails when one side does.
  const eitherSide = (test.operator === '||') === holds;
  return eitherSide ? same(test.left) || same(test.right) : same(test.left) && same(test.right);
}

/**
 * What a single test says of the environment: a comparison with `'production'` or
 * `'development'` (of `process.env.NODE_ENV`, a stage variable, `app.get('env')`...),
 * `import.meta.env.PROD`/`DEV`, a constant initialised with such a test, or an imported or
 * member flag named for one (`isProduction`, `config.isDev`).
 */
function environmentTest(sourceCode: SourceCode, test: TSESTree.Node, depth: number): 'production' | 'not production' | null {
  if (test.type === AST_NODE_TYPES.BinaryExpression) return comparison(test);
  if (test.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(test);
    if (isImportMetaEnv(test.object)) return name === 'PROD' ? 'production' : name === 'DEV' ? 'not production' : null;
    return name !== null && FLAG_PROPERTY.test(name) ? flagNamed(name) : null;
  }
  if (test.type !== AST_NODE_TYPES.Identifier || depth >= CONSTANT_DEPTH) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(test), test);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'ImportBinding') return flagNamed(test.name);
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.parent.kind !== 'const' || !definition.node.init) return null;
  const init = definition.node.init;
  if (trueInProduction(sourceCode, init, depth + 1)) return 'production';
  if (falseInProduction(sourceCode, init, depth + 1)) return 'not production';
  return null;
}

function comparison(test: TSESTree.BinaryExpression): 'production' | 'not production' | null {
  const literal = [test.left, test.right].find((side): side is TSESTree.StringLiteral => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string');
  if (!literal) return null;
  const equal = test.operator === '===' || test.operator === '==';
  if (!equal && test.operator !== '!==' && test.operator !== '!=') return null;
  if (PRODUCTION_NAMES.has(literal.value)) return equal ? 'production' : 'not production';
  // `env === 'development'` fails in production; `env !== 'development'` says nothing of it (staging, test).
  if (DEVELOPMENT_NAMES.has(literal.value) && equal) return 'not production';
  return null;
}

function flagNamed(name: string | null): 'production' | 'not production' | null {
  if (name === null) return null;
  if (PRODUCTION_FLAG.test(name)) return 'production';
  if (DEVELOPMENT_FLAG.test(name)) return 'not production';
  return null;
}

function isImportMetaEnv(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'env' && node.object.type === AST_NODE_TYPES.MetaProperty && node.object.property.name === 'meta';
}
