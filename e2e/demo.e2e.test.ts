/**
 * The built demo app against the mock Flowise server, in Debian's Chromium, as a person uses it.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let browser: Browser;
let mock: MockFlowise;
let demo: ServedDirectory;
let page: Page;

beforeAll(async () => {
  const root = resolve(REPO, 'apps/demo/dist');
  build(root, '--filter', '@flowise-kit/demo', 'build');
  [demo, mock, browser] = await Promise.all([
    serveDirectory(root),
    startMockFlowise({ port: 0, rate: 60, tokens: 60 }),
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
  mock.configure({ rate: 60, tokens: 60 });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  return () => page.context().close();
});

async function ask(chatflowId: string, question: string) {
  await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=${chatflowId}`);
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.keyboard.press('Enter');
}
const answerText = () => page.locator('article[aria-label="Answer"]').last().innerText();

describe('the demo app', () => {
  it('streams an answer that grows over time, then shows its sources', async () => {
    // 150 tokens at 60 a second: the samples below span well under half of the stream, even on a loaded machine.
    mock.configure({ tokens: 150 });
    await ask('sources', 'Tell me about foxes');
    // The visible answer, not the article's whole text: its screen-reader live region keeps only the last three
    // sentences, so the article's text can shrink while the answer grows.
    const body = page.locator('article[aria-label="Answer"] .fk-message__body').last();
    await page.waitForFunction(
      () => (document.querySelector('article[aria-label="Answer"] .fk-message__body')?.textContent ?? '') !== '',
    );
    // Samples while it streams; on a slow machine the answer may finish before the last sample, which then only
    // has to be as long as the one before.
    const samples: { length: number; streaming: boolean }[] = [];
    for (let i = 0; i < 4; i++) {
      await page.waitForTimeout(150);
      const streaming =
        (await page.locator('article[aria-label="Answer"]').last().getAttribute('data-status')) === 'streaming';
      samples.push({ length: (await body.innerText()).length, streaming });
    }
    expect(samples[0]!.length).toBeGreaterThan(0);
    expect(samples[0]!.streaming).toBe(true);
    for (let i = 1; i < samples.length; i++) {
      if (samples[i]!.streaming) expect(samples[i]!.length).toBeGreaterThan(samples[i - 1]!.length);
      else expect(samples[i]!.length).toBeGreaterThanOrEqual(samples[i - 1]!.length);
    }
    expect(samples.at(-1)!.length).toBeGreaterThan(samples[0]!.length);
    await page.waitForSelector('article[data-status="done"]');
    await expect(page.getByRole('link', { name: 'The fox and the river' }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('3 sources').innerText()).toBe('3');
    expect(mock.predictions()).toHaveLength(1);
  });

  it("shows an answer's artifacts: the image inline, the HTML sanitised by DOMPurify in a sandboxed frame", async () => {
    await ask('artifacts', 'Draw me something');
    await page.waitForSelector('article[data-status="done"]');
    const image = page.locator('.fk-artifact__image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const frame = page.locator('iframe.fk-artifact__html');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const doc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(doc).toContain('<b>hi</b>');
    expect(doc).not.toContain('script');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('shows the tool trace of an answer', async () => {
    await ask('tools', 'What is 6 times 7?');
    await page.waitForSelector('article[data-status="done"]');
    const trace = page.getByRole('region', { name: 'Tool and agent trace' });
    await trace.getByText('calculator').click();
    await expect(trace.getByText('42', { exact: true }).isVisible()).resolves.toBe(true);
  });

  it('Stop keeps the partial text and says "Stopped"; the server is asked to abort', async () => {
    mock.configure({ rate: 30 });
    await ask('long', 'A long one please');
    await page.waitForFunction(
      () => (document.querySelector('article[aria-label="Answer"]')?.textContent ?? '').length > 40,
    );
    // The side panel says why it is empty rather than being a blank box.
    await expect(
      page.getByLabel('Selected answer').getByText('No sources or tool calls yet.').isVisible(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Stop answering' }).click();
    const partial = await answerText();
    await page.waitForSelector('article[data-status="aborted"]');
    expect(await page.locator('article[data-status="aborted"]').getByText('Stopped').isVisible()).toBe(true);
    await page.getByLabel('Selected answer').getByText('This answer has no sources or tool calls.').waitFor();
    await page.waitForTimeout(400);
    expect((await answerText()).length).toBeGreaterThanOrEqual(partial.length - 10);
    expect(await answerText()).toContain(partial.slice(0, 30));
    await expect
      .poll(() => mock.requests.filter((r) => r.method === 'PUT' && r.path.includes('/chatmessage/abort/long/')))
      .toHaveLength(1);
    expect(mock.predictions()).toHaveLength(1);
  });

  it("an HTTP error shows the server's message", async () => {
    await ask('http-404', 'Hello?');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Chatflow http-404 not found in the database!');
  });

  it('a follow-up chip asks a second question with the same chatId', async () => {
    await ask('follow-up', 'Tell me a story');
    await page.getByRole('button', { name: 'Tell me about the river' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article[data-status="done"]').length === 2);
    const bodies = mock.predictions().map((r) => r.body as { question: string; chatId: string });
    expect(bodies.map((b) => b.question)).toEqual(['Tell me a story', 'Tell me about the river']);
    expect(bodies[1]!.chatId).toBe(bodies[0]!.chatId);
  });

  it('the raw event inspector lists events and never shows the API key the agentflow trace leaks', async () => {
    await ask('agentflow', 'Run it');
    await page.waitForSelector('article[data-status="done"]');
    const inspector = page.getByRole('region', { name: 'Raw event inspector' });
    await expect.poll(() => inspector.locator('li').count()).toBeGreaterThan(60);
    expect(await inspector.innerText()).toContain('agentFlowExecutedData');
    const download = page.waitForEvent('download');
    await inspector.getByRole('button', { name: 'Export last turn' }).click();
    const file = await (await download).createReadStream();
    let exported = '';
    for await (const chunk of file) exported += String(chunk);
    expect(exported).toContain('"agentFlowExecutedData"');
    expect(exported).toContain('[redacted]');
    expect(exported).not.toContain('sk-mock-secret');
  });

  it("an agentflow's start form: every field type, required fields, sent as `form` instead of a question", async () => {
    await page.goto(`${demo.url}/?apiHost=${encodeURIComponent(mock.url)}&chatflowId=start-form`);
    const form = page.getByRole('form', { name: 'Book a table' });
    await form.waitFor(); // it shows once the chatbot config has loaded
    await expect(form.getByText('Tell us who is coming.').isVisible()).resolves.toBe(true);
    // The flow's first input is the form: the composer waits.
    await expect(page.getByRole('textbox', { name: 'Message' }).isDisabled()).resolves.toBe(true);
    await form.getByRole('button', { name: 'Start' }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toBe('Please fill in every field.');
    await expect(form.getByLabel('Your name').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(mock.predictions()).toHaveLength(0);

    await form.getByLabel('Your name').fill('Ada');
    await form.getByLabel('Guests').fill('3');
    await form.getByLabel('Room').selectOption('Library');
    await form.getByLabel('Vegetarian menu').check();
    await form.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('article[data-status="done"]');
    const form_ = { name: 'Ada', guests: 3, room: 'Library', vegetarian: true };
    expect(mock.predictions().map((r) => r.body)).toEqual([expect.objectContaining({ question: '', form: form_ })]);
    expect(await answerText()).toContain('Booked with name: Ada, guests: 3, room: Library, vegetarian: true');
    // The question's bubble shows what was sent; then the conversation goes on with questions.
    const question = page.getByRole('article', { name: 'Question' });
    await expect(question.innerText()).resolves.toMatch(/name\s+Ada[\s\S]*vegetarian\s+Yes/);
    await expect(page.getByRole('textbox', { name: 'Message' }).isDisabled()).resolves.toBe(false);
  });

  it("an answer's files download through Flowise, with their bytes", async () => {
    await ask('file-annotations', 'Make me a report');
    await page.waitForSelector('article[data-status="done"]');
    const files = page.getByRole('group', { name: 'Files' });
    const download = page.waitForEvent('download');
    await files.getByRole('button', { name: 'Download report.csv' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('report.csv');
    let text = '';
    for await (const chunk of await saved.createReadStream()) text += String(chunk);
    expect(text).toBe('day,stones\nmonday,12\ntuesday,15\n');
    const [request] = mock.requests.filter(
      (r) => r.method === 'POST' && r.path === '/api/v1/openai-assistants-file/download',
    );
    expect(request?.body).toMatchObject({ chatflowId: 'file-annotations', fileName: 'report.csv' });
  });

  it('shows what an agentflow answer cost in tokens', async () => {
    await ask('agentflow', 'Run it');
    await page.waitForSelector('article[data-status="done"]');
    await expect(page.locator('.fk-usage').innerText()).resolves.toBe('70 tokens (10 in, 60 out)');
  });
});
