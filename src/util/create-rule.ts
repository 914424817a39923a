import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { withFileLineEndings } from './line-endings.js';

/** Documentation metadata every rule declares; configs are derived from it. */
export interface SharedClientDocs {
  description: string;
  /** In `recommended` (and therefore in `strict` and `all`). */
  recommended: boolean;
  /** Options the `strict` config sets for this rule, when stricter than the defaults. */
  strictOptions?: readonly unknown[];
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-shared-client/eslint-plugin-shared-client';

const createRuleWithDocs = ESLintUtils.RuleCreator<SharedClientDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Omit<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, SharedClientDocs>,
  'create'
> & {
  /**
   * As in typescript-eslint, except that the options come as a function that returns them,
   * defaults merged in: a rule reads them only for the few files it analyzes.
   */
  create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: () => Readonly<Options>): TSESLint.RuleListener;
};

/**
 * typescript-eslint's `RuleCreator`, except for how a rule gets its options. Its `create`
 * deep-clones the defaults (`structuredClone`) and merges them in for every file; here a rule
 * asks for them when it has something to analyze, which most files never get to: reading
 * `context.options` at all costs more than the rest of a rule's work on a file with nothing to
 * report. ESLint 9.15+ merges `meta.defaultOptions` itself, so `context.options` is used as it
 * is when it covers every default; otherwise the options are merged once per distinct
 * configuration and frozen (files share them).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleDefinition<Options, MessageIds>>,
): TSESLint.RuleModule<MessageIds, Options, SharedClientDocs> & { name: string } {
  const created = createRuleWithDocs<Options, MessageIds>({ ...rule, create: () => ({}) });
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  const coversDefaults = defaultsChecker(defaults);
  const optionsOf = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): Options => {
    // ESLint 9.15+ has already merged `meta.defaultOptions` into `context.options`.
    const given = context.options as Options;
    if (coversDefaults(given)) return given;
    const key = JSON.stringify(given);
    let options: Options | undefined = merged.get(key);
    if (options === undefined) {
      options = deepFreeze(ESLintUtils.applyDefault(defaults, given) as Options);
      merged.set(key, options);
    }
    return options;
  };
  return {
    ...created,
    create(context) {
      return rule.create(withFileLineEndings(context), () => optionsOf(context));
    },
  };
}

/**
 * A check that `options` has a value for every default (each default option, each key of a default
 * object, and so on inside nested default objects), with the keys listed up front.
 */
function defaultsChecker(defaults: unknown): (options: unknown) => boolean {
  if (Array.isArray(defaults)) {
    const items = defaults.map(defaultsChecker);
    return (options) => {
      if (!Array.isArray(options)) return false;
      for (let index = 0; index < items.length; index++) if (!items[index]!(options[index])) return false;
      return true;
    };
  }
  if (isPlainObject(defaults)) {
    const keys = Object.keys(defaults);
    const values = keys.map((key) => defaultsChecker(defaults[key]));
    return (options) => {
      if (!isPlainObject(options)) return false;
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index]!;
        if (!Object.hasOwn(options, key) || !values[index]!(options[key])) return false;
      }
      return true;
    };
  }
  return (options) => options !== undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
