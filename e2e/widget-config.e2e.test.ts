/**
 * The script-tag widget with what a chatflow's chatbot config turns on, against the mock in Chromium: every part of
 * an answer (source chips, collapsed steps), feedback only when enabled (one record per answer, a comment, the
 * rating back after a reload), lead capture, the disclaimer, human input with feedback text, Regenerate, and a
 * persisted chat that holds no leaked key.
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
    serveDirectory(dist, { '/widget.html': resolve(import.meta.dirname, 'pages/widget.html') }),
    startMockFlowise({ port: 0, rate: 0, tokens: 20 }),
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

async function openWidget(flow: string, extra = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(mock.url)}&flow=${flow}${extra}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  return page;
}
async function ask(page: Page, question: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await page.locator('article[aria-label="Answer"][data-status="done"]').last().waitFor();
}
const requests = (method: string, path: string) =>
  mock.requests.filter((r) => r.method === method && r.path.startsWith(path));

describe('the widget shows every part of an answer', () => {
  it('sources as chips that open the full entry; tool steps collapsed', async () => {
    const page = await openWidget('sources');
    await ask(page, 'Tell me about foxes');
    const chips = page.getByRole('group', { name: 'Sources' });
    await chips.getByRole('button', { name: 'The fox and the river' }).click();
    const entry = chips.getByRole('region', { name: 'The fox and the river' });
    await expect(entry.getByText(/Foxes listen more than they count/).isVisible()).resolves.toBe(true);
    // The hostile source's title is text, never markup.
    await expect(chips.getByRole('button', { name: '<b>bold title</b>' }).isVisible()).resolves.toBe(true);

    const tools = await openWidget('tools');
    await ask(tools, 'What is 6 times 7?');
    const steps = tools.locator('details.fk-widget__trace');
    await expect(steps.getAttribute('open')).resolves.toBeNull();
    await steps.locator(':scope > summary').click();
    await expect(steps.getByText('calculator').first().isVisible()).resolves.toBe(true);
  });
});

describe('feedback, as the chatbot config says', () => {
  it('one record per answer: rate, comment, change of mind; the rating is back after a reload', async () => {
    const page = await openWidget('plain');
    await ask(page, 'Rate me');
    await page.getByRole('button', { name: 'Good answer' }).click();
    await page.getByRole('textbox', { name: 'Tell us more (optional)' }).fill('Clear and short');
    await page.getByRole('form', { name: 'Feedback comment' }).getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Bad answer' }).click();
    await expect.poll(() => requests('PUT', '/api/v1/feedback/').length).toBe(2);
    expect(requests('POST', '/api/v1/feedback/')).toHaveLength(1);
    expect(requests('PUT', '/api/v1/feedback/').map((r) => r.body)).toEqual([
      { rating: 'THUMBS_UP', content: 'Clear and short' },
      { rating: 'THUMBS_DOWN', content: 'Clear and short' },
    ]);
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('button', { name: 'Bad answer' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it('no thumbs when the chatflow turned feedback off', async () => {
    const page = await openWidget('no-feedback');
    await ask(page, 'Hi');
    await expect(page.getByRole('button', { name: 'Copy answer' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Good answer' }).count()).resolves.toBe(0);
  });
});

describe('lead capture and the disclaimer', () => {
  it('asks for the lead first, refuses a bad e-mail, saves it once, then chats; not asked again', async () => {
    const page = await openWidget('leads');
    const form = page.getByRole('form', { name: 'Your details' });
    await expect(form.getByText('Before we start').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('textbox', { name: 'Message' }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('Name').fill('Ada');
    await form.getByLabel('E-mail').fill('not-an-address');
    await form.getByRole('button', { name: 'Start chatting' }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toMatch(/valid e-mail/);
    expect(requests('POST', '/api/v1/leads')).toHaveLength(0);
    await form.getByLabel('E-mail').fill('ada@example.com');
    await form.getByRole('button', { name: 'Start chatting' }).click();
    await page.getByText('Thanks! Ask away.').waitFor();
    expect(requests('POST', '/api/v1/leads').map((r) => r.body)).toEqual([
      { chatflowid: 'leads', name: 'Ada', email: 'ada@example.com' },
    ]);
    await ask(page, 'Now I may ask');
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('form', { name: 'Your details' }).count()).resolves.toBe(0);
    expect(requests('POST', '/api/v1/leads')).toHaveLength(1);
  });

  it('shows the disclaimer until accepted, and remembers it', async () => {
    const page = await openWidget('plain', '&disclaimer');
    const dialog = page.getByRole('alertdialog', { name: 'Before you chat' });
    await expect(dialog.getByText('Do not share personal data.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('textbox', { name: 'Message' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'I understand' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    await ask(page, 'Hi');
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
  });
});

describe('agentflows, regenerate and what is saved', () => {
  it('human input sends the typed feedback with the decision', async () => {
    const page = await openWidget('hitl');
    await ask(page, 'Plan a trip');
    await page.getByRole('textbox', { name: 'Feedback (optional)' }).fill('Cheaper hotels, please');
    await page.getByRole('group', { name: 'Approve or reject' }).getByRole('button').last().click();
    await expect.poll(() => mock.predictions().length).toBe(2);
    expect(mock.predictions()[1]!.body).toMatchObject({
      humanInput: { type: 'reject', feedback: 'Cheaper hotels, please' },
    });
  });

  it("an agentflow's start form comes first, is sent as `form`, and Regenerate sends the same form once", async () => {
    const page = await openWidget('start-form');
    const form = page.getByRole('form', { name: 'Book a table' });
    await form.waitFor(); // it shows once the chatbot config has loaded
    await expect(page.getByRole('textbox', { name: 'Message' }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('Your name').fill('Grace');
    await form.getByLabel('Guests').fill('2');
    await form.getByRole('button', { name: 'Start' }).click();
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();
    const sent = { name: 'Grace', guests: 2, room: 'Garden', vegetarian: false };
    expect(mock.predictions().map((r) => r.body)).toEqual([expect.objectContaining({ question: '', form: sent })]);
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => mock.predictions().length).toBe(2);
    expect(mock.predictions()[1]!.body).toMatchObject({ question: '', form: sent });
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();
    await expect(page.getByRole('article', { name: 'Question' }).innerText()).resolves.toMatch(/name\s+Grace/);
    await expect(page.getByRole('textbox', { name: 'Message' }).isDisabled()).resolves.toBe(false);
  });

  it('Regenerate asks the question again once, replacing the latest answer', async () => {
    const page = await openWidget('plain');
    await ask(page, 'Say it again');
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => mock.predictions().length).toBe(2);
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();
    expect((mock.predictions()[1]!.body as { question: string }).question).toBe('Say it again');
    await expect(page.getByRole('article', { name: 'Answer' }).count()).resolves.toBe(1);
    await expect(page.getByRole('article', { name: 'Question' }).count()).resolves.toBe(1);
  });

  it('a key Flowise echoes in an agentflow trace is never in the page or in localStorage', async () => {
    const page = await openWidget('agentflow');
    await ask(page, 'Translate this');
    const saved = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(saved).toContain('[redacted]');
    expect(saved).not.toMatch(/sk-[A-Za-z0-9-]{6,}/);
    const html = await page.evaluate(() => document.querySelector('flowise-kit-chatbot')!.shadowRoot!.innerHTML);
    expect(html).not.toMatch(/sk-[A-Za-z0-9-]{6,}/);
  });
});
