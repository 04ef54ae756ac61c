/** The built demo app against the real Flowise, in Chromium, as a person uses it. */
import { resolve } from 'node:path';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DOCUMENT } from './flows';
import { modelAnswer } from './model-server';

const { url, flows } = inject('flowise');
let browser: Browser;
let demo: ServedDirectory;
beforeAll(async () => {
  const root = resolve(REPO, 'apps/demo/dist');
  build(root, '--filter', '@flowise-kit/demo', 'build');
  [demo, browser] = await Promise.all([serveDirectory(root), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  demo?.server.close();
});

describe('the demo against a real Flowise', () => {
  it('streams a retrieval answer and shows its source', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(url)}&chatflowId=${flows.retrieval}`);
    await page.getByRole('textbox', { name: 'Message' }).fill('Who counts the stones? [[demo]]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]', { timeout: 30_000 });
    expect(await page.locator('article[aria-label="Answer"] .fk-markdown').innerText()).toBe(modelAnswer('[[demo]]'));
    const sources = page
      .getByRole('region', { name: /sources/i })
      .or(page.locator('.fk-source-list'))
      .first();
    await expect(sources.locator(`a[href="${DOCUMENT.source}"]`).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: resolve(REPO, 'screenshots/interop-demo.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});
