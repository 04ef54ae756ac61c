/**
 * The browser's floor for showing an answer: the kit's own final DOM and CSS for a case, grown back at the case's
 * pace by a page that runs no other script. What that page costs is what Chromium needs to style, lay out and paint
 * this answer at this pace, before any renderer has parsed a byte or run a line of React; a renderer of this DOM can
 * only add to it.
 *
 * It is a lower bound: the text grows as it streams (each text node in place, an element added with its first
 * character), but there is no markdown, no React, no transport, and no element is ever replaced (a streaming
 * renderer re-renders a block whose markdown changes shape, a list or a fence that closes). The follow-the-bottom
 * scrolling is the kit's (a ResizeObserver that pins the view to the end), so the floor scrolls as the kit does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * Loads the kit page at `url` on an unthrottled CPU, streams the case's answer as fast as the server sends it, and
 * writes the settled page (its DOM, its stylesheets inlined, no scripts) with {@link REPLAY} to `file`.
 */
export async function captureAnswerDom(browser: Browser, url: string, file: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(
    () => typeof (window as unknown as { __bench?: { start?: unknown } }).__bench?.start === 'function',
  );
  await page.evaluate(() => void (window as unknown as { __bench: { start: () => unknown } }).__bench.start());
  await page.waitForFunction(() => (window as unknown as { __bench: { done: boolean } }).__bench.done, undefined, {
    timeout: 600_000,
    polling: 100,
  });
  const html = await page.evaluate(() => {
    const css = [...document.styleSheets]
      .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'))
      .join('\n');
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    // The font warm-up's specimens (ChatStream) hold an `.fk-markdown` of their own while they are shown: a capture
    // that ends during the warm-up (a restored conversation's) would otherwise take one for the answer.
    for (const element of copy.querySelectorAll('script, link[rel="stylesheet"], style, .fk-font-warm-up'))
      element.remove();
    const style = document.createElement('style');
    style.textContent = css;
    copy.querySelector('head')!.append(style);
    return `<!doctype html>${copy.outerHTML}`;
  });
  await page.close();
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, html.replace('</body>', `<script>${REPLAY}</script></body>`));
}

/**
 * The replay page's script. On load it takes the last answer's content out of the page (keeping a copy as the
 * template) and lays out a hidden copy of one paragraph, list and code block with other words (the kit warms its
 * fonts the same way; the words differ so that no shaped word is cached). `__bench.start()` then grows the answer
 * back, every `tick` ms (50: the kit's batch interval) by as many characters as are due for it to end after
 * `seconds`: each text node grows in place, as a streaming renderer grows it, and an element is added (a shallow
 * copy of the template's) when its first character is due. `__bench.done` is set after the last.
 * A string: the page has none of the helpers a compiled function might call.
 */
const REPLAY = `(() => {
  const query = new URLSearchParams(location.search);
  const seconds = Number(query.get('seconds'));
  const tick = Number(query.get('tick') ?? 50);
  const answer = [...document.querySelectorAll('.fk-markdown')].at(-1);
  const template = answer.cloneNode(true);
  answer.replaceChildren();
  const texts = [];
  const walker = document.createTreeWalker(template, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode);
  const total = texts.reduce((n, t) => n + t.data.length, 0);
  const warm = document.createElement('div');
  warm.className = answer.className;
  warm.style.cssText = 'position:absolute;top:0;width:320px;visibility:hidden';
  for (const kind of ['p', 'ul', '.fk-code']) {
    const sample = template.querySelector(kind);
    if (!sample) continue;
    const copy = sample.cloneNode(true);
    const words = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    while (words.nextNode()) words.currentNode.data = words.currentNode.data.replace(/[A-Za-z]+/g, 'Warm');
    warm.append(copy);
  }
  answer.after(warm);
  requestAnimationFrame(() => requestAnimationFrame(() => warm.remove()));
  const scroller = document.querySelector('.fk-chat-stream');
  const pin = new ResizeObserver(() => { scroller.scrollTop = scroller.scrollHeight; });
  pin.observe(scroller);
  pin.observe(scroller.firstElementChild);
  const live = new Map([[template, answer]]);
  const place = (node) => {
    let copy = live.get(node);
    if (copy) return copy;
    copy = node.nodeType === Node.TEXT_NODE ? document.createTextNode('') : node.cloneNode(false);
    place(node.parentNode).append(copy);
    live.set(node, copy);
    return copy;
  };
  window.__bench = { done: false, commits: 0, durations: [], sidePanelCommitsDuringTokens: 0, arrivals: {}, paints: {}, start() {
    const started = performance.now();
    let shown = 0, index = 0, offset = 0;
    const step = () => {
      let due = Math.min(total, Math.ceil(((performance.now() - started) / (seconds * 1000)) * total)) - shown;
      while (due > 0 && index < texts.length) {
        const text = texts[index];
        const take = Math.min(due, text.data.length - offset);
        offset += take;
        shown += take;
        due -= take;
        place(text).data = text.data.slice(0, offset);
        if (offset === text.data.length) { index++; offset = 0; }
      }
      if (shown < total) setTimeout(step, tick);
      else requestAnimationFrame(() => requestAnimationFrame(() => (window.__bench.done = true)));
    };
    step();
  } };
})();`;
