import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs, PLUGIN_NAMESPACE } from './configs/index.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config>,
};
Object.assign(plugin.configs, buildConfigs(plugin, rules));

export default plugin;
export { rules };
export const configs = plugin.configs;
