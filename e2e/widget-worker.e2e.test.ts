/**
 * The script-tag widget (dist/web.js) and its worker transport in Chromium: by default it reads the answer in its
 * inline `blob:` Web Worker; on a page whose Content-Security-Policy refuses `blob:` workers it falls back to the
 * main thread and still answers, from one POST; `transport: 'worker'` and `'main'` force either.
 */
import { resolve } from 'node:path';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
const TOKENS = 20;

beforeAll(async () => {
  const dist = resolve(REPO, 'packages/widget/dist');
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  const page = (name: string) => resolve(import.meta.dirname, `pages/${name}`);
  [site, mock, browser] = await Promise.all([
    serveDirectory(dist, {
      '/worker.html': page('widget-worker.html'),
      '/worker-csp.html': page('widget-worker-csp.html'),
    }),
    startMockFlowise({ port: 0, rate: 100, tokens: TOKENS }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.server.close();
});
beforeEach(() => mock.clearRequests());

interface Visit {
  page: Page;
  /** The URLs of the dedicated workers the page started. */
  workers: string[];
  errors: string[];
  /** `worker-src` violations the page reported. */
  violations: string[];
}

async function visit(file: string, transport?: string): Promise<Visit> {
  const page = await browser.newPage();
  const visit: Visit = { page, workers: [], errors: [], violations: [] };
  page.on('pageerror', (error) => visit.errors.push(error.message));
  page.on('worker', (worker) => visit.workers.push(worker.url()));
  await page.exposeFunction('__violation', (directive: string) => visit.violations.push(directive));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __violation: (d: string) => void }).__violation(event.effectiveDirective),
    ),
  );
  const query = new URLSearchParams({ apiHost: mock.url, flow: 'sources', ...(transport ? { transport } : {}) });
  await page.goto(`${site.url}/${file}?${query}`);
  return visit;
}

/** Asks a question in the widget; resolves with the answer's status and text once it has ended. */
async function ask(page: Page, nth = 0): Promise<{ status: string | null; text: string }> {
  if (nth === 0) await page.getByRole('button', { name: 'Open chat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Support' });
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Tell me about foxes');
  await page.keyboard.press('Enter');
  const answer = dialog.getByRole('article', { name: 'Answer' }).nth(nth);
  await answer.and(page.locator(':is([data-status="done"], [data-status="error"])')).waitFor({ timeout: 20_000 });
  return {
    status: await answer.getAttribute('data-status'),
    text: await answer.locator('.fk-message__body').innerText(),
  };
}

const WHOLE = answerTokens(TOKENS).join('').trim();

describe('the script-tag widget’s worker transport', () => {
  it('answers through its inline blob: worker by default, from one POST', async () => {
    const { page, workers, errors } = await visit('worker.html');
    const answer = await ask(page);
    expect(answer.status).toBe('done');
    expect(answer.text).toContain(WHOLE.slice(0, 40));
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^blob:/);
    expect(mock.predictions()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("transport: 'worker' answers only through the worker (it never falls back)", async () => {
    const { page, workers, errors } = await visit('worker.html', 'worker');
    expect((await ask(page)).status).toBe('done');
    expect(workers).toHaveLength(1);
    expect(mock.predictions()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("transport: 'main' starts no worker", async () => {
    const { page, workers } = await visit('worker.html', 'main');
    expect((await ask(page)).status).toBe('done');
    expect(workers).toEqual([]);
    expect(mock.predictions()).toHaveLength(1);
    await page.close();
  });

  it('under a CSP that forbids blob: workers it falls back to the main thread and still answers, one POST a question', async () => {
    const { page, workers, errors, violations } = await visit('worker-csp.html');
    const answer = await ask(page);
    expect(answer.status).toBe('done');
    expect(answer.text).toContain(WHOLE.slice(0, 40));
    expect(workers).toEqual([]);
    expect(violations).toEqual(['worker-src']);
    expect(mock.predictions()).toHaveLength(1);
    // The next question does not try the worker again (no second wait, no second CSP report).
    expect((await ask(page, 1)).status).toBe('done');
    expect(violations).toEqual(['worker-src']);
    expect(mock.predictions()).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("under that CSP, transport: 'worker' shows a typed error naming the CSP and sends nothing", async () => {
    const { page } = await visit('worker-csp.html', 'worker');
    const answer = await ask(page);
    expect(answer.status).toBe('error');
    await expect.poll(() => page.getByRole('dialog', { name: 'Support' }).innerText()).toMatch(/worker-src blob:/);
    expect(mock.predictions()).toHaveLength(0);
    await page.close();
  });
});
