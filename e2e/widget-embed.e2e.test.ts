/**
 * A site that switches from flowise-embed keeps its `Chatbot.init({...})`: the script build honours the options
 * (e2e/pages/embed-options.html, the compare page's rich config), in Chromium, against the mock Flowise.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
let context: BrowserContext;

beforeAll(async () => {
  const dist = resolve(REPO, 'packages/widget/dist');
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  [site, mock, browser] = await Promise.all([
    serveDirectory(dist, {
      '/embed-options.html': resolve(import.meta.dirname, 'pages/embed-options.html'),
      '/compare.html': resolve(import.meta.dirname, 'pages/compare.html'),
    }),
    startMockFlowise({ port: 0, rate: 0, tokens: 12 }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.server.close();
});
beforeEach(async () => {
  mock.clearRequests();
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  return () => context.close();
});

async function withOptions(init: object, flow = 'plain', ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  await page.addInitScript((options) => ((window as { __init?: object }).__init = options), init);
  await page.goto(`${site.url}/embed-options.html?apiHost=${encodeURIComponent(mock.url)}&flow=${flow}`);
  return page;
}
async function ask(page: Page, question: string) {
  await page.getByRole('textbox').fill(question);
  await page.getByRole('textbox').press('Enter');
  await page.locator('article[data-status="done"], article[data-status="error"]').last().waitFor();
}
const inWidget = <T>(page: Page, fn: (root: ShadowRoot) => T) =>
  page.evaluate(`(${fn.toString()})(document.querySelector('flowise-kit-chatbot').shadowRoot)`) as Promise<T>;

describe('the rich config of the compare page', () => {
  it('title bar colours and avatar, message avatars, footer, tooltip; the welcome bubble stays', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/compare.html?lib=kit&apiHost=${encodeURIComponent(mock.url)}&flow=sources`);
    await page.getByText('Questions? Ask me!').waitFor(); // the module script renders it after load
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByText('Questions? Ask me!').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Tell me about foxes' }).click();
    await page.locator('article[data-status="done"]').waitFor();
    const look = await inWidget(page, (root) => {
      const header = getComputedStyle(root.querySelector('.fk-widget__header')!);
      const avatar = (selector: string) => getComputedStyle(root.querySelector(selector)!, '::before').backgroundImage;
      const footer = root.querySelector<HTMLAnchorElement>('.fk-widget__footer a')!;
      const stream = root.querySelector('.fk-chat-stream__content')!;
      return {
        headerBg: header.backgroundColor,
        headerText: header.color,
        titleAvatar: root.querySelector<HTMLImageElement>('.fk-widget__title-avatar')?.src.slice(0, 15),
        botAvatar: avatar('article.fk-message--assistant').slice(0, 30),
        userAvatar: avatar('.fk-message--user').slice(0, 30),
        footer: root.querySelector('.fk-widget__footer')!.textContent,
        footerLink: footer.href,
        first: stream.firstElementChild?.textContent,
        order: [...stream.children].map((child) => child.className.split(' ')[0]),
        panel: root.querySelector('.fk-widget__panel')!.getBoundingClientRect().width,
      };
    });
    expect(look).toMatchObject({
      headerBg: 'rgb(15, 118, 110)',
      headerText: 'rgb(255, 255, 255)',
      titleAvatar: 'data:image/svg+',
      footer: 'Powered by Acme',
      footerLink: 'https://example.com/',
      first: 'Hello! I answer questions about foxes.',
      panel: 400,
    });
    expect(look.botAvatar).toMatch(/^url\("data:image\/svg\+xml/);
    expect(look.userAvatar).toMatch(/^url\("data:image\/svg\+xml/);
    // Welcome bubble, then the question and the answer.
    expect(look.order.slice(0, 3)).toEqual(['fk-widget__welcome-bubble', 'fk-message', 'fk-message']);
  });

  it('auto-opens after its delay, and on a phone the panel fills the screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${site.url}/compare.html?lib=kit&open&apiHost=${encodeURIComponent(mock.url)}`);
    await page.getByRole('dialog', { name: 'Acme Support' }).waitFor();
    const box = await page.getByRole('dialog').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 740 });
    // Auto-open leaves the focus on the page.
    await expect(page.evaluate(() => document.activeElement === document.body)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Close chat' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await phone.close();
  });
});

describe('options one by one', () => {
  it('CSS lengths as given, customCSS inside the shadow root, max characters with its warning', async () => {
    const page = await withOptions({
      theme: {
        customCSS: '.fk-widget__title { letter-spacing: 3px; }',
        chatWindow: {
          width: '50vw',
          height: '70dvh',
          title: 'Sized',
          textInput: { maxChars: 10, maxCharsWarningMessage: 'Ten at most.' },
        },
      },
    });
    await page.getByRole('button', { name: 'Open chat' }).click();
    const size = await inWidget(page, (root) => {
      const panel = root.querySelector('.fk-widget__panel')!.getBoundingClientRect();
      const title = getComputedStyle(root.querySelector('.fk-widget__title')!).letterSpacing;
      return { width: Math.round(panel.width), height: Math.round(panel.height), title };
    });
    expect(size).toEqual({ width: 500, height: 560, title: '3px' });
    await page.getByRole('textbox').fill('A question that is far too long');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Ten at most.');
    await expect(page.getByRole('button', { name: 'Send' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('textbox').press('Enter');
    await page.getByRole('textbox').fill('Short');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.getByRole('textbox').press('Enter');
    await page.locator('article[data-status="done"]').waitFor();
    expect(mock.predictions().map((p) => (p.body as { question: string }).question)).toEqual(['Short']);
  });

  it('observers, onRequest headers, window.Chatbot.clearChat and the date/time toggle', async () => {
    const page = await withOptions({ theme: { chatWindow: { dateTimeToggle: { time: true } } } });
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox').pressSequentially('Hi');
    await page.getByRole('textbox').press('Enter');
    await page.locator('article[data-status="done"]').waitFor();
    const observed = await page.evaluate(
      () =>
        (window as unknown as { __observed: { input: string[]; loading: boolean[]; messages: unknown[][] } })
          .__observed,
    );
    expect(observed.input).toEqual(['H', 'Hi']);
    expect(observed.loading).toEqual([false, true, false]);
    expect(observed.messages.at(-1)).toMatchObject([
      { type: 'userMessage', message: 'Hi' },
      { type: 'apiMessage', message: expect.stringMatching(/\w/) },
    ]);
    const prediction = mock.requests.find((r) => r.method === 'POST' && r.path.startsWith('/api/v1/prediction/'))!;
    expect(prediction.headers['x-gateway-token']).toBe('from-onRequest');
    await expect(page.locator('time').count()).resolves.toBe(2);
    await expect(page.locator('time').first().textContent()).resolves.toMatch(/\d{1,2}:\d{2}/);

    const api = await page.evaluate(() => Object.keys((window as unknown as { Chatbot: object }).Chatbot).sort());
    expect(api).toEqual(['clearChat', 'destroy', 'init', 'initFull']);
    await page.evaluate(() => (window as unknown as { Chatbot: { clearChat: () => void } }).Chatbot.clearChat());
    await expect(page.getByRole('article').count()).resolves.toBe(0);
  });

  it('the custom error message; clearChatOnReload keeps nothing over a reload', async () => {
    const page = await withOptions(
      { theme: { chatWindow: { errorMessage: 'Sorry, try again later.', clearChatOnReload: true } } },
      'http-500',
    );
    await page.getByRole('button', { name: 'Open chat' }).click();
    await ask(page, 'Break');
    await expect(page.locator('.fk-message__error').textContent()).resolves.toBe('Sorry, try again later.');
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('article').count()).resolves.toBe(0);
  });

  it('renderHTML: the allowed markup renders, nothing from the hostile answer runs or keeps a handler', async () => {
    const page = await withOptions({ theme: { chatWindow: { renderHTML: true } } }, 'hostile');
    const alerts: string[] = [];
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => alerts.push(dialog.message())));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await ask(page, 'Be hostile');
    await page.waitForTimeout(500);
    const found = await inWidget(page, (root) => {
      const body = root.querySelector('article[aria-label="Answer"] .fk-markdown')!;
      const all = [...body.querySelectorAll('*')];
      return {
        tags: [...new Set(all.map((element) => element.localName))].sort(),
        attributes: [...new Set(all.flatMap((element) => element.getAttributeNames()))].sort(),
        hrefs: all.filter((element) => element.hasAttribute('href')).map((element) => element.getAttribute('href')),
        details: body.querySelectorAll('details').length,
      };
    });
    for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'svg', 'math', 'base', 'meta'])
      expect(found.tags).not.toContain(tag);
    expect(found.attributes.filter((name) => name.startsWith('on') || name === 'style' || name === 'srcdoc')).toEqual(
      [],
    );
    expect(found.hrefs.every((href) => /^(https?:|mailto:)/.test(href!))).toBe(true);
    expect(found.details).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(alerts).toEqual([]);
  });

  it('drags the launcher sideways; the click that ends a drag does not open the panel', async () => {
    const page = await withOptions({ theme: { button: { dragAndDrop: true } } });
    const launcher = page.getByRole('button', { name: 'Open chat' });
    const before = (await launcher.boundingBox())!;
    await page.mouse.move(before.x + 20, before.y + 20);
    await page.mouse.down();
    await page.mouse.move(before.x - 200, before.y + 20, { steps: 8 });
    await page.mouse.up();
    const after = (await launcher.boundingBox())!;
    expect(Math.round(before.x - after.x)).toBe(220);
    expect(after.y).toBe(before.y);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await launcher.click();
    const panel = (await page.getByRole('dialog').boundingBox())!;
    expect(Math.round(panel.x + panel.width)).toBe(Math.round(after.x + after.width));
  });
});
