// @ts-check
import ts from 'typescript';

/**
 * TypeScript's own verdict on a TypeScript file, used to prove a fix left working code: a fix
 * must not add any compiler error the original text did not have. That covers the syntax, the
 * binder (redeclared bindings, duplicate exports) and the checker (use before declaration,
 * `await` outside async functions, type errors). The program holds the file alone (`noResolve`:
 * imports stay unresolved on both sides, so they cancel out) plus the standard library, whose
 * parsed files are shared between checks.
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

const baseHost = ts.createCompilerHost(OPTIONS, true);
/** @type {Map<string, ts.SourceFile | undefined>} */
const libraryFiles = new Map();

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
      if (!libraryFiles.has(name)) libraryFiles.set(name, baseHost.getSourceFile(name, languageVersion));
      return libraryFiles.get(name);
    },
    fileExists: (name) => name === virtualName || baseHost.fileExists(name),
    readFile: (name) => (name === virtualName ? text : baseHost.readFile(name)),
    writeFile: () => {},
  };
  const program = ts.createProgram([virtualName], OPTIONS, host);
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
