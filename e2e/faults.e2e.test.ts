/**
 * Faults in the browser (RELIABILITY.md): the built demo in Chromium against the mock server's fault scenarios. For
 * each: one POST, the question stays, what arrived stays visible, a readable error is shown (or the answer
 * completes), and the page reports no error.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { REPO, build, serveDirectory } from './static-server';

let browser: Browser;
let mock: MockFlowise;
let demo: Awaited<ReturnType<typeof serveDirectory>>;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const root = resolve(REPO, 'apps/demo/dist');
  build(root, '--filter', '@flowise-kit/demo', 'build');
  [demo, mock, browser] = await Promise.all([serveDirectory(root), startMockFlowise({ port: 0, rate: 200, tokens: 20 }), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  demo?.server.close();
});
beforeEach(async () => {
  mock.clearRequests();
  pageErrors = [];
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return () => page.context().close();
});

async function ask(chatflowId: string, question: string) {
  await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=${chatflowId}`);
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.keyboard.press('Enter');
  await page.waitForSelector('article[aria-label="Answer"]:not([data-status="streaming"]):not([data-status="submitted"])', { timeout: 20_000 });
  return page.locator('article[aria-label="Answer"]').last();
}

const FAILING: [string, RegExp][] = [
  ['http-400', /question is required/],
  ['http-401', /API key/i],
  ['http-403', /not allowed/],
  ['http-404', /not found/],
  ['http-413', /too large/i],
  ['http-429', /Too many requests/],
  ['http-500', /Internal failure/],
  ['http-503-empty', /503/],
  ['http-502-html', /502/],
  ['html', /HTML|text\/html/i],
  ['empty-body', /./],
  ['empty', /./],
  ['auth-error', /API key|Unauthorized/i],
];
const PARTIAL: [string, RegExp][] = [
  ['drop', /dropped/i],
  ['error-then-tokens', /model went away/],
  ['error-event', /terminated/],
];
const COMPLETE = ['malformed', 'invalid-utf8', 'duplicate-end', 'end-without-start', 'sse-fields', 'repeat-start'];

describe('faults in the demo', () => {
  it.each(FAILING)('%s: a readable error, the question kept, one POST', async (flow, message) => {
    const answer = await ask(flow, 'Will this work?');
    expect(await answer.getAttribute('data-status')).toBe('error');
    const alert = await answer.getByRole('alert').innerText();
    expect(alert).toMatch(message);
    expect(alert).not.toMatch(/\[object |undefined/);
    await expect(answer.getByRole('button', { name: 'Retry' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Will this work?').isVisible()).resolves.toBe(true);
    expect(mock.predictions()).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it.each(PARTIAL)('%s: the partial answer stays visible beside the error', async (flow, message) => {
    const answer = await ask(flow, 'Tell me a story');
    expect(await answer.getAttribute('data-status')).toBe('error');
    expect(await answer.getByRole('alert').innerText()).toMatch(message);
    expect(await answer.innerText()).toContain('Once upon a time');
    expect(mock.predictions()).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it.each(COMPLETE)('%s: the answer completes', async (flow) => {
    const answer = await ask(flow, 'Tell me a story');
    expect(await answer.getAttribute('data-status')).toBe('done');
    expect(await answer.innerText()).toMatch(/^Once upon a time/);
    expect(await answer.getByRole('alert').count()).toBe(0);
    expect(mock.predictions()).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('the tab hidden and shown during a stream: the answer completes, one POST', async () => {
    mock.configure({ rate: 100, tokens: 80 });
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=plain`);
    await page.getByRole('textbox', { name: 'Message' }).fill('Keep going');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('article[aria-label="Answer"]')?.textContent ?? '').length > 10);
    // Headless Chromium keeps every tab "visible", so hide this one the way the page sees it: the visibility state
    // and the visibilitychange event fetch-event-source's own loop reacts to (by closing and POSTing again).
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((next) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => next });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => next === 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
        return document.visibilityState;
      }, state);
    const hidden = await setVisibility('hidden');
    await page.waitForTimeout(300);
    await setVisibility('visible');
    await page.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    expect(hidden).toBe('hidden');
    expect(mock.predictions()).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    mock.configure({ rate: 200, tokens: 20 });
  });

  it('Stop while the server has not started answering, then ask again: two POSTs, both turns kept', async () => {
    // slow-model: only heartbeats for a while (the answer stays "submitted"), then an error.
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=slow-model`);
    await page.getByRole('textbox', { name: 'Message' }).fill('Anyone there?');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="submitted"]');
    await page.getByRole('button', { name: 'Stop answering' }).click();
    await page.waitForSelector('article[data-status="aborted"]');
    await page.getByRole('textbox', { name: 'Message' }).fill('Second try');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('article[aria-label="Answer"]').length === 2);
    await page.getByRole('button', { name: 'Stop answering' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article[data-status="aborted"]').length === 2);
    await expect(page.getByText('Anyone there?').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Second try').isVisible()).resolves.toBe(true);
    expect(mock.predictions()).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });

  it('an API key set in Settings never shows in the UI, the console or the inspector export, whatever fails', async () => {
    const key = 'sk-e2e-SECRET-4242424242';
    const consoleText: string[] = [];
    page.on('console', (message) => consoleText.push(message.text()));
    page.on('requestfailed', (request) => consoleText.push(request.failure()?.errorText ?? ''));
    for (const flow of ['http-401', 'auth-error', 'http-500', 'drop', 'agentflow']) {
      await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=${flow}`);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('textbox', { name: 'Message' }).fill(`Try ${flow}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('article[aria-label="Answer"]:not([data-status="streaming"]):not([data-status="submitted"])', { timeout: 20_000 });
      expect(await page.locator('body').innerText()).not.toContain(key);
      const exportButton = page.getByRole('region', { name: 'Raw event inspector' }).getByRole('button', { name: 'Export last turn' });
      // An HTTP error has no events to export (the button is disabled then).
      if (!(await exportButton.isEnabled())) continue;
      const download = page.waitForEvent('download');
      await exportButton.click();
      let exported = '';
      for await (const chunk of await (await download).createReadStream()) exported += String(chunk);
      expect(exported.length).toBeGreaterThan(10);
      expect(exported).not.toContain(key);
    }
    // The key did go out, as a Bearer token: it was set, just never shown.
    expect(mock.predictions().every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);
    expect(consoleText.join('\n')).not.toContain(key);
    expect(pageErrors.join('\n')).not.toContain(key);
  });
});
