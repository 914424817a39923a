import { readFileSync } from 'node:fs';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, isValueWrapper } from '../analysis/ast.js';
import { clientCreationsFor } from '../analysis/clients.js';
import { exportNames } from '../analysis/exports.js';
import type { ClientEntry } from '../catalog/types.js';
import { fileSummary } from './file-summary.js';
import type { ProjectIndex } from './project-index.js';
import type { Knowledge } from '../settings.js';
import { fileStamp } from './stamp.js';

/** A client the project already shares: created once at module scope of `file` and exported as `exportName`. */
export interface SharedClient {
  file: string;
  line: number;
  exportName: string;
  /** The client's name as messages show it: the catalog label, or the export for wildcard entries (`S3Client`). */
  name: string;
  /** The source text of each argument of its construction. */
  argumentTexts: string[];
}

/** Whether two constructions' arguments are the same code, up to spacing, quotes and trailing commas. */
export function sameArgumentTexts(a: readonly string[], b: readonly string[]): boolean {
  const normal = (text: string) => text.replace(/\s+/g, '').replace(/,([}\])])/g, '$1').replaceAll('"', "'");
  return a.length === b.length && a.every((text, index) => normal(text) === normal(b[index]!));
}

interface Found { stamps: Map<string, string | null>; clients: SharedClient[] }

const found = new WeakMap<ProjectIndex, Map<string, Found>>();

/**
 * The project's exported module-level clients of catalog entry `entry` (`export const prisma =
 * new PrismaClient()`, `export const prisma = globalThis.prisma ?? new PrismaClient()`), in file
 * order. Only files whose text names both the entry's module and its export are parsed.
 */
export function sharedClientsOf(index: ProjectIndex, entry: ClientEntry, knowledge: Knowledge): SharedClient[] {
  let byEntry = found.get(index);
  if (!byEntry) found.set(index, (byEntry = new Map()));
  const key = `${entry.module}\0${entry.export}`;
  const cached = byEntry.get(key);
  if (cached && [...cached.stamps].every(([file, stamp]) => fileStamp(file) === stamp)) return cached.clients;
  const stamps = new Map<string, string | null>();
  const clients: SharedClient[] = [];
  const exportWord = entry.export.split('.').filter((part) => part !== 'default' && !part.includes('*')).at(-1) ?? '';
  for (const file of index.files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('export') || !mentionsModule(text, entry.module) || (exportWord !== '' && !text.includes(exportWord))) continue;
    stamps.set(file, fileStamp(file));
    clients.push(...exportedClients(file, index.root, entry, knowledge));
  }
  byEntry.set(key, { stamps, clients });
  return clients;
}

function mentionsModule(text: string, module: string): boolean {
  const prefix = module.split('*')[0]!;
  return text.includes(`'${prefix}`) || text.includes(`"${prefix}`) || text.includes(`\`${prefix}`);
}

function exportedClients(file: string, root: string, entry: ClientEntry, knowledge: Knowledge): SharedClient[] {
  const summary = fileSummary(file, root, knowledge);
  if (!summary || summary.facts.role !== 'application') return [];
  const clients: SharedClient[] = [];
  for (const creation of clientCreationsFor([entry])(summary.sourceCode).values()) {
    const declarator = moduleDeclarator(creation.node);
    if (!declarator?.init) continue;
    const [exportName] = exportNames(summary.sourceCode, declarator.init);
    if (exportName === undefined || exportName === 'default') continue;
    const argumentTexts = creation.node.arguments.map((argument) => summary.sourceCode.getText(argument));
    clients.push({ file, line: creation.node.loc.start.line, exportName, name: creation.name, argumentTexts });
  }
  return clients;
}

/**
 * The module-level `const x = ...` whose value is the creation: directly, or as the fallback of
 * a `globalThis` singleton (`globalThis.prisma ?? new PrismaClient()`, `g.db || new Pool()`).
 */
function moduleDeclarator(creation: TSESTree.Node): TSESTree.VariableDeclarator | null {
  let node: TSESTree.Node = creation;
  while (node.parent && (isValueWrapper(node.parent) || isFallbackOf(node.parent, node))) node = node.parent;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) return null;
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') return null;
  for (let current: TSESTree.Node | undefined = declaration.parent; current; current = current.parent) {
    if (isFunction(current)) return null;
  }
  return declarator;
}

function isFallbackOf(parent: TSESTree.Node, node: TSESTree.Node): boolean {
  if (parent.type === AST_NODE_TYPES.LogicalExpression) return parent.right === node && (parent.operator === '??' || parent.operator === '||');
  return parent.type === AST_NODE_TYPES.ConditionalExpression && parent.alternate === node;
}
