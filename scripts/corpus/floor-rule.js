// @ts-check

/**
 * The benchmark's floor: a rule that does nothing, on the same selectors the plugin's rules
 * listen to. ESLint's cost of calling a rule at all (selector matching, listener calls, timing)
 * is in its time; the plugin's time above it is the analysis. The selectors are read from the
 * plugin's rules' own `create()` results on the first file, so the floor follows the rules.
 * @param {Record<string, import('eslint').Rule.RuleModule>} pluginRules
 * @returns {import('eslint').Rule.RuleModule}
 */
export function floorRule(pluginRules) {
  /** @type {string[] | null} */
  let selectors = null;
  const noop = () => {};
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      selectors ??= [...new Set(Object.values(pluginRules).flatMap((rule) => Object.keys(rule.create(context))))].sort();
      return Object.fromEntries(selectors.map((selector) => [selector, noop]));
    },
  };
}
