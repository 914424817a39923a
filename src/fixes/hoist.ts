import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ClientCreation } from '../analysis/clients.js';
import { memberChainAround, valueSlot } from '../analysis/ast.js';
import { type ExpressionFacts, callDataReferences } from '../analysis/free-references.js';
import { closeMethodNames } from '../catalog/clients.js';
import { type ValueFlow, valueFlow } from '../analysis/value-flow.js';
import { capitalize, clientVariableName, isFreeModuleName, pickName } from './names.js';
import { closeRemovalEdits } from './remove-close.js';
import {
  type TextEdit,
  combineEdits,
  hasMultilineTemplate,
  lineIndent,
  firstLoadTimeUse,
  moduleDeclarationText,
  moduleInsertionIndex,
  reindent,
  startsWithAsiHazard,
  statementRemovalRange,
  topLevelStatement,
  usesSemicolons,
} from './source-edits.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
export type HoistFix = (fixer: Fixer) => TSESLint.RuleFix[];
type Fix = HoistFix;

/** Methods that, called per request on a shared client, would pile up listeners or configuration. */
const MUTATING_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'use', 'setMaxListeners']);
const CONFIGURATION_MEMBERS = new Set(['interceptors', 'defaults', 'hooks']);

export type HoistPlan =
  | { kind: 'fix'; name: string; fix: Fix; insertAt: number }
  | { kind: 'suggestion'; name: string; fix: Fix; caveat: string }
  | { kind: 'none'; reason: string };

/**
 * Plans moving a per-request client to one module-level binding. An autofix when the move keeps
 * the program working (see DESIGN.md, "Fixes"); a suggestion when it moves work from request time
 * to load time; otherwise the reason it is left to a person.
 */
export function planHoist(sourceCode: SourceCode, creation: ClientCreation, facts: ExpressionFacts): HoistPlan {
  const { node, entry } = creation;
  const slot = valueSlot(node);
  if (entry.singleConnection) {
    return { kind: 'none', reason: `it is a single connection, which cannot serve concurrent requests${entry.advice ? `; ${entry.advice}` : ''}` };
  }
  if (entry.async || slot.type === AST_NODE_TYPES.AwaitExpression || hasAwaitInside(slot, node)) {
    return { kind: 'none', reason: 'it is created asynchronously; create it once during startup and share it' };
  }
  if (entry.connect) {
    return { kind: 'none', reason: 'it needs an explicit connect(), which belongs at startup' };
  }
  if (facts.awaits) return { kind: 'none', reason: 'its options are awaited' };
  const callData = callDataReferences(sourceCode, facts)[0];
  if (callData) {
    return { kind: 'none', reason: `its options depend on per-request data (\`${sourceCode.getText(memberChainAround(callData))}\`)` };
  }
  const local = facts.references.find((reference) => reference.kind === 'local');
  if (local) return { kind: 'none', reason: `its options use the local \`${local.identifier.name}\`, which would have to move too` };
  const mutable = facts.references.find((reference) => reference.kind === 'module-mutable');
  if (mutable) return { kind: 'none', reason: `its options read \`${mutable.identifier.name}\`, which is reassigned` };

  const statement = firstLoadTimeUse(sourceCode, topLevelStatement(node));
  const insertAt = moduleInsertionIndex(sourceCode, statement);
  // Imports are bound before any of the module's code runs, wherever they are written.
  const late = facts.references.find(
    (reference) => reference.kind === 'module' && reference.declaredAt >= insertAt && reference.variable.defs[0]?.type !== 'ImportBinding',
  );
  if (late) return { kind: 'none', reason: `its options use \`${late.identifier.name}\`, declared further down` };

  const flow = valueFlow(sourceCode, node);
  const blocker = flowBlocker(sourceCode, flow, slot);
  if (blocker) return { kind: 'none', reason: blocker };
  const closes = perRequestCloses(flow, entry.close);
  if (typeof closes === 'string') return { kind: 'none', reason: closes };

  const build = flow.declarator ? hoistDeclaration(sourceCode, creation, flow, insertAt, closes) : hoistExpression(sourceCode, creation, insertAt, statement);
  if (typeof build === 'string') return { kind: 'none', reason: build };
  if (entry.throwsWithoutKey) {
    return { kind: 'suggestion', ...build, caveat: 'its constructor throws when the API key is missing, which at module scope would fail the import of this file: check that the key is always set' };
  }
  const firstCall = facts.calls[0];
  if (firstCall) {
    return { kind: 'suggestion', ...build, caveat: `\`${sourceCode.getText(firstCall.callee)}()\` would then run once at startup` };
  }
  return { kind: 'fix', ...build, insertAt };
}

/**
 * One fix for hoists that insert at the same place (handlers of one class, or of a UMD bundle's
 * single top-level call): each hoist's edits span from there to its client, so ESLint would apply
 * one of them per `--fix` pass, and ten passes were not enough for fourteen. Every report of the
 * group carries this fix (ESLint applies the shortest of overlapping fixes first, so a single
 * report's own fix would win). Hoists whose edits overlap an earlier one's are left to a later pass.
 */
export function groupedHoistFix(fixes: readonly Fix[]): Fix {
  // Every report of the group asks for the same edits: work them out once.
  let edits: TSESLint.RuleFix[] | undefined;
  return (fixer) => (edits ??= groupEdits(fixes, fixer));
}

function groupEdits(fixes: readonly Fix[], fixer: Fixer): TSESLint.RuleFix[] {
  const kept: TSESLint.RuleFix[] = [];
  const insertions = new Map<number, string>();
  const taken: (readonly [number, number])[] = [];
  for (const fix of fixes) {
    const edits = fix(fixer);
    if (edits.some((edit) => taken.some((range) => overlaps(edit.range, range)))) continue;
    for (const edit of edits) {
      const [start, end] = edit.range;
      taken.push(edit.range);
      if (start !== end) kept.push(edit);
      else insertions.set(start, joinDeclarations(insertions.get(start) ?? '', edit.text));
    }
  }
  for (const [at, text] of insertions) kept.push(fixer.insertTextBeforeRange([at, at], text));
  return kept;
}

/** Hoisted declarations one after another, one blank line between them as separate passes would leave. */
function joinDeclarations(before: string, next: string): string {
  return before.endsWith('\n\n') && next.startsWith('\n') ? before + next.slice(1) : before + next;
}

/** Whether two edits touch the same text, or one inserts inside the other's; insertions at one point do not (their texts are joined). */
function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function hasAwaitInside(slot: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== slot.parent; current = current.parent) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) return true;
  }
  return false;
}

/** Why the bound client cannot be shared: reassigned, declared with siblings, configured per request. */
export function flowBlocker(sourceCode: SourceCode, flow: ValueFlow, slot: TSESTree.Node): string | null {
  const declarator = flow.declarator;
  if (declarator) {
    const declaration = declarator.parent;
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) {
      return 'it is declared together with other variables';
    }
    const statementParent = declaration.parent;
    if (statementParent.type !== AST_NODE_TYPES.BlockStatement && statementParent.type !== AST_NODE_TYPES.Program) {
      return 'its declaration is not a plain statement';
    }
    if (flow.binding?.references.some((reference) => reference.isWrite() && !reference.init)) return 'it is reassigned';
  }
  const uses = flow.binding ? flow.binding.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Node) : [slot];
  for (const use of uses) {
    const mutation = mutationAt(use);
    if (mutation) return `it is configured per request (\`${sourceCode.getText(mutation)}\`), which a shared client would accumulate`;
  }
  return null;
}

/** A write to the client's properties or a listener/interceptor registration on it, starting at `use`. */
function mutationAt(use: TSESTree.Node): TSESTree.Node | null {
  let current: TSESTree.Node = valueSlot(use);
  let configurationPath = false;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
    const member = current.parent;
    const name = member.property.type === AST_NODE_TYPES.Identifier && !member.computed ? member.property.name : null;
    if (name !== null && CONFIGURATION_MEMBERS.has(name)) configurationPath = true;
    const call = member.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
      return configurationPath || (name !== null && MUTATING_METHODS.has(name)) ? call : null;
    }
    current = member;
  }
  const parent = current.parent;
  if (current === valueSlot(use)) return null;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current) return parent;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return parent;
  return null;
}

/** The `client.end()` statements to delete with the hoist, or why a close cannot be deleted safely. */
export function perRequestCloses(flow: ValueFlow, close: string | undefined): TSESTree.ExpressionStatement[] | string {
  const statements: TSESTree.ExpressionStatement[] = [];
  for (const use of flow.uses) {
    if (use.kind !== 'method' || (use.name !== close && !closeMethodNames.has(use.name))) continue;
    const statement = valueSlot(use.call).parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) {
      return `it is closed with \`${use.name}()\` in a way that cannot be removed automatically`;
    }
    statements.push(statement);
  }
  return statements;
}

/** `const pool = new Pool(cfg)` in a handler: move the declaration, keep (or rename) the binding. */
function hoistDeclaration(
  sourceCode: SourceCode,
  creation: ClientCreation,
  flow: ValueFlow,
  insertAt: number,
  closes: readonly TSESTree.ExpressionStatement[],
): { name: string; fix: Fix } | string {
  const declarator = flow.declarator!;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  const localName = (declarator.id as TSESTree.Identifier).name;
  const binding = flow.binding ?? undefined;
  const name = pickName([localName, `shared${capitalize(localName)}`], (candidate) =>
    isFreeModuleName(sourceCode, candidate, declarator, binding),
  );
  const initText = moduleLevelText(sourceCode, creation.node, declarator.init!);
  const semicolon = usesSemicolons(sourceCode, declaration) ? ';' : '';
  const typeAnnotation = declarator.id.typeAnnotation ? sourceCode.getText(declarator.id.typeAnnotation) : '';
  const hoisted = moduleDeclarationText(sourceCode, insertAt, `const ${name}${typeAnnotation} = ${initText}${semicolon}\n`);
  const inner = [{ range: statementRemovalRange(sourceCode, declaration), text: '' }, ...renameEdits(sourceCode, flow, localName, name)];
  const closeEdits = closeRemovalEdits(sourceCode, closes, inner);
  const edits = closeEdits && combineEdits(closeEdits, inner);
  if (!edits) return 'the edits that remove its per-request close could not be combined with the move';
  return {
    name,
    fix: (fixer) => [
      fixer.insertTextBeforeRange([insertAt, insertAt], hoisted),
      ...edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
    ],
  };
}

/** An inline creation (`await new S3Client({}).send(cmd)`): bind it at module level, use the name here. */
function hoistExpression(
  sourceCode: SourceCode,
  creation: ClientCreation,
  insertAt: number,
  statement: TSESTree.ProgramStatement,
): { name: string; fix: Fix } | string {
  const { node } = creation;
  let base = clientVariableName(node.callee, sourceCode, 'sharedClient');
  if (base === 'client') base = 'sharedClient';
  const name = pickName([base, `shared${capitalize(base)}`], (candidate) => isFreeModuleName(sourceCode, candidate, node));
  const initText = moduleLevelText(sourceCode, node, node);
  const semicolon = usesSemicolons(sourceCode) || startsWithAsiHazard(sourceCode.getText(statement)) ? ';' : '';
  const hoisted = moduleDeclarationText(sourceCode, insertAt, `const ${name} = ${initText}${semicolon}\n`);
  return {
    name,
    fix: (fixer) => [fixer.insertTextBeforeRange([insertAt, insertAt], hoisted), fixer.replaceText(node, name)],
  };
}

/** The creation's text, re-indented for column zero (unless a multi-line template makes that unsafe). */
function moduleLevelText(sourceCode: SourceCode, creation: TSESTree.Node, expression: TSESTree.Node): string {
  const text = sourceCode.getText(expression);
  if (hasMultilineTemplate(sourceCode, expression)) return text;
  return reindent(text, lineIndent(sourceCode, creation), '');
}

export function renameEdits(sourceCode: SourceCode, flow: ValueFlow, from: string, to: string): TextEdit[] {
  if (from === to || !flow.binding) return [];
  return flow.binding.references
    .filter((reference) => !reference.init)
    .map((reference): TextEdit => {
      const identifier = reference.identifier as TSESTree.Identifier;
      const parent = identifier.parent;
      if (parent.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier) {
        return { range: parent.range, text: `${from}: ${to}` };
      }
      return { range: identifier.range, text: to };
    });
}
