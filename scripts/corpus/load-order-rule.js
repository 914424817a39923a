// @ts-check

/**
 * A corpus-only rule for checking fixes: reports module-level `const`/`let`/`class` bindings that
 * code above their declaration may read while the module loads. Function declarations are hoisted,
 * so `run(); function run() { use(pool); } const pool = create();` throws when `run()` reads
 * `pool`. `no-use-before-define` sees only the direct case; this follows the reference into
 * function and class declarations and back to the statements above that mention them. It is
 * conservative (a mention in a callback counts as a call; only handing a function to the module's
 * importers, `exports.f = f` or `export { f }`, does not) and only compared before and after a
 * fix: a report the fix added means the fix moved a declaration below a statement that needs it.
 * @type {import('eslint').Rule.RuleModule}
 */
export const loadOrderRule = {
  meta: { type: 'problem', schema: [], messages: { early: "'{{name}}' may be read before its declaration while the module loads." } },
  create(context) {
    return {
      'Program:exit'(/** @type {import('estree').Program} */ program) {
        const sourceCode = context.sourceCode;
        const body = program.body;
        // The scope of the file's top level: a module, the CommonJS wrapper function, or the global scope of a script.
        const globalScope = sourceCode.scopeManager.globalScope;
        const moduleScope = globalScope?.childScopes.find((scope) => scope.block === program) ?? globalScope;
        if (!moduleScope) return;
        const indexOf = topLevelIndex(body);
        for (const variable of moduleScope.variables) {
          const definition = variable.defs[0];
          const lexical = definition?.type === 'ClassName' || (definition?.type === 'Variable' && definition.parent.kind !== 'var');
          if (!definition || !lexical) continue;
          const declaredAt = indexOf(definition.name);
          if (readWhileLoading(sourceCode, body, indexOf, variable, declaredAt)) {
            context.report({ node: definition.name, messageId: 'early', data: { name: variable.name } });
          }
        }
      },
    };
  },
};

/**
 * Whether a statement above the declaration may read `variable` while the module loads. Readers
 * inside function and class declarations are followed to the statements that mention those
 * declarations.
 * @param {import('eslint').SourceCode} sourceCode
 * @param {import('estree').Program['body']} body
 * @param {(node: import('estree').Node) => number} indexOf
 * @param {import('eslint').Scope.Variable} variable
 * @param {number} declaredAt
 */
function readWhileLoading(sourceCode, body, indexOf, variable, declaredAt) {
  /** @type {Set<number>} */
  const followed = new Set();
  const pending = [variable];
  for (let current = pending.pop(); current; current = pending.pop()) {
    for (const reference of current.references) {
      // typescript-eslint marks references in type positions (`typeof pool`), which read nothing.
      if (reference.init || /** @type {{ isValueReference?: boolean }} */ (reference).isValueReference === false) continue;
      if (handsOverOnly(/** @type {any} */ (reference.identifier))) continue;
      const at = indexOf(/** @type {import('estree').Node} */ (reference.identifier));
      if (at === declaredAt && current === variable) continue;
      const statement = body[at];
      const callable = statement && declaredCallable(statement);
      if (callable?.id) {
        if (followed.has(at)) continue;
        followed.add(at);
        for (const declared of sourceCode.scopeManager.getDeclaredVariables(/** @type {import('estree').Node} */ (callable))) {
          const named = declared.defs.some((definition) => definition.type === 'FunctionName' || definition.type === 'ClassName');
          if (named && declared.scope.type !== 'class') pending.push(declared);
        }
      } else if (at < declaredAt) {
        return true;
      }
    }
  }
  return false;
}

/** @param {import('estree').Program['body'][number]} statement */
function declaredCallable(statement) {
  const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  return declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration' ? declaration : null;
}

/**
 * The index of the top-level statement containing a node.
 * @param {import('estree').Program['body']} body
 */
function topLevelIndex(body) {
  const starts = body.map((statement) => /** @type {[number, number]} */ (statement.range)[0]);
  return (/** @type {import('estree').Node} */ node) => {
    const position = /** @type {[number, number]} */ (node.range)[0];
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
}

/**
 * `exports.f = f`, `module.exports = { f }`, `export { f }`: the module hands the function over
 * while it loads, without calling it.
 * @param {any} identifier
 */
function handsOverOnly(identifier) {
  const parent = identifier.parent;
  if (parent?.type === 'ExportSpecifier') return true;
  const value = parent?.type === 'Property' && parent.value === identifier ? parent.parent : identifier;
  const assignment = value.parent;
  return assignment?.type === 'AssignmentExpression' && assignment.right === value && assignment.parent.type === 'ExpressionStatement' && isExportsTarget(assignment.left);
}

/**
 * `exports`, `exports.x`, `module.exports`, `module.exports.x`: the shapes the plugin's hoist
 * treats as handing a function over (`handsOverOnly` in `src/fixes/source-edits.ts`).
 * @param {any} node
 * @returns {boolean}
 */
function isExportsTarget(node) {
  const isExportObject = (/** @type {any} */ candidate) =>
    (candidate.type === 'Identifier' && candidate.name === 'exports') ||
    (candidate.type === 'MemberExpression' && candidate.object.type === 'Identifier' && candidate.object.name === 'module' &&
      (candidate.computed ? candidate.property.value : candidate.property.name) === 'exports');
  return isExportObject(node) || (node.type === 'MemberExpression' && isExportObject(node.object));
}
