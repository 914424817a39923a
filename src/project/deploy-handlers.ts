import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { DEPLOY_CONFIG_PATTERNS } from './files.js';
import { resolveRelative } from './resolver.js';

/** An export that a deploy config names as a handler, and where it names it. */
export interface DeployHandler {
  file: string;
  exportName: string;
  /** The config file and the 1-based line of its `handler:` value. */
  config: string;
  line: number;
  label: string;
}

const IGNORED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.serverless/**', '**/.aws-sam/**', '**/cdk.out/**'];

/**
 * Handlers named by `serverless.yml` (`functions.*.handler`) and SAM/CloudFormation templates
 * (`Handler:`) under `root`: the `configs` given (paths relative to the root), else found there.
 */
export function deployHandlers(root: string, configs?: readonly string[]): DeployHandler[] {
  const found: DeployHandler[] = [];
  let paths: string[];
  try {
    paths = configs ? [...configs] : globSync(DEPLOY_CONFIG_PATTERNS, { cwd: root, ignore: IGNORED });
  } catch {
    return found;
  }
  for (const path of paths.sort()) {
    try {
      found.push(...handlersOf(join(root, path)));
    } catch {
      // A config that does not read or parse names nothing.
    }
  }
  return found;
}

function handlersOf(config: string): DeployHandler[] {
  const lineCounter = new LineCounter();
  // CloudFormation short tags (`!Ref`, `!Sub`...) are not YAML's: read them as plain values.
  const document = parseDocument(readFileSync(config, 'utf8'), { lineCounter, logLevel: 'silent', customTags: cloudFormationTags() });
  const contents = document.contents;
  if (!isMap(contents)) return [];
  const isServerless = /serverless\.ya?ml$/.test(config);
  const handlers: { value: YamlNode; codeUri: string | null }[] = [];
  if (isServerless) {
    const functions = contents.get('functions', true);
    if (isMap(functions)) for (const item of functions.items) if (isMap(item.value)) pushScalar(handlers, item.value.get('handler', true), null);
  } else {
    const globals = contents.getIn(['Globals', 'Function', 'CodeUri']);
    const resources = contents.get('Resources', true);
    if (isMap(resources)) {
      for (const item of resources.items) {
        if (!isMap(item.value)) continue;
        const properties = item.value.get('Properties', true);
        if (!isMap(properties)) continue;
        const runtime = properties.get('Runtime') ?? contents.getIn(['Globals', 'Function', 'Runtime']);
        if (typeof runtime === 'string' && !runtime.startsWith('nodejs')) continue;
        const codeUri = properties.get('CodeUri') ?? globals;
        pushScalar(handlers, properties.get('Handler', true), typeof codeUri === 'string' ? codeUri : null);
      }
    }
  }
  const label = isServerless ? 'Lambda handler (serverless.yml)' : `Lambda handler (${relative(dirname(config), config)})`;
  const result: DeployHandler[] = [];
  for (const { value, codeUri } of handlers) {
    if (!isScalar(value) || typeof value.value !== 'string') continue;
    const handler = value.value;
    const dot = handler.lastIndexOf('.');
    if (dot <= 0) continue;
    const base = codeUri ? join(dirname(config), codeUri) : dirname(config);
    const file = resolveRelative(join(base, 'x.js'), `./${handler.slice(0, dot)}`);
    if (!file) continue;
    const line = value.range ? lineCounter.linePos(value.range[0]).line : 1;
    result.push({ file, exportName: handler.slice(dot + 1), config, line, label });
  }
  return result;
}

function pushScalar(list: { value: YamlNode; codeUri: string | null }[], node: unknown, codeUri: string | null): void {
  if (isScalar(node)) list.push({ value: node, codeUri });
}

function cloudFormationTags() {
  const names = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue', 'If', 'Equals', 'Not', 'And', 'Or', 'Condition', 'Base64', 'Cidr', 'Transform'];
  return names.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => value },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
    { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
  ]);
}
