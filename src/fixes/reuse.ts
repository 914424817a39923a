import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { valueSlot } from '../analysis/ast.js';
import type { ClientCreation } from '../analysis/clients.js';
import { type ExpressionFacts, callDataReferences } from '../analysis/free-references.js';
import { valueFlow } from '../analysis/value-flow.js';
import { sameArgumentTexts } from '../project/shared-clients.js';
import { flowBlocker, perRequestCloses, renameEdits } from './hoist.js';
import { ImportEdits } from './module-bindings.js';
import { capitalize } from './names.js';
import { closeRemovalEdits } from './remove-close.js';
import { type TextEdit, combineEdits, statementRemovalRange } from './source-edits.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** The project's shared client to use instead of a new one, as the linted file would import it. */
export interface SharedClientImport {
  exportName: string;
  specifier: string;
  /** Where it is created, for messages: `src/lib/db.ts:4`. */
  place: string;
  argumentTexts: readonly string[];
  /** `value`: the export is the client; `getter`: calling the export returns it (`getStripe()`). */
  access: 'value' | 'getter';
}

/** How code refers to the shared client: `prisma`, `getStripe()`. */
export function sharedClientText(shared: SharedClientImport): string {
  return shared.access === 'getter' ? `${shared.exportName}()` : shared.exportName;
}

export type ReusePlan =
  | { kind: 'fix'; fix: Fix }
  | { kind: 'suggestion'; fix: Fix; caveat: string }
  | { kind: 'none' };

/**
 * Replaces a per-request client with an import of the project's shared one: the construction
 * (or its `const`, whose uses take the imported name) goes, and so do its per-request closes.
 * An autofix only when both are built with the same arguments; a suggestion saying what differs
 * otherwise. Nothing when the client carries per-request data or is configured per request.
 */
export function planReuse(sourceCode: SourceCode, creation: ClientCreation, facts: ExpressionFacts, shared: SharedClientImport): ReusePlan {
  const { node, entry } = creation;
  if (entry.singleConnection || callDataReferences(sourceCode, facts).length > 0) return { kind: 'none' };
  const slot = valueSlot(node);
  if (slot !== node) return { kind: 'none' };
  const flow = valueFlow(sourceCode, node);
  if (flowBlocker(sourceCode, flow, slot)) return { kind: 'none' };
  const closes = perRequestCloses(flow, entry.close);
  if (typeof closes === 'string') return { kind: 'none' };

  const getter = shared.access === 'getter';
  const imports = new ImportEdits(sourceCode, flow.declarator ?? node);
  const local = imports.reference(shared.specifier, shared.exportName, shared.specifier, {
    candidates: [shared.exportName, `shared${capitalize(shared.exportName)}`],
    // A getter's result keeps the local name (`const stripe = getStripe()`); a shared value takes its place.
    replacing: getter ? undefined : flow.binding ?? undefined,
  });
  // The constructor's import goes with its last use.
  if (node.callee.type === AST_NODE_TYPES.Identifier) imports.releaseCallee(node.callee);
  let inner: TextEdit[];
  if (getter) {
    inner = [{ range: node.range, text: `${local}()` }];
  } else if (flow.declarator) {
    const localName = flow.binding?.name ?? '';
    inner = [{ range: statementRemovalRange(sourceCode, flow.declarator.parent), text: '' }, ...renameEdits(sourceCode, flow, localName, local)];
  } else {
    inner = [{ range: node.range, text: local }];
  }
  const closeEdits = closeRemovalEdits(sourceCode, closes, inner);
  const body = closeEdits && combineEdits(closeEdits, inner);
  const importEdits = imports.edits();
  if (!body || !importEdits) return { kind: 'none' };
  const edits = [...importEdits, ...body].sort((a, b) => a.range[0] - b.range[0]);
  if (edits.some((edit, index) => index > 0 && edit.range[0] < edits[index - 1]!.range[1])) return { kind: 'none' };
  const fix: Fix = (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));

  const here = node.arguments.map((argument) => sourceCode.getText(argument));
  if (sameArgumentTexts(here, shared.argumentTexts)) {
    if (!getter) return { kind: 'fix', fix };
    return { kind: 'suggestion', fix, caveat: 'it is a memoised getter, which may do more than build the client: read configuration, throw' };
  }
  const shown = (texts: readonly string[]) => (texts.length === 0 ? 'no options' : `\`${texts.join(', ')}\``);
  return { kind: 'suggestion', fix, caveat: `its options differ: ${shown(here)} here, ${shown(shared.argumentTexts)} at \`${shared.place}\`` };
}

