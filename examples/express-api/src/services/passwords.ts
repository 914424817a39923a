import { scryptSync, timingSafeEqual } from 'node:crypto';

// Incorrect (no-blocking-in-async): the sign-in route, in another file, calls this from its async
// handler, and scryptSync holds the event loop for the whole key derivation.
export function passwordMatches(password: string, salt: string, expected: Buffer): boolean {
  return timingSafeEqual(scryptSync(password, salt, 64), expected);
}
