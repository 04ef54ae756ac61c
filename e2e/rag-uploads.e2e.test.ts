/**
 * RAG uploads in the script-tag widget against the mock in Chromium: with an API key a picked text file goes into the
 * chatflow's vector store (`POST vector/upsert`, multipart, the exact bytes in the mock's request log), then the
 * question goes with a `file:rag` upload; a refused upsert keeps the question and the file; without a key no file
 * goes to the vector store.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataUrlBytes } from './media-files';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
let context: BrowserContext;

const NOTES = Buffer.from('The heron counts the silver reeds at dusk.\nThe lake keeps the count.\n');

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
  context = await browser.newContext({ viewport: { width: 1000, height: 860 } });
  return () => context.close();
});

async function openWidget(flow: string, apiKey?: string): Promise<Page> {
  const page = await context.newPage();
  const key = apiKey ? `&apiKey=${apiKey}` : '';
  await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(mock.url)}&flow=${flow}${key}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('button', { name: 'Attach files' }).waitFor();
  return page;
}
const pickNotes = (page: Page) =>
  page
    .locator('form.fk-composer input[type=file]')
    .setInputFiles({ name: 'heron.txt', mimeType: 'text/plain', buffer: NOTES });
const upserts = () => mock.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/vector/upsert/'));

describe('RAG uploads', () => {
  it('with a key: upserts the file (multipart, exact bytes), then asks with a file:rag upload', async () => {
    const page = await openWidget('rag', 'test-workspace-key');
    await pickNotes(page);
    const pending = page.locator('form.fk-composer').getByRole('list', { name: 'Attachments' });
    await expect.poll(() => pending.innerText()).toContain('to knowledge base');
    await page.getByRole('textbox', { name: 'Message' }).fill('What does the heron count?');
    await page.screenshot({ path: resolve(REPO, 'screenshots/rag-composer.png') });
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();

    expect(upserts()).toHaveLength(1);
    const upsert = upserts()[0]!;
    expect(upsert.method).toBe('POST');
    expect(upsert.path).toBe('/api/v1/vector/upsert/rag');
    expect(upsert.headers.authorization).toBe('Bearer test-workspace-key');
    expect(String(upsert.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const multipart = String(upsert.body);
    expect(multipart).toContain('name="files"; filename="heron.txt"\r\nContent-Type: text/plain\r\n\r\n');
    expect(multipart).toContain(`\r\n\r\n${NOTES.toString('utf8')}\r\n`);

    expect(mock.predictions()).toHaveLength(1);
    const prediction = mock.predictions()[0]!;
    expect(prediction.receivedAt).toBeGreaterThanOrEqual(upsert.receivedAt);
    const body = prediction.body as { question: string; chatId: string; uploads: Record<string, string>[] };
    expect(multipart).toContain(`name="chatId"\r\n\r\n${body.chatId}\r\n`);
    expect(body.question).toBe('What does the heron count?');
    expect(body.uploads.map(({ data: _data, ...rest }) => rest)).toEqual([
      { type: 'file:rag', name: 'heron.txt', mime: 'text/plain' },
    ]);
    expect(dataUrlBytes(body.uploads[0]!.data!).equals(NOTES)).toBe(true);
    await expect(page.getByRole('article', { name: 'Answer' }).innerText()).resolves.toContain(
      `file:rag heron.txt (text/plain, ${NOTES.length} bytes)`,
    );
    await expect(pending.count()).resolves.toBe(0);
    await page.screenshot({ path: resolve(REPO, 'screenshots/rag-sent.png') });
  });

  it('a refused upsert (401) says a workspace key is needed and keeps the question and the file', async () => {
    const page = await openWidget('rag-refused', 'revoked-key');
    await pickNotes(page);
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('What does the heron count?');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.locator('.fk-composer__alerts');
    await expect.poll(() => alert.innerText()).toMatch(/needs a workspace API key since Flowise 3\.0\.13/);
    await expect(input.inputValue()).resolves.toBe('What does the heron count?');
    await expect(
      page.locator('form.fk-composer').getByRole('list', { name: 'Attachments' }).innerText(),
    ).resolves.toContain('heron.txt');
    await page.screenshot({ path: resolve(REPO, 'screenshots/rag-refused.png') });
    expect(upserts()).toHaveLength(1);
    expect(JSON.stringify(await page.evaluate(() => Object.entries(localStorage)))).not.toContain('revoked-key');
    expect(mock.predictions()).toHaveLength(0);
  });

  it('without a key or a proxy no file goes to the vector store: only images are offered', async () => {
    const page = await openWidget('rag');
    await pickNotes(page);
    await expect
      .poll(() => page.locator('.fk-composer__alerts').innerText())
      .toMatch(/“heron\.txt” \(text\/plain\) cannot be sent: allowed types are image\/png/);
    expect(upserts()).toHaveLength(0);
  });
});
