/**
 * @flowise-kit/testing — the harness the browser tests, benchmarks, interop suite and scripts share. Private.
 *
 * @packageDocumentation
 */
export { CHROMIUM_ARGS, chromiumPath, launchChromium } from './chromium.js';
export {
  FIXTURES_ALIAS,
  fixturePath,
  fixturesAlias,
  fixturesDir,
  readFixture,
  type RecordedResponse,
} from './fixtures.js';
export { recordNetwork } from './network-log.js';
export { freePort } from './ports.js';
export { REPO, build } from './repo.js';
export { serveDirectory, type ServedDirectory, type ServeOptions } from './static-server.js';
export { serveStorybook } from './storybook.js';
