import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
// By path, not by package name: Vite and Storybook load their config files (which use this file) with Node itself,
// which would resolve `@flowise-kit/mock-server` to its build. The mock server stays the one owner of where the
// recordings are and how one is read.
import {
  findFixturesDir,
  readRecordedResponse,
  type RecordedResponse,
} from '../../../packages/mock-server/src/fixtures.js';
import { REPO } from './repo.js';

export type { RecordedResponse };

/**
 * The recordings of a real Flowise server: `$FLOWISE_FIXTURES`, else `../shared/fixtures` beside the repository (as
 * the mock server finds them), as a real path (`../shared` may be a link; Vite's dev server compares real paths).
 * Where they should be when they are missing, so a read fails naming the place.
 */
export function fixturesDir(): string {
  const found = findFixturesDir();
  return found ? realpathSync(found) : resolve(REPO, '../shared/fixtures');
}

/** The file of the recording `name`, e.g. `fixturePath('conversation-stream')`. */
export function fixturePath(name: string): string {
  return join(fixturesDir(), `${name}.http`);
}

/** Reads the recording `name` (status, headers, the body's exact bytes) with the mock server's reader; throws when missing. */
export function readFixture(name: string): RecordedResponse {
  const recording = readRecordedResponse(fixturesDir(), name);
  if (!recording)
    throw new Error(
      `Recording ${fixturePath(name)} is missing: is ../shared beside the repository (or $FLOWISE_FIXTURES set)?`,
    );
  return recording;
}

/** The import prefix of the recordings in stories: `import text from '@flowise-kit/fixtures/<name>.http?raw'`. */
export const FIXTURES_ALIAS = '@flowise-kit/fixtures';

/** A Vite `resolve.alias` entry: `@flowise-kit/fixtures/<file>` (see {@link FIXTURES_ALIAS}) to that file in {@link fixturesDir}. */
export function fixturesAlias(): { find: RegExp; replacement: string } {
  return { find: new RegExp(`^${FIXTURES_ALIAS}/`), replacement: `${fixturesDir()}/` };
}
