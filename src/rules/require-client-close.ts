import { resolve } from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, calleeName, isCallLike, isFunction, valueSlot } from '../analysis/ast.js';
import type { ClientCreation } from '../analysis/clients.js';
import { type ExecutionContext, functionName } from '../analysis/contexts.js';
import { contextAcrossFiles } from '../analysis/cross-file.js';
import { type FileAnalysis, analyzeFile } from '../analysis/file-analysis.js';
import { GLOBAL_SETUP_FILE, type Ownership, ownershipOf } from '../analysis/ownership.js';
import { expressionFacts } from '../analysis/free-references.js';
import { listenersForCatalog } from '../analysis/catalog-gate.js';
import { loopRepetition } from '../analysis/loop-repetition.js';
import { opensNoConnection } from '../analysis/lazy-connection.js';
import { type ClosePlan, planCloseInFinally, planCloseOnExit, planScriptClose, planShutdownHook, planTestTeardown, teardownHookName } from '../fixes/close.js';
import { knowledgeFrom } from '../settings.js';
import { createRule } from '../util/create-rule.js';

type MessageId =
  | 'notClosed'
  | 'notClosedKeepAlive'
  | 'closedOnSomePaths'
  | 'closedOnSomePathsKeepAlive'
  | 'scriptNotClosed'
  | 'moduleNotClosed'
  | 'testNotClosed'
  | 'suggestTryFinally'
  | 'suggestAwaitUsing'
  | 'suggestFinallyChain'
  | 'suggestScriptTryFinally'
  | 'suggestTestHook'
  | 'suggestShutdownHook';
type Options = [{ checkModuleScope?: boolean; useAwaitUsing?: boolean }];
type Report = Parameters<TSESLint.RuleContext<MessageId, Options>['report']>[0];

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

export default createRule<Options, MessageId>({
  name: 'require-client-close',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require clients created by a script, worker, test or function to be closed by their owner',
      recommended: true,
      strictOptions: [{ checkModuleScope: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkModuleScope: {
            type: 'boolean',
            description:
              'Also report module-scope clients of application files that are never closed (a long-running server should close its pools on shutdown).',
          },
          useAwaitUsing: {
            type: 'boolean',
            description:
              'Fix with `await using` instead of `try`/`finally` for clients that implement `Symbol.asyncDispose` (TypeScript 5.2+, Node.js 24+).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkModuleScope: false, useAwaitUsing: false }],
    messages: {
      notClosed:
        '{{client}} is created {{where}} and never closed: its connections stay open after the function is done, leaking them on every call and keeping a script or test runner from exiting. Call `{{close}}()` in a `finally` block once the function is done with it.',
      notClosedKeepAlive:
        '{{client}} is created {{where}} and never closed: its keep-alive sockets stay open after the function is done, until the server drops them, so every call leaves more behind. Call `{{close}}()` in a `finally` block once the function is done with it.',
      closedOnSomePaths:
        '{{client}} is closed with `{{close}}()` only when nothing throws before it: an error leaves its connections open, and a caller that handles the error never exits. Close it in a `finally` block.',
      closedOnSomePathsKeepAlive:
        '{{client}} is closed with `{{close}}()` only when nothing throws before it: an error leaves its keep-alive sockets open until the server drops them. Close it in a `finally` block.',
      scriptNotClosed:
        '{{client}} is created at module scope of this script and never closed: its open connections keep the script from exiting when its work is done. Call `{{close}}()` when the script is done.',
      moduleNotClosed:
        "{{client}} is created at module scope and never closed on shutdown: when the process is stopped, in-flight work is cut off and connections are dropped. Call `{{close}}()` from a SIGTERM/SIGINT handler or the framework's shutdown hook.",
      testNotClosed:
        '{{client}} is created {{where}} of a test file and never closed in `{{hook}}()`: its open connections keep the test runner from exiting. Call `{{close}}()` in an `{{hook}}()` hook.',
      suggestTryFinally: 'Close it with `{{close}}()` in a `finally` block around the code after it (not applied automatically: {{reason}}).',
      suggestAwaitUsing: 'Declare it with `await using` so it is closed when its block exits (not applied automatically: {{reason}}).',
      suggestFinallyChain: 'Close it with `{{close}}()` once `{{call}}` settles, in a `.finally()` callback.',
      suggestScriptTryFinally: 'Close it with `{{close}}()` in a `finally` block around the rest of the script (needs top-level `await`).',
      suggestTestHook: 'Close it with `{{close}}()` in an `{{hook}}()` hook.',
      suggestShutdownHook: 'Close it with `{{close}}()` on SIGTERM and SIGINT, then re-send the signal so the process still stops as before.',
    },
    languages: ['js/js'],
  },
  defaultOptions: [{ checkModuleScope: false, useAwaitUsing: false }],
  create(context, options) {
    return listenersForCatalog(context, knowledgeFrom(context.settings).clients, () => analyze(context, options));
  },
});

/**
 * The rule's work on a file its catalog gate lets through. Its helpers are declared in here, not
 * in `create()`, so that `create()` allocates none of them for the many files it never analyzes.
 */
function analyze(context: Readonly<TSESLint.RuleContext<MessageId, Options>>, options: () => Readonly<Options>): void {
  const sourceCode = context.sourceCode;
  const fixOptions = () => ({ useAwaitUsing: options()[0].useAwaitUsing ?? false });

  const analysis = analyzeFile(context);
  if (analysis.clientCreations.size === 0 || analysis.facts.edge) return;
  for (const creation of analysis.clientCreations.values()) {
    const close = creation.entry.close;
    if (!close || creation.entry.closedWithParent) continue;
    if (creation.entry.idleWithoutArguments && creation.node.arguments.length === 0) continue;
    const executionContext = analysis.contexts.contextAt(creation.node);
    if (!isChecked(analysis, executionContext, creation)) continue;
    const ownership = ownershipOf(analysis, creation);
    if (opensNoConnection(analysis, creation, ownership.flow)) continue;
    const report = reportFor(analysis, creation, close, ownership, executionContext);
    // Asked only for what would be reported: a client the project's other files create per request is no-per-request-client's.
    if (report && isChecked(analysis, contextAcrossFiles(analysis, creation.node, executionContext), creation)) context.report(report);
  }

  function isChecked(analysis: FileAnalysis, executionContext: ExecutionContext, creation: ClientCreation): boolean {
    // Per-request clients and edge handlers are no-per-request-client's; once-guarded clients live for the process.
    if (executionContext.kind === 'request' || executionContext.kind === 'edge' || executionContext.kind === 'once') return false;
    // no-per-request-client reports a client of application code made again on every iteration of a loop.
    const repeated =
      analysis.facts.role === 'application' &&
      executionContext.loop !== null &&
      loopRepetition(sourceCode, executionContext, creation, expressionFacts(sourceCode, creation.node)) !== null;
    return !repeated;
  }

  function reportFor(
    analysis: FileAnalysis,
    creation: ClientCreation,
    close: string,
    ownership: Ownership,
    executionContext: ExecutionContext,
  ): Report | null {
    const { owner, verdict } = ownership;
    if (verdict === 'closed' || verdict === 'handed-on') return null;
    const entry = creation.entry;
    const node = creation.node;
    const client = creation.name;
    switch (owner.kind) {
      case 'class':
        return null;
      case 'function': {
        if (verdict === 'closed-on-some-paths') {
          const plan = planCloseInFinally(sourceCode, ownership, entry, fixOptions());
          const messageId = entry.idleSocketsUnref ? 'closedOnSomePathsKeepAlive' : 'closedOnSomePaths';
          return withPlan({ node, messageId, data: { client, close: ownership.closes[0]?.method ?? close } }, plan, close);
        }
        const plan = planCloseOnExit(sourceCode, ownership, entry, fixOptions());
        // Idle keep-alive sockets are unref'd: they leak, but keep no script or test runner from exiting.
        const messageId = entry.idleSocketsUnref ? 'notClosedKeepAlive' : 'notClosed';
        return withPlan({ node, messageId, data: { client, close, where: functionPlace(owner.fn, executionContext) } }, plan, close);
      }
      case 'test-lifecycle': {
        // What keeps a test runner from exiting is an open socket; this client's idle ones do not.
        if (entry.idleSocketsUnref) return null;
        const filename = resolve(context.cwd, context.physicalFilename);
        const plan = planTestTeardown(sourceCode, ownership, entry, node, filename);
        const hook = plan?.hook ?? teardownHookName(sourceCode, owner.setupHook, filename);
        const where = owner.setupHook ? `in \`${owner.setupHook}()\`` : owner.suite ? `in a \`${owner.suite}()\` block` : 'at module scope';
        return {
          node,
          messageId: 'testNotClosed',
          data: { client, close, hook, where },
          // A global setup runs outside any test file: a hook there is never run.
          suggest: plan && !GLOBAL_SETUP_FILE.test(context.filename) ? [{ messageId: 'suggestTestHook', data: { close, hook }, fix: plan.fix }] : [],
        };
      }
      case 'module': {
        if (analysis.facts.role === 'application') {
          // A module that exports request handlers (a Lambda, a route module) lives as long as they do, with no shutdown of its own to hook.
          if (!options()[0].checkModuleScope || exportsRequestHandlers(analysis)) return null;
          // Signals reach the main thread only: a worker thread gets no SIGTERM to close on.
          const fix = analysis.facts.workerThread ? null : planShutdownHook(sourceCode, ownership, entry, node, TYPESCRIPT_FILE.test(context.filename));
          return { node, messageId: 'moduleNotClosed', data: { client, close }, suggest: fix ? [{ messageId: 'suggestShutdownHook', data: { close }, fix }] : [] };
        }
        if (entry.idleSocketsUnref) return null;
        const plan = planScriptClose(sourceCode, ownership, entry, node);
        const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
        if (plan?.kind === 'finally-chain') suggest.push({ messageId: 'suggestFinallyChain', data: { close, call: plan.call }, fix: plan.fix });
        if (plan?.kind === 'try-finally') suggest.push({ messageId: 'suggestScriptTryFinally', data: { close }, fix: plan.fix });
        return { node, messageId: 'scriptNotClosed', data: { client, close }, suggest };
      }
    }
  }
}

/** Whether a top-level statement of the file exports a function the analysis sees as a request handler. */
const exportsRequestHandlers = (analysis: FileAnalysis): boolean =>
  analysis.sourceCode.ast.body.some((statement) => topLevelFunctions(statement).some((fn) => analysis.contexts.roleOf(fn).kind === 'request'));

/** Functions a top-level statement declares or assigns: `export const handler = middy(async () => ...)`, `exports.handler = ...`. */
function topLevelFunctions(statement: TSESTree.Node): FunctionNode[] {
  const found: FunctionNode[] = [];
  const visit = (node: TSESTree.Node | null | undefined, depth: number): void => {
    if (!node || depth > 4) return;
    if (isFunction(node)) {
      found.push(node);
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return visit(node.declaration as TSESTree.Node | null, depth + 1);
      case AST_NODE_TYPES.VariableDeclaration:
        return node.declarations.forEach((declarator) => visit(declarator.init, depth + 1));
      case AST_NODE_TYPES.ExpressionStatement:
        // `exports.handler = ...`; a registration (`app.get(...)`, `port.on(...)`) is a server's, which can hook its shutdown.
        return node.expression.type === AST_NODE_TYPES.AssignmentExpression ? visit(node.expression, depth + 1) : undefined;
      case AST_NODE_TYPES.AssignmentExpression:
        return visit(node.right, depth + 1);
      case AST_NODE_TYPES.CallExpression:
        return node.arguments.forEach((argument) => visit(argument, depth + 1));
      default:
        return;
    }
  };
  visit(statement, 0);
  return found;
}

/** An autofix when the plan is mechanical, a suggestion that says why not otherwise. */
function withPlan(report: Report, plan: ClosePlan, close: string): Report {
  if (plan.kind === 'fix') return { ...report, fix: plan.fix };
  if (plan.kind === 'none') return report;
  const messageId = plan.style === 'await-using' ? 'suggestAwaitUsing' : 'suggestTryFinally';
  return { ...report, suggest: [{ messageId, data: { close, reason: plan.reason }, fix: plan.fix }] };
}

/** "in `main()`", "in this test", "in this `beforeAll()` callback", "in this function". */
function functionPlace(fn: FunctionNode, executionContext: ExecutionContext): string {
  const name = functionName(fn);
  if (name !== 'anonymous function') return `in \`${name}()\``;
  if (executionContext.kind === 'test' && executionContext.testPhase === 'test') return 'in this test';
  const call = valueSlot(fn).parent;
  const callee = call && isCallLike(call) && call.callee !== valueSlot(fn) ? calleeName(call) : null;
  return callee ? `in this \`${callee}()\` callback` : 'in this function';
}
