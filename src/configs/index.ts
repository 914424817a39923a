import type { ESLint, Linter } from 'eslint';
import type { SharedClientDocs } from '../util/create-rule.js';

type RuleWithDocs = { meta: { docs?: SharedClientDocs } };
type Severity = 'error';
type RuleEntry = Severity | [Severity, ...unknown[]];

export const PLUGIN_NAMESPACE = 'shared-client';

/**
 * The flat configs, derived from each rule's `meta.docs`:
 * - `recommended`: rules with `docs.recommended`, default options;
 * - `strict`: the same rules with `docs.strictOptions` where a rule declares them;
 * - `all`: every rule, with strict options.
 */
export function buildConfigs(plugin: ESLint.Plugin, rules: Readonly<Record<string, RuleWithDocs>>) {
  const entries = (pick: (docs: SharedClientDocs) => boolean, strict: boolean): Record<string, RuleEntry> =>
    Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => rule.meta.docs && pick(rule.meta.docs))
        .map(([name, rule]): [string, RuleEntry] => {
          const options = strict ? rule.meta.docs?.strictOptions : undefined;
          return [`${PLUGIN_NAMESPACE}/${name}`, options ? ['error', ...options] : 'error'];
        }),
    );
  const config = (name: string, ruleEntries: Record<string, RuleEntry>): Linter.Config => ({
    name: `${PLUGIN_NAMESPACE}/${name}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    rules: ruleEntries,
  });
  return {
    recommended: config('recommended', entries((docs) => docs.recommended, false)),
    strict: config('strict', entries((docs) => docs.recommended, true)),
    all: config('all', entries(() => true, true)),
  };
}
