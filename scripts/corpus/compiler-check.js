// @ts-check
import path from 'node:path';
import ts from 'typescript';

/**
 * TypeScript's own verdict on a TypeScript file, used to prove a fix left working code: a fix
 * must not add any compiler error the original text did not have. That covers the syntax, the
 * binder (redeclared bindings, duplicate exports) and the checker (use before declaration,
 * `await` outside async functions, type errors). The program holds the file alone (`noResolve`:
 * imports stay unresolved on both sides, so they cancel out) plus the standard library, whose
 * parsed files are shared between checks, and the globals of Node.js and test runners.
 */
const OPTIONS = {
  noResolve: true,
  noEmit: true,
  strict: false,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2023.d.ts'],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Preserve,
  moduleDetection: ts.ModuleDetectionKind.Auto,
  jsx: ts.JsxEmit.Preserve,
  experimentalDecorators: false,
};

/**
 * What a Node.js server or its test runner provides and a fix may use (a shutdown hook's
 * `process.on`, an added `node:fs/promises` import, a test's `afterAll`): without `@types/node`
 * or the runner's globals in the program, those would count as new errors of the fix.
 */
const ENVIRONMENT_NAME = '/corpus-check/__environment__.d.ts';
const ENVIRONMENT = `
declare var process: any; declare var Buffer: any; declare var require: any; declare var module: any;
declare var exports: any; declare var __dirname: string; declare var __filename: string; declare var global: any;
declare function setImmediate(callback: (...args: any[]) => void, ...args: any[]): any;
declare var URL: any; declare var URLSearchParams: any; declare var AbortController: any; declare var AbortSignal: any;
declare var TextEncoder: any; declare var TextDecoder: any; declare var Request: any; declare var Response: any; declare var Headers: any;
declare function fetch(...args: any[]): any; declare function structuredClone(value: any): any;
declare function afterAll(fn: (...args: any[]) => any, timeout?: number): void;
declare function afterEach(fn: (...args: any[]) => any, timeout?: number): void;
declare function beforeAll(fn: (...args: any[]) => any, timeout?: number): void;
declare function beforeEach(fn: (...args: any[]) => any, timeout?: number): void;
declare module 'node:*';
`;

const baseHost = ts.createCompilerHost(OPTIONS, true);
/** @type {Map<string, ts.SourceFile | undefined>} */
const libraryFiles = new Map();
/** @type {ts.SourceFile | undefined} */
let environmentFile;

/**
 * The compiler errors of `text` as file `fileName`, as `TSnnnn: message` strings (positions
 * left out, so that a fix moving code around does not make old errors look new).
 * @param {string} fileName
 * @param {string} text
 * @returns {string[]}
 */
export function compilerErrors(fileName, text) {
  const virtualName = `/corpus-check/${fileName.replace(/^\/+/, '')}`;
  /** @type {ts.CompilerHost} */
  const host = {
    ...baseHost,
    getSourceFile(name, languageVersion) {
      if (name === virtualName) return ts.createSourceFile(name, text, languageVersion, true);
      if (name === ENVIRONMENT_NAME) return (environmentFile ??= ts.createSourceFile(name, ENVIRONMENT, languageVersion, true));
      if (!libraryFiles.has(name)) libraryFiles.set(name, baseHost.getSourceFile(name, languageVersion));
      return libraryFiles.get(name);
    },
    fileExists: (name) => name === virtualName || name === ENVIRONMENT_NAME || baseHost.fileExists(name),
    readFile: (name) => (name === virtualName ? text : name === ENVIRONMENT_NAME ? ENVIRONMENT : baseHost.readFile(name)),
    writeFile: () => {},
  };
  const program = ts.createProgram([virtualName, ENVIRONMENT_NAME], OPTIONS, host);
  const sourceFile = program.getSourceFile(virtualName);
  if (!sourceFile) return [`cannot load ${fileName}`];
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

/**
 * Errors in `after` beyond those already in `before` (as multisets).
 * @param {readonly string[]} before
 * @param {readonly string[]} after
 * @returns {string[]}
 */
export function newErrors(before, after) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const error of before) counts.set(error, (counts.get(error) ?? 0) + 1);
  const added = [];
  for (const error of after) {
    const left = counts.get(error) ?? 0;
    if (left > 0) counts.set(error, left - 1);
    else added.push(error);
  }
  return added;
}

/** @type {Map<string, ts.CompilerOptions>} tsconfig path ('' for none) → its compiler options */
const projectOptions = new Map();

/**
 * `errors` without the "cannot find module" ones for specifiers that TypeScript resolves from the
 * file on disk with the tsconfig that covers it. The check compiles the file alone (`noResolve`),
 * so an import a fix adds (the reuse fix's `import { prisma } from '@/lib/prisma'`) is unresolved
 * there even when the project resolves it; TypeScript's own resolution, not the plugin's, says
 * whether it is real.
 * @param {string} fileName the file on disk (absolute, or relative to the cwd)
 * @param {readonly string[]} errors
 * @returns {string[]}
 */
export function withoutResolvableImports(fileName, errors) {
  const file = path.resolve(fileName);
  const configPath = ts.findConfigFile(path.dirname(file), ts.sys.fileExists) ?? '';
  let options = projectOptions.get(configPath);
  if (!options) {
    const parsed = configPath ? ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} }) : undefined;
    options = { ...(parsed?.options ?? {}), allowJs: true, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.Preserve, noEmit: true };
    projectOptions.set(configPath, options);
  }
  return errors.filter((error) => {
    const specifier = /^TS2307: Cannot find module '([^']+)'/.exec(error)?.[1];
    if (specifier === undefined) return true;
    const resolved = ts.resolveModuleName(specifier, file, /** @type {ts.CompilerOptions} */ (options), ts.sys).resolvedModule;
    return !resolved || resolved.isExternalLibraryImport === true;
  });
}
