// @ts-check
import './rethrow.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { PROBE_RULE_ID, probePlugin } from './analysis-probe.js';
import { applyFixPass, applySuggestion } from './apply-fixes.js';
import { compilerErrors, newErrors, withoutResolvableImports } from './compiler-check.js';
import { REPO_ROOT } from './files.js';
import { loadOrderRule } from './load-order-rule.js';
import { stressSettings } from './stress.js';

/**
 * @typedef {import('eslint').Linter.LintMessage} LintMessage
 * @typedef {import('eslint').Linter.Config} Config
 *
 * @typedef {object} PassRecord What the plugin did to a file under one configuration.
 * @property {unknown[][]} messages the plugin's reports: rule, messageId, position, message, fix digest, suggestion digests
 * @property {{ passes: number, cascades: number, newReports: string[], output: string, problems: string[] }} [fix] the autofix
 *   passes, fixes unlocked by other fixes, reports without a fix that the fixes led to, and what was wrong
 * @property {{ at: string, output: string, problems: string[] }[]} [suggestions] each suggestion applied alone
 * @property {string} [probe] the analysis probe's summary of the file
 *
 * @typedef {object} FileRecord What one file gave; everything but `ms` and `crash.stack` goes into the digest.
 * @property {string} file path relative to the repository
 * @property {string | null} mode the parser and source type that accepted the file; `null`: no parser did
 * @property {string} [parseError] why the parsers refused the file
 * @property {{ pass: string, ruleId: string | null, message: string, stack: string }} [crash] a rule threw
 * @property {PassRecord} [default] the plugin's strictest config, default settings: what users run
 * @property {PassRecord} [stress] the same config with the stress settings (`stress.js`) and the analysis probe
 * @property {number} ms time spent on the file, checks included
 */

export const PLUGIN_PATH = path.join(REPO_ROOT, 'dist/index.js');
/** The file system root: config patterns match files anywhere (`--root ../other-project` included). */
export const LINTER_CWD = path.parse(REPO_ROOT).root;
const NAMESPACE = 'shared-client';
const MAX_FIX_PASSES = 10;
/**
 * The stress pass reports hundreds of times in a bundle of several megabytes, and checking each
 * fix pass of such a file (re-lint, type-check) takes minutes: it lints files up to this size.
 */
export const STRESS_MAX_CHARS = 250_000;

/** Parser and source type per mode; a file gets the first of its extension's modes that parses it. */
export const MODES = /** @type {const} */ ({
  'ts:module': { parser: tsParser, sourceType: 'module' },
  'tsx:module': { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
  'js:module': { sourceType: 'module' },
  'js:commonjs': { sourceType: 'commonjs' },
  'js:script': { sourceType: 'script' },
  'jsx:module': { sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
  'jsx:commonjs': { sourceType: 'commonjs', parserOptions: { ecmaFeatures: { jsx: true } } },
});
/** @typedef {keyof typeof MODES} Mode */

/** @type {Record<string, Mode[]>} */
const ATTEMPTS = {
  '.ts': ['ts:module'],
  '.mts': ['ts:module'],
  '.cts': ['ts:module'],
  '.tsx': ['tsx:module'],
  '.mjs': ['js:module'],
  '.cjs': ['js:commonjs'],
  '.js': ['js:module', 'js:commonjs', 'js:script', 'jsx:module'],
  '.jsx': ['jsx:module', 'jsx:commonjs'],
};

/** @param {string} file */
export function modesFor(file) {
  return ATTEMPTS[path.extname(file)] ?? ATTEMPTS['.js'] ?? [];
}

/**
 * Config objects every mode shares: lint `node_modules` too, lint TypeScript/JSX extensions,
 * and no complaints about directives for rules that are not loaded.
 * @type {Config[]}
 */
const BASE = [
  { ignores: ['!**/node_modules/'] },
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx', '**/*.jsx'] },
  { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
];

/**
 * The config array for one parse mode.
 * @param {Mode} mode
 * @param {Config[]} configs
 * @returns {Config[]}
 */
export function configFor(mode, configs) {
  return [...BASE, ...configs, { languageOptions: MODES[mode] }];
}

/**
 * Rules whose new reports after a fix mean it broke bindings at run time: a use moved before its
 * declaration (TDZ, also through hoisted function declarations: `load-order-rule.js`), a name
 * declared twice or left undefined, a `const` reassigned. Compared before/after, like the
 * compiler errors.
 * @type {Config}
 */
const BINDING_RULES = {
  // The plugin is for Node.js servers: its fixes may use Node's globals (a shutdown hook's `process.on`).
  languageOptions: {
    globals: Object.fromEntries(
      [
        'process', 'Buffer', 'console', 'global', 'globalThis', 'require', 'module', 'exports', '__dirname', '__filename',
        'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask',
        'structuredClone', 'fetch', 'Request', 'Response', 'Headers', 'URL', 'URLSearchParams', 'AbortController',
        'AbortSignal', 'TextEncoder', 'TextDecoder', 'performance',
      ].map((name) => [name, 'readonly']),
    ),
  },
  plugins: { corpus: { rules: { 'load-order': loadOrderRule } } },
  rules: {
    'corpus/load-order': 'error',
    'no-use-before-define': ['error', { functions: false, classes: false, variables: false, allowNamedExports: false }],
    'no-redeclare': 'error',
    'no-undef': 'error',
    'no-const-assign': 'error',
    'no-class-assign': 'error',
    'no-func-assign': 'error',
    'no-import-assign': 'error',
    'no-dupe-class-members': 'error',
  },
};

/**
 * Test runners' globals in test files: a test-hook suggestion writes `afterAll(...)` where the
 * file has no import of its runner (Jest, Mocha and Vitest with `globals`).
 * @type {Config}
 */
const TEST_GLOBALS = {
  files: ['**/*.{test,spec}.*', '**/{__tests__,test,tests,e2e,playwright,test-utils,testing,fixtures}/**'],
  languageOptions: {
    // Mocha's own hook names too: the plugin writes `after(...)` in a package that tests with Mocha.
    globals: Object.fromEntries(
      ['afterAll', 'afterEach', 'beforeAll', 'beforeEach', 'after', 'before', 'describe', 'context', 'it', 'test', 'expect'].map((name) => [name, 'readonly']),
    ),
  },
};

/** The built plugin (`npm run build` first). */
export async function loadPlugin() {
  return (await import(pathToFileURL(PLUGIN_PATH).href)).default;
}

/**
 * The plugin's strictest config: every rule it exports, with strict options. Rules missing from
 * `configs.all` (there should be none) are added with default options, so no rule goes unlinted.
 * @param {any} plugin
 * @returns {Config}
 */
export function strictestConfig(plugin) {
  const all = plugin.configs?.all ?? { plugins: { [NAMESPACE]: plugin }, rules: {} };
  const rules = { ...all.rules };
  for (const name of Object.keys(plugin.rules)) rules[`${NAMESPACE}/${name}`] ??= 'error';
  return { ...all, plugins: { ...all.plugins, [NAMESPACE]: plugin }, rules };
}

/**
 * A linter for corpus files: picks the parser, lints with the plugin under each pass's
 * configuration, catches crashes, and checks every autofix and suggestion.
 * @param {{ plugin: any, stress?: boolean, reverseProbe?: boolean }} options `reverseProbe`: the
 *   analysis probe asks about functions and calls in reverse order (its summary must not change)
 */
export function createCorpusLinter({ plugin, stress = true, reverseProbe = false }) {
  const linter = new Linter({ cwd: LINTER_CWD });
  const pluginConfig = strictestConfig(plugin);
  /** @typedef {{ name: 'default' | 'stress', configs: Config[], probe: boolean }} Pass `stress` adds the stress settings of the file's language */
  /** @type {[Pass, ...Pass[]]} */
  const passes = [
    { name: 'default', configs: [pluginConfig], probe: false },
    ...(stress ? [/** @type {Pass} */ ({ name: 'stress', configs: [pluginConfig], probe: true })] : []),
  ];
  /** @type {Config} */
  const probeConfig = { plugins: { corpus: probePlugin }, rules: { [PROBE_RULE_ID]: ['error', { reverse: reverseProbe }] } };

  /** @param {string} text @param {Config[]} config @param {string} filename */
  const verify = (text, config, filename) => linter.verify(text, config, { filename, allowInlineConfig: false });

  /**
   * Lints one file under every pass.
   * @param {string} file path relative to the repository
   * @returns {FileRecord}
   */
  function lintFile(file) {
    const started = performance.now();
    const filename = path.join(REPO_ROOT, file);
    const text = readFileSync(filename, 'utf8');
    /** @type {FileRecord} */
    const record = { file, mode: null, ms: 0 };
    const passConfigs = (/** @type {Pass} */ pass, /** @type {Mode} */ mode) =>
      pass.name === 'stress' ? [...pass.configs, { settings: mode.startsWith('ts') ? stressSettings.typescript : stressSettings.javascript }] : pass.configs;
    const lintConfig = (/** @type {Pass} */ pass, /** @type {Mode} */ mode) => configFor(mode, [...passConfigs(pass, mode), ...(pass.probe ? [probeConfig] : [])]);

    // The first pass also picks the parse mode: the first of the extension's modes that parses.
    const [firstPass, ...otherPasses] = passes;
    /** @type {LintMessage[] | null} */
    let firstMessages = null;
    for (const mode of modesFor(file)) {
      let messages;
      try {
        messages = verify(text, lintConfig(firstPass, mode), filename);
      } catch (error) {
        record.mode = mode;
        record.crash = { pass: firstPass.name, ...crashOf(error) };
        return finish();
      }
      const fatal = messages.find((message) => message.fatal);
      if (fatal) {
        record.parseError = `${fatal.message} (${fatal.line}:${fatal.column})`;
        continue;
      }
      record.mode = mode;
      delete record.parseError;
      firstMessages = messages;
      break;
    }
    if (!firstMessages || !record.mode) return finish();
    const mode = /** @type {Mode} */ (record.mode);
    const parseOnly = configFor(mode, []);
    const bindingConfig = configFor(mode, [BINDING_RULES, TEST_GLOBALS]);

    /**
     * typescript-estree does not check bindings (it parses `const a = 1; const a = 2;`), so fixes
     * in TypeScript also go through the compiler. espree does (acorn raises redeclarations, `await`
     * outside async functions, duplicate exports), so for JavaScript the parser and the binding
     * rules are the check; TypeScript's plain-JS check would add nothing and cost seconds per file.
     */
    const isTypeScript = mode.startsWith('ts');
    /** @type {{ compiler?: string[], binding?: string[] }} */
    const original = {};
    /** Errors the fixed text has and the original had not: compiler errors, binding rule reports. */
    const regressions = (/** @type {string} */ output) => {
      const bindingErrors = (/** @type {string} */ source) => {
        const errors = verify(source, bindingConfig, filename).map((message) => `${message.ruleId}: ${message.message}`);
        // A fix may add a use of a global the file already uses (one more `process`): each undefined name counts once.
        return errors.filter((error, index) => !error.startsWith('no-undef:') || errors.indexOf(error) === index);
      };
      original.binding ??= bindingErrors(text);
      const problems = newErrors(original.binding, bindingErrors(output)).map((error) => `new ${error}`);
      if (isTypeScript) {
        original.compiler ??= compilerErrors(file, text);
        const added = withoutResolvableImports(filename, newErrors(original.compiler, compilerErrors(file, output)));
        problems.unshift(...added.map((error) => `new compiler error ${error}`));
      }
      return problems;
    };

    for (const pass of [firstPass, ...otherPasses]) {
      if (pass.name === 'stress' && text.length > STRESS_MAX_CHARS) continue;
      let messages = firstMessages;
      if (pass !== firstPass) {
        try {
          messages = verify(text, lintConfig(pass, mode), filename);
        } catch (error) {
          record.crash = { pass: pass.name, ...crashOf(error) };
          return finish();
        }
      }
      const own = messages.filter((message) => message.ruleId?.startsWith(`${NAMESPACE}/`) || message.ruleId === null);
      /** @type {PassRecord} */
      const result = { messages: own.map(compactMessage) };
      const probeMessage = messages.find((message) => message.ruleId === PROBE_RULE_ID);
      if (probeMessage) result.probe = probeMessage.message;
      const pluginOnly = configFor(mode, passConfigs(pass, mode));
      if (own.some((message) => message.fix)) {
        result.fix = checkAutofix(text, own, (output) => verify(output, pluginOnly, filename), regressions);
      }
      for (const message of own) {
        for (const suggestion of message.suggestions ?? []) {
          const output = applySuggestion(text, suggestion.fix);
          const fatal = verify(output, parseOnly, filename).find((candidate) => candidate.fatal);
          const problems = fatal ? [`does not parse: ${fatal.message} (${fatal.line}:${fatal.column})`] : regressions(output);
          (result.suggestions ??= []).push({ at: `${where(message)} ${suggestion.messageId ?? suggestion.desc}`, output: digest(output), problems });
        }
      }
      record[pass.name] = result;
    }
    return finish();

    function finish() {
      record.ms = performance.now() - started;
      return record;
    }
  }

  return { lintFile };
}

/**
 * Applies the plugin's autofixes pass by pass, as `eslint --fix` does, and checks each pass: the
 * output parses, the re-lint does not crash, and every report after it was there before it.
 * A fixable report after a pass must be one the pass skipped (it overlapped an applied fix) or
 * one that was reported without a fix before: a fix that unlocked another (a "cascade", hoisting
 * `basedir` lets `path.join(basedir, 'x')` be hoisted next), which `eslint --fix` applies in its
 * next pass. A fixed report coming back, or a new report with a fix, is a problem, and so is
 * needing more passes than `eslint --fix` makes; a new report without a fix is recorded (a fix
 * may rightly lead to another rule's report: a hoisted client is a module-level one). The final text must not add compiler errors or
 * binding errors.
 * @param {string} text
 * @param {LintMessage[]} messages
 * @param {(text: string) => LintMessage[]} relint
 * @param {(output: string) => string[]} regressions
 * @returns {{ passes: number, cascades: number, newReports: string[], output: string, problems: string[] }}
 */
function checkAutofix(text, messages, relint, regressions) {
  /** @type {string[]} */
  const problems = [];
  const seen = new Set([text]);
  let current = text;
  let currentMessages = messages;
  let passes = 0;
  let cascades = 0;
  /** @type {string[]} */
  const newReports = [];
  while (currentMessages.some((message) => message.fix)) {
    if (passes === MAX_FIX_PASSES) {
      problems.push(`still fixable after ${MAX_FIX_PASSES} passes (eslint --fix stops there)`);
      break;
    }
    const { output, applied, skipped } = applyFixPass(current, currentMessages);
    passes++;
    let next;
    try {
      next = relint(output).filter((message) => message.fatal || message.ruleId?.startsWith(`${NAMESPACE}/`));
    } catch (error) {
      problems.push(`re-lint after pass ${passes} crashed: ${crashOf(error).message}`);
      break;
    }
    const fatal = next.find((message) => message.fatal);
    if (fatal) {
      problems.push(`pass ${passes} output does not parse: ${fatal.message} (${fatal.line}:${fatal.column})`);
      break;
    }
    // Reports are matched across passes by rule and reported text (fixes move code, not what it
    // says): first to reports left unfixed (a fix rewrites the text it fixes, so the same text
    // after the pass is the unfixed report, now perhaps fixable: a cascade, or a fix that waited for
    // others), then by message and text, by text, and by the text's start (a fix inside a reported
    // range changes its end); a fixed report only by its own message.
    const before = [
      ...skipped.map((message) => ({ message, state: 'deferred' })),
      ...currentMessages.filter((message) => !message.fix).map((message) => ({ message, state: 'unfixed' })),
      ...applied.map((message) => ({ message, state: 'fixed' })),
    ].map((entry) => ({ ...entry, text: reportedText(current, entry.message) }));
    const after = next.map((message) => ({ message, text: reportedText(output, message) }));
    /** @type {((a: typeof before[number], b: typeof after[number]) => boolean)[]} */
    const criteria = [
      (a, b) => a.state !== 'fixed' && a.text === b.text,
      (a, b) => a.message.messageId === b.message.messageId && a.text === b.text,
      // A fixed report comes back only as the same problem: after a hoist, `new Set()` at module
      // level (not closed on shutdown) is not the `new Set()` a try/finally closed elsewhere.
      (a, b) => (a.state !== 'fixed' || a.message.messageId === b.message.messageId) && a.text === b.text,
      (a, b) => (a.state !== 'fixed' || a.message.messageId === b.message.messageId) && reportStart(a.text) === reportStart(b.text),
    ];
    /** @type {Map<typeof after[number], typeof before[number]>} */
    const matches = new Map();
    for (const same of criteria) {
      for (const entry of after) {
        if (matches.has(entry)) continue;
        const match = before.find((candidate) => candidate.message.ruleId === entry.message.ruleId && same(candidate, entry));
        if (!match) continue;
        before.splice(before.indexOf(match), 1);
        matches.set(entry, match);
      }
    }
    for (const entry of after) {
      const { message } = entry;
      const match = matches.get(entry);
      if (match?.state === 'deferred') continue;
      if (match?.state === 'unfixed') {
        if (message.fix) cascades++;
        continue;
      }
      if (!match && !message.fix) {
        // A new problem without a fix (hoisting a client makes it a module-level one that the
        // strict config wants closed on shutdown): eslint --fix is done, the report is for a person.
        newReports.push(`after pass ${passes}: ${where(message)} (${message.messageId ?? message.message})`);
        continue;
      }
      const again = match ? 'comes back after its fix' : 'is new';
      problems.push(`after pass ${passes}, the report ${where(message)} (${message.messageId ?? message.message}) ${again}${message.fix ? ', with a fix' : ''}`);
    }
    if (seen.has(output)) {
      problems.push(`pass ${passes} repeats an earlier text (circular fixes)`);
      break;
    }
    seen.add(output);
    current = output;
    currentMessages = next;
  }
  if (problems.length === 0) problems.push(...regressions(current));
  return { passes, cascades, newReports, output: digest(current), problems };
}

/**
 * The text a message of a lint of `text` reports.
 * @param {string} text
 * @param {LintMessage} message
 */
function reportedText(text, message) {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const offset = (/** @type {number} */ line, /** @type {number} */ column) => {
    let start = 0;
    for (let current = 1; current < line && start !== -1; current++) start = body.indexOf('\n', start) + 1;
    return start + column - 1;
  };
  return body.slice(offset(message.line, message.column), offset(message.endLine ?? message.line, message.endColumn ?? message.column));
}

/** The start of a reported text: up to its first `(` or line end (`new Promise(`, `Buffer.alloc(`). */
function reportStart(/** @type {string} */ text) {
  return /^[^(\n]*\(?/.exec(text)?.[0] ?? text;
}

/** @param {unknown} error */
export function crashOf(error) {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const ruleId = /** @type {{ ruleId?: string }} */ (thrown).ruleId ?? null;
  const message = thrown.message.split('\nOccurred while linting')[0] ?? thrown.message;
  return { ruleId, message: message.split('\n')[0] ?? '', stack: thrown.stack ?? thrown.message };
}

/** @param {LintMessage} message */
function compactMessage(message) {
  return [
    message.ruleId,
    message.messageId ?? null,
    message.line,
    message.column,
    message.endLine ?? null,
    message.endColumn ?? null,
    message.message,
    message.fix ? digest(`${message.fix.range}:${message.fix.text}`) : null,
    (message.suggestions ?? []).map((suggestion) => digest(`${suggestion.messageId}:${suggestion.fix.range}:${suggestion.fix.text}`)),
  ];
}

/** @param {LintMessage} message */
function where(message) {
  return `${message.ruleId}@${message.line}:${message.column}`;
}

/** @param {string} text */
export function digest(text) {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}
