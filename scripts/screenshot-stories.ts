/**
 * Screenshots of built stories in headless Chromium, to look at what we ship:
 *   pnpm build-storybook && pnpm screenshots [story-id ...]
 * Writes PNGs to screenshots/ (git-ignored). Starts a mock Flowise server on :3000 for the Playground story.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { chromium } from 'playwright-core';

const root = resolve('storybook-static');
const out = resolve('screenshots');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
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
const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const port = (server.address() as { port: number }).port;
const mock = await startMockFlowise({ port: 3000, rate: 80 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 760 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const id of process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_IDS) {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story`);
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
  server.close();
}
