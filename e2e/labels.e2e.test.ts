/**
 * Every label replaced, no English left: the script-tag widget with each label swapped for a marked stand-in, and
 * ChatWindow's German story (every label translated), in Chromium. What is checked is the chrome (text, accessible
 * names, placeholders, titles), not the answer's or the sources' own text.
 */
import { resolve } from 'node:path';
import { defaultLabels, type Labels } from '@flowise-kit/react';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import {
  REPO,
  build,
  launchChromium,
  serveDirectory,
  serveStorybook,
  type ServedDirectory,
} from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
let storybook: ServedDirectory;

beforeAll(async () => {
  const dist = resolve(REPO, 'packages/widget/dist');
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  [site, mock, browser, storybook] = await Promise.all([
    serveDirectory(dist, { '/embed-options.html': resolve(import.meta.dirname, 'pages/embed-options.html') }),
    startMockFlowise({ port: 0, rate: 0, tokens: 12 }),
    launchChromium(),
    serveStorybook(),
  ]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.server.close();
  storybook?.server.close();
});

const defaults: Record<string, string> = { ...defaultLabels };

/** Each label as a stand-in that keeps its placeholders: `‹send›`, `‹sourceCount {count}›`. */
const standIns = Object.fromEntries(
  Object.entries(defaults).map(([key, value]) => [
    key,
    `‹${key}${(value.match(/\{\w+\}/g) ?? []).map((p) => ` ${p}`).join('')}›`,
  ]),
) as unknown as Labels;

/** The English defaults as they would show: a template's longest fixed part. */
const english = Object.entries(defaults)
  .filter(([, value]) => value !== '')
  .map(([key, value]) => {
    const part = value
      .split(/\{\w+\}/)
      .map((piece) => piece.trim())
      .sort((a, b) => b.length - a.length)[0]!;
    return { key, part };
  });

/** The chrome's strings in a widget's shadow root or an element: text, aria-label, placeholder, title, alt. */
function chromeStrings(page: Page, host: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector)!;
    const root: ParentNode = element.shadowRoot ?? element;
    // Model output and source documents: their words are not labels.
    const DATA = '.fk-markdown, .fk-message__text, .fk-chip, .fk-source-chip, .fk-source__head, .fk-source__excerpt';
    const strings: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === 3) {
        const text = node.textContent!.trim();
        if (text) strings.push(text);
        return;
      }
      if (!(node instanceof Element)) return;
      if (node.matches(DATA) || node.localName === 'style' || node.localName === 'script') return;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = node.getAttribute(name);
        if (value) strings.push(value);
      }
      node.childNodes.forEach(walk);
    };
    root.childNodes.forEach(walk);
    return strings;
  }, host);
}

function englishLeft(shown: string[]): string[] {
  // A stand-in names its label (`‹sources›`): that is not English left over.
  const strings = shown.map((text) => text.replace(/‹[^›]*›/g, '‹›'));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return english
    .filter(({ part }) =>
      strings.some((text) => new RegExp(`(^|[^\\p{L}])${escape(part)}($|[^\\p{L}])`, 'u').test(text)),
    )
    .map(({ key, part }) => `${key}: "${part}"`);
}

describe('every label replaced, no English default left on the screen', () => {
  it('the script-tag widget', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const init = {
      labels: standIns,
      theme: { tooltip: { showTooltip: true }, chatWindow: { textInput: { maxChars: 40 } } },
    };
    await page.addInitScript((options) => ((window as { __init?: object }).__init = options), init);
    await page.goto(`${site.url}/embed-options.html?apiHost=${encodeURIComponent(mock.url)}&flow=sources`);
    await page.getByRole('button', { name: '‹openChat›' }).waitFor();
    const closed = await chromeStrings(page, 'flowise-kit-chatbot');
    expect(closed).toContain('‹tooltip›');
    await page.getByRole('button', { name: '‹openChat›' }).click();
    await page.getByRole('group', { name: '‹suggestedQuestions›' }).waitFor();
    const before = await chromeStrings(page, 'flowise-kit-chatbot');
    await page.getByRole('textbox', { name: '‹message›' }).fill('Tell me about foxes');
    await page.getByRole('textbox').press('Enter');
    await page.locator('article[data-status="done"]').waitFor();
    await page.getByRole('button', { name: '‹goodAnswer›' }).click();
    await page.getByRole('textbox', { name: '‹message›' }).fill('x'.repeat(50));
    await page.getByRole('alert').waitFor();
    const after = await chromeStrings(page, 'flowise-kit-chatbot');
    const all = [...closed, ...before, ...after];
    // The stand-ins are there (the check sees the chrome) …
    for (const key of [
      'send',
      'clear',
      'copy',
      'regenerate',
      'sources',
      'feedbackPlaceholder',
      'footerText',
      'question',
    ])
      expect(all.join('\n'), key).toContain(`‹${key}`);
    expect(all).toContain('‹maxCharsWarning 40›');
    // … and no English.
    expect(englishLeft(all)).toEqual([]);
  });

  it("ChatWindow's German story", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    await page.goto(`${storybook.url}/iframe.html?id=components-chatwindow--in-german&viewMode=story`);
    await page.getByRole('button', { name: 'Antwort kopieren' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Gute Antwort' }).click();
    const strings = await chromeStrings(page, '#storybook-root');
    expect(strings).toContain('Kopieren');
    expect(strings).toContain('Ihre Frage…');
    expect(strings).toContain('Mehr dazu (freiwillig)');
    expect(englishLeft(strings)).toEqual([]);
  });
});
