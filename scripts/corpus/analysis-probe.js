// @ts-check
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './files.js';

/**
 * A corpus-only rule that drives the shared analysis over every function and call of a file.
 * The plugin's rules ask for contexts only where they found a client or a blocking call, which
 * library code rarely has; this makes every file exercise `contexts`, `value-flow` and
 * `free-references` as if each call were a finding. It reports one summary per file (a histogram
 * of the contexts found), which goes into the determinism digest. It runs on `Program:exit`,
 * after the plugin's rules, so it does not change the order in which they query the analysis.
 * With `{ reverse: true }` it asks in reverse document order: the summary must not change.
 */
const distModule = (/** @type {string} */ file) => import(pathToFileURL(path.join(REPO_ROOT, 'dist/analysis', file)).href);
const { analyzeFile } = await distModule('file-analysis.js');
const { valueFlow } = await distModule('value-flow.js');
const { dependsOnCallData, expressionFacts } = await distModule('free-references.js');

export const PROBE_RULE_ID = 'corpus/analysis-probe';

/** @type {import('eslint').Rule.RuleModule} */
const analysisProbe = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { reverse: { type: 'boolean' } }, additionalProperties: false }],
    messages: { summary: '{{summary}}' },
  },
  create(context) {
    const reverse = Boolean(context.options[0]?.reverse);
    /** @type {import('estree').Node[]} */
    const functions = [];
    /** @type {import('estree').Node[]} */
    const calls = [];
    return {
      ':function'(/** @type {import('estree').Node} */ node) {
        functions.push(node);
      },
      'CallExpression, NewExpression'(/** @type {import('estree').Node} */ node) {
        calls.push(node);
      },
      'Program:exit'() {
        const analysis = analyzeFile(context);
        /** @type {Map<string, number>} */
        const histogram = new Map();
        const count = (/** @type {string} */ key) => histogram.set(key, (histogram.get(key) ?? 0) + 1);
        if (reverse) {
          functions.reverse();
          calls.reverse();
        }
        for (const fn of functions) count(`function:${analysis.contexts.functionContext(fn).kind}`);
        for (const call of calls) {
          const where = analysis.contexts.contextAt(call);
          count(`call:${where.kind}${where.loop ? '+loop' : ''}`);
          if (call.type !== 'NewExpression') continue;
          for (const use of valueFlow(context.sourceCode, call).uses) count(`new-use:${use.kind}`);
          if (dependsOnCallData(context.sourceCode, expressionFacts(context.sourceCode, call))) count('new:call-data');
        }
        count(`clients:${analysis.clientCreations.size}`);
        count(`role:${analysis.facts.role}`);
        const summary = [...histogram].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `${key}=${n}`).join(' ');
        context.report({ loc: { line: 1, column: 0 }, messageId: 'summary', data: { summary } });
      },
    };
  },
};

export const probePlugin = { rules: { 'analysis-probe': analysisProbe } };
