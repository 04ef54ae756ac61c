/**
 * One conversation in two tabs (two pages of one Chromium context, the built demo with its persisted chat, the mock
 * Flowise): a question asked in one tab while the other is answering waits for that answer (Web Locks), never
 * streams beside it, and both tabs end up showing both turns, in order, after a reload too.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let demo: ServedDirectory;
let context: BrowserContext;

beforeAll(async () => {
  const root = resolve(REPO, 'apps/demo/dist');
  build(root, '--filter', '@flowise-kit/demo', 'build');
  [demo, mock, browser] = await Promise.all([
    serveDirectory(root),
    startMockFlowise({ port: 0, rate: 40, tokens: 80 }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  demo?.server.close();
});
beforeEach(async () => {
  mock.clearRequests();
  context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  return () => context.close();
});

async function open(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=plain`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  return page;
}
async function ask(page: Page, question: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}
const questions = (page: Page) => page.locator('.fk-message--user').allInnerTexts();
const answers = (page: Page) => page.locator('article[aria-label="Answer"]');

describe('one conversation in two tabs', () => {
  it('a question in the second tab waits for the first tab’s answer, then both tabs show both turns', async () => {
    const first = await open();
    const second = await open();
    await ask(first, 'Question from the first tab');
    await first.waitForSelector('article[data-status="streaming"]');

    await ask(second, 'Question from the second tab');
    await second.getByText('Waiting for the answer in another tab…').waitFor({ timeout: 10_000 });
    expect(mock.predictions()).toHaveLength(1);

    await first.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    const firstEnded = Date.now();
    await expect.poll(() => mock.predictions().length, { timeout: 10_000 }).toBe(2);
    const [one, two] = mock.predictions() as { body: { chatId: string; question: string }; receivedAt: number }[];
    expect(two!.body.question).toBe('Question from the second tab');
    expect(two!.body.chatId).toBe(one!.body.chatId);
    // It went out after the first answer had ended, never beside it.
    expect(two!.receivedAt).toBeGreaterThanOrEqual(firstEnded - 1000);

    await expect.poll(async () => answers(second).last().getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    const order = ['Question from the first tab', 'Question from the second tab'];
    await expect.poll(() => questions(second), { timeout: 5000 }).toEqual(order);
    await expect.poll(() => questions(first), { timeout: 5000 }).toEqual(order);
    expect(await answers(first).count()).toBe(2);
    expect(await answers(first).evaluateAll((all) => all.map((a) => a.getAttribute('data-status')))).toEqual([
      'done',
      'done',
    ]);

    await first.reload();
    await expect.poll(() => questions(first), { timeout: 5000 }).toEqual(order);
    expect(mock.predictions()).toHaveLength(2);
  });

  it('Stop on a queued question sends nothing and leaves the other tab’s answer running', async () => {
    const first = await open();
    const second = await open();
    await ask(first, 'A long one');
    await first.waitForSelector('article[data-status="streaming"]');
    await ask(second, 'Me too');
    await second.getByText('Waiting for the answer in another tab…').waitFor({ timeout: 10_000 });
    await second.getByRole('button', { name: 'Stop' }).click();
    await second.getByText('Stopped').waitFor();
    await first.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    expect(mock.predictions()).toHaveLength(1);
    expect(mock.requests.filter((r) => r.path.includes('/chatmessage/abort/'))).toHaveLength(0);
  });
});
