/**
 * `pnpm screenshot:readme`: rewrites docs/demo.png, the picture at the top of the README. Builds the demo, serves it
 * on 127.0.0.1 with `/api` proxied to a mock Flowise server (same origin, as `pnpm demo`'s dev proxy does, so the
 * header shows the mock's scenario picker), asks two questions of the `sources` scenario in Debian's Chromium
 * (playwright-core, `CHROMIUM_PATH` or /usr/bin/chromium) and screenshots the page at 1280×760.
 * SCREENSHOT_SKIP_BUILD=1 reuses an existing apps/demo/dist. The answer's 🦊 needs a colour emoji font (Debian:
 * `apt-get install fonts-noto-color-emoji`), else Chromium draws a box.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { chromium } from 'playwright-core';

const repo = resolve(import.meta.dirname, '..');
const root = join(repo, 'apps/demo/dist');
const out = join(repo, 'docs/demo.png');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

if (!process.env.SCREENSHOT_SKIP_BUILD || !existsSync(join(root, 'index.html'))) {
  // Without FLOWISE_API_HOST the build talks to its own origin and shows the mock's scenario picker.
  const { FLOWISE_API_HOST: _host, FLOWISE_CHATFLOW_ID: _flow, ...env } = process.env;
  execFileSync('pnpm', ['--filter', '@flowise-kit/demo', 'build'], { cwd: repo, stdio: 'ignore', env });
}

const mock = await startMockFlowise({ port: 0, rate: 60, tokens: 60 });
const mockUrl = new URL(mock.url);
const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (pathname.startsWith('/api/')) {
    const upstream = request({ host: mockUrl.hostname, port: mockUrl.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.setNoDelay(true); // pass each event on as the mock writes it
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
    return;
  }
  const path = join(root, pathname);
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site}/?chatflowId=sources`);
  for (const [index, question] of ['Tell me a story', 'Tell me about the fox'].entries()) {
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.keyboard.press('Enter');
    await page.locator('article[data-status="done"]').nth(index).waitFor({ timeout: 20_000 });
  }
  await page.getByRole('link', { name: 'The fox and the river' }).waitFor();
  // Let the conversation finish scrolling to the latest answer.
  await page.waitForTimeout(800);
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
  mkdirSync(join(repo, 'docs'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot:readme: wrote ${out.slice(repo.length + 1)}`);
} finally {
  await browser.close();
  await mock.close();
  server.close();
}
