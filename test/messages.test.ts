import { describe, expect, it } from 'vitest';
import { repetitionUnit, withArticle } from '../src/util/messages.js';

describe('message helpers', () => {
  it.each([
    ['route handler', 'a route handler'],
    ['onRequest hook', 'an onRequest hook'],
    ['http request listener', 'an http request listener'],
    ['https request listener', 'an https request listener'],
    ['SQS message handler', 'an SQS message handler'],
    ['SvelteKit load function', 'a SvelteKit load function'],
    ['BullMQ job processor', 'a BullMQ job processor'],
  ])('%s takes its article', (label, expected) => {
    expect(withArticle(label)).toBe(expected);
  });

  it.each([
    ['http request listener', 'request'],
    ['net connection listener', 'connection'],
    ["'data' listener", 'event'],
    ["'message' listener", 'message'],
    ['BullMQ job processor', 'job'],
    ['setInterval callback', 'tick'],
    ['Lambda handler', 'invocation'],
    ['route handler', 'request'],
  ])('one run of a %s is a %s', (label, expected) => {
    expect(repetitionUnit(label)).toBe(expected);
  });
});
