import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isCommonJsExportObject } from '../analysis/exports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A replacement of the source text in `range`. */
export interface TextEdit {
  range: TSESTree.Range;
  text: string;
}

/** The whitespace that starts the line `node` starts on. */
export function lineIndent(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** Whether `node` is the only thing on the lines it spans (so removing it may take the lines with it). */
function isAloneOnLines(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const before = sourceCode.getTokenBefore(node, { includeComments: true });
  const after = sourceCode.getTokenAfter(node, { includeComments: true });
  return (!before || before.loc.end.line < node.loc.start.line) && (!after || after.loc.start.line > node.loc.end.line);
}

/** The range that removes a statement: its whole lines when it stands alone on them. */
export function statementRemovalRange(sourceCode: SourceCode, statement: TSESTree.Node): TSESTree.Range {
  if (!isAloneOnLines(sourceCode, statement)) return statement.range;
  const start = sourceCode.getIndexFromLoc({ line: statement.loc.start.line, column: 0 });
  const endLine = statement.loc.end.line;
  const end = endLine < sourceCode.lines.length ? sourceCode.getIndexFromLoc({ line: endLine + 1, column: 0 }) : sourceCode.text.length;
  return [start, end];
}

/** Shifts every line after the first from indentation `from` to `to`. */
export function reindent(text: string, from: string, to: string): string {
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}

/** Whether `node` contains a template literal that spans lines (reindenting would change the string). */
export function hasMultilineTemplate(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return sourceCode.ast.tokens?.some(
    (token) => token.type === 'Template' && token.range[0] >= node.range[0] && token.range[1] <= node.range[1] && token.value.includes('\n'),
  ) ?? false;
}

/** Whether the file ends statements with semicolons, judging by `statement` (or the first statement). */
export function usesSemicolons(sourceCode: SourceCode, statement?: TSESTree.Node): boolean {
  const sample = statement ?? sourceCode.ast.body.find((node) => node.type !== AST_NODE_TYPES.FunctionDeclaration && node.type !== AST_NODE_TYPES.ClassDeclaration);
  if (!sample) return true;
  return sourceCode.getLastToken(sample)?.value === ';';
}

/** The top-level statement that contains `node`. */
export function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current as TSESTree.ProgramStatement;
}

/**
 * The top-level statement a module-level declaration used inside `statement` must come before:
 * `statement` itself, unless it declares a function or class that code above it can reach while
 * the module loads. Function declarations are hoisted, so `main(); function main() { run(); }`
 * calls into them from above; the declaration must then precede the first statement that refers
 * to the function, directly or through other function and class declarations, or that statement
 * would meet it uninitialized (a temporal dead zone error).
 */
export function firstLoadTimeUse(sourceCode: SourceCode, statement: TSESTree.ProgramStatement): TSESTree.ProgramStatement {
  if (!declaredCallable(statement)) return statement;
  let earliest = statement;
  const seen = new Set<TSESTree.Node>([statement]);
  const pending = [statement];
  for (let current = pending.pop(); current; current = pending.pop()) {
    const declaration = declaredCallable(current)!;
    for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? []) {
      if (!variable.defs.some((definition) => definition.type === 'FunctionName' || definition.type === 'ClassName')) continue;
      for (const reference of variable.references) {
        if (handsOverOnly(sourceCode, reference.identifier as TSESTree.Node)) continue;
        const user = topLevelStatement(reference.identifier as TSESTree.Node);
        if (seen.has(user)) continue;
        seen.add(user);
        if (declaredCallable(user)) pending.push(user);
        else if (user.range[0] < earliest.range[0]) earliest = user;
      }
    }
  }
  return earliest;
}

/**
 * `exports.f = f`, `module.exports = { f }`, `export { f }`: a statement that hands the function
 * over to the module's importers while it loads, without calling it. (An importer in an import
 * cycle could call it before the rest of this module has run; nothing syntactic can tell.)
 */
function handsOverOnly(sourceCode: SourceCode, identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier) return true;
  const value = parent?.type === AST_NODE_TYPES.Property && parent.value === identifier ? parent.parent : identifier;
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) return false;
  if (assignment.parent.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const target = assignment.left;
  return isCommonJsExportObject(sourceCode, target) || (target.type === AST_NODE_TYPES.MemberExpression && isCommonJsExportObject(sourceCode, target.object));
}

/** The function or class a top-level statement declares (exported or not): code that runs only when called. */
function declaredCallable(statement: TSESTree.ProgramStatement): TSESTree.FunctionDeclaration | TSESTree.ClassDeclaration | null {
  const declaration =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  return declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration ? declaration : null;
}

/**
 * Where to insert a module-level declaration that `statement` (a top-level statement) will use:
 * before the statement and its leading comments, so below the imports above it. An import further
 * down (imports are hoisted, so code may precede one) stays below: moving the declaration under
 * it could move it under code that runs first.
 */
export function moduleInsertionIndex(sourceCode: SourceCode, statement: TSESTree.ProgramStatement): number {
  const start = statementStart(firstOverload(sourceCode, statement));
  const firstToken = sourceCode.getTokenByRangeStart(start, { includeComments: false }) ?? statement;
  const comments = sourceCode.getCommentsBefore(firstToken);
  return (comments[0] ?? firstToken).range[0];
}

/**
 * The first of the overload signatures right above a function (`function f(a: string): T;`): a
 * declaration must not land between them and the implementation.
 */
function firstOverload(sourceCode: SourceCode, statement: TSESTree.ProgramStatement): TSESTree.ProgramStatement {
  const name = declaredFunctionName(statement);
  if (name === null) return statement;
  const body = sourceCode.ast.body;
  let index = body.indexOf(statement);
  while (index > 0) {
    const previous = body[index - 1]!;
    const declaration = unwrapExport(previous);
    if (declaration?.type !== AST_NODE_TYPES.TSDeclareFunction || declaration.id?.name !== name) break;
    index--;
  }
  return body[index] ?? statement;
}

function unwrapExport(statement: TSESTree.ProgramStatement): TSESTree.Node | null | undefined {
  return statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
}

function declaredFunctionName(statement: TSESTree.ProgramStatement): string | null {
  const declaration = unwrapExport(statement);
  return declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id ? declaration.id.name : null;
}

/** Where a statement really starts: decorators of an exported class come before `export`. */
function statementStart(statement: TSESTree.ProgramStatement): number {
  const declaration =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  const decorators = declaration && 'decorators' in declaration ? (declaration.decorators ?? []) : [];
  return Math.min(statement.range[0], ...decorators.map((decorator: TSESTree.Decorator) => decorator.range[0]));
}

/** Text starts with a character that would continue the previous line under ASI (`(`, `[`, `` ` ``, ...). */
export function startsWithAsiHazard(text: string): boolean {
  return /^[([`+\-/]/.test(text.trimStart());
}

/**
 * The text that inserts a module-level `declaration` (ending in a newline) at `index`, keeping a
 * blank line between it and the imports or code above and the code below.
 */
export function moduleDeclarationText(sourceCode: SourceCode, index: number, declaration: string): string {
  const before = sourceCode.text.slice(0, index);
  const needsBlankAbove = before.length > 0 && !/(^|\n)[ \t\r]*\n$/.test(before) && before.endsWith('\n');
  return `${needsBlankAbove ? '\n' : ''}${declaration}\n`;
}

/** The file's indentation step: the first increase of indentation between lines that start with code, or two spaces. */
export function indentUnit(sourceCode: SourceCode): string {
  let previousLine = 0;
  let previous = '';
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.loc.start.line === previousLine) continue;
    previousLine = token.loc.start.line;
    const indent = /^\s*/.exec(sourceCode.lines[previousLine - 1] ?? '')?.[0] ?? '';
    if (indent.length > previous.length && indent.startsWith(previous)) return indent.slice(previous.length);
    previous = indent;
  }
  return '  ';
}

/** Where a statement ends, including comments that follow it on its last line. */
export function statementEnd(sourceCode: SourceCode, statement: TSESTree.Node): number {
  let end = statement.range[1];
  for (const comment of sourceCode.getCommentsAfter(statement)) {
    if (comment.loc.start.line !== statement.loc.end.line) break;
    end = comment.range[1];
  }
  return end;
}

/**
 * The source text of `range` with `insertions` made (those inside it) and one more `unit` of
 * indentation on every line that starts in it, except blank lines and lines inside template
 * literals (whose text would change).
 */
export function shiftedText(
  sourceCode: SourceCode,
  range: TSESTree.Range,
  unit: string,
  insertions: readonly { at: number; text: string }[] = [],
): string {
  const text = sourceCode.text;
  const templates = (sourceCode.ast.tokens ?? []).filter((token) => token.type === 'Template' && token.range[1] > range[0] && token.range[0] < range[1]);
  const all = insertions.filter((insertion) => insertion.at >= range[0] && insertion.at <= range[1]);
  for (let index = text.indexOf('\n', range[0]); index !== -1 && index + 1 < range[1]; index = text.indexOf('\n', index + 1)) {
    const lineStart = index + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (line.trim() === '') continue;
    if (templates.some((token) => token.range[0] < lineStart && lineStart < token.range[1])) continue;
    all.push({ at: lineStart, text: unit });
  }
  all.sort((a, b) => a.at - b.at);
  let result = '';
  let position = range[0];
  for (const insertion of all) {
    result += text.slice(position, insertion.at) + insertion.text;
    position = insertion.at;
  }
  return result + text.slice(position, range[1]);
}

/** Where code to wrap after `offset` begins: the line break before its first line (blank lines skipped), or `offset`. */
export function wrapStart(sourceCode: SourceCode, offset: number): number {
  const text = sourceCode.text;
  let index = offset;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  const lineBreak = text.lastIndexOf('\n', index - 1);
  return lineBreak >= offset ? lineBreak : offset;
}

/**
 * The text of `range` as it reads once the `inner` edits touching it are made, so that an
 * edit rewriting a whole region (unwrapping a `try`) carries the smaller edits inside it (a
 * rename, a removed declaration) instead of overlapping them. A removal that reaches past the
 * range is cut to it; `null` when a replacement does, which cannot be split.
 */
export function editedSlice(text: string, range: TSESTree.Range, inner: readonly TextEdit[]): string | null {
  const [start, end] = range;
  let result = '';
  let at = start;
  const touching = inner.filter((edit) => edit.range[0] < end && start < edit.range[1]).sort((a, b) => a.range[0] - b.range[0]);
  for (const edit of touching) {
    const inside = edit.range[0] >= start && edit.range[1] <= end;
    if (!inside && edit.text !== '') return null;
    const editStart = Math.max(edit.range[0], start);
    if (editStart < at) return null;
    result += text.slice(at, editStart) + edit.text;
    at = Math.min(edit.range[1], end);
  }
  return result + text.slice(at, end);
}

/**
 * The edits of one fix: the `outer` ones, which already carry the `inner` edits inside their
 * ranges (see `editedSlice`), and the inner ones outside all of them. `null` when two of the
 * result still overlap: ESLint rejects such a fix, so the caller offers none.
 */
export function combineEdits(outer: readonly TextEdit[], inner: readonly TextEdit[]): TextEdit[] | null {
  const within = (edit: TextEdit, container: TextEdit) => edit.range[0] >= container.range[0] && edit.range[1] <= container.range[1];
  const edits = [...outer, ...inner.filter((edit) => !outer.some((container) => within(edit, container)))];
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.range[0] < sorted[index - 1]!.range[1]) return null;
  }
  return edits;
}
