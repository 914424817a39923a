// @ts-check

const BOM = '\uFEFF';

/**
 * @typedef {{ range: [number, number], text: string }} Fix
 * @typedef {{ fix?: Fix | null | undefined }} Fixable
 */

/**
 * One autofix pass, exactly as ESLint applies it (`SourceCodeFixer`, not public API): fixes
 * sorted by range, a fix that overlaps an applied one is skipped and left for the next pass.
 * Ranges are relative to the text without its byte order mark.
 * @template {Fixable} M
 * @param {string} sourceText
 * @param {readonly M[]} messages
 * @returns {{ output: string, applied: M[], skipped: M[] }}
 */
export function applyFixPass(sourceText, messages) {
  const bom = sourceText.startsWith(BOM) ? BOM : '';
  const text = bom ? sourceText.slice(1) : sourceText;
  /** @type {{ message: M, fix: Fix }[]} */
  const fixable = [];
  for (const message of messages) if (message.fix) fixable.push({ message, fix: message.fix });
  fixable.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  /** @type {M[]} */
  const applied = [];
  /** @type {M[]} */
  const skipped = [];
  let output = bom;
  let lastPos = Number.NEGATIVE_INFINITY;
  for (const { message, fix } of fixable) {
    const [start, end] = fix.range;
    if (lastPos >= start || start > end) {
      skipped.push(message);
      continue;
    }
    if ((start < 0 && end >= 0) || (start === 0 && fix.text.startsWith(BOM))) output = '';
    output += text.slice(Math.max(0, lastPos), Math.max(0, start)) + fix.text;
    lastPos = end;
    applied.push(message);
  }
  output += text.slice(Math.max(0, lastPos));
  return { output, applied, skipped };
}

/**
 * The text after one suggestion.
 * @param {string} sourceText
 * @param {Fix} fix
 */
export function applySuggestion(sourceText, fix) {
  return applyFixPass(sourceText, [{ fix }]).output;
}
