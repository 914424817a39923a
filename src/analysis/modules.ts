import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { perProgram } from './program-cache.js';

/** A place where the file pulls in a module, and how. */
export type ModuleSource =
  | { kind: 'esm'; specifier: string; node: TSESTree.ImportDeclaration | TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration }
  | { kind: 'require'; specifier: string; node: TSESTree.CallExpression }
  | { kind: 'import-equals'; specifier: string; node: TSESTree.TSImportEqualsDeclaration };

/** Identifiers that read a global variable, by name. */
export interface GlobalReferences {
  get(name: string): readonly TSESTree.Identifier[] | undefined;
}

/**
 * Identifiers that read a global variable by name: references that resolve to no declaration in
 * the file, whether or not the configuration declares the global (ESLint only puts configured
 * globals in the global scope's variable set; the rest stay unresolved `through` references).
 * Looked up per name on demand: most files never ask, and those that do ask for one or two names.
 */
export const globalReferences = perProgram((sourceCode): GlobalReferences => {
  const globalScope = sourceCode.scopeManager?.globalScope;
  const byName = new Map<string, TSESTree.Identifier[] | undefined>();
  const lookUp = (name: string): TSESTree.Identifier[] | undefined => {
    if (!globalScope) return undefined;
    const found: TSESTree.Identifier[] = [];
    for (const reference of globalScope.through) {
      if (reference.identifier.name === name && reference.identifier.type === AST_NODE_TYPES.Identifier) found.push(reference.identifier);
    }
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0 && !variable.references.some((reference) => reference.isWrite())) {
      for (const reference of variable.references) {
        if (reference.identifier.type === AST_NODE_TYPES.Identifier) found.push(reference.identifier);
      }
    }
    return found.length > 0 ? found : undefined;
  };
  return {
    get(name) {
      if (!byName.has(name)) byName.set(name, lookUp(name));
      return byName.get(name);
    },
  };
});

/** Every module the file imports, re-exports or requires with a constant specifier. */
export const moduleSources = perProgram((sourceCode): readonly ModuleSource[] => {
  const sources: ModuleSource[] = [];
  for (const statement of sourceCode.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
      case AST_NODE_TYPES.ExportAllDeclaration:
        sources.push({ kind: 'esm', specifier: statement.source.value, node: statement });
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.source) sources.push({ kind: 'esm', specifier: statement.source.value, node: statement });
        else if (statement.declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
          addImportEquals(statement.declaration);
        }
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        addImportEquals(statement);
        break;
      default:
        break;
    }
  }
  // Most ES modules never say `require`: a text search is cheaper than their unresolved references.
  const requires = sourceCode.text.includes('require') ? (globalReferences(sourceCode).get('require') ?? []) : [];
  for (const identifier of requires) {
    const call = identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    const [argument] = call.arguments;
    if (!argument) continue;
    const specifier = ASTUtils.getStringIfConstant(argument);
    if (specifier !== null) sources.push({ kind: 'require', specifier, node: call });
  }
  return sources;

  function addImportEquals(declaration: TSESTree.TSImportEqualsDeclaration) {
    const reference = declaration.moduleReference;
    if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) {
      const specifier = reference.expression.value;
      if (typeof specifier === 'string') sources.push({ kind: 'import-equals', specifier, node: declaration });
    }
  }
});

/** `node:fs` and `fs` name the same built-in module. */
export function normalizeSpecifier(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}
