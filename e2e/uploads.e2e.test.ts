/**
 * Images with a question, in the script-tag widget against the mock in Chromium: picked, pasted, dropped and by URL;
 * previewed in the composer and the question; the exact bytes in the mock's request log; shown again after a reload
 * through get-upload-file while the saved history holds no base64; refused types and sizes say why.
 */
import { resolve } from 'node:path';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataUrlBytes, dropFiles, pasteFiles, png } from './media-files';

let browser: Browser;
let mock: MockFlowise;
let site: ServedDirectory;
let context: BrowserContext;

const RED = png(48, 48, [220, 40, 40]);
const GREEN = png(40, 40, [40, 160, 60]);
const BLUE = png(32, 32, [40, 80, 220]);

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

async function openWidget(flow: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(mock.url)}&flow=${flow}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  return page;
}
const lastPrediction = () =>
  mock.predictions().at(-1)?.body as { question: string; chatId: string; uploads?: Record<string, string>[] };

describe('images with a question', () => {
  it('picked, pasted, dropped and by URL: previewed, sent byte for byte, shown in the question', async () => {
    const page = await openWidget('uploads');
    const composer = page.locator('form.fk-composer');
    await page.getByRole('button', { name: 'Attach files' }).waitFor();
    await composer.locator('input[type=file]').setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: RED });
    await pasteFiles(page.getByRole('textbox', { name: 'Message' }), [
      { name: 'green.png', mimeType: 'image/png', buffer: GREEN },
    ]);
    await dropFiles(page, page.locator('.fk-stream, .fk-widget__stream').first(), [
      { name: 'blue.png', mimeType: 'image/png', buffer: BLUE },
    ]);
    await page.getByRole('button', { name: 'Add an image by URL' }).click();
    await page.getByRole('textbox', { name: 'Image URL' }).fill('https://example.com/pictures/fox.jpg');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const pending = composer.getByRole('list', { name: 'Attachments' });
    await expect.poll(() => pending.getByRole('img').count()).toBe(4);
    await page.screenshot({ path: resolve(REPO, 'screenshots/uploads-composer.png') });
    // Removable: the URL goes again.
    await pending.getByRole('button', { name: 'Remove fox.jpg' }).click();
    await page.getByRole('button', { name: 'Add an image by URL' }).click();
    await page.getByRole('textbox', { name: 'Image URL' }).fill('https://example.com/pictures/fox.jpg');
    await page.getByRole('textbox', { name: 'Image URL' }).press('Enter');

    await page.getByRole('textbox', { name: 'Message' }).fill('What is in these pictures?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();

    expect(mock.predictions()).toHaveLength(1);
    const body = lastPrediction();
    expect(body.question).toBe('What is in these pictures?');
    expect(body.uploads?.map(({ data: _data, ...rest }) => rest)).toEqual([
      { type: 'file', name: 'red.png', mime: 'image/png' },
      { type: 'file', name: 'green.png', mime: 'image/png' },
      { type: 'file', name: 'blue.png', mime: 'image/png' },
      { type: 'url', name: 'fox.jpg', mime: 'image/jpeg' },
    ]);
    expect(dataUrlBytes(body.uploads![0]!.data!).equals(RED)).toBe(true);
    expect(dataUrlBytes(body.uploads![1]!.data!).equals(GREEN)).toBe(true);
    expect(dataUrlBytes(body.uploads![2]!.data!).equals(BLUE)).toBe(true);
    expect(body.uploads![3]!.data).toBe('https://example.com/pictures/fox.jpg');
    await expect(page.getByRole('article', { name: 'Answer' }).innerText()).resolves.toContain(
      `file red.png (image/png, ${RED.length} bytes)`,
    );

    const question = page.locator('article[aria-label="Question"]');
    await expect(question.getByRole('img').count()).resolves.toBe(4);
    await expect(question.getByRole('img', { name: 'red.png' }).getAttribute('src')).resolves.toMatch(
      /^data:image\/png/,
    );
    await expect(pending.count()).resolves.toBe(0);
    await page.screenshot({ path: resolve(REPO, 'screenshots/uploads-question.png') });

    // After a reload: the saved history has names, never base64, and the images come from get-upload-file.
    const saved = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    expect(saved).toContain('red.png');
    expect(saved).not.toContain('base64');
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    const restored = page.locator('article[aria-label="Question"]').getByRole('img', { name: 'green.png' });
    await expect(restored.getAttribute('src')).resolves.toMatch(
      /\/api\/v1\/get-upload-file\?chatflowId=uploads&chatId=.+&fileName=green\.png$/,
    );
    await expect.poll(() => restored.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
  });

  it('refuses a type and a size with a message, keeps what was accepted, sends nothing', async () => {
    const page = await openWidget('uploads');
    await page.getByRole('button', { name: 'Attach files' }).waitFor();
    const big = png(700, 700, [0, 0, 0], true);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    await page.locator('form.fk-composer input[type=file]').setInputFiles([
      { name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') },
      { name: 'huge.png', mimeType: 'image/png', buffer: big },
      { name: 'red.png', mimeType: 'image/png', buffer: RED },
    ]);
    const alert = page.locator('.fk-composer__alerts');
    await expect(alert.innerText()).resolves.toMatch(
      /“archive\.zip” \(application\/zip\) cannot be sent: allowed types are image\/png, image\/jpeg, image\/gif, image\/webp, text\/plain/,
    );
    await expect(alert.innerText()).resolves.toMatch(/“huge\.png” is 1\.\d MB: the largest allowed is 1 MB\./);
    await expect(page.getByRole('list', { name: 'Attachments' }).getByRole('img').count()).resolves.toBe(1);
    await page.screenshot({ path: resolve(REPO, 'screenshots/uploads-refused.png') });
    expect(mock.predictions()).toHaveLength(0);
  });

  it('offers no attachments when the chatflow allows none', async () => {
    const page = await openWidget('plain');
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await expect
      .poll(() => mock.requests.some((r) => r.path.startsWith('/api/v1/public-chatbotConfig/plain')))
      .toBe(true);
    await expect(page.getByRole('button', { name: 'Attach files' }).count()).resolves.toBe(0);
  });
});

describe('files into the prompt (full-file upload)', () => {
  it('uploads the file with a progress indicator, then sends its text as a file:full upload', async () => {
    const page = await openWidget('uploads');
    const csv = Buffer.from('name,age\nAda,36\nGrace,45\n');
    // Held back for a moment (the real request goes on after it) so the progress indicator can be seen.
    await page.route('**/api/v1/attachments/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Attach files' }).waitFor();
    await page.locator('form.fk-composer input[type=file]').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: csv,
    });
    await page.getByRole('textbox', { name: 'Message' }).fill('Who is older?');
    await page.getByRole('button', { name: 'Send' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Uploading a file…' });
    await progress.waitFor();
    await page.screenshot({ path: resolve(REPO, 'screenshots/uploads-file-progress.png') });
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();
    await expect(progress.count()).resolves.toBe(0);

    const upload = mock.requests.find((r) => r.path.startsWith('/api/v1/attachments/'))!;
    const chatId = lastPrediction().chatId;
    expect(upload.path).toBe(`/api/v1/attachments/uploads/${chatId}`);
    expect(String(upload.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toContain('Content-Disposition: form-data; name="files"; filename="people.csv"');
    expect(upload.body).toContain(csv.toString());
    expect(lastPrediction().uploads).toEqual([
      { type: 'file:full', name: 'people.csv', mime: 'text/csv', data: csv.toString() },
    ]);
    await expect(page.locator('article[aria-label="Question"]').getByText('people.csv').isVisible()).resolves.toBe(
      true,
    );
  });

  it("Flowise's refusal names the type; the question and the file stay to try again; nothing is predicted", async () => {
    const page = await openWidget('uploads-refused');
    await page.getByRole('button', { name: 'Attach files' }).waitFor();
    await page.locator('form.fk-composer input[type=file]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('remember the milk'),
    });
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('Summarise my notes');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.locator('.fk-composer__alerts');
    await expect(alert.innerText()).resolves.toBe(
      'Flowise refused “notes.txt” (text/plain): this chatflow does not take that file type.',
    );
    await expect(input.inputValue()).resolves.toBe('Summarise my notes');
    await expect(
      page.locator('form.fk-composer').getByRole('list', { name: 'Attachments' }).getByText('notes.txt').isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: resolve(REPO, 'screenshots/uploads-file-refused.png') });
    expect(mock.predictions()).toHaveLength(0);
    expect(mock.requests.filter((r) => r.path.startsWith('/api/v1/attachments/'))).toHaveLength(1);
  });
});
