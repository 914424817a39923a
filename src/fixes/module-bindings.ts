import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticKeyName } from '../analysis/ast.js';
import { moduleSources, normalizeSpecifier } from '../analysis/modules.js';
import { perProgram } from '../analysis/program-cache.js';
import { isFreeModuleName, pickName } from './names.js';
import { statementRemovalRange, usesSemicolons } from './source-edits.js';
import { isModuleLevel } from '../analysis/free-references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A module-level binding of a module (`object`: namespace, default or `require()` result) or of one
 * of its exports (`named`: import specifier, destructured `require()` property, `require().x`).
 */
export interface ModuleBinding {
  kind: 'named' | 'object';
  /** The export a `named` binding holds. */
  exportName: string | null;
  local: TSESTree.Identifier;
  /** Where a named binding sits in a list that can grow: the import declaration or the `require()` pattern. */
  list: BindingList | null;
  /** The specifier or property that declares a named binding in `list`. */
  element: TSESTree.ImportSpecifier | TSESTree.Property | null;
}

export interface TextEdit {
  range: TSESTree.Range;
  text: string;
}

export type BindingList =
  | { kind: 'esm'; declaration: TSESTree.ImportDeclaration }
  | { kind: 'require'; declaration: TSESTree.VariableDeclaration; pattern: TSESTree.ObjectPattern };

/** Module-level bindings per module specifier (normalized: `node:fs` and `fs` are one module). */
const bindingsByModule = perProgram((sourceCode): ReadonlyMap<string, readonly ModuleBinding[]> => {
  const byModule = new Map<string, ModuleBinding[]>();
  const add = (specifier: string, binding: ModuleBinding) => {
    const key = normalizeSpecifier(specifier);
    byModule.set(key, [...(byModule.get(key) ?? []), binding]);
  };
  for (const source of moduleSources(sourceCode)) {
    if (source.kind === 'esm' && source.node.type === AST_NODE_TYPES.ImportDeclaration) {
      const declaration = source.node;
      if (declaration.importKind === 'type') continue;
      for (const specifier of declaration.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          const exportName = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          add(source.specifier, { kind: 'named', exportName, local: specifier.local, list: { kind: 'esm', declaration }, element: specifier });
        } else {
          add(source.specifier, { kind: 'object', exportName: null, local: specifier.local, list: null, element: null });
        }
      }
    } else if (source.kind === 'import-equals') {
      add(source.specifier, { kind: 'object', exportName: null, local: source.node.id, list: null, element: null });
    } else if (source.kind === 'require') {
      for (const binding of requireBindings(source.node)) add(source.specifier, binding);
    }
  }
  return byModule;
});

/** `const x = require(m)`, `const { a, b: c } = require(m)`, `const x = require(m).a` at module level. */
function requireBindings(call: TSESTree.CallExpression): ModuleBinding[] {
  const member = call.parent.type === AST_NODE_TYPES.MemberExpression && call.parent.object === call ? call.parent : null;
  const declarator = (member ?? call).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== (member ?? call)) return [];
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.parent.type !== AST_NODE_TYPES.Program) return [];
  const id = declarator.id;
  if (member) {
    const exportName = staticKeyName(member.property, member.computed);
    return exportName !== null && id.type === AST_NODE_TYPES.Identifier
      ? [{ kind: 'named', exportName, local: id, list: null, element: null }]
      : [];
  }
  if (id.type === AST_NODE_TYPES.Identifier) return [{ kind: 'object', exportName: null, local: id, list: null, element: null }];
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  const list: BindingList | null =
    declaration.declarations.length === 1 && !id.properties.some((p) => p.type === AST_NODE_TYPES.RestElement)
      ? { kind: 'require', declaration, pattern: id }
      : null;
  return id.properties.flatMap((property): ModuleBinding[] => {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) return [];
    const exportName = staticKeyName(property.key, property.computed);
    return exportName === null ? [] : [{ kind: 'named', exportName, local: property.value, list, element: property }];
  });
}

export function moduleBindings(sourceCode: SourceCode, module: string): readonly ModuleBinding[] {
  return bindingsByModule(sourceCode).get(normalizeSpecifier(module)) ?? [];
}

/** Whether `binding`'s local name, read at `at`, reaches the binding (no inner declaration shadows it). */
function isVisibleAt(sourceCode: SourceCode, binding: ModuleBinding, at: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(at), binding.local.name);
  return variable?.defs.some((definition) => definition.name === binding.local) ?? false;
}

/** The expression that reads export `exportName` of `module` at `at` through an existing binding, if any. */
export function existingExportReference(sourceCode: SourceCode, at: TSESTree.Node, module: string, exportName: string): string | null {
  const bindings = moduleBindings(sourceCode, module).filter((binding) => isVisibleAt(sourceCode, binding, at));
  const named = bindings.find((binding) => binding.kind === 'named' && binding.exportName === exportName);
  if (named) return named.local.name;
  const object = bindings.find((binding) => binding.kind === 'object');
  return object ? `${object.local.name}.${exportName}` : null;
}

/** The local names a new import binding may take, and a variable the fix removes (its name is free). */
export interface LocalNames {
  candidates?: readonly string[];
  replacing?: TSESLint.Scope.Variable | undefined;
}

/**
 * The text edits of one fix that rewrites a call and adjusts imports, kept free of overlaps:
 * named bindings added to an existing import list, new import statements after the last one,
 * and the removal of a binding whose last use the fix rewrites.
 */
export class ImportEdits {
  private readonly appends = new Map<BindingList['declaration'], { list: BindingList; texts: string[] }>();
  private readonly statements: string[] = [];
  private readonly takenNames = new Set<string>();
  private dropped: ModuleBinding | null = null;
  /** A whole import statement whose only binding the rewrite stops using. */
  private droppedStatement: TSESTree.ImportDeclaration | null = null;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly at: TSESTree.Node,
  ) {}

  /**
   * An expression for export `exportName` of `module` at the rewritten call: an existing binding,
   * else a specifier added to an import of the module, else a new import statement.
   */
  reference(module: string, exportName: string, newSpecifier: string, names: LocalNames = {}): string {
    const existing = existingExportReference(this.sourceCode, this.at, module, exportName);
    if (existing !== null) return existing;
    const candidates = names.candidates ?? [exportName, `${exportName}Async`];
    const local = pickName(candidates, (name) => !this.takenNames.has(name) && isFreeModuleName(this.sourceCode, name, this.at, names.replacing));
    this.takenNames.add(local);
    const list = moduleBindings(this.sourceCode, module).find((binding) => binding.list !== null)?.list;
    if (list) {
      const separator = list.kind === 'esm' ? ' as ' : ': ';
      const text = local === exportName ? exportName : `${exportName}${separator}${local}`;
      const entry = this.appends.get(list.declaration) ?? { list, texts: [] };
      entry.texts.push(text);
      this.appends.set(list.declaration, entry);
    } else {
      this.statements.push(this.newStatement(newSpecifier, exportName, local));
    }
    return local;
  }

  /**
   * The rewrite removes the use of `identifier` (the old callee). Its last use drops the import.
   * Of several, the file's first use keeps the import: its rewrite waits (this returns why) until
   * the others are rewritten. Those need no import edit and apply together in one `--fix` pass; a
   * fix that also edits the import spans all the code in between, and ESLint applies one per pass.
   */
  releaseCallee(identifier: TSESTree.Identifier): string | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || !isModuleLevel(variable.scope)) return null;
    const uses = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier);
    const lastUse = uses.length === 1 && uses[0] === identifier;
    const [definition] = variable.defs;
    if (
      definition?.type === 'ImportBinding' &&
      definition.node.type === AST_NODE_TYPES.ImportDefaultSpecifier &&
      definition.parent.type === AST_NODE_TYPES.ImportDeclaration &&
      definition.parent.specifiers.length === 1
    ) {
      // `import Stripe from 'stripe'` holding only this binding: its statement goes with the last use.
      if (lastUse) this.droppedStatement = definition.parent;
      return null;
    }
    const binding = [...bindingsByModule(this.sourceCode).values()].flat().find((b) => b.element && variable.defs.some((d) => d.name === b.local));
    if (!binding?.list || !binding.element) return null;
    if (lastUse) {
      this.dropped = binding;
      return null;
    }
    const first = uses.reduce((earliest, use) => (use.range[0] < earliest.range[0] ? use : earliest), identifier);
    return first === identifier ? `the other calls of \`${identifier.name}\` go first, then this one with its import (the next \`--fix\` pass)` : null;
  }

  /** The edits, sorted; `null` if they would overlap (the caller then offers no fix). */
  edits(): TextEdit[] | null {
    const edits: TextEdit[] = [];
    let pendingStatements = this.statements.length > 0 ? this.statements.join('\n') : null;
    const anchor = pendingStatements === null ? null : this.statementAnchor();
    const appends = new Map(this.appends);

    const dropped = this.dropped;
    if (dropped?.element && dropped.list) {
      const sameList = appends.get(dropped.list.declaration);
      if (sameList) {
        edits.push({ range: dropped.element.range, text: sameList.texts.join(', ') });
        appends.delete(dropped.list.declaration);
      } else {
        const removal = this.removal(dropped.list, dropped.element);
        if (removal.statement && removal.statement === anchor && pendingStatements !== null) {
          edits.push({ range: removal.statement.range, text: pendingStatements });
          pendingStatements = null;
        } else {
          edits.push({ range: removal.range, text: '' });
        }
      }
    }

    const statement = this.droppedStatement;
    if (statement) {
      if (statement === anchor && pendingStatements !== null) {
        edits.push({ range: statement.range, text: pendingStatements });
        pendingStatements = null;
      } else {
        edits.push({ range: statementRemovalRange(this.sourceCode, statement), text: '' });
      }
    }

    for (const { list, texts } of appends.values()) {
      const last = listElements(list).at(-1);
      if (!last) return null;
      edits.push({ range: [last.range[1], last.range[1]], text: `, ${texts.join(', ')}` });
    }

    if (pendingStatements !== null) {
      if (anchor) {
        const line = anchor.loc.end.line;
        const end = this.sourceCode.getIndexFromLoc({ line, column: this.sourceCode.lines[line - 1]!.length });
        edits.push({ range: [end, end], text: `\n${pendingStatements}` });
      } else {
        const first = this.firstStatement();
        const start = first ? first.range[0] : this.sourceCode.text.length;
        edits.push({ range: [start, start], text: `${pendingStatements}\n` });
      }
    }
    edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    for (let index = 1; index < edits.length; index++) {
      if (edits[index]!.range[0] < edits[index - 1]!.range[1]) return null;
    }
    return edits;
  }

  private newStatement(specifier: string, exportName: string, local: string): string {
    const quote = this.quote();
    const semicolon = usesSemicolons(this.sourceCode, this.statementAnchor() ?? undefined) ? ';' : '';
    if (this.usesEsm()) {
      const binding = local === exportName ? exportName : `${exportName} as ${local}`;
      return `import { ${binding} } from ${quote}${specifier}${quote}${semicolon}`;
    }
    const binding = local === exportName ? exportName : `${exportName}: ${local}`;
    return `const { ${binding} } = require(${quote}${specifier}${quote})${semicolon}`;
  }

  private usesEsm(): boolean {
    const body = this.sourceCode.ast.body;
    if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration)) return true;
    if (moduleSources(this.sourceCode).some((source) => source.kind === 'require')) return false;
    return this.sourceCode.ast.sourceType === 'module';
  }

  private quote(): string {
    for (const source of moduleSources(this.sourceCode)) {
      const literal =
        source.kind === 'esm' ? source.node.source : source.kind === 'require' ? source.node.arguments[0] : source.node.moduleReference;
      const raw = literal && 'raw' in literal ? literal.raw : undefined;
      if (raw?.startsWith('"')) return '"';
      if (raw?.startsWith("'")) return "'";
    }
    return "'";
  }

  /** New statements go after the last import (or the last top-level `require()` declaration). */
  private statementAnchor(): TSESTree.ProgramStatement | null {
    const body = this.sourceCode.ast.body;
    if (this.usesEsm()) return body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration).at(-1) ?? null;
    const requires = new Set(moduleSources(this.sourceCode).flatMap((source) => (source.kind === 'require' ? [source.node] : [])));
    return (
      body
        .filter(
          (statement) =>
            statement.type === AST_NODE_TYPES.VariableDeclaration &&
            statement.declarations.some((declarator) => declarator.init && containsRequire(declarator.init, requires)),
        )
        .at(-1) ?? null
    );
  }

  private firstStatement(): TSESTree.ProgramStatement | undefined {
    return this.sourceCode.ast.body.find((statement) => statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined);
  }

  /** What removing `element` from its list takes: the element and a comma, or the whole statement. */
  private removal(list: BindingList, element: TSESTree.ImportSpecifier | TSESTree.Property): { range: TSESTree.Range; statement: TSESTree.ProgramStatement | null } {
    const declaration = list.declaration;
    const elements = listElements(list);
    const others = list.kind === 'esm' ? list.declaration.specifiers.filter((specifier) => specifier.type !== AST_NODE_TYPES.ImportSpecifier) : [];
    if (elements.length === 1 && others.length === 0) {
      return { range: statementRemovalRange(this.sourceCode, declaration), statement: declaration };
    }
    if (elements.length === 1) {
      // `import fs, { readFileSync } from 'fs'`: remove `, { readFileSync }`.
      const closing = this.sourceCode.getTokenAfter(element, (token) => token.value === '}');
      return { range: [others.at(-1)!.range[1], closing ? closing.range[1] : element.range[1]], statement: null };
    }
    const index = elements.indexOf(element);
    const next = elements[index + 1];
    if (next) return { range: [element.range[0], next.range[0]], statement: null };
    return { range: [elements[index - 1]!.range[1], element.range[1]], statement: null };
  }
}

function listElements(list: BindingList): TSESTree.Node[] {
  return list.kind === 'esm'
    ? list.declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier)
    : list.pattern.properties;
}

function containsRequire(node: TSESTree.Node, requires: ReadonlySet<TSESTree.Node>): boolean {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return requires.has(current);
}
