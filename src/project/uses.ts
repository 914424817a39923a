import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isValueWrapper, memberName } from '../analysis/ast.js';
import { globalReferences } from '../analysis/modules.js';
import type { FileSummary } from './file-summary.js';
import type { Resolve } from './resolver.js';

/** What an importer does with an export: calls or instantiates it here, or hands it to a registration. */
export interface Use {
  kind: 'call' | 'passed';
  /** The call or `new` expression; for `passed`, the reference handed over. */
  node: TSESTree.Node;
}

export interface Uses {
  uses: Use[];
  /** The export reaches code that is not seen: stored, passed to an unknown call, subclassed, imported dynamically. */
  escapes: boolean;
}

/** The export asked about: `name`, or `member` of the class exported as `name` (`UserRepo.find`). */
export interface ExportRef {
  name: string;
  member: string | null;
}

/** Uses in `summary`'s file of the export `ref` of `target`. */
export function findUses(summary: FileSummary, target: string, ref: ExportRef, resolve: Resolve): Uses {
  const result: Uses = { uses: [], escapes: false };
  const { sourceCode } = summary;
  const resolvesToTarget = (specifier: string) => resolve(summary.file, specifier) === target;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    if (!resolvesToTarget(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (specifier.importKind === 'type') continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (imported === ref.name) bindingUses(summary, specifier, ref, result);
      } else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        // A default import of a CommonJS module is its `module.exports`: `db.makeDb()` reaches export `makeDb`.
        if (ref.name === 'default') bindingUses(summary, specifier, ref, result);
        else namespaceUses(summary, specifier, ref, result);
      } else {
        namespaceUses(summary, specifier, ref, result);
      }
    }
  }
  if (sourceCode.text.includes('require')) {
    for (const identifier of globalReferences(sourceCode).get('require') ?? []) {
      const call = identifier.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      const [argument] = call.arguments;
      if (argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string' || !resolvesToTarget(argument.value)) continue;
      requireUses(summary, call, ref, result);
    }
  }
  if (/\bimport\s*\(/.test(sourceCode.text)) result.escapes ||= dynamicallyImports(summary, resolvesToTarget);
  return result;
}

function requireUses(summary: FileSummary, call: TSESTree.CallExpression, ref: ExportRef, result: Uses): void {
  const slot = outerSlot(call);
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === slot) {
    if (parent.id.type === AST_NODE_TYPES.Identifier) {
      if (ref.name === 'default') bindingUses(summary, parent, ref, result);
      else namespaceUses(summary, parent, ref, result);
      return;
    }
    if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) {
          result.escapes = true;
          continue;
        }
        const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
        if (key === ref.name && property.value.type === AST_NODE_TYPES.Identifier) bindingUses(summary, parent, ref, result, property.value.name);
      }
      return;
    }
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === slot) {
    if (memberName(parent) === ref.name) referenceUse(summary, parent, ref, result);
    return;
  }
  if (ref.name === 'default') referenceUse(summary, slot, ref, result);
  else if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) result.escapes = true;
}

/** Every read of the binding that `declaration` declares (named `name` when it declares several). */
function readsOf(summary: FileSummary, declaration: TSESTree.Node, name?: string): TSESTree.Identifier[] {
  const variables = summary.sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? [];
  const variable = name === undefined ? variables[0] : variables.find((candidate) => candidate.name === name);
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead() && reference.isValueReference && reference.identifier.type === AST_NODE_TYPES.Identifier)
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

function bindingUses(summary: FileSummary, declaration: TSESTree.Node, ref: ExportRef, result: Uses, name?: string): void {
  for (const identifier of readsOf(summary, declaration, name)) referenceUse(summary, identifier, ref, result);
}

/** `ns.name` through a namespace import, a default import of CommonJS or `const m = require(...)`. */
function namespaceUses(summary: FileSummary, declaration: TSESTree.Node, ref: ExportRef, result: Uses): void {
  for (const identifier of readsOf(summary, declaration)) {
    const parent = identifier.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const key = memberName(parent);
      if (key === ref.name) referenceUse(summary, parent, ref, result);
      else if (key === null) result.escapes = true;
    } else if (parent.type !== AST_NODE_TYPES.ExportSpecifier) {
      // The module object itself goes somewhere (`Object.values(ns)`, `router.use(ns)`): its members may be called there.
      result.escapes = true;
    }
  }
}

/** One read of the exported value (`f`, `ns.f`, `require(x).f`). */
function referenceUse(summary: FileSummary, reference: TSESTree.Node, ref: ExportRef, result: Uses): void {
  const slot = outerSlot(reference);
  const parent = slot.parent;
  if (!parent || parent.type === AST_NODE_TYPES.ExportSpecifier) return;
  if (ref.member !== null) {
    classUse(summary, slot, ref.member, result);
    return;
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === slot) {
    result.uses.push({ kind: 'call', node: parent });
  } else if (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === slot) {
    result.uses.push({ kind: 'call', node: parent });
  } else if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    // Re-exported by default: the graph's re-exports do not see it, so its callers are not known here.
    result.escapes = true;
  } else {
    result.uses.push({ kind: 'passed', node: slot });
  }
}

/** A read of a class asked about for one of its methods: `new C().m()`, `const c = new C(); c.m()`, `C.m()`. */
function classUse(summary: FileSummary, slot: TSESTree.Node, member: string, result: Uses): void {
  const parent = slot.parent!;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === slot) {
    methodUse(parent, member, result);
    return;
  }
  if (parent.type === AST_NODE_TYPES.NewExpression && parent.callee === slot) {
    const instance = outerSlot(parent);
    const holder = instance.parent;
    if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.object === instance) {
      methodUse(holder, member, result);
    } else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === instance && holder.id.type === AST_NODE_TYPES.Identifier) {
      for (const identifier of readsOf(summary, holder)) {
        const use = outerSlot(identifier).parent;
        if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === outerSlot(identifier)) methodUse(use, member, result);
        else result.escapes = true;
      }
    } else {
      result.escapes = true;
    }
    return;
  }
  // Subclassed, stored, handed to a container (NestJS providers): its methods are called out of sight.
  result.escapes = true;
}

function methodUse(member: TSESTree.MemberExpression, name: string, result: Uses): void {
  const key = memberName(member);
  if (key === null) {
    result.escapes = true;
    return;
  }
  if (key !== name) return;
  const slot = outerSlot(member);
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === slot) result.uses.push({ kind: 'call', node: parent });
  else result.uses.push({ kind: 'passed', node: slot });
}

function dynamicallyImports(summary: FileSummary, resolvesToTarget: (specifier: string) => boolean): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.ImportExpression) {
      const source = node.source;
      if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string' || resolvesToTarget(source.value)) found = true;
    }
    for (const key of summary.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
    }
  };
  visit(summary.sourceCode.ast);
  return found;
}

function outerSlot(node: TSESTree.Node): TSESTree.Node {
  let slot = node;
  while (slot.parent && isValueWrapper(slot.parent)) slot = slot.parent;
  return slot;
}
