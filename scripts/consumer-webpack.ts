/**
 * `pnpm test:consumers` (g): the worker transport from the packed tarball in a fresh webpack 5 app (no framework,
 * webpack's own Node API, production mode). The build must pass with no warning; in Chromium one answer streams
 * through the inline Web Worker (`mode: 'worker'`: an answer that did not come through the worker fails), from one
 * POST, also with a protocol-relative `apiHost` (resolved against the page, not the worker's `blob:` URL).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MockFlowise } from '@flowise-kit/mock-server';
import { serveDirectory } from '@flowise-kit/testing';
import type { Browser } from 'playwright-core';

export interface WebpackConsumer {
  work: string;
  tarball: (name: string) => string;
  run: (cwd: string, command: string, args: string[]) => string;
}

const MAIN = `import { createChatStore } from '@flowise-kit/core';
import { workerTransport } from '@flowise-kit/core/worker';

// One question through the worker transport; 'worker' mode: no silent fallback to the main thread.
window.runChat = async (apiHost, chatflowId) => {
  const transport = workerTransport({ mode: 'worker' });
  const store = createChatStore({ apiHost, chatflowId, transport });
  await store.send('Hello from webpack');
  const state = store.getState();
  const answer = state.messages.at(-1);
  const result = { text: answer.text, status: answer.status, lastUsed: transport.lastUsed, error: state.error?.message };
  transport.dispose();
  store.dispose();
  return result;
};
`;

const BUILD = `import webpack from 'webpack';
import { resolve } from 'node:path';
const config = { mode: 'production', entry: './src/main.js', output: { path: resolve('dist'), filename: 'main.js' } };
webpack(config, (error, stats) => {
  if (error || stats.hasErrors() || stats.hasWarnings()) {
    console.error(error ?? stats.toString('errors-warnings'));
    process.exit(1);
  }
  console.log('webpack ok');
});
`;

/** Installs webpack 5 and core's tarball, bundles the app; resolves to its folder. */
export function createWebpackApp({ work, tarball, run }: WebpackConsumer): string {
  const dir = join(work, 'webpack');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer-webpack',
      private: true,
      type: 'module',
      dependencies: { '@flowise-kit/core': tarball('core'), webpack: '^5' },
    }),
  );
  writeFileSync(join(dir, 'src', 'main.js'), MAIN);
  writeFileSync(join(dir, 'build.mjs'), BUILD);
  run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  const out = run(dir, 'node', ['build.mjs']);
  if (!out.includes('webpack ok')) throw new Error(out);
  writeFileSync(
    join(dir, 'dist', 'index.html'),
    '<!doctype html><html><head><link rel="icon" href="data:,"><script src="main.js"></script></head><body>webpack 5 consumer</body></html>',
  );
  return dir;
}

interface Answer {
  text: string;
  status: string;
  lastUsed?: string;
  error?: string;
}

/** Serves the bundle and asks a question through the worker; throws on the first failed expectation. */
export async function driveWebpackApp(dir: string, { browser, mock }: { browser: Browser; mock: MockFlowise }) {
  const site = await serveDirectory(join(dir, 'dist'));
  const page = await browser.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (worker) => workers.push(worker.url()));
  try {
    await page.goto(`${site.url}/index.html`);
    await page.waitForFunction(() => 'runChat' in window);
    for (const apiHost of [mock.url, mock.url.replace(/^http:/, '')]) {
      mock.clearRequests();
      const answer = await page.evaluate(
        ([host]) =>
          (window as unknown as { runChat: (h: string, f: string) => Promise<Answer> }).runChat(host!, 'sources'),
        [apiHost],
      );
      if (answer.status !== 'done' || answer.lastUsed !== 'worker' || !answer.text.startsWith('Once upon a time'))
        throw new Error(`apiHost ${apiHost}: ${JSON.stringify(answer)}`);
      if (mock.predictions().length !== 1) throw new Error(`${mock.predictions().length} predictions for one question`);
    }
    if (!workers.length || !workers.every((url) => url.startsWith('blob:')))
      throw new Error(`expected the inline blob: worker, saw ${JSON.stringify(workers)}`);
  } finally {
    await page.close();
    site.server.close();
  }
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
}
