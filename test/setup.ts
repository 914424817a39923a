import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// Internal errors must fail the tests, not turn into reports (src/util/internal-error.ts).
process.env.SHARED_CLIENT_RETHROW = '1';
