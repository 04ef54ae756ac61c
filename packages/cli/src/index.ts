/**
 * @flowise-kit/cli — `flowise-kit predict` and `flowise-kit record` on the command line, and the same from code
 * (`run`), e.g. in tests.
 *
 * @packageDocumentation
 */
export { run, processIO } from './run.js';
export { EXIT_CODES } from './exit-codes.js';
export type { CliIO } from './io.js';
export { USAGE } from './args.js';
