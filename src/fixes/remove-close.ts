import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type TextEdit, editedSlice, hasMultilineTemplate, lineIndent, reindent, statementRemovalRange } from './source-edits.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type { TextEdit };

/**
 * Edits that delete per-request `client.close()` statements. A `finally` left empty goes too; a
 * `try` left with neither `catch` nor `finally` is unwrapped (or kept as a plain block when its
 * declarations would collide with the enclosing scope's). The fix's other edits (`inner`) that fall
 * inside an unwrapped `try` are made in its new text; `null` when they cannot be.
 */
export function closeRemovalEdits(
  sourceCode: SourceCode,
  statements: readonly TSESTree.ExpressionStatement[],
  inner: readonly TextEdit[] = [],
): TextEdit[] | null {
  const edits: TextEdit[] = [];
  const handledTries = new Set<TSESTree.TryStatement>();
  for (const statement of statements) {
    const block = statement.parent;
    const tryStatement = block?.parent;
    if (
      block?.type === AST_NODE_TYPES.BlockStatement &&
      tryStatement?.type === AST_NODE_TYPES.TryStatement &&
      tryStatement.finalizer === block &&
      block.body.every((candidate) => statements.includes(candidate as TSESTree.ExpressionStatement))
    ) {
      if (!handledTries.has(tryStatement)) {
        handledTries.add(tryStatement);
        const edit = removeFinally(sourceCode, tryStatement, inner);
        if (!edit) return null;
        edits.push(edit);
      }
      continue;
    }
    edits.push({ range: statementRemovalRange(sourceCode, statement), text: '' });
  }
  return edits;
}

function removeFinally(sourceCode: SourceCode, tryStatement: TSESTree.TryStatement, inner: readonly TextEdit[]): TextEdit | null {
  const finalizer = tryStatement.finalizer!;
  if (tryStatement.handler) return { range: [tryStatement.handler.range[1], finalizer.range[1]], text: '' };
  const body = tryStatement.block.body;
  const first = body[0];
  const last = body.at(-1);
  if (!first || !last) return { range: statementRemovalRange(sourceCode, tryStatement), text: '' };
  if (declaresNamesTakenOutside(sourceCode, tryStatement) || hasMultilineTemplate(sourceCode, tryStatement.block)) {
    const block = editedSlice(sourceCode.text, tryStatement.block.range, inner);
    return block === null ? null : { range: tryStatement.range, text: block };
  }
  const firstToken = sourceCode.getFirstToken(tryStatement.block, { includeComments: true, skip: 1 }) ?? first;
  const content = editedSlice(sourceCode.text, [Math.min(firstToken.range[0], first.range[0]), last.range[1]], inner);
  if (content === null) return null;
  // The content starts at a token; an inner removal of its first line leaves the next line's indentation in front.
  return { range: tryStatement.range, text: reindent(content.trimStart(), lineIndent(sourceCode, first), lineIndent(sourceCode, tryStatement)) };
}

/** Whether unwrapping the try block would put its `let`/`const`/class names next to existing ones. */
function declaresNamesTakenOutside(sourceCode: SourceCode, tryStatement: TSESTree.TryStatement): boolean {
  const inner = sourceCode.scopeManager?.acquire(tryStatement.block);
  if (!inner) return false;
  const outer = sourceCode.getScope(tryStatement);
  return inner.variables.some((variable) => outer.set.has(variable.name));
}
