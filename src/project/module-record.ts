import { parse as parseTypeScript } from '@typescript-eslint/typescript-estree';
import { loadOptional } from './native.js';

/** A name a file re-exports from another module: `export { x as y } from`, `export * from` (`importName` '*'). */
export interface ReExport {
  specifier: string;
  /** The name in the source module; `*` for `export * from` (all but default). */
  importName: string;
  /** The name in this module; for `export *` the same `*`; for `export * as ns`, `ns` with importName `**`. */
  exportName: string;
}

/** What a file pulls in, read without a full AST where the parser allows. */
export interface ModuleRecord {
  /** Specifiers of imports, re-exports, `require()`s and constant `import()`s. */
  specifiers: string[];
  reExports: ReExport[];
}

interface OxcName { kind: string; name: string | null }
interface OxcModule {
  staticImports: { moduleRequest: { value: string } }[];
  staticExports: { entries: { moduleRequest: { value: string } | null; importName: OxcName; exportName: OxcName }[] }[];
  dynamicImports: { moduleRequest: { start: number; end: number } }[];
}
interface OxcParser {
  parseSync(filename: string, text: string, options?: Record<string, unknown>): { module: OxcModule; program: unknown; errors: unknown[] };
}

const EMPTY: ModuleRecord = { specifiers: [], reExports: [] };

/**
 * Every string that follows `from`, `import`, `import(`, `require(` or `export * from`: the
 * specifiers a file may load, found without parsing (a superset: comments and strings that look
 * like imports count too). The import graph is built from these; what a file really imports is
 * read from its full summary when a question reaches it.
 */
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"`])([^'"`$\n\\]+)\1/g;

export function scanSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]!);
  return [...found];
}

/** Whether the text may hold a re-export (`export * from`, `export { x } from`, `export { imported }`). */
export function mayReExport(text: string): boolean {
  return /\bexport\s*(?:\*|\{|type\s*\{)/.test(text);
}

/** The module record of `filename` (text `text`); empty when it does not parse. */
export function readModuleRecord(filename: string, text: string, walkForRequires = true): ModuleRecord {
  try {
    const oxc = loadOptional<OxcParser>('oxc-parser');
    return oxc ? recordFromOxc(oxc, filename, text, walkForRequires) : recordFromEstree(filename, text, walkForRequires);
  } catch {
    return EMPTY;
  }
}

/**
 * The re-exports of `filename` alone: its record without the walk of the whole tree for
 * `require()` calls (which, with the native parser, would deserialize the full AST for nothing).
 */
export function readReExports(filename: string, text: string): ReExport[] {
  return readModuleRecord(filename, text, false).reExports;
}

function recordFromOxc(oxc: OxcParser, filename: string, text: string, walkForRequires: boolean): ModuleRecord {
  const result = oxc.parseSync(filename, text);
  if (result.errors.length > 0) return EMPTY;
  const specifiers: string[] = [];
  const reExports: ReExport[] = [];
  for (const entry of result.module.staticImports) specifiers.push(entry.moduleRequest.value);
  for (const statement of result.module.staticExports) {
    for (const entry of statement.entries) {
      if (!entry.moduleRequest) continue;
      const specifier = entry.moduleRequest.value;
      specifiers.push(specifier);
      if (entry.importName.kind === 'AllButDefault') reExports.push({ specifier, importName: '*', exportName: '*' });
      else if (entry.importName.kind === 'All' && entry.exportName.name) reExports.push({ specifier, importName: '**', exportName: entry.exportName.name });
      else if (entry.importName.name && entry.exportName.name) reExports.push({ specifier, importName: entry.importName.name, exportName: entry.exportName.name });
      else if (entry.importName.kind === 'Default' && entry.exportName.name) reExports.push({ specifier, importName: 'default', exportName: entry.exportName.name });
    }
  }
  for (const entry of result.module.dynamicImports) {
    const literal = constantString(text.slice(entry.moduleRequest.start, entry.moduleRequest.end));
    if (literal !== null) specifiers.push(literal);
  }
  // Most ES modules never say `require`: only those pay for the AST.
  if (walkForRequires && /\brequire\s*\(/.test(text)) specifiers.push(...requiredSpecifiers(result.program));
  return { specifiers, reExports };
}

/** Without the native parser (its binding did not load): the same record from typescript-estree's tree. */
export function recordFromEstree(filename: string, text: string, walkForRequires = true): ModuleRecord {
  const program = parseTypeScript(text, { jsx: /\.[cm]?[jt]sx$/.test(filename), range: false, loc: false, comment: false, tokens: false }) as unknown as EstreeNode;
  const specifiers: string[] = [];
  const reExports: ReExport[] = [];
  const localImports = new Map<string, { specifier: string; importName: string }>();
  for (const statement of (program.body as EstreeNode[] | undefined) ?? []) {
    const source = (statement.source as EstreeNode | null | undefined)?.value;
    if (statement.type === 'ImportDeclaration' && typeof source === 'string') {
      specifiers.push(source);
      for (const specifier of statement.specifiers as EstreeNode[]) {
        const local = (specifier.local as EstreeNode).name as string;
        const importName =
          specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '**' : nameOf(specifier.imported as EstreeNode);
        localImports.set(local, { specifier: source, importName });
      }
    } else if (statement.type === 'ExportAllDeclaration' && typeof source === 'string') {
      specifiers.push(source);
      const exported = statement.exported as EstreeNode | null;
      reExports.push(exported ? { specifier: source, importName: '**', exportName: nameOf(exported) } : { specifier: source, importName: '*', exportName: '*' });
    } else if (statement.type === 'ExportNamedDeclaration') {
      if (typeof source === 'string') specifiers.push(source);
      for (const specifier of (statement.specifiers as EstreeNode[] | undefined) ?? []) {
        const local = nameOf(specifier.local as EstreeNode);
        const exportName = nameOf(specifier.exported as EstreeNode);
        if (typeof source === 'string') reExports.push({ specifier: source, importName: local, exportName });
        else {
          const imported = localImports.get(local);
          if (imported) reExports.push({ specifier: imported.specifier, importName: imported.importName, exportName });
        }
      }
    }
  }
  if (walkForRequires && (text.includes('require') || text.includes('import('))) specifiers.push(...requiredSpecifiers(program, true));
  return { specifiers, reExports };
}

type EstreeNode = { type: string; [key: string]: unknown };

function nameOf(node: EstreeNode): string {
  return node.type === 'Identifier' ? (node.name as string) : String(node.value);
}

/** Constant specifiers of `require('x')` calls (and of `import('x')` when asked) anywhere in the tree. */
function requiredSpecifiers(program: unknown, dynamicImports = false): string[] {
  const found: string[] = [];
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (item && typeof item === 'object') stack.push(item);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const estree = node as EstreeNode;
    if (estree.type === 'CallExpression') {
      const callee = estree.callee as EstreeNode;
      const [argument] = estree.arguments as EstreeNode[];
      if (callee.type === 'Identifier' && callee.name === 'require' && argument) {
        const value = literalString(argument);
        if (value !== null) found.push(value);
      }
    } else if (dynamicImports && estree.type === 'ImportExpression') {
      const value = literalString(estree.source as EstreeNode);
      if (value !== null) found.push(value);
    }
    for (const key in estree) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const child = estree[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return found;
}

function literalString(node: EstreeNode): string | null {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    const [quasi] = node.quasis as EstreeNode[];
    return ((quasi?.value as { cooked?: string } | undefined)?.cooked ?? null) as string | null;
  }
  return null;
}

function constantString(source: string): string | null {
  const match = /^\s*(['"`])([^'"`$\\]*)\1\s*$/.exec(source);
  return match ? match[2]! : null;
}
