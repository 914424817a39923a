// @ts-check

/**
 * The benchmark's floor: a rule that does nothing, on the same selectors the plugin's rules
 * listen to. ESLint's cost of calling a rule at all (selector matching, listener calls, timing)
 * is in its time; the plugin's time above it is the analysis. The selectors are read from the
 * plugin's rules' own `create()` results on the first file, so the floor follows the rules. They
 * are created for a stand-in tree: the plugin's first rule created for a file listens for the
 * others, which must not take the floor's throwaway listeners for the real ones.
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
      if (!selectors) {
        const standIn = Object.create(context, { sourceCode: { value: Object.create(context.sourceCode, { ast: { value: { type: 'Program', body: [] } } }) } });
        selectors = [...new Set(Object.values(pluginRules).flatMap((rule) => Object.keys(rule.create(standIn))))].sort();
      }
      return Object.fromEntries(selectors.map((selector) => [selector, noop]));
    },
  };
}
