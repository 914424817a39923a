import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../analysis/ast.js';
import type { ResolvedCall } from '../analysis/imports.js';
import type { AsyncAlternative, BlockingCallEntry } from '../catalog/blocking-calls.js';
import { ImportEdits, type TextEdit, existingExportReference, moduleBindings } from './module-bindings.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** A planned rewrite of a blocking call to its async alternative. */
export interface AsyncRewrite {
  /** The new call in short, for messages: `await readFile(…)`. */
  replacement: string;
  edits: readonly TextEdit[];
  /**
   * Why this rewrite should not be an autofix yet: the file's first call of a sync import keeps the
   * import until the others are rewritten (see `ImportEdits#releaseCallee`). As a suggestion,
   * applied alone, the rewrite is fine.
   */
  waits?: string;
}

const BUILTIN_MODULES = new Set(['fs', 'fs/promises', 'child_process', 'crypto', 'zlib', 'util']);
const DEFAULT_TEMPLATE = 'await $call';

/** How the alternative reads in messages when no rewrite is planned: "`await readFile(…)` (`node:fs/promises`)". */
export function describeAlternative(entry: BlockingCallEntry, alternative: AsyncAlternative): string {
  const source = alternative.source;
  const modules: string[] = [];
  let callee: string;
  switch (source.kind) {
    case 'module':
      callee = source.export;
      modules.push(source.module);
      break;
    case 'promisify':
      callee = `promisify(${source.export})`;
      modules.push(entry.module, 'util');
      break;
    case 'same-module':
      callee = source.export === 'default' ? entry.label.replace(/\.[^.]*$/, '') : source.export;
      modules.push(entry.module);
      break;
    case 'global':
      callee = source.path;
      break;
  }
  const code = render(alternative, callee, '(…)');
  const where = modules.length > 0 ? ` (${modules.map((module) => `\`${displayModule(module)}\``).join(', ')})` : '';
  return `\`${code}\`${where}`;
}

function displayModule(module: string): string {
  return BUILTIN_MODULES.has(module) ? `node:${module}` : module;
}

function render(alternative: AsyncAlternative, callee: string, rest: string): string {
  return (alternative.template ?? DEFAULT_TEMPLATE).replace('$call', () => `${callee}${rest}`);
}

/**
 * Plans rewriting `call` to `alternative`: the awaited async call with the same arguments, the
 * import it needs added or reused, and the blocking import dropped when this was its last use.
 * Returns the reason when the call cannot be rewritten mechanically. Whether `await` is allowed
 * where the call is, and whether the rewrite keeps behaviour, is the caller's business.
 */
export function planAsyncRewrite(sourceCode: SourceCode, resolved: ResolvedCall<BlockingCallEntry>, alternative: AsyncAlternative): AsyncRewrite | string {
  const call = resolved.node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return 'it is not a plain call';
  if (call.optional || call.parent.type === AST_NODE_TYPES.ChainExpression) return 'it is an optional call';
  const callee = call.callee;
  if (ASTUtils.isParenthesized(callee, sourceCode) || callee.type === AST_NODE_TYPES.ChainExpression) return 'its callee is not a plain reference';
  if (alternative.rejectsFileDescriptors && looksLikeFileDescriptor(call.arguments[0])) {
    return 'its first argument looks like a file descriptor, which `fs/promises` does not accept';
  }

  const imports = new ImportEdits(sourceCode, call);
  const shape = calleeShape(callee, resolved.entry);
  const asyncCallee = asyncCalleeText(sourceCode, resolved, alternative, shape, imports);
  if (asyncCallee.reason !== undefined) return asyncCallee.reason;
  const waits = shape.kind === 'binding' ? imports.releaseCallee(shape.identifier) : null;

  const rest = sourceCode.text.slice(callee.range[1], call.range[1]);
  let template = alternative.template ?? DEFAULT_TEMPLATE;
  if (call.parent.type === AST_NODE_TYPES.AwaitExpression && template === DEFAULT_TEMPLATE) template = '$call';
  let text = template.replace('$call', () => `${asyncCallee.text}${rest}`);
  if (template.startsWith('await ') && needsParentheses(sourceCode, call)) text = `(${text})`;
  if (text.startsWith('(') && startsStatementAfterAsiHazard(sourceCode, call)) text = `;${text}`;

  const importEdits = imports.edits();
  if (importEdits === null) return 'the imports it needs could not be added cleanly';
  const edits = sortedWithoutOverlap([...importEdits, { range: call.range, text }]);
  if (edits === null) return 'the imports it needs could not be added cleanly';
  const replacement = render(alternative, asyncCallee.text, '(…)');
  return waits === null ? { replacement, edits } : { replacement, edits, waits };
}

/** Adds `async` to `fn`, for a rewrite inside a synchronous handler; `null` when that cannot be done cleanly. */
export function withAsyncFunction(sourceCode: SourceCode, rewrite: AsyncRewrite, fn: FunctionNode): AsyncRewrite | null {
  const at = asyncInsertionPoint(sourceCode, fn);
  if (at === null) return null;
  const edits = sortedWithoutOverlap([...rewrite.edits, { range: [at, at], text: 'async ' }]);
  return edits ? { ...rewrite, edits } : null;
}

export function fixFrom(edits: readonly TextEdit[]): Fix {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

type CalleeShape =
  /** `fs.readFileSync`: a member of the module object, which the rewrite can reuse. */
  | { kind: 'member'; moduleObject: TSESTree.Node }
  /** `readFileSync`, `realpathSync.native`: a binding of the export itself. */
  | { kind: 'binding'; identifier: TSESTree.Identifier }
  | { kind: 'other' };

function calleeShape(callee: TSESTree.Node, entry: BlockingCallEntry): CalleeShape {
  const depth = entry.module === 'globalThis' ? 0 : entry.export.split('.').filter((segment) => segment !== 'default').length;
  let node = callee;
  for (let level = 0; level < depth; level++) {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      node = node.object;
    } else {
      return node.type === AST_NODE_TYPES.Identifier ? { kind: 'binding', identifier: node } : { kind: 'other' };
    }
  }
  return { kind: 'member', moduleObject: node };
}

function asyncCalleeText(
  sourceCode: SourceCode,
  resolved: ResolvedCall<BlockingCallEntry>,
  alternative: AsyncAlternative,
  shape: CalleeShape,
  imports: ImportEdits,
): { text: string; reason?: undefined } | { text?: undefined; reason: string } {
  const call = resolved.node;
  const source = alternative.source;
  const objectText = shape.kind === 'member' ? sourceCode.getText(shape.moduleObject) : null;
  switch (source.kind) {
    case 'global':
      return { text: source.path };
    case 'module': {
      // `fs.readFileSync()` → `fs.promises.readFile()`: the file already holds the module object.
      if (objectText !== null && source.via) return { text: `${objectText}.${source.via}.${source.export}` };
      const direct = existingExportReference(sourceCode, call, source.module, source.export);
      if (direct !== null) return { text: direct };
      const namespace = source.via ? existingExportReference(sourceCode, call, resolved.specifier, source.via) : null;
      if (namespace !== null) return { text: `${namespace}.${source.export}` };
      return { text: imports.reference(source.module, source.export, `node:${source.module}`) };
    }
    case 'promisify': {
      const fn =
        objectText !== null
          ? `${objectText}.${source.export}`
          : (existingExportReference(sourceCode, call, resolved.specifier, source.export) ??
            imports.reference(resolved.specifier, source.export, resolved.specifier));
      const promisify = existingExportReference(sourceCode, call, 'util', 'promisify') ?? imports.reference('util', 'promisify', 'node:util');
      return { text: `${promisify}(${fn})` };
    }
    case 'same-module': {
      if (objectText !== null) return { text: source.export === 'default' ? objectText : `${objectText}.${source.export}` };
      if (source.export === 'default') {
        const object = moduleBindings(sourceCode, resolved.specifier).find((binding) => binding.kind === 'object');
        return object ? { text: object.local.name } : { reason: `it needs the module object of \`${resolved.specifier}\`, which the file does not import` };
      }
      return {
        text:
          existingExportReference(sourceCode, call, resolved.specifier, source.export) ??
          imports.reference(resolved.specifier, source.export, resolved.specifier),
      };
    }
  }
}

/** An `await x` in this position must be parenthesized to keep the same meaning: `(await x).y`, `(await x)()`, `(await x) ** 2`. */
function needsParentheses(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (ASTUtils.isParenthesized(node, sourceCode)) return false;
  const parent = node.parent!;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    default:
      return false;
  }
}

/**
 * The rewritten text starts with `(` at the start of a statement that follows another statement
 * without a semicolon: without a leading `;` it would continue the previous line.
 */
function startsStatementAfterAsiHazard(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let statement: TSESTree.Node = node;
  while (statement.parent && statement.parent.range[0] === node.range[0] && statement.type !== AST_NODE_TYPES.ExpressionStatement) {
    statement = statement.parent;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const container = statement.parent;
  if (!container || !('body' in container) || !Array.isArray(container.body)) return false;
  const index = (container.body as TSESTree.Node[]).indexOf(statement);
  if (index <= 0) return false;
  const previous = sourceCode.getLastToken((container.body as TSESTree.Node[])[index - 1]!);
  return previous !== null && previous.value !== ';';
}

function looksLikeFileDescriptor(argument: TSESTree.Node | undefined): boolean {
  if (!argument) return false;
  if (argument.type === AST_NODE_TYPES.Literal) return typeof argument.value === 'number';
  const name =
    argument.type === AST_NODE_TYPES.Identifier
      ? argument.name
      : argument.type === AST_NODE_TYPES.MemberExpression && argument.property.type === AST_NODE_TYPES.Identifier
        ? argument.property.name
        : null;
  return name !== null && /^(fd|fileDescriptor)$|^fd[A-Z_]|[a-z]Fd$|Descriptor$/.test(name);
}

/** Where `async ` goes to make `fn` async; `null` for functions that cannot simply become async. */
function asyncInsertionPoint(sourceCode: SourceCode, fn: FunctionNode): number | null {
  if (fn.async || fn.generator || fn.returnType) return null;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || (parent.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init'))) {
    if (parent.kind !== 'method' && parent.kind !== 'init') return null;
    const key = parent.computed ? sourceCode.getTokenBefore(parent.key) : parent.key;
    return key ? key.range[0] : null;
  }
  const first = sourceCode.getFirstToken(fn);
  return first ? first.range[0] : null;
}

function sortedWithoutOverlap(edits: TextEdit[]): TextEdit[] | null {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.range[0] < sorted[index - 1]!.range[1]) return null;
  }
  return sorted;
}
