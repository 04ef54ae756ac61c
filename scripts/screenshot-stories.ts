/**
 * Screenshots of built stories in headless Chromium, to look at what we ship:
 *   pnpm build-storybook && pnpm screenshots [story-id ...]
 * Writes PNGs to screenshots/ (git-ignored). Starts a mock Flowise server on :3000 for the Playground story.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { REPO, launchChromium, serveDirectory } from '@flowise-kit/testing';

const root = join(REPO, 'storybook-static');
const out = join(REPO, 'screenshots');
const DEFAULT_IDS = [
  'components-chatstream--done',
  'components-chatstream--error-state',
  'components-chatstream--aborted',
  'components-chatstream--long-markdown',
  'components-chatstream--dark',
  'components-sourcelist--many-sources',
  'components-sourcelist--hostile-metadata',
  'components-tooltrace--agentflow-timeline',
  'components-tooltrace--nested-agents',
  'components-composer--idle',
  'components-chatwindow--with-sources',
  'components-chatwindow--dark',
  'components-chatwindow--playground',
];

if (!existsSync(join(root, 'iframe.html'))) throw new Error('Run `pnpm build-storybook` first.');
mkdirSync(out, { recursive: true });
const site = await serveDirectory(root);
const mock = await startMockFlowise({ port: 3000, rate: 80 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 760 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const id of process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_IDS) {
    await page.goto(`${site.url}/iframe.html?id=${id}&viewMode=story`);
    await page.waitForSelector('#storybook-root > *', { timeout: 10_000 });
    // Let the replayed stream and the play function finish.
    await page.waitForTimeout(id.includes('playground') ? 4000 : 1500);
    await page.screenshot({ path: join(out, `${id}.png`), fullPage: true });
    console.log(`screenshots/${id}.png`);
  }
  if (errors.length) console.log('page errors:', errors);
} finally {
  await browser.close();
  await mock.close();
  site.server.close();
}
