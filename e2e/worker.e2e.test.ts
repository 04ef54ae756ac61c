/**
 * The worker transport in Debian's Chromium: a page bundled with Vite, as an app does, streams through the kit's
 * inline Web Worker from the mock Flowise server across origins; a page whose CSP refuses `blob:` workers falls back
 * to the main thread before anything is sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
const out = mkdtempSync(join(tmpdir(), 'fk-worker-'));
const pageErrors: string[] = [];

interface Run {
  text: string;
  status: string;
  chatId: string;
  lastUsed?: string;
  error?: { kind: string; message: string };
}

async function open(file: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${site.url}/${file}`);
  await page.waitForFunction(() => 'runChat' in window);
  return page;
}

const run = (page: Page, flow: string, mode: 'auto' | 'worker', stopAfterChars = 0, apiHost = mock.url) =>
  page.evaluate(
    ([apiHost, chatflowId, m, stop]) =>
      (window as unknown as { runChat: (a: string, b: string, c: string, d: number) => Promise<Run> }).runChat(
        apiHost,
        chatflowId,
        m,
        stop,
      ),
    [apiHost, flow, mode, stopAfterChars] as const,
  );

beforeAll(async () => {
  const root = resolve(import.meta.dirname, 'pages/worker');
  await build({
    root,
    logLevel: 'silent',
    resolve: {
      alias: [
        { find: /^@flowise-kit\/core$/, replacement: resolve(REPO, 'packages/core/src/index.ts') },
        { find: /^@flowise-kit\/core\/worker$/, replacement: resolve(REPO, 'packages/core/src/worker.ts') },
      ],
      conditions: ['@flowise-kit/source', ...defaultClientConditions],
    },
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: [resolve(root, 'index.html'), resolve(root, 'csp.html')] },
    },
  });
  [site, mock, browser] = await Promise.all([
    serveDirectory(out),
    startMockFlowise({ port: 0, rate: 200, tokens: 20 }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.server.close();
  rmSync(out, { recursive: true, force: true });
});
beforeEach(() => {
  mock.clearRequests();
  pageErrors.length = 0;
});

describe('the worker transport in a browser', () => {
  it('streams a whole answer through the Web Worker, from one POST', async () => {
    const page = await open('index.html');
    const result = await run(page, 'sources', 'worker');
    expect(result).toMatchObject({ status: 'done', lastUsed: 'worker', text: answerTokens(20).join('') });
    expect(mock.predictions()).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a relative apiHost means the page’s origin, not the worker’s blob: URL', async () => {
    const page = await open('index.html');
    // Protocol-relative: resolved against the page, as the main thread would; the worker could not resolve it.
    const result = await run(page, 'plain', 'worker', 0, mock.url.replace(/^http:/, ''));
    expect(result).toMatchObject({ status: 'done', lastUsed: 'worker' });
    expect(mock.predictions()).toHaveLength(1);
    await page.close();
  });

  it('Stop aborts the worker’s request, keeps the partial answer and calls Flowise’s abort', async () => {
    const page = await open('index.html');
    const result = await run(page, 'long', 'worker', 10);
    expect(result.status).toBe('aborted');
    expect(result.text.length).toBeGreaterThanOrEqual(10);
    expect(result.text.length).toBeLessThan(answerTokens(20).join('').length);
    await vi.waitFor(() =>
      expect(
        mock.requests.some((r) => r.method === 'PUT' && r.path === `/api/v1/chatmessage/abort/long/${result.chatId}`),
      ).toBe(true),
    );
    expect(mock.predictions()).toHaveLength(1);
    await page.close();
  });

  it('a failed request is a typed error from the worker', async () => {
    const page = await open('index.html');
    const result = await run(page, 'http-404', 'worker');
    expect(result.status).toBe('error');
    expect(result.error?.kind).toBe('not-found');
    expect(result.lastUsed).toBe('worker');
    await page.close();
  });

  it('under a CSP without worker-src blob: the main thread answers, from one POST', async () => {
    const page = await open('csp.html');
    const result = await run(page, 'plain', 'auto');
    expect(result).toMatchObject({ status: 'done', lastUsed: 'main' });
    expect(mock.predictions()).toHaveLength(1);
    await page.close();
  });

  it("under that CSP, mode 'worker' fails with a typed error and sends nothing", async () => {
    const page = await open('csp.html');
    const result = await run(page, 'plain', 'worker');
    expect(result.status).toBe('error');
    expect(result.error?.kind).toBe('network');
    expect(mock.predictions()).toHaveLength(0);
    await page.close();
  });
});
