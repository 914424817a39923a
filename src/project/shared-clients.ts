import { readFileSync } from 'node:fs';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { type FunctionNode, forEachChild, innermostFunction, isFunction, isValueWrapper, valueSlot } from '../analysis/ast.js';
import { isOnceGuarded } from '../analysis/once-guards.js';
import { clientCreationsFor } from '../analysis/clients.js';
import { exportNames } from '../analysis/exports.js';
import type { ClientEntry } from '../catalog/types.js';
import { type FileSummary, fileSummary } from './file-summary.js';
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
  /** `value`: the export is the client (`prisma`); `getter`: an exported memoised getter returns it (`getStripe()`). */
  access: 'value' | 'getter';
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
    const exported = declarator?.init ? { exportName: exportNames(summary.sourceCode, declarator.init)[0], access: 'value' as const } : memoisedGetter(summary.sourceCode, creation.node);
    if (!exported || exported.exportName === undefined || exported.exportName === 'default') continue;
    const argumentTexts = creation.node.arguments.map((argument) => summary.sourceCode.getText(argument));
    clients.push({ file, line: creation.node.loc.start.line, exportName: exported.exportName, name: creation.name, argumentTexts, access: exported.access });
  }
  return clients;
}

/**
 * The exported function that creates the client once into a module-level variable and returns it
 * (`let stripe; export function getStripe() { if (stripe) return stripe; stripe = new Stripe(k); return stripe; }`,
 * `export const getDb = () => (db ??= new Pool())`); `null` for anything else, keyed caches included.
 */
function memoisedGetter(sourceCode: FileSummary['sourceCode'], creation: TSESTree.Node): { exportName: string | undefined; access: 'getter' } | null {
  const slot = valueSlot(creation);
  const assignment = slot.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== slot || assignment.left.type !== AST_NODE_TYPES.Identifier) return null;
  if (!isOnceGuarded(sourceCode, creation)) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(assignment), assignment.left);
  if (!variable || (variable.scope.type !== 'module' && variable.scope.type !== 'global')) return null;
  const fn = innermostFunction(assignment);
  if (!fn || !returnsVariable(sourceCode, fn, variable, assignment)) return null;
  return { exportName: exportNames(sourceCode, fn)[0], access: 'getter' };
}

function returnsVariable(sourceCode: FileSummary['sourceCode'], fn: FunctionNode, variable: { references: { identifier: TSESTree.Node }[] }, assignment: TSESTree.Node): boolean {
  const isTheVariable = (node: TSESTree.Node | null | undefined) => node?.type === AST_NODE_TYPES.Identifier && variable.references.some((reference) => reference.identifier === node);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = fn.body;
    return body === assignment || (body.type === AST_NODE_TYPES.LogicalExpression && body.right === assignment && isTheVariable(body.left));
  }
  let returned = false;
  const visit = (node: TSESTree.Node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returned ||= isTheVariable(node.argument);
    if (!isFunction(node)) forEachChild(sourceCode, node, visit);
  };
  forEachChild(sourceCode, fn.body, visit);
  return returned;
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
