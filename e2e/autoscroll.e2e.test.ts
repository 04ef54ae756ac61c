/**
 * Auto-scroll in a real browser: the conversation follows a streaming answer while the reader is at the bottom,
 * lets go as soon as they scroll up (Flowise#4041: auto-scroll fighting the reader), and follows again when they
 * come back down.
 */
import { launchChromium, serveStorybook, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let browser: Browser;
let storybook: ServedDirectory;
beforeAll(async () => {
  storybook = await serveStorybook();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  storybook?.server.close();
});

/** Resolves when the conversation is (again) scrolled to its bottom, within `ms`. */
const reachesBottom = (page: Page, ms: number) =>
  page.waitForFunction(
    () => {
      const el = document.querySelector('.fk-chat-stream')!;
      return el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    },
    undefined,
    { timeout: ms, polling: 'raf' },
  );

const metrics = (page: Page) =>
  page.$eval('.fk-chat-stream', (el) => ({
    top: el.scrollTop,
    gap: el.scrollHeight - el.scrollTop - el.clientHeight,
    height: el.scrollHeight,
  }));

describe('ChatStream auto-scroll', () => {
  it('sticks to the bottom while the reader is there, and only then', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(`${storybook.url}/iframe.html?id=components-chatstream--auto-scroll&viewMode=story`);
    await page.waitForSelector('.fk-message--assistant');
    // While streaming, the view follows: the gap to the bottom stays small as the content grows.
    await page.waitForFunction(() => document.querySelector('.fk-chat-stream')!.scrollHeight > 600);
    // Sampled over a second of streaming: after each new line it is back at the bottom within a second (usually a frame).
    for (let sample = 0; sample < 5; sample++) {
      await reachesBottom(page, 1000);
      await page.waitForTimeout(200);
    }

    // The reader scrolls up: the view stays where they put it while tokens keep coming.
    await page.hover('.fk-chat-stream');
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    const readerPosition = await metrics(page);
    await page.waitForTimeout(1000);
    const later = await metrics(page);
    expect(later.height).toBeGreaterThan(readerPosition.height); // still streaming
    expect(Math.abs(later.top - readerPosition.top)).toBeLessThan(5);
    expect(later.gap).toBeGreaterThan(100);

    // "Jump to latest" brings the reader back, and the view follows again.
    await page.getByRole('button', { name: 'Jump to latest ↓' }).click();
    await reachesBottom(page, 3000);
    await page.waitForSelector('.fk-chat-stream__jump', { state: 'detached' });
    const grown = (await metrics(page)).height;
    await page.waitForFunction((h) => document.querySelector('.fk-chat-stream')!.scrollHeight > h + 50, grown);
    await reachesBottom(page, 1000);
    // The conversation scrolls inside itself: nothing in it (the visually hidden live region once did) stretches the
    // page, which would give the host page a second scrollbar that grows with the answer.
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(
      0,
    );
    await page.close();
  }, 60_000);

  it('lets go of a reader who scrolls up without a wheel (a touch drag, the scrollbar, a key)', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(`${storybook.url}/iframe.html?id=components-chatstream--auto-scroll&viewMode=story`);
    await page.waitForSelector('.fk-message--assistant');
    await page.waitForFunction(() => document.querySelector('.fk-chat-stream')!.scrollHeight > 900);
    await reachesBottom(page, 1000);
    // The position moves with no wheel event before it, as a drag of the scrollbar or a touch moves it.
    await page.$eval('.fk-chat-stream', (el) => (el.scrollTop -= 300));
    await page.waitForTimeout(300);
    const readerPosition = await metrics(page);
    await page.waitForTimeout(1000);
    const later = await metrics(page);
    expect(later.height).toBeGreaterThan(readerPosition.height); // still streaming
    expect(Math.abs(later.top - readerPosition.top)).toBeLessThan(5);
    expect(later.gap).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Jump to latest ↓' }).waitFor();
    await page.close();
  }, 60_000);
});
