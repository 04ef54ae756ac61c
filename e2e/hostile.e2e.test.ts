/**
 * Hostile content in Chromium (RELIABILITY.md): the mock's `hostile` scenario sends 55 XSS payloads split across
 * 3-character tokens, as source documents and their URLs, tool calls, agent names, follow-up prompts and an HTML
 * artifact; formulas (KaTeX commands that make links and attributes), highlighted code and a table in the answer. On
 * the demo and on the script-tag widget: every disclosure is opened, every link hovered and a follow-up clicked; the
 * payloads that are shown are there as text; no script runs (the `window.__pwned` canary stays unset, no dialog
 * opens), no link, image, form, frame or plugin has an unsafe URL, no element carries an event-handler attribute,
 * the layout holds.
 */
import { resolve } from 'node:path';
import { UNSAFE_URLS, XSS_PAYLOADS, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let demo: ServedDirectory;
let widget: ServedDirectory;

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

/** What the `hostile` scenario puts where (packages/mock-server/src/scenarios.ts). */
const P = XSS_PAYLOADS;
const SOURCES = UNSAFE_URLS.map((_, i) => ({ content: P[i * 5]!, title: P[i * 5 + 1]!, page: P[i * 5 + 2]! }));
const TOOLS = [0, 1, 2].map((i) => ({
  name: P[5 + i]!,
  input: { input: P[15 + i]!, url: UNSAFE_URLS[i]! },
  output: P[25 + i]!,
}));
const AGENTS = [0, 1, 2, 3].map((i) => ({ name: P[i]!, message: P[10 + i]!, next: P[20 + i]! }));
const FOLLOW_UPS = P.slice(0, 3);

interface Findings {
  pwned: unknown;
  /** HTML artifact frames that are not in an empty sandbox, load a URL, or hold a script, handler or javascript:. */
  unsafeArtifactFrames: string[];
  unsafeLinks: string[];
  unsafeImages: string[];
  /** `form[action]`, `[formaction]`, `area[href]`, `iframe[src]`, `iframe[srcdoc]`, `embed[src]`, `object[data]` not http(s). */
  unsafeUrls: string[];
  /** Frames and plugins anywhere on the page (none of the pages has one of its own). */
  frames: string[];
  handlers: string[];
  activeElements: string[];
  overflow: number;
}

/** Everything the page shows, its shadow roots included, checked for what must never be there. */
function inspect(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const host of document.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
    // The one frame the kit makes on purpose: an HTML artifact, sanitised by DOMPurify, in an empty sandbox. It is
    // checked on its own below (sandbox empty, no script, handler or javascript: in its document), then set aside.
    const isArtifactFrame = (el: Element) =>
      el.tagName.toUpperCase() === 'IFRAME' && el.classList.contains('fk-artifact__html');
    const everything = roots.flatMap((root) => Array.from(root.querySelectorAll('*')));
    const all = everything.filter((el) => !isArtifactFrame(el));
    const safe = (url: string) => /^(https?:|mailto:)/.test(url);
    const resolved = (el: Element, value: string) => {
      try {
        return new URL(value, el.baseURI).href;
      } catch {
        return `(invalid) ${value}`;
      }
    };
    const URL_ATTRIBUTES: [string, string][] = [
      ['FORM', 'action'],
      ['*', 'formaction'],
      ['AREA', 'href'],
      ['IFRAME', 'src'],
      ['EMBED', 'src'],
      ['OBJECT', 'data'],
    ];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      unsafeArtifactFrames: everything
        .filter(isArtifactFrame)
        .filter(
          (frame) =>
            frame.getAttribute('sandbox') !== '' ||
            frame.hasAttribute('src') ||
            /<script|\son\w+\s*=|javascript:/i.test(frame.getAttribute('srcdoc') ?? ''),
        )
        .map((frame) => frame.outerHTML.slice(0, 120)),
      unsafeLinks: all
        .filter(
          (el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && el.hasAttribute('href') && !safe(el.href),
        )
        .map((a) => a.href),
      unsafeImages: all
        .filter((el): el is HTMLImageElement => el instanceof HTMLImageElement && !safe(el.src))
        .map((img) => img.src.slice(0, 60)),
      unsafeUrls: all.flatMap((el) =>
        URL_ATTRIBUTES.filter(
          ([tag, name]) => (tag === '*' || el.tagName.toUpperCase() === tag) && el.hasAttribute(name),
        )
          .map(([, name]) => [name, resolved(el, el.getAttribute(name)!)] as const)
          .filter(([, url]) => !safe(url))
          .map(([name, url]) => `${el.tagName}[${name}=${url.slice(0, 60)}]`)
          .concat(el.tagName.toUpperCase() === 'IFRAME' && el.hasAttribute('srcdoc') ? [`IFRAME[srcdoc]`] : []),
      ),
      frames: all
        .filter((el) => ['IFRAME', 'FRAME', 'OBJECT', 'EMBED'].includes(el.tagName.toUpperCase()))
        .map((el) => el.outerHTML.slice(0, 80)),
      handlers: all.flatMap((el) =>
        el
          .getAttributeNames()
          .filter((name) => name.startsWith('on'))
          .map((name) => `${el.tagName}[${name}]`),
      ),
      // Elements that model output could use to run or load something; the apps' own markup has none of them.
      activeElements: all
        .filter((el) =>
          ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'VIDEO', 'SOURCE', 'MATH', 'STYLE', 'SVG'].includes(
            el.tagName.toUpperCase(),
          ),
        )
        .filter((el) => el.getRootNode() !== document || el.closest('[class*="fk-"]'))
        .filter((el) => !(el.tagName.toUpperCase() === 'SVG' && el.closest('button')))
        // KaTeX's own output: MathML for screen readers and SVG for stretchy symbols, built by KaTeX (trust: false).
        // Model markup cannot make a `.katex` element (raw HTML is dropped), and every other check covers them.
        .filter((el) => !(['MATH', 'SVG'].includes(el.tagName.toUpperCase()) && el.closest('.katex')))
        .filter((el) => !(el.tagName.toUpperCase() === 'STYLE' && el.parentNode instanceof ShadowRoot))
        .map((el) => el.outerHTML.slice(0, 80)),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

/** The tool and agent trace shows every hostile tool call and agent step, as text. */
function expectTrace(text: string | null) {
  for (const tool of TOOLS) {
    expect(text).toContain(tool.name);
    expect(text).toContain(JSON.stringify(tool.input, null, 2));
    expect(text).toContain(tool.output);
  }
  for (const agent of AGENTS) {
    expect(text).toContain(agent.name);
    expect(text).toContain(agent.message);
    expect(text).toContain(`→ ${agent.next}`);
  }
}

function expectClean(findings: Findings) {
  expect(findings.pwned).toBeUndefined();
  expect(findings.unsafeArtifactFrames).toEqual([]);
  expect(findings.unsafeLinks).toEqual([]);
  expect(findings.unsafeImages).toEqual([]);
  expect(findings.unsafeUrls).toEqual([]);
  expect(findings.frames).toEqual([]);
  expect(findings.handlers).toEqual([]);
  expect(findings.activeElements).toEqual([]);
  expect(findings.overflow).toBeLessThanOrEqual(0);
}

/** Fails the test on page errors and on any dialog (alert, confirm, prompt: a payload that ran). */
function watch(page: Page) {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/**
 * Opens every disclosure in `scope` (each `<summary>`, each control with `aria-expanded="false"`) and checks it
 * opened; hovers every link. Returns how many disclosures and links there were.
 */
async function openEverything(scope: Locator): Promise<{ disclosures: number; links: number }> {
  // Only closed ones, outermost first (a summary inside a closed <details> is hidden until its parent opens), so a
  // second call never closes what the first opened.
  const shut = scope.locator('details:not([open]) > summary');
  const summaries = await scope.locator('summary').count();
  for (let i = 0; i < summaries && (await shut.count()) > 0; i++) await shut.first().click();
  expect(await scope.locator('details:not([open])').count()).toBe(0);
  // Each click takes its control out of the `[aria-expanded="false"]` set: always click the first one left.
  const closed = scope.locator('[aria-expanded="false"]');
  const expanders = await closed.count();
  for (let i = 0; i < expanders && (await closed.count()) > 0; i++) await closed.first().click();
  expect(await closed.count()).toBe(0);
  const links = await scope.locator('a').all();
  for (const link of links) await link.hover();
  return { disclosures: summaries + expanders, links: links.length };
}

/**
 * The answer's formulas, code and table payloads went through their renderers: the demo (the React entry) typesets
 * the formulas with KaTeX and highlights the code; the script build has neither and shows formulas as their source.
 * Either way no formula makes a link or an image, and the macro that expands forever is shown as its source.
 */
async function expectRichBlocks(article: Locator, typeset: boolean) {
  if (typeset) {
    await expect.poll(() => article.locator('.katex').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    await expect.poll(() => article.locator('[class^="fk-hl-"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  } else {
    expect(await article.locator('.katex, [class^="fk-hl-"]').count()).toBe(0);
  }
  expect(await article.locator('.fk-math__source', { hasText: '\\def\\x' }).count()).toBe(1);
  expect(await article.locator('.fk-math a, .fk-math img, .fk-code a').count()).toBe(0);
  expect(await article.locator('.fk-markdown__table td').allTextContents()).toEqual(['', 'table link']);
  expect(await article.locator('.fk-code code').allTextContents()).toEqual(
    expect.arrayContaining(['fence with markup for a language\n']),
  );
}

/** Text as the page lays it out: runs of white space as one space. */
const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The follow-up chips show the three payloads, as their whole text. */
async function expectFollowUps(scope: Locator) {
  const chips = scope.getByRole('group', { name: 'Follow-up questions' }).getByRole('button');
  expect(await chips.allTextContents()).toEqual(FOLLOW_UPS);
}

describe('hostile content', () => {
  it('the demo shows every payload as inert text: no script, no unsafe link, layout intact', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const seen = watch(page);
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=hostile`);
    const before = await inspect(page);
    await page.getByRole('textbox', { name: 'Message' }).fill('Show me everything');
    await page.keyboard.press('Enter');
    await page.locator('article[data-status="done"]').waitFor({ timeout: 20_000 });
    // Open every disclosure (tool calls, agent steps, sources) so their contents render too, and hover every link.
    const opened = await openEverything(page.locator('body'));
    expect(opened.disclosures).toBeGreaterThanOrEqual(TOOLS.length);
    expect(opened.links).toBeGreaterThan(0);
    const answer = await page.locator('article[aria-label="Answer"]').last().innerText();
    expect(answer).toContain('The end.');
    expect(answer).toContain(`Payload ${XSS_PAYLOADS.length}`);
    await expectRichBlocks(page.locator('article[aria-label="Answer"]').last(), true);

    // What the side panel shows is the payloads as text: present verbatim in textContent (so not parsed as markup).
    const details = page.getByLabel('Selected answer');
    const sources = details.getByRole('region', { name: 'Sources' });
    const items = sources.getByRole('listitem');
    expect(await items.count()).toBe(SOURCES.length);
    for (const [i, source] of SOURCES.entries()) {
      const text = flat(await items.nth(i).textContent());
      expect(text).toContain(flat(source.title));
      expect(text).toContain(`page ${flat(source.page)}`);
      expect(text).toContain(flat(source.content));
    }
    // Every source URL is unsafe: none of them became a link.
    expect(await sources.locator('a').count()).toBe(0);
    const trace = details.getByRole('region', { name: 'Tool and agent trace' });
    expectTrace(await trace.textContent());
    await expectFollowUps(page.locator('article[aria-label="Answer"]').last());
    expectClean(await inspect(page));
    expect(before.overflow).toBeLessThanOrEqual(0);
    // The follow-up chips show the payloads as text; clicking one sends it as a question, inert again.
    const chip = page.getByRole('button', { name: FOLLOW_UPS[0]! });
    await chip.click();
    await page.waitForFunction(() => document.querySelectorAll('article[data-status="done"]').length === 2, undefined, {
      timeout: 20_000,
    });
    expect(await page.getByRole('article', { name: 'Question' }).last().textContent()).toBe(FOLLOW_UPS[0]);
    await openEverything(page.locator('body'));
    expectClean(await inspect(page));
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await page.screenshot({ path: resolve(REPO, 'screenshots/hostile-demo.png') });
    await page.context().close();
  }, 60_000);

  it('the script-tag widget shows every payload as inert text', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const seen = watch(page);
    await page.goto(`${widget.url}/hostile.html?apiHost=${encodeURIComponent(mock.url)}&flow=hostile`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hostile page test' });
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Show me everything');
    await page.keyboard.press('Enter');
    await page.locator('article[data-status="done"]').waitFor({ timeout: 20_000 });
    const kit = page.locator('flowise-kit-chatbot');
    const opened = await openEverything(kit);
    expect(opened.links).toBeGreaterThan(0);
    const answer = await dialog.getByRole('article', { name: 'Answer' }).innerText();
    expect(answer).toContain('The end.');
    expect(answer).toContain(`Payload ${XSS_PAYLOADS.length}`);
    await expectRichBlocks(dialog.getByRole('article', { name: 'Answer' }).last(), false);
    // Under the answer: its sources as chips (every entry opened above) and its steps: the same checks as the demo's.
    const chips = dialog.getByRole('group', { name: 'Sources' }).last();
    const chipText = flat(await chips.textContent());
    for (const source of SOURCES) {
      expect(chipText).toContain(flat(source.title));
      expect(chipText).toContain(`page ${flat(source.page)}`);
      expect(chipText).toContain(flat(source.content));
    }
    // Every source URL is unsafe: none of them became a link.
    expect(await chips.locator('a').count()).toBe(0);
    expectTrace(await dialog.getByRole('region', { name: 'Tool and agent trace' }).last().textContent());
    await expectFollowUps(dialog.getByRole('article', { name: 'Answer' }).last());
    expectClean(await inspect(page));
    const panel = await page.evaluate(() => {
      const box = document
        .querySelector('flowise-kit-chatbot')!
        .shadowRoot!.querySelector('.fk-widget__panel')!
        .getBoundingClientRect();
      return { width: Math.round(box.width), right: Math.round(box.right) };
    });
    expect(panel.width).toBe(400);
    expect(panel.right).toBeLessThanOrEqual(1100);
    // A follow-up clicked in the widget goes out as the question, and its answer is as inert.
    await dialog.getByRole('button', { name: FOLLOW_UPS[0]! }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('flowise-kit-chatbot')!.shadowRoot!.querySelectorAll('article[data-status="done"]')
          .length === 2,
      undefined,
      { timeout: 20_000 },
    );
    expect(await dialog.getByRole('article', { name: 'Question' }).last().textContent()).toBe(FOLLOW_UPS[0]);
    await openEverything(kit);
    expectClean(await inspect(page));
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await page.screenshot({ path: resolve(REPO, 'screenshots/hostile-widget.png') });
    await page.close();
  }, 60_000);
});
