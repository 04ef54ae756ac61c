import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '../../..');

/**
 * Runs `pnpm <args>` in the repository, quietly: a build whose result is `output`. Skipped when `E2E_SKIP_BUILD` is
 * set and `output` exists, to rerun a suite against the last build.
 */
export function build(output: string, ...args: string[]): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(output)) return;
  execFileSync('pnpm', args, { cwd: REPO, stdio: 'ignore' });
}
