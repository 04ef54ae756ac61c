/**
 * `pnpm screenshot:readme`: rewrites docs/demo.png, the picture at the top of the README. Builds the demo, serves it
 * on 127.0.0.1 with `/api` proxied to a mock Flowise server (same origin, as `pnpm demo`'s dev proxy does, so the
 * header shows the mock's scenario picker), asks two questions of the `sources` scenario in Debian's Chromium
 * (playwright-core, `CHROMIUM_PATH` or /usr/bin/chromium) and screenshots the page at 1280×760.
 * SCREENSHOT_SKIP_BUILD=1 reuses an existing apps/demo/dist. The answer's 🦊 needs a colour emoji font (Debian:
 * `apt-get install fonts-noto-color-emoji`), else Chromium draws a box.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { REPO, launchChromium, serveDirectory } from '@flowise-kit/testing';

const root = join(REPO, 'apps/demo/dist');
const out = join(REPO, 'docs/demo.png');

if (!process.env.SCREENSHOT_SKIP_BUILD || !existsSync(join(root, 'index.html'))) {
  // Without FLOWISE_API_HOST the build talks to its own origin and shows the mock's scenario picker.
  const { FLOWISE_API_HOST: _host, FLOWISE_CHATFLOW_ID: _flow, ...env } = process.env;
  execFileSync('pnpm', ['--filter', '@flowise-kit/demo', 'build'], { cwd: REPO, stdio: 'ignore', env });
}

const mock = await startMockFlowise({ port: 0, rate: 60, tokens: 60 });
const site = await serveDirectory(root, {}, { proxy: { '/api/': mock.url } });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/?chatflowId=sources`);
  for (const [index, question] of ['Tell me a story', 'Tell me about the fox'].entries()) {
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.keyboard.press('Enter');
    await page.locator('article[data-status="done"]').nth(index).waitFor({ timeout: 20_000 });
  }
  await page.getByRole('link', { name: 'The fox and the river' }).waitFor();
  // Let the conversation finish scrolling to the latest answer.
  await page.waitForTimeout(800);
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
  mkdirSync(join(REPO, 'docs'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot:readme: wrote ${out.slice(REPO.length + 1)}`);
} finally {
  await browser.close();
  await mock.close();
  site.server.close();
}
