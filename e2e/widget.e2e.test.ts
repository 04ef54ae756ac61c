/**
 * The script-tag widget (dist/web.js) on a page whose CSS would break any light-DOM widget
 * (`* { all: unset }`, `div { display: none }` …): it opens, streams and looks right, in Chromium.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;

beforeAll(async () => {
  const dist = resolve(REPO, 'packages/widget/dist');
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  [site, mock, browser] = await Promise.all([
    serveDirectory(dist, { '/hostile.html': resolve(import.meta.dirname, 'pages/hostile.html') }),
    startMockFlowise({ port: 0, rate: 80, tokens: 40 }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.server.close();
});

describe('the script-tag widget on a hostile page', () => {
  it('opens, streams an answer and keeps its own look', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/hostile.html?apiHost=${encodeURIComponent(mock.url)}&flow=sources`);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: 'Hostile page test' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.getByText('Hello! Ask me anything.').isVisible()).resolves.toBe(true);
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Tell me about foxes');
    await page.keyboard.press('Enter');
    const answer = dialog.getByRole('article', { name: 'Answer' });
    await page.waitForTimeout(200);
    const early = (await answer.innerText()).length;
    await page.waitForSelector('article[data-status="done"]');
    expect((await answer.innerText()).length).toBeGreaterThan(early);

    // Its own look, not the page's: theme colour on the launcher, sane panel size and font.
    const look = await page.evaluate(() => {
      const root = document.querySelector('flowise-kit-chatbot')!.shadowRoot!;
      const panel = root.querySelector('.fk-widget__panel')!.getBoundingClientRect();
      const close = root.querySelector('.fk-widget__launcher')!;
      const question = root.querySelector('.fk-message--user')!;
      return {
        width: Math.round(panel.width),
        height: Math.round(panel.height),
        launcher: getComputedStyle(close).backgroundColor,
        userBubble: getComputedStyle(question).backgroundColor,
        font: getComputedStyle(question).fontSize,
        pwned: (window as { __pwned?: unknown }).__pwned,
      };
    });
    expect(look.width).toBe(400);
    expect(look.height).toBeGreaterThan(400);
    expect(look.launcher).toBe('rgb(10, 125, 79)');
    expect(look.userBubble).toBe('rgb(59, 91, 219)');
    expect(look.font).toBe('15px');
    expect(look.pwned).toBeUndefined();
    await page.screenshot({ path: resolve(REPO, 'screenshots/widget-hostile-page.png') });

    // Escape closes it and focus returns to the launcher.
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(
      await page.evaluate(() =>
        document.querySelector('flowise-kit-chatbot')!.shadowRoot!.activeElement?.getAttribute('aria-label'),
      ),
    ).toBe('Open chat');
    expect(mock.predictions()).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('initFull fills the page with the chat, and destroy removes it', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(`${site.url}/hostile.html?apiHost=${encodeURIComponent(mock.url)}&flow=plain`);
    await page.evaluate(() => {
      const chatbot = (window as unknown as { Chatbot: { destroy(): void; initFull(o: object): void } }).Chatbot;
      chatbot.destroy();
      const params = new URLSearchParams(location.search);
      chatbot.initFull({
        chatflowid: 'plain',
        apiHost: params.get('apiHost'),
        theme: { chatWindow: { title: 'Full page' } },
      });
    });
    expect(await page.locator('flowise-kit-chatbot').count()).toBe(0);
    const region = page.getByRole('region', { name: 'Full page' });
    await region.getByRole('textbox', { name: 'Message' }).fill('Hi');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]');
    const box = await region.boundingBox();
    expect(box!.width).toBeGreaterThan(850);
    expect(box!.height).toBeGreaterThan(600);
    await page.screenshot({ path: resolve(REPO, 'screenshots/widget-full-page.png') });
  });
});
