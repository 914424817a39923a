// @ts-check
// Internal errors of the plugin become reports in users' runs; here they must fail loudly
// (src/util/internal-error.ts). Imported first by every script that lints with the plugin;
// worker threads inherit the environment.
process.env.SHARED_CLIENT_RETHROW = '1';
