import { holdsDedicatedConnection } from '../analysis/dedicated-connection.js';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName } from '../analysis/ast.js';
import type { ClientCreation } from '../analysis/clients.js';
import type { ExecutionContext } from '../analysis/contexts.js';
import { contextAcrossFiles, sharedClientAcrossFiles } from '../analysis/cross-file.js';
import { analyzeFile } from '../analysis/file-analysis.js';
import { type ExpressionFacts, callDataReferences, dependsOnCallData, expressionFacts } from '../analysis/free-references.js';
import { listenersForCatalog } from '../analysis/catalog-gate.js';
import { loopRepetition } from '../analysis/loop-repetition.js';
import { onlyPresigns } from '../analysis/presign-only.js';
import { valueFlow } from '../analysis/value-flow.js';
import { planCachePerKey } from '../fixes/cache-per-key.js';
import { type HoistFix, type HoistPlan, groupedHoistFix, planHoist } from '../fixes/hoist.js';
import { claimModuleName } from '../fixes/names.js';
import { type ReusePlan, type SharedClientImport, planReuse, sharedClientText } from '../fixes/reuse.js';
import { knowledgeFrom } from '../settings.js';
import { createRule } from '../util/create-rule.js';
import { describeRepetition } from '../util/messages.js';

type MessageId = 'perRequestClient' | 'perRequestClientNoFix' | 'perRequestClientShared' | 'suggestHoist' | 'suggestReuse' | 'suggestCachePerKey';
type Options = [{ reportRequestScopedWrappers?: boolean }];

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

export default createRule<Options, MessageId>({
  name: 'no-per-request-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating network, database and SDK clients per request, job or loop iteration',
      recommended: true,
      strictOptions: [{ reportRequestScopedWrappers: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          reportRequestScopedWrappers: {
            type: 'boolean',
            description:
              'Also report wrapper clients (axios, OpenAI, Stripe, Octokit...) whose options carry per-request data such as a user token, and AWS SDK clients built from per-request credentials.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportRequestScopedWrappers: false }],
    messages: {
      perRequestClient:
        '{{client}} is created {{where}}, so every {{unit}} builds a new one: {{cost}}. Create it once at module scope and share it.',
      perRequestClientNoFix:
        '{{client}} is created {{where}}, so every {{unit}} builds a new one: {{cost}}. Create it once at module scope and share it (not fixed automatically: {{reason}}).',
      perRequestClientShared:
        '{{client}} is created {{where}}, so every {{unit}} builds a new one: {{cost}}. The project already shares one: use `{{shared}}` from `{{specifier}}` ({{place}}).',
      suggestHoist: 'Move {{client}} to module scope as `{{name}}` ({{caveat}}).',
      suggestReuse: "Use the project's shared `{{shared}}` from `{{specifier}}` instead ({{caveat}}).",
      suggestCachePerKey:
        'Keep one {{client}} per `{{key}}` in a module-level Map `{{mapName}}` (the key must identify the tenant or credentials, not a per-request object).',
    },
    languages: ['js/js'],
  },
  defaultOptions: [{ reportRequestScopedWrappers: false }],
  create(context, options) {
    return listenersForCatalog(context, knowledgeFrom(context.settings).clients, () => analyze(context, options));
  },
});

/**
 * The rule's work on a file its catalog gate lets through. Its helpers are declared in here, not
 * in `create()`, so that `create()` allocates none of them for the many files it never analyzes.
 */
function analyze(context: Readonly<TSESLint.RuleContext<MessageId, Options>>, options: () => Readonly<Options>): void {
  const analysis = analyzeFile(context);
  if (analysis.clientCreations.size === 0) return;
  const { facts } = analysis;
  if (facts.role !== 'application' || facts.edge) return;
  const hoists: Hoist[] = [];
  for (const creation of analysis.clientCreations.values()) {
    const argumentFacts = expressionFacts(context.sourceCode, creation.node);
    const local = analysis.contexts.contextAt(creation.node);
    const where =
      perRequestPlace(local, context.sourceCode, creation, argumentFacts) ??
      perRequestPlace(contextAcrossFiles(analysis, creation.node, local), context.sourceCode, creation, argumentFacts);
    if (!where) continue;
    const hoist = checkCreation(creation, where, argumentFacts);
    if (hoist) hoists.push(hoist);
  }
  reportHoists(hoists);

  /**
   * Reports the hoists; those that insert at one place share one fix that moves them all
   * (`groupedHoistFix`), so that a single `--fix` pass does what would otherwise take one each.
   */
  function reportHoists(hoists: readonly Hoist[]) {
    const byInsertion = new Map<number, Hoist[]>();
    for (const hoist of hoists) {
      const group = byInsertion.get(hoist.insertAt);
      if (group) group.push(hoist);
      else byInsertion.set(hoist.insertAt, [hoist]);
    }
    for (const group of byInsertion.values()) {
      group.sort((a, b) => a.node.range[0] - b.node.range[0]);
      const shared = group.length > 1 ? groupedHoistFix(group.map((hoist) => hoist.fix)) : null;
      for (const hoist of group) context.report({ node: hoist.node, messageId: 'perRequestClient', data: hoist.data, fix: shared ?? hoist.fix });
    }
  }

  /** Reports a per-request creation, or returns its autofixed hoist for `reportHoists`. */
  function checkCreation(creation: ClientCreation, where: Place, argumentFacts: ExpressionFacts): Hoist | null {
    const sourceCode = context.sourceCode;
    if (holdsDedicatedConnection(sourceCode, creation) || onlyPresigns(sourceCode, creation)) return null;
    const requestScoped = dependsOnCallData(sourceCode, argumentFacts);
    const requestScopedFacade = creation.entry.kind === 'wrapper' || isBoundToRequestCredentials(sourceCode, creation, argumentFacts);
    if (requestScoped && requestScopedFacade && !options()[0].reportRequestScopedWrappers) return null;

    const data = {
      client: creation.name,
      where: where.where,
      unit: where.unit,
      cost: creation.entry.kind === 'pool' ? POOL_COST : WRAPPER_COST,
    };
    const reuse = reusePlan(creation, where, argumentFacts);
    if (reuse?.plan.kind === 'fix') {
      const { shared } = reuse;
      context.report({
        node: creation.node,
        messageId: 'perRequestClientShared',
        data: {
          client: data.client,
          where: data.where,
          unit: data.unit,
          cost: data.cost,
          shared: sharedClientText(shared),
          specifier: shared.specifier,
          place: shared.place,
        },
        fix: reuse.plan.fix,
      });
      return null;
    }
    let plan = crossFileCaveat(planHoist(sourceCode, creation, argumentFacts), sourceCode, creation, where);
    if (reuse && plan.kind === 'fix') {
      plan = { kind: 'suggestion', name: plan.name, fix: plan.fix, caveat: `a second one next to the project's \`${sharedClientText(reuse.shared)}\`` };
    }
    if (plan.kind === 'fix') {
      claimModuleName(sourceCode, plan.name);
      return { node: creation.node, data, fix: plan.fix, insertAt: plan.insertAt };
    }
    const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
    if (reuse?.plan.kind === 'suggestion') {
      suggest.push({
        messageId: 'suggestReuse',
        data: { shared: sharedClientText(reuse.shared), specifier: reuse.shared.specifier, caveat: reuse.plan.caveat },
        fix: reuse.plan.fix,
      });
    }
    let reason: string;
    if (plan.kind === 'suggestion') {
      suggest.push({ messageId: 'suggestHoist', data: { client: creation.name, name: plan.name, caveat: plan.caveat }, fix: plan.fix });
      reason = plan.caveat;
    } else {
      reason = plan.reason;
      const cache = requestScoped ? planCachePerKey(sourceCode, creation, argumentFacts, TYPESCRIPT_FILE.test(context.filename)) : null;
      if (cache) {
        suggest.push({ messageId: 'suggestCachePerKey', data: { client: creation.name, key: cache.key, mapName: cache.mapName }, fix: cache.fix });
      }
    }
    if (reuse?.plan.kind === 'suggestion') reason = `the project already shares one, \`${sharedClientText(reuse.shared)}\` at \`${reuse.shared.place}\`, but ${reuse.plan.caveat}`;
    context.report({
      node: creation.node,
      messageId: 'perRequestClientNoFix',
      data: { client: data.client, where: data.where, unit: data.unit, cost: data.cost, reason },
      suggest,
    });
    return null;
  }

  /** Importing the project's own shared client instead, when it has one (an exported module-level client of the same kind). */
  function reusePlan(creation: ClientCreation, where: Place, argumentFacts: ExpressionFacts): { shared: SharedClientImport; plan: ReusePlan } | null {
    const shared = sharedClientAcrossFiles(analyzeFile(context), creation);
    if (!shared) return null;
    let plan = planReuse(context.sourceCode, creation, argumentFacts, shared);
    if (plan.kind === 'none') return null;
    if (plan.kind === 'fix' && callersElsewhereGetIt(context.sourceCode, creation, where)) plan = { kind: 'suggestion', fix: plan.fix, caveat: CALLERS_SHARE };
    return { shared, plan };
  }
}

/**
 * An HTTP API client (its sockets are an HTTP agent's) whose only per-request data is its
 * credentials: an AWS SDK client signed with the caller's STS keys. It cannot be one shared
 * client, and it holds no connection slots of its own, so it is a request-scoped facade like a
 * wrapper with a user token.
 */
function isBoundToRequestCredentials(sourceCode: Readonly<TSESLint.SourceCode>, creation: ClientCreation, argumentFacts: ExpressionFacts): boolean {
  if (!creation.entry.idleSocketsUnref) return false;
  const perRequest = callDataReferences(sourceCode, argumentFacts);
  return perRequest.length > 0 && perRequest.every((reference) => isUnderCredentialOption(reference, creation.node));
}

const CREDENTIAL_OPTION = /^(?:credentials?|accessKeyId|secretAccessKey|sessionToken|apiKey|token|auth|password)$/i;

function isUnderCredentialOption(reference: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let node = reference.parent; node && node !== root; node = node.parent) {
    if (node.type === AST_NODE_TYPES.Property && CREDENTIAL_OPTION.test(propertyName(node) ?? '')) return true;
  }
  return false;
}

/** An autofixed hoist, reported once all of the file's are known. */
interface Hoist {
  node: ClientCreation['node'];
  data: Record<string, string>;
  fix: HoistFix;
  insertAt: number;
}

const POOL_COST = 'new connections and sockets each time, which exhausts connection slots and adds latency';
const WRAPPER_COST = 'repeated setup and no reuse of keep-alive connections';

/** Where the creation repeats, for the message; `null` when it runs once (or its callers are unknown). */
function perRequestPlace(
  executionContext: ExecutionContext,
  sourceCode: Readonly<TSESLint.SourceCode>,
  creation: ClientCreation,
  argumentFacts: ExpressionFacts,
): Place | null {
  if (executionContext.kind === 'request') return { ...describeRepetition(executionContext), acrossFiles: executionContext.across !== undefined };
  const repetition = loopRepetition(sourceCode, executionContext, creation, argumentFacts);
  if (!repetition) return null;
  const { loopIsAround, called } = repetition;
  return { where: loopIsAround || !called ? 'in a loop' : `in \`${called}\`, called in a loop`, unit: 'iteration', acrossFiles: false };
}

interface Place {
  where: string;
  unit: string;
  /** The context came from call sites in other files (the project layer). */
  acrossFiles: boolean;
}

/**
 * A hoist autofix is safe when every use of the client is in sight; a client that a function
 * returns to callers in other files may be closed or reconfigured by them, so there it is a
 * suggestion.
 */
function crossFileCaveat(plan: HoistPlan, sourceCode: Readonly<TSESLint.SourceCode>, creation: ClientCreation, where: Place): HoistPlan {
  if (plan.kind !== 'fix' || !callersElsewhereGetIt(sourceCode, creation, where)) return plan;
  return { kind: 'suggestion', name: plan.name, fix: plan.fix, caveat: CALLERS_SHARE };
}

const CALLERS_SHARE = 'its callers in other files would all share one client, so check that none of them closes or reconfigures it';

/** The function returns (or yields) the client to callers in other files, which the fix cannot see. */
function callersElsewhereGetIt(sourceCode: Readonly<TSESLint.SourceCode>, creation: ClientCreation, where: Place): boolean {
  return where.acrossFiles && valueFlow(sourceCode, creation.node).uses.some((use) => use.kind === 'returned' || use.kind === 'yielded');
}
