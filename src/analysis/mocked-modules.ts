import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, calleeObject } from './ast.js';
import { perProgram } from './program-cache.js';

/**
 * The test runners' module mocks: `vi.mock('ioredis')`, `jest.mock('pg', factory)`,
 * `vi.doMock(...)`, `jest.unstable_mockModule(...)`, `mock.module(...)` (node:test, Bun). A client
 * constructed from a mocked module is the mock's object: whether it connects, and what closing it
 * means, is the mock's to say, so the rules leave it alone. A mock built on the real module
 * (`importOriginal()`, `vi.importActual()`, `jest.requireActual()`) still makes real clients, so
 * it does not count.
 */
const MOCKING_OBJECTS = new Set(['vi', 'jest', 'mock']);
const MOCKING_METHODS = new Set(['mock', 'doMock', 'unstable_mockModule', 'module']);

/** The specifiers a file's top-level statements mock, normalised by `mockKey`. */
export const mockedModulesInFile = perProgram((sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> => {
  const mocked = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const specifier = mockedSpecifier(statement.expression, (node) => sourceCode.getText(node));
    if (specifier !== null) mocked.add(mockKey(specifier));
  }
  return mocked;
});

const BUILT_ON_THE_REAL_MODULE = /\b(?:importOriginal|importActual|requireActual)\b/;

function mockedSpecifier(expression: TSESTree.Expression, sourceCodeText: (node: TSESTree.Node) => string): string | null {
  const call = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const object = calleeObject(call);
  const method = calleeName(call);
  if (object?.type !== AST_NODE_TYPES.Identifier || !MOCKING_OBJECTS.has(object.name) || method === null || !MOCKING_METHODS.has(method)) return null;
  const [first, factory] = call.arguments;
  if (factory && BUILT_ON_THE_REAL_MODULE.test(sourceCodeText(factory))) return null;
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') return first.value;
  if (first?.type === AST_NODE_TYPES.TemplateLiteral && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? null;
  return null;
}

/** One mock call of a setup file: the module it mocks and the text of its factory. */
export interface SetupMock {
  module: string;
  factory: string;
  /** `importOriginal()`, `vi.importActual()`, `jest.requireActual()`: the mock still makes real clients. */
  builtOnTheRealModule: boolean;
}

/**
 * The same mocks found in a file's text, for setup files the runner loads before each test file
 * (read from disk, not linted): a call written in a comment counts too, which only ever quiets.
 */
const MOCK_CALL_TEXT = /\b(?:vi|jest|mock)\s*\.\s*(?:mock|doMock|unstable_mockModule|module)\s*\(\s*(['"`])([^'"`\n]+)\1/g;

export function mocksInText(text: string): SetupMock[] {
  const calls = [...text.matchAll(MOCK_CALL_TEXT)];
  // A call's factory is taken to run up to the next mock call: what the text shows of it.
  return calls.map((match, index) => {
    const factory = text.slice(match.index + match[0].length, calls[index + 1]?.index ?? text.length);
    return { module: mockKey(match[2]!), factory, builtOnTheRealModule: BUILT_ON_THE_REAL_MODULE.test(factory) };
  });
}

/** `node:fs` and `fs` are one module. */
export const mockKey = (specifier: string): string => (specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier);
