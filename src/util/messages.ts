import type { ExecutionContext } from '../analysis/contexts.js';

const UNITS: readonly [RegExp, string][] = [
  [/request/i, 'request'],
  [/connection/i, 'connection'],
  [/job|cron|scheduled|processor/i, 'job'],
  [/message|consumer|subscriber/i, 'message'],
  [/listener/i, 'event'],
  [/setInterval/, 'tick'],
  [/Lambda/, 'invocation'],
];

/** What one repetition of a per-request context is called: request, job, message, event, tick. */
export function repetitionUnit(label: string): string {
  return UNITS.find(([pattern]) => pattern.test(label))?.[1] ?? 'request';
}

/** Labels read with a leading vowel sound: `an onRequest hook`, `an http request listener`, `an SQS message handler`. */
const VOWEL_SOUND = /^([aeiouAEIOU]|https?\d*\b|[FHLMNRSX][A-Z0-9]+\b)/;

export function withArticle(label: string): string {
  return `${VOWEL_SOUND.test(label) ? 'an' : 'a'} ${label}`;
}

/** "in a route handler", "in `loadUser()`, called from a route handler", with the repetition unit. */
export function describeRepetition(context: ExecutionContext): { where: string; unit: string } {
  const origin = withArticle(context.label);
  const where = context.via.length > 0 ? `in \`${context.via[0]}\`, called from ${origin}` : `in ${origin}`;
  return { where, unit: repetitionUnit(context.label) };
}
