import { ESLintUtils } from '@typescript-eslint/utils';

/** Documentation metadata every rule declares; configs are derived from it. */
export interface SharedClientDocs {
  description: string;
  /** In `recommended` (and therefore in `strict` and `all`). */
  recommended: boolean;
  /** Options the `strict` config sets for this rule, when stricter than the defaults. */
  strictOptions?: readonly unknown[];
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-shared-client/eslint-plugin-shared-client';

export const createRule = ESLintUtils.RuleCreator<SharedClientDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
