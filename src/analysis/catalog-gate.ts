import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ModuleExportRef } from '../catalog/types.js';
import { reportInternalError } from '../util/internal-error.js';
import { type EntryIndex, entryIndex, readsGlobal } from './imports.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A rule waiting to learn whether the file pulls in a module of its catalog. */
interface GatedRule {
  context: Context;
  index: EntryIndex<ModuleExportRef>;
  analyze: () => void;
  mentioned: boolean;
}

/** The plugin's rules created for one file, behind the first of them. */
interface FileGate {
  program: TSESTree.Program;
  rules: GatedRule[];
}

/**
 * The gate of the file being linted, while its rules are being created. ESLint creates every rule
 * for a file before it walks the file, and the walk ends with `Program:exit`, which closes it.
 */
let openGate: FileGate | undefined;

const NO_LISTENERS: TSESLint.RuleListener = Object.freeze({});

/**
 * A rule's listeners for a catalog: the cheap first question every rule asks of every file. During
 * ESLint's own traversal the file's imports and requires are checked against the catalog's
 * modules (an import statement counts only if it binds a name that can lead to an entry, see
 * `noteImport`); on `Program:exit` the rule calls `analyze` only if the file pulls in one of them or
 * reads one of the catalog's globals (when it does not, `catalogResolver(entries)` would find
 * nothing). The selectors let ESLint pick the few nodes worth a look instead of the rule walking
 * the file.
 *
 * The first of the plugin's rules created for a file listens for all of them; the others join its
 * gate and listen to nothing. ESLint charges every call of a listener to its rule, and on a file
 * with nothing to report the calls cost more than the rules' own work, so one set of calls instead
 * of three is most of what the gate costs. A rule's analysis then runs in the first rule's
 * `Program:exit`, reporting through its own context. Return the object as it is.
 */
export function listenersForCatalog(context: Context, entries: readonly ModuleExportRef[], analyze: () => void): TSESLint.RuleListener {
  const program = context.sourceCode.ast;
  const rule: GatedRule = { context, index: indexOf(entries), analyze, mentioned: false };
  if (openGate?.program === program) {
    openGate.rules.push(rule);
    return NO_LISTENERS;
  }
  const gate: FileGate = { program, rules: [rule] };
  openGate = gate;
  // Literal keys, not computed ones: V8 builds such an object from a template, several times faster.
  return {
    'ImportDeclaration, ExportAllDeclaration, ExportNamedDeclaration[source], TSImportEqualsDeclaration'(node: TSESTree.ProgramStatement) {
      if (node.type === AST_NODE_TYPES.ImportDeclaration) {
        noteImport(gate, node);
        return;
      }
      const specifier = staticModuleSpecifier(node);
      if (specifier !== null) noteModule(gate, specifier);
    },
    'CallExpression[callee.type="Identifier"][callee.name="require"]'(node: TSESTree.CallExpression) {
      const specifier = constantString(node.arguments[0]);
      if (specifier !== null) noteModule(gate, specifier);
    },
    // `await import('m')` resolves like a static import (src/analysis/imports.ts).
    ImportExpression(node: TSESTree.ImportExpression) {
      const specifier = constantString(node.source);
      if (specifier !== null) noteModule(gate, specifier);
    },
    'Program:exit'() {
      if (openGate === gate) openGate = undefined;
      analyzeMentioningRules(gate);
    },
  };
}

/**
 * The indexes of the catalogs last asked for (two for the plugin's rules: the clients and the
 * blocking calls), compared by identity: each rule asks for every file, and `entryIndex` looks its
 * catalog up in a `WeakMap`.
 */
const recentIndexes: { entries: readonly ModuleExportRef[]; index: EntryIndex<ModuleExportRef> }[] = [];

function indexOf(entries: readonly ModuleExportRef[]): EntryIndex<ModuleExportRef> {
  for (const recent of recentIndexes) if (recent.entries === entries) return recent.index;
  const index = entryIndex(entries);
  recentIndexes.unshift({ entries, index });
  if (recentIndexes.length > 4) recentIndexes.pop();
  return index;
}

function noteModule(gate: FileGate, specifier: string): void {
  // Rules on the same catalog (the two client rules) share its index: one answer for both.
  let askedIndex: EntryIndex<ModuleExportRef> | undefined;
  let matches = false;
  for (const rule of gate.rules) {
    if (rule.mentioned) continue;
    if (rule.index !== askedIndex) {
      askedIndex = rule.index;
      matches = rule.index.matchesModule(specifier);
    }
    if (matches) rule.mentioned = true;
  }
}

/**
 * An import statement opens a rule's gate only if one of its bindings can reach an entry of the
 * module: a default or namespace import, or a named import of a name an export path starts with
 * (`EntryIndex.namedImportReaches`). `import { Op } from 'sequelize'` and
 * `import type { WhereOptions } from 'sequelize'`, most of an application's imports of a
 * catalogued module, give the import tracker nothing to follow, so the analysis would find nothing
 * through them. (Type-only imports are not skipped as such: the scope manager binds a value use of
 * a type-only import to it, and the rules report that use as they always have.)
 */
function noteImport(gate: FileGate, declaration: TSESTree.ImportDeclaration): void {
  const specifier = declaration.source.value;
  let askedIndex: EntryIndex<ModuleExportRef> | undefined;
  let reaches = false;
  for (const rule of gate.rules) {
    if (rule.mentioned) continue;
    if (rule.index !== askedIndex) {
      askedIndex = rule.index;
      reaches = rule.index.matchesModule(specifier) && bindingsReach(rule.index, specifier, declaration.specifiers);
    }
    if (reaches) rule.mentioned = true;
  }
}

function bindingsReach(index: EntryIndex<ModuleExportRef>, specifier: string, bindings: readonly TSESTree.ImportClause[]): boolean {
  for (const binding of bindings) {
    if (binding.type !== AST_NODE_TYPES.ImportSpecifier) return true;
    const imported = binding.imported;
    if (index.namedImportReaches(specifier, imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value)) return true;
  }
  return false;
}

function analyzeMentioningRules(gate: FileGate): void {
  for (const rule of gate.rules) {
    const { index } = rule;
    if (!rule.mentioned && !(index.globalNames.size > 0 && readsGlobal(rule.context.sourceCode, index.globalNames))) continue;
    try {
      rule.analyze();
    } catch (error) {
      // ESLint names the rule whose listener threw, the first one: say whose analysis it was.
      if (error instanceof Error && rule !== gate.rules[0]) error.message += ` (in the analysis of ${rule.context.id})`;
      reportInternalError(rule.context, error);
    }
  }
}

/** `import ... from 'x'`, `export ... from 'x'`, `import x = require('x')`: the module, without evaluating anything. */
function staticModuleSpecifier(statement: TSESTree.ProgramStatement): string | null {
  switch (statement.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
      return statement.source.value;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      if (statement.source) return statement.source.value;
      return statement.declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration ? importEqualsSpecifier(statement.declaration) : null;
    case AST_NODE_TYPES.TSImportEqualsDeclaration:
      return importEqualsSpecifier(statement);
    default:
      return null;
  }
}

function importEqualsSpecifier(declaration: TSESTree.TSImportEqualsDeclaration): string | null {
  const reference = declaration.moduleReference;
  return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? constantString(reference.expression) : null;
}

/** A string literal or a template without substitutions. */
function constantString(node: TSESTree.Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}
