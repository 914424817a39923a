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

/**
 * "in a route handler", "in `loadUser()`, called from a route handler", with the repetition unit;
 * across files, every call site of the chain with its place: "in `makeDb()`, called from
 * `createUser()` at `controllers/users.ts:5`, called from a route handler at `routes/users.ts:6`".
 */
export function describeRepetition(context: ExecutionContext): { where: string; unit: string } {
  if (context.across && context.across.length > 0) {
    const calls = context.across.map((link) => {
      const [site, ...outer] = link.label.split(' < ');
      const place = link.sameFile ? link.place : `\`${link.place}\``;
      return [`${caller(site!)} at ${place}`, ...outer.map(caller)].map((text) => `, called from ${text}`).join('');
    });
    return { where: `in \`${context.via[0] ?? 'a function'}\`${calls.join('')}`, unit: repetitionUnit(context.label) };
  }
  const origin = withArticle(context.label);
  const where = context.via.length > 0 ? `in \`${context.via[0]}\`, called from ${origin}` : `in ${origin}`;
  return { where, unit: repetitionUnit(context.label) };
}

/** `createUser()` for a function, "a route handler" for what a framework runs. */
function caller(label: string): string {
  return /^(?:new )?[\w$.#]+\(\)$/.test(label) ? `\`${label}\`` : withArticle(label);
}
