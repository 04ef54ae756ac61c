/**
 * The kit behind @flowise-kit/server, in Chromium: the page and the proxy on one origin (as in a Next.js or Express
 * app), the mock Flowise behind the proxy demanding an API key the page never has. The React kit (the built demo)
 * and the widget's script build each need one option, `apiHost: '/api/flowise'`. The page's own network log (CDP)
 * shows the key never reaching the browser, and a tab closed mid-answer makes the proxy call Flowise's abort once.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { createFlowiseHandler } from '@flowise-kit/server';
import { REPO, build, launchChromium, recordNetwork, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import { createServerAdapter } from '@whatwg-node/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const KEY = 'sk-proxy-e2e-SECRET-4f1c9a';
let browser: Browser;
let mock: MockFlowise;
let demo: ServedDirectory;
let widget: ServedDirectory;

beforeAll(async () => {
  const demoDist = resolve(REPO, 'apps/demo/dist');
  const widgetDist = resolve(REPO, 'packages/widget/dist');
  build(demoDist, '--filter', '@flowise-kit/demo', 'build');
  build(resolve(widgetDist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  mock = await startMockFlowise({ port: 0, rate: 40, tokens: 40, apiKey: KEY });
  // The page says "support"; the proxy knows it is the mock's "sources" flow. Nothing else is reachable.
  const handler = createFlowiseHandler({
    apiHost: mock.url,
    apiKey: KEY,
    chatflows: { support: 'sources' },
    basePath: '/api/flowise',
  });
  const handlers = { '/api/flowise/': createServerAdapter(handler) };
  const page = join(tmpdir(), `flowise-kit-proxy-${process.pid}.html`);
  writeFileSync(
    page,
    `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><h1>Behind a proxy</h1>
<script type="module">
import Chatbot from './web.js';
Chatbot.init({ chatflowid: 'support', apiHost: '/api/flowise', theme: { chatWindow: { title: 'Proxied chat' } } });
</script></body></html>`,
  );
  [demo, widget, browser] = await Promise.all([
    serveDirectory(demoDist, {}, { handlers }),
    serveDirectory(widgetDist, { '/proxied.html': page }, { handlers }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  demo?.server.close();
  widget?.server.close();
});
beforeEach(() => {
  mock.clearRequests();
  mock.configure({ rate: 40, tokens: 40 });
});

const aborts = () => mock.requests.filter((r) => r.method === 'PUT' && r.path.includes('/chatmessage/abort/'));

describe('the kit behind @flowise-kit/server', () => {
  it("the React kit (the demo) streams an answer with apiHost '/api/flowise' and the key never reaches the page", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const log = await recordNetwork(page);
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent('/api/flowise')}&chatflowId=support`);
    await page.getByRole('textbox', { name: 'Message' }).fill('Tell me about foxes');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    await page.getByRole('link', { name: 'The fox and the river' }).waitFor();

    const traffic = await log();
    expect(traffic).toContain('/api/flowise/api/v1/prediction/support');
    expect(traffic).toContain('The fox and the river');
    expect(traffic).not.toContain(KEY);
    expect(traffic).not.toContain(mock.url);
    const stored = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(KEY);
    // Flowise got the key, from the proxy, and one prediction for the mapped flow.
    expect(mock.predictions()).toHaveLength(1);
    expect(mock.predictions()[0]).toMatchObject({
      path: '/api/v1/prediction/sources',
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a chatflow outside the allowlist is a clear error in the page, and nothing reaches Flowise', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent('/api/flowise')}&chatflowId=sources`);
    await page.getByRole('textbox', { name: 'Message' }).fill('Hi');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: /not found/i })
      .first()
      .waitFor({ timeout: 15_000 });
    expect(mock.predictions()).toHaveLength(0);
    await page.close();
  });

  it("the widget's script build streams through the proxy with apiHost '/api/flowise'", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const log = await recordNetwork(page);
    await page.goto(`${widget.url}/proxied.html`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Proxied chat' });
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Hi');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    expect(await dialog.getByRole('article', { name: 'Answer' }).innerText()).toContain('Once upon a time');
    expect(await log()).not.toContain(KEY);
    expect(mock.predictions()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a tab closed mid-answer makes the proxy stop Flowise, with exactly one abort call', async () => {
    mock.configure({ rate: 20, tokens: 400 });
    const page = await browser.newPage();
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent('/api/flowise')}&chatflowId=support`);
    await page.getByRole('textbox', { name: 'Message' }).fill('A long answer, please');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => (document.querySelector('article[aria-label="Answer"] .fk-message__body')?.textContent ?? '').length > 10,
    );
    expect(aborts()).toHaveLength(0);
    await page.close();
    await expect.poll(() => aborts().length, { timeout: 10_000 }).toBe(1);
    // Nothing more arrives later (a second abort, a retried prediction).
    await new Promise((done) => setTimeout(done, 1500));
    expect(aborts()).toHaveLength(1);
    expect(aborts()[0]!.path).toMatch(/^\/api\/v1\/chatmessage\/abort\/sources\/[\w-]+$/);
    expect(aborts()[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(mock.predictions()).toHaveLength(1);
  });
});
