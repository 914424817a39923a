import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleSources, normalizeSpecifier } from './modules.js';
import { programValues } from './program-cache.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * What a file is, from its path and a few top-level facts: code that runs once per process
 * (scripts, migrations, config), tests, or application code; and the runtime it runs on.
 */
export interface FileFacts {
  /** `one-off`: runs once per process (migrations, seeds, scripts, bin, shebang, config files). */
  role: 'application' | 'test' | 'one-off';
  /** Why the file is one-off or a test, for documentation and debugging. */
  reason: string;
  /** Edge runtime (Cloudflare Workers, Next.js `runtime = 'edge'`): I/O objects cannot be shared across requests. */
  edge: boolean;
  /** A `worker_threads` worker: blocking there is the point. */
  workerThread: boolean;
  /** The file starts with `'use server'`: its exported functions are server actions. */
  serverActions: boolean;
  /** The path with `/` separators, for per-file export conventions. */
  path: string;
}

/**
 * Tests, and test-support modules known by their path (a file imported only by tests cannot be
 * seen as such from one file): test folders, fixtures, mocks, and setup/helper file names.
 */
const TEST_FILE =
  /\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(__tests__|__mocks__|test|tests|playwright|e2e|test-utils|testing|fixtures)\/|(^|\/)([^/]+\.test-utils|test-helpers|setup-tests|vitest\.setup|jest\.setup)\.[cm]?[jt]sx?$/;
const ONE_OFF_DIRECTORY = /(^|\/)(migrations?|seeds?|seeders|scripts?|bin)\//;
const ONE_OFF_FILE = /(^|\/)([^/]+\.config\.[cm]?[jt]s|seed\.[cm]?[jt]s|knexfile\.[cm]?[jt]s|[gG]ulpfile\.[cm]?[jt]s|Gruntfile\.[cm]?[jt]s|Jakefile\.[cm]?[jt]s)$/;
const WORKER_THREAD_EXPORTS = new Set(['parentPort', 'workerData']);

export function classifyPath(filename: string): Pick<FileFacts, 'role' | 'reason' | 'path'> {
  const path = filename.replaceAll('\\', '/');
  if (TEST_FILE.test(path)) return { role: 'test', reason: 'a test file', path };
  const directory = ONE_OFF_DIRECTORY.exec(path);
  if (directory) return { role: 'one-off', reason: `a file under ${directory[2]}/`, path };
  if (ONE_OFF_FILE.test(path)) return { role: 'one-off', reason: 'a configuration or build file', path };
  return { role: 'application', reason: 'application code', path };
}


/**
 * File facts for the file being linted. The file name and settings are the same for every rule
 * that lints a given `Program`, so the first call computes and the rest share.
 */
export function factsFor(sourceCode: SourceCode, filename: string, runtime: 'node' | 'edge' | undefined): FileFacts {
  const values = programValues(sourceCode);
  let facts = values.get(factsFor) as FileFacts | undefined;
  if (!facts) {
    facts = classify(sourceCode, filename);
    if (runtime) facts = { ...facts, edge: runtime === 'edge' };
    values.set(factsFor, facts);
  }
  return facts;
}

function classify(sourceCode: SourceCode, filename: string): FileFacts {
  const byPath = classifyPath(filename);
  const shebang = sourceCode.text.startsWith('#!');
  const role = byPath.role === 'application' && shebang ? 'one-off' : byPath.role;
  const reason = role !== byPath.role ? 'an executable script (shebang)' : byPath.reason;
  return {
    ...byPath,
    role,
    reason,
    edge: declaresEdgeRuntime(sourceCode),
    workerThread: readsWorkerThreadData(sourceCode),
    serverActions: hasDirective(sourceCode.ast.body, 'use server'),
  };
}

export function hasDirective(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

/**
 * `export const runtime = 'edge'` (Next.js), `export const config = { runtime: 'edge' }`, or an
 * import from a `cloudflare:` module. Workers' `export default { fetch }` is recognized per function.
 */
function declaresEdgeRuntime(sourceCode: SourceCode): boolean {
  if (moduleSources(sourceCode).some((source) => source.specifier.startsWith('cloudflare:'))) return true;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      if (declarator.id.name === 'runtime' && isEdgeLiteral(declarator.init)) return true;
      if (declarator.id.name === 'config' && declarator.init.type === AST_NODE_TYPES.ObjectExpression) {
        const runtime = declarator.init.properties.find(
          (property) =>
            property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'runtime',
        );
        if (runtime?.type === AST_NODE_TYPES.Property && isEdgeLiteral(runtime.value)) return true;
      }
    }
  }
  return false;
}

function isEdgeLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && (node.value === 'edge' || node.value === 'experimental-edge');
}

/** The file reads `parentPort` or `workerData` from `worker_threads`: it is a worker's own code. */
function readsWorkerThreadData(sourceCode: SourceCode): boolean {
  for (const source of moduleSources(sourceCode)) {
    if (normalizeSpecifier(source.specifier) !== 'worker_threads') continue;
    if (source.kind === 'esm' && source.node.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of source.node.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier || specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
          if (usesWorkerDataMember(sourceCode, specifier.local)) return true;
        } else if (specifier.imported.type === AST_NODE_TYPES.Identifier && WORKER_THREAD_EXPORTS.has(specifier.imported.name)) {
          return true;
        }
      }
    } else if (source.kind === 'require') {
      const parent = source.node.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression && isWorkerDataKey(parent.property)) return true;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
        if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
          if (parent.id.properties.some((property) => property.type === AST_NODE_TYPES.Property && isWorkerDataKey(property.key))) return true;
        } else if (parent.id.type === AST_NODE_TYPES.Identifier && usesWorkerDataMember(sourceCode, parent.id)) {
          return true;
        }
      }
    }
  }
  return false;
}

function isWorkerDataKey(key: TSESTree.Node): boolean {
  return key.type === AST_NODE_TYPES.Identifier && WORKER_THREAD_EXPORTS.has(key.name);
}

function usesWorkerDataMember(sourceCode: SourceCode, binding: TSESTree.Identifier): boolean {
  const [variable] = sourceCode.scopeManager?.getDeclaredVariables(binding.parent) ?? [];
  return (variable?.references ?? []).some(
    (reference) =>
      reference.identifier.parent.type === AST_NODE_TYPES.MemberExpression &&
      reference.identifier.parent.object === reference.identifier &&
      isWorkerDataKey(reference.identifier.parent.property),
  );
}
