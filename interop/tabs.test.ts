/**
 * One conversation in two tabs against the real Flowise (the built demo in Chromium, two pages of one context, its
 * persisted chat): the second tab's question waits for the first tab's answer, so Flowise never runs two predictions
 * on one chatId (which would break both), and both tabs end up with both turns.
 */
import { resolve } from 'node:path';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modelAnswer, type CompletionRecord } from './model-server';

const { url, modelUrl, flows } = inject('flowise');
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

const completions = async () => (await (await fetch(`${modelUrl}/v1/_test/completions`)).json()) as CompletionRecord[];

describe('one conversation in two tabs, against a real Flowise', () => {
  it('the second tab waits for the first tab’s answer; both answers are exact; both tabs show both turns', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const open = async () => {
      const page = await context.newPage();
      await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(url)}&chatflowId=${flows.conversation}`);
      await page.getByRole('textbox', { name: 'Message' }).waitFor();
      return page;
    };
    const ask = async (page: Page, question: string) => {
      await page.getByRole('textbox', { name: 'Message' }).fill(question);
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    };
    const body = (page: Page) => page.locator('article[aria-label="Answer"] .fk-markdown');
    const first = await open();
    const second = await open();
    const tag = Date.now();
    await ask(first, `Slowly [[slow]] ${tag}`);
    await first.waitForSelector('article[data-status="streaming"]', { timeout: 30_000 });
    await ask(second, `Then me [[tabs]] ${tag}`);
    await second.getByText('Waiting for the answer in another tab…').waitFor({ timeout: 10_000 });

    await first.waitForSelector('article[data-status="done"]', { timeout: 60_000 });
    await expect
      .poll(async () => second.locator('article[aria-label="Answer"]').last().getAttribute('data-status'), {
        timeout: 30_000,
      })
      .toBe('done');
    expect(await body(first).first().innerText()).toBe(modelAnswer('[[slow]]'));
    expect(await body(second).last().innerText()).toBe(modelAnswer('[[tabs]]'));
    const order = [`Slowly [[slow]] ${tag}`, `Then me [[tabs]] ${tag}`];
    for (const page of [first, second])
      await expect.poll(() => page.locator('.fk-message--user').allInnerTexts(), { timeout: 10_000 }).toEqual(order);

    // The model saw the second question only after the first answer had ended: never two at once on the chatId.
    const log = await completions();
    const slow = log.find((c) => c.question.includes(`${tag}`) && c.question.includes('[[slow]]'))!;
    const tabs = log.find((c) => c.question.includes(`${tag}`) && c.question.includes('[[tabs]]'))!;
    expect(slow.cancelled).toBe(false);
    expect(tabs.startedAt).toBeGreaterThanOrEqual(slow.endedAt!);
    await context.close();
  }, 120_000);
});
