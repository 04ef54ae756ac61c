/**
 * Hostile content in Chromium (RELIABILITY.md): the mock's `hostile` scenario sends 45 XSS payloads split across
 * 3-character tokens, as source documents and their URLs, tool calls, agent names, follow-up prompts and an HTML
 * artifact. On the demo and on the script-tag widget: no script runs (the `window.__pwned` canary stays unset),
 * no link or image has an unsafe URL, no element carries an event-handler attribute, the layout holds.
 */
import { resolve } from 'node:path';
import { XSS_PAYLOADS, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { REPO, build, serveDirectory } from './static-server';

let browser: Browser;
let mock: MockFlowise;
let demo: Awaited<ReturnType<typeof serveDirectory>>;
let widget: Awaited<ReturnType<typeof serveDirectory>>;

beforeAll(async () => {
  const demoRoot = resolve(REPO, 'apps/demo/dist');
  const widgetRoot = resolve(REPO, 'packages/widget/dist');
  build(demoRoot, '--filter', '@flowise-kit/demo', 'build');
  build(resolve(widgetRoot, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  [demo, widget, mock, browser] = await Promise.all([
    serveDirectory(demoRoot),
    serveDirectory(widgetRoot, { '/hostile.html': resolve(import.meta.dirname, 'pages/hostile.html') }),
    startMockFlowise({ port: 0, rate: 2000 }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  demo?.server.close();
  widget?.server.close();
});

interface Findings {
  pwned: unknown;
  unsafeLinks: string[];
  unsafeImages: string[];
  handlers: string[];
  activeElements: string[];
  overflow: number;
}

/** Everything the page shows, its shadow roots included, checked for what must never be there. */
function inspect(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const host of document.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
    const all = roots.flatMap((root) => Array.from(root.querySelectorAll('*')));
    const safe = (url: string) => /^(https?:|mailto:)/.test(url);
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      unsafeLinks: all.filter((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && el.hasAttribute('href') && !safe(el.href)).map((a) => a.href),
      unsafeImages: all.filter((el): el is HTMLImageElement => el instanceof HTMLImageElement && !safe(el.src)).map((img) => img.src.slice(0, 60)),
      handlers: all.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${el.tagName}[${name}]`)),
      // Elements that model output could use to run or load something; the apps' own markup has none of them.
      activeElements: all
        .filter((el) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'VIDEO', 'SOURCE', 'MATH', 'STYLE', 'SVG'].includes(el.tagName.toUpperCase()))
        .filter((el) => el.getRootNode() !== document || el.closest('[class*="fk-"]'))
        .filter((el) => !(el.tagName.toUpperCase() === 'SVG' && el.closest('button')))
        .filter((el) => !(el.tagName.toUpperCase() === 'STYLE' && el.parentNode instanceof ShadowRoot))
        .map((el) => el.outerHTML.slice(0, 80)),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

function expectClean(findings: Findings) {
  expect(findings.pwned).toBeUndefined();
  expect(findings.unsafeLinks).toEqual([]);
  expect(findings.unsafeImages).toEqual([]);
  expect(findings.handlers).toEqual([]);
  expect(findings.activeElements).toEqual([]);
  expect(findings.overflow).toBeLessThanOrEqual(0);
}

describe('hostile content', () => {
  it('the demo shows every payload as inert text: no script, no unsafe link, layout intact', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=hostile`);
    const before = await inspect(page);
    await page.getByRole('textbox', { name: 'Message' }).fill('Show me everything');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    // Open every disclosure (tool calls, agent steps, sources) so their contents render too, and hover everything.
    for (const summary of await page.locator('summary').all()) await summary.click();
    for (const link of await page.locator('article a').all()) await link.hover();
    const answer = await page.locator('article[aria-label="Answer"]').last().innerText();
    expect(answer).toContain('The end.');
    expect(answer).toContain('Payload 45');
    expect(answer).toContain(`Payload ${XSS_PAYLOADS.length}`);
    expectClean(await inspect(page));
    expect(before.overflow).toBeLessThanOrEqual(0);
    // The follow-up chips show the payloads as text; clicking one sends it as a question, inert again.
    const chip = page.getByRole('button', { name: XSS_PAYLOADS[0]! });
    await chip.click();
    await page.waitForFunction(() => document.querySelectorAll('article[data-status="done"]').length === 2, undefined, { timeout: 20_000 });
    expectClean(await inspect(page));
    expect(errors).toEqual([]);
    await page.screenshot({ path: resolve(REPO, 'screenshots/hostile-demo.png') });
    await page.context().close();
  }, 60_000);

  it('the script-tag widget shows every payload as inert text', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${widget.url}/hostile.html?apiHost=${encodeURIComponent(mock.url)}&flow=hostile`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hostile page test' });
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Show me everything');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    const answer = await dialog.getByRole('article', { name: 'Answer' }).innerText();
    expect(answer).toContain(`Payload ${XSS_PAYLOADS.length}`);
    const findings = await inspect(page);
    expectClean(findings);
    const panel = await page.evaluate(() => {
      const box = document.querySelector('flowise-kit-chatbot')!.shadowRoot!.querySelector('.fk-widget__panel')!.getBoundingClientRect();
      return { width: Math.round(box.width), right: Math.round(box.right) };
    });
    expect(panel.width).toBe(400);
    expect(panel.right).toBeLessThanOrEqual(1100);
    expect(errors).toEqual([]);
    await page.screenshot({ path: resolve(REPO, 'screenshots/hostile-widget.png') });
    await page.close();
  }, 60_000);
});
