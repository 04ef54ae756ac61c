/**
 * `for await` over predict() in Debian's Chromium: the page bundles @flowise-kit/core with Vite, as an app does, and
 * talks to the mock Flowise server across origins.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
let page: Page;
const out = mkdtempSync(join(tmpdir(), 'fk-predict-'));

interface Run {
  text: string;
  types: string[];
  status: string;
  chatId: string;
  error?: { kind: string; message: string };
}
const run = (chatflowId: string, stopAfterTokens = 0) =>
  page.evaluate(
    ([apiHost, flow, stop]) =>
      (window as unknown as { runPredict: (a: string, b: string, c: number) => Promise<Run> }).runPredict(
        apiHost,
        flow,
        stop,
      ),
    [mock.url, chatflowId, stopAfterTokens] as const,
  );

beforeAll(async () => {
  await build({
    root: resolve(import.meta.dirname, 'pages/predict'),
    logLevel: 'silent',
    // The kit from its sources, as the other suites resolve it (the repository root does not depend on core).
    resolve: {
      alias: [{ find: /^@flowise-kit\/core$/, replacement: resolve(REPO, 'packages/core/src/index.ts') }],
      conditions: ['@flowise-kit/source', ...defaultClientConditions],
    },
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  [site, mock, browser] = await Promise.all([
    serveDirectory(out),
    startMockFlowise({ port: 0, rate: 200, tokens: 20 }),
    launchChromium(),
  ]);
  page = await browser.newPage();
  await page.goto(`${site.url}/index.html`);
  await page.waitForFunction(() => 'runPredict' in window);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.server.close();
  rmSync(out, { recursive: true, force: true });
});

describe('predict() in a browser', () => {
  it('yields the typed events of a streamed answer, from one POST', async () => {
    mock.clearRequests();
    const result = await run('sources');
    expect(result.text).toBe(answerTokens(20).join(''));
    expect(result.types).toContain('sourceDocuments');
    expect(result.types.at(-1)).toBe('end');
    expect(result.status).toBe('completed');
    expect(mock.predictions()).toHaveLength(1);
  });

  it('breaking out of the loop stops the request and calls Flowise’s abort', async () => {
    mock.clearRequests();
    const result = await run('long', 3);
    expect(result.status).toBe('stopped');
    expect(result.types.filter((type) => type === 'token')).toHaveLength(3);
    await vi.waitFor(() =>
      expect(
        mock.requests.some((r) => r.method === 'PUT' && r.path === `/api/v1/chatmessage/abort/long/${result.chatId}`),
      ).toBe(true),
    );
  });

  it('a failed request is a typed error caught around the loop', async () => {
    const result = await run('http-404');
    expect(result.error?.kind).toBe('not-found');
    expect(result.status).toBe('failed');
  });
});
