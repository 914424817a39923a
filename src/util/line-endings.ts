import type { TSESLint } from '@typescript-eslint/utils';

type Context<MessageIds extends string, Options extends readonly unknown[]> = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type FixFunction = TSESLint.ReportFixFunction;

/**
 * The rule context a rule sees: reports go out with fix and suggestion texts in the file's own
 * line endings. Fix builders write `\n`; in a CRLF file that would leave mixed line endings.
 * Derived the way ESLint derives each rule's context from the file's (`Object.create`).
 */
export function withFileLineEndings<MessageIds extends string, Options extends readonly unknown[]>(
  context: Context<MessageIds, Options>,
): Context<MessageIds, Options> {
  // Most files are LF: they keep ESLint's own context (a derived one costs an allocation per rule per file).
  if (!usesCrlf(context.sourceCode.text)) return context;
  return Object.freeze(
    Object.create(context, {
      report: {
        value(descriptor: TSESLint.ReportDescriptor<MessageIds>) {
          context.report(withCrlf(descriptor));
        },
      },
    }) as Context<MessageIds, Options>,
  );
}

/** Whether the file's first line break is CRLF. */
function usesCrlf(text: string): boolean {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r';
}

function withCrlf<MessageIds extends string>(descriptor: TSESLint.ReportDescriptor<MessageIds>): TSESLint.ReportDescriptor<MessageIds> {
  const { fix, suggest } = descriptor;
  return {
    ...descriptor,
    ...(fix ? { fix: crlfFix(fix) } : {}),
    ...(suggest ? { suggest: suggest.map((suggestion) => ({ ...suggestion, fix: crlfFix(suggestion.fix) })) } : {}),
  };
}

function crlfFix(fix: FixFunction): FixFunction {
  return (fixer) => {
    const result = fix(fixer);
    if (!result) return result;
    const edits = 'range' in result ? [result as TSESLint.RuleFix] : [...(result as Iterable<TSESLint.RuleFix>)];
    return edits.map((edit) => ({ range: edit.range, text: edit.text.replace(/\r?\n/g, '\r\n') }));
  };
}
