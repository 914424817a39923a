import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction } from '../analysis/ast.js';
import { type ContextAnalysis, functionName, rareRegionAt } from '../analysis/contexts.js';
import { contextAcrossFiles } from '../analysis/cross-file.js';
import { type FileAnalysis, analyzeFile } from '../analysis/file-analysis.js';
import { listenersForCatalog } from '../analysis/catalog-gate.js';
import { type ResolvedCall, type ResolvedTag, catalogResolver, catalogTagResolver } from '../analysis/imports.js';
import { normalizeSpecifier } from '../analysis/modules.js';
import { type BlockingCallEntry, NO_ALTERNATIVE_ADVICE, blockingWorkDescriptions } from '../catalog/blocking-calls.js';
import { knowledgeFrom } from '../settings.js';
import { describeAlternative, fixFrom, planAsyncRewrite, withAsyncFunction } from '../fixes/to-async.js';
import { createRule } from '../util/create-rule.js';
import { describeRepetition } from '../util/messages.js';

type MessageId = 'blocking' | 'blockingNoFix' | 'blockingNoAlternative' | 'suggestAsync' | 'suggestMakeAsync';
type Options = [{ allow?: string[]; checkAsyncFunctions?: boolean; checkScheduledJobs?: boolean }];

const MAKE_ASYNC_CAVEAT =
  'an async handler returns a promise, so errors it throws become rejections, which some frameworks (Express 4) do not pass to error handlers';

export default createRule<Options, MessageId>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blocking calls (sync file system, child process, crypto, compression) in async functions and request handlers',
      recommended: true,
      strictOptions: [{ checkAsyncFunctions: true, checkScheduledJobs: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Blocking calls to leave alone, by catalog name (`fs.existsSync`) or by module (`bcryptjs`).',
          },
          checkAsyncFunctions: {
            type: 'boolean',
            description:
              'Also report blocking calls in async functions whose callers neither the file nor the project shows (exported helpers, services, CLI commands). Handlers and the functions they reach, in this file or through other files, are always checked.',
          },
          checkScheduledJobs: {
            type: 'boolean',
            description:
              'Also report blocking calls in code that only timers and schedulers run (`setInterval` callbacks, cron jobs, NestJS `@Cron`/`@Interval`): it blocks the process as often as its schedule says, however busy the process is.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], checkAsyncFunctions: false, checkScheduledJobs: false }],
    messages: {
      blocking:
        '`{{name}}()` blocks the event loop {{where}} ({{work}}): {{consequence}}. Use {{alternative}} instead.',
      blockingNoFix:
        '`{{name}}()` blocks the event loop {{where}} ({{work}}): {{consequence}}. Use {{alternative}} instead (not fixed automatically: {{reason}}).',
      blockingNoAlternative: '`{{name}}()` blocks the event loop {{where}} ({{work}}): {{consequence}}. {{advice}}',
      suggestAsync: 'Replace with `{{replacement}}`; check the difference: {{caveat}}.',
      suggestMakeAsync: 'Make the {{handler}} async and replace the call with `{{replacement}}` (check first: {{caveat}}).',
    },
    languages: ['js/js'],
  },
  defaultOptions: [{ allow: [], checkAsyncFunctions: false, checkScheduledJobs: false }],
  create(context, options) {
    const blockingCalls = knowledgeFrom(context.settings).blockingCalls;
    // Cheap first: most files import nothing from the catalog, and need no further analysis.
    return listenersForCatalog(context, blockingCalls, () => analyze(context, options, blockingCalls));
  },
});

/**
 * The rule's work on a file its catalog gate lets through. Its helpers are declared in here, not
 * in `create()`, so that `create()` allocates none of them for the many files it never analyzes.
 */
function analyze(context: Readonly<TSESLint.RuleContext<MessageId, Options>>, options: () => Readonly<Options>, blockingCalls: readonly BlockingCallEntry[]): void {
  const calls = catalogResolver(blockingCalls)(context.sourceCode);
  const tags = catalogTagResolver(blockingCalls)(context.sourceCode);
  // Calls at module level run once, while the module loads: most files with any stop here.
  if (![...calls.keys()].some(runsInFunctionOrClass) && ![...tags.keys()].some(runsInFunctionOrClass)) return;
  const [{ allow = [], checkAsyncFunctions = false, checkScheduledJobs = false }] = options();
  const allowed = new Set(allow.map(normalizeSpecifier));
  const analysis = analyzeFile(context);
  const { facts } = analysis;
  if (facts.role !== 'application' || facts.edge || facts.workerThread) return;
  for (const resolved of calls.values()) {
    const call = resolved.node;
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const entry = resolved.entry;
    if (allowed.has(entry.label) || allowed.has(normalizeSpecifier(entry.module))) continue;
    if (entry.optionsOnlyBinds && bindsOptionsOnly(call)) continue;
    const place = blockingPlace(analysis, call, { checkAsyncFunctions, checkScheduledJobs });
    if (place) check(analysis.contexts, resolved, place);
  }
  for (const tag of tags.values()) {
    if (allowed.has(tag.entry.label) || allowed.has(normalizeSpecifier(tag.entry.module))) continue;
    const place = blockingPlace(analysis, tag.node, { checkAsyncFunctions, checkScheduledJobs });
    if (place) checkTag(tag, place);
  }

  /**
   * A sync template tag (`` $.sync`git status` ``, `` execaSync`npm run build` ``). The tag of the
   * async API is the same object without `.sync`/`.s`, so that is the fix inside an async function;
   * `$sync` and `execaSync` would need another import, left to a person.
   */
  function checkTag(tag: ResolvedTag<BlockingCallEntry>, place: { where: string; unit: string }) {
    const { node, entry } = tag;
    const name = entry.label;
    const where = place.where;
    const work = entry.description ?? blockingWorkDescriptions[entry.work];
    const repeated = consequence(place.unit);
    const asyncTag = asyncTemplateTag(context.sourceCode, node);
    const owner = enclosingFunction(node);
    if (asyncTag !== null && owner?.async && isInside(node, owner.body)) {
      const awaited = `await ${asyncTag}${context.sourceCode.getText(node.quasi)}`;
      const parent = node.parent;
      const bindsTighter =
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) ||
        (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) ||
        (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === node);
      const replacement = bindsTighter ? `(${awaited})` : awaited;
      const alternative = `\`${asyncTag}\``;
      context.report({ node, messageId: 'blocking', data: { name, where, work, consequence: repeated, alternative }, fix: (fixer) => fixer.replaceText(node, replacement) });
      return;
    }
    const reason = asyncTag === null ? 'the async tag needs its own import' : 'the enclosing function is not async';
    const alternative = asyncTag === null ? 'the async execa tag (`$`)' : `\`${asyncTag}\``;
    context.report({ node, messageId: 'blockingNoFix', data: { name, where, work, consequence: repeated, alternative, reason } });
  }

  function check(contexts: ContextAnalysis, resolved: ResolvedCall<BlockingCallEntry>, place: { where: string; unit: string }) {
    const { node, entry } = resolved;
    // What, where and why: shared by the three report messages.
    const data = (details: Record<string, string>) => ({
      name: entry.label,
      where: place.where,
      consequence: consequence(place.unit),
      work: entry.description ?? blockingWorkDescriptions[entry.work],
      ...details,
    });
    const alternative = entry.alternative;
    if (!alternative) {
      context.report({ node, messageId: 'blockingNoAlternative', data: data({ advice: entry.advice ?? NO_ALTERNATIVE_ADVICE }) });
      return;
    }
    const described = describeAlternative(entry, alternative);
    const rewrite = planAsyncRewrite(context.sourceCode, resolved, alternative);
    if (typeof rewrite === 'string') {
      context.report({ node, messageId: 'blockingNoFix', data: data({ alternative: described, reason: rewrite }) });
      return;
    }
    const owner = enclosingFunction(node);
    const inBody = owner !== null && isInside(node, owner.body);
    if (owner?.async && inBody) {
      if (alternative.caveat) {
        context.report({
          node,
          messageId: 'blockingNoFix',
          data: data({ alternative: described, reason: `the behaviour differs: ${alternative.caveat}` }),
          suggest: [{ messageId: 'suggestAsync', data: { replacement: rewrite.replacement, caveat: alternative.caveat }, fix: fixFrom(rewrite.edits) }],
        });
      } else if (rewrite.waits !== undefined) {
        context.report({ node, messageId: 'blockingNoFix', data: data({ alternative: described, reason: rewrite.waits }) });
      } else {
        context.report({ node, messageId: 'blocking', data: data({ alternative: described }), fix: fixFrom(rewrite.edits) });
      }
      return;
    }

    const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
    const isHandler = owner !== null && contexts.roleOf(owner).kind === 'request';
    if (isHandler && inBody && !alternative.caveat) {
      const madeAsync = withAsyncFunction(context.sourceCode, rewrite, owner);
      if (madeAsync) {
        const handler = contexts.functionContext(owner).label;
        suggest.push({
          messageId: 'suggestMakeAsync',
          data: { handler, replacement: rewrite.replacement, caveat: MAKE_ASYNC_CAVEAT },
          fix: fixFrom(madeAsync.edits),
        });
      }
    }
    const reason = syncReason(contexts, owner, inBody, isHandler);
    context.report({ node, messageId: 'blockingNoFix', data: data({ alternative: described, reason }), suggest });
  }
}

/** Where the call repeats, for the message; `null` where blocking is fine (startup, once, offload, tests...). */
function blockingPlace(
  analysis: FileAnalysis,
  call: TSESTree.Node,
  { checkAsyncFunctions, checkScheduledJobs }: { checkAsyncFunctions: boolean; checkScheduledJobs: boolean },
): { where: string; unit: string } | null {
  const { sourceCode, contexts } = analysis;
  const local = contexts.contextOutsideOnceGuards(call);
  // Asked only of calls that would otherwise be reported or looked up across files: it walks up the function.
  let rareAnswer: boolean | undefined;
  const isRare = (): boolean => (rareAnswer ??= rareRegionAt(sourceCode, call) !== null);
  const executionContext = local.kind === 'unknown' && !isRare() ? contextAcrossFiles(analysis, call, local) : local;
  if (executionContext.kind === 'request') {
    // Work on a schedule repeats as often when the process is idle as when it is busy: not the per-request cost this rule is about.
    if (executionContext.scheduled && !checkScheduledJobs) return null;
    return isRare() ? null : describeRepetition(executionContext);
  }
  if (executionContext.kind !== 'unknown' || !checkAsyncFunctions) return null;
  const owner = owningFunction(contexts, call);
  if (!owner?.async) {
    // A sync helper of an async function of the file blocks that function's work (`export async function build() { load() }`).
    const caller = executionContext.asyncCaller;
    if (!caller || isRare()) return null;
    const by = caller.name === 'anonymous function' ? 'an async function' : `the async function \`${caller.name}()\``;
    return { where: `in \`${caller.via.join('`, called by `')}\`, called by ${by}`, unit: 'request' };
  }
  if (isRare()) return null;
  const name = functionName(owner);
  return { where: name === 'anonymous function' ? 'in an async function' : `in the async function \`${name}()\``, unit: 'request' };
}

/** The function whose run includes the call: the innermost one, or the one around callbacks run inline or per element. */
function owningFunction(contexts: ContextAnalysis, node: TSESTree.Node): FunctionNode | null {
  let fn = enclosingFunction(node);
  while (fn && !fn.async) {
    const role = contexts.roleOf(fn).kind;
    if (role !== 'inline' && role !== 'iteration') break;
    fn = enclosingFunction(fn);
  }
  return fn;
}

/** The innermost function around `node`; `null` at module level or in a class field or static block. */
/** `$` for the tag `$.sync` or `$.s`: the same object's async tag; `null` for other tags. */
function asyncTemplateTag(sourceCode: Readonly<TSESLint.SourceCode>, tagged: TSESTree.TaggedTemplateExpression): string | null {
  const tag = tagged.tag;
  if (tag.type !== AST_NODE_TYPES.MemberExpression || tag.computed || tag.property.type !== AST_NODE_TYPES.Identifier) return null;
  if (tag.property.name !== 'sync' && tag.property.name !== 's') return null;
  return tag.object.type === AST_NODE_TYPES.Identifier ? sourceCode.getText(tag.object) : null;
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return null;
  }
  return null;
}

function syncReason(contexts: ContextAnalysis, owner: FunctionNode | null, inBody: boolean, isHandler: boolean): string {
  if (owner === null) return 'it runs outside a function body, where `await` is not allowed';
  if (!inBody) return 'it is in a parameter default, where `await` is not allowed';
  if (isHandler) return `the ${contexts.functionContext(owner).label} is not async`;
  const role = contexts.roleOf(owner).kind;
  if (role === 'inline' || role === 'iteration') {
    return 'it runs in a synchronous callback; making the callback async would change what its caller receives';
  }
  const name = functionName(owner);
  return name === 'anonymous function'
    ? 'the enclosing function is synchronous; make it async and await it where it is called'
    : `\`${name}()\` is synchronous; make it async and await it where it is called`;
}

/** What waits: other requests, jobs or messages in flight; for a Lambda invocation or a timer tick, the rest of the process. */
function consequence(unit: string): string {
  return UNITS_IN_FLIGHT.has(unit) ? `every other ${unit} in flight waits until it returns` : 'nothing else in the process runs until it returns';
}

const UNITS_IN_FLIGHT = new Set(['request', 'connection', 'job', 'message', 'event']);

/** `execaSync({ cwd })` binds options and returns a new function: nothing runs yet. */
function bindsOptionsOnly(call: TSESTree.CallExpression): boolean {
  return call.arguments.length === 1 && call.arguments[0]!.type === AST_NODE_TYPES.ObjectExpression;
}

/** Whether code at `node` is in a function, class field or static block, rather than in the module's own statements. */
function runsInFunctionOrClass(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) || current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return true;
  }
  return false;
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
