import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { buildConfigs, PLUGIN_NAMESPACE } from './configs/index.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type ConfigName = 'recommended' | 'strict' | 'all';

/** The plugin, typed with ESLint's own types so it drops into any `eslint.config.*`. */
export interface SharedClientPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: SharedClientPlugin = {
  meta: { name, version, namespace: PLUGIN_NAMESPACE },
  // typescript-eslint's rule types are stricter views of ESLint's rule objects.
  rules: rules as unknown as SharedClientPlugin['rules'],
  configs: {} as SharedClientPlugin['configs'],
};
Object.assign(plugin.configs, buildConfigs(plugin, rules));

export default plugin;
export const configs = plugin.configs;
export { rules };
