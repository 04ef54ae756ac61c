/**
 * Uploads against a real Flowise 3.1.4 (issue 13): an image sent through the kit reaches a vision chat model byte for
 * byte (the test model logs the `image_url` parts it gets), and Flowise stores it for the conversation; a file turned
 * into text by `POST attachments` reaches the model's prompt, and a type the chatflow does not take is the kit's typed
 * refusal. The same through the widget's script build in Chromium, and its history after a reload.
 */
import { resolve } from 'node:path';
import { createChatStore, isFlowiseError, type ChatStore, type FileUpload } from '@flowise-kit/core';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { FlowiseAdmin } from './admin';
import { FULL_FILE_TYPES } from './flows-media';
import type { ImageRecord } from './model-media';
import { modelAnswer, type CompletionRecord } from './model-server';

const { url, modelUrl, media } = inject('flowise');
const stores: ChatStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});
function chat(chatflowId: string): ChatStore {
  const store = createChatStore({ apiHost: url, chatflowId });
  stores.push(store);
  return store;
}
const modelLog = async <T>(name: string): Promise<T[]> =>
  (await (await fetch(`${modelUrl}/v1/_test/${name}`)).json()) as T[];

// A 2×2 PNG (red, green, blue, white).
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR42mP4z8DAAMIM/4EAAB/uBfvxq7p3AAAAAElFTkSuQmCC';
const IMAGE_URL = 'https://images.example.com/fox-at-the-river.png';

describe('images on a vision chat model', () => {
  it('the image reaches the model byte for byte, the answer streams, and Flowise keeps the file', async () => {
    const store = chat(media.vision);
    const config = await store.loadUploadsConfig();
    expect(config.isImageUploadAllowed).toBe(true);
    expect(config.imgUploadSizeAndTypes.flatMap((rule) => rule.fileTypes)).toContain('image/png');

    const uploads: FileUpload[] = [
      { type: 'file', name: 'squares.png', mime: 'image/png', data: `data:image/png;base64,${PNG}` },
      { type: 'url', name: 'fox.png', mime: 'image/png', data: IMAGE_URL },
    ];
    await store.send('What is in these pictures? [[vision]]', { uploads });
    const [question, answer] = store.getState().messages.slice(-2);
    expect(answer).toMatchObject({ role: 'assistant', status: 'done', text: modelAnswer('[[vision]]') });
    expect(question).toMatchObject({ role: 'user', uploads });

    // What the model got: the stored image read back into a data URL, and the URL as it was sent (Flowise does not
    // fetch it: the model does).
    const images = (await modelLog<ImageRecord>('images')).filter((image) => image.question.includes('[[vision]]'));
    expect(images.map((image) => image.url.slice(0, 22))).toEqual(['data:image/png;base64,', IMAGE_URL.slice(0, 22)]);
    expect(Buffer.from(images[0]!.url.split(',')[1]!, 'base64')).toEqual(Buffer.from(PNG, 'base64'));
    expect(images[1]!.url).toBe(IMAGE_URL);

    // Stored under the conversation: what a reloaded history shows through get-upload-file.
    const stored = await fetch(store.uploadedFileUrl('squares.png')!);
    expect(stored.status).toBe(200);
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(Buffer.from(PNG, 'base64'));
    // Flowise's saved question references the files (no base64).
    const admin = new FlowiseAdmin(url);
    await admin.login();
    const saved = await admin.get<{ role: string; fileUploads?: unknown }[]>(
      `/chatmessage/${media.vision}?chatId=${store.getState().chatId}`,
    );
    const { fileUploads } = saved.find((m) => m.role === 'userMessage')!;
    expect(typeof fileUploads === 'string' ? JSON.parse(fileUploads) : fileUploads).toEqual([
      { type: 'stored-file', name: 'squares.png', mime: 'image/png' },
      { type: 'url', name: 'fox.png', mime: 'image/png', data: IMAGE_URL },
    ]);
  });
});

describe('full-file uploads', () => {
  it("the file's text goes through POST attachments into the model's prompt", async () => {
    const store = chat(media.fullFile);
    const config = await store.loadUploadsConfig();
    expect(config).toMatchObject({ isFullFileUploadAllowed: true, fullFileUploadTypes: FULL_FILE_TYPES.split(',') });

    const text = 'Minutes of the river council. The fox counts the stones [[minutes]] and the heron keeps the tally.';
    const uploads = await store.uploadFiles([new File([text], 'minutes.txt', { type: 'text/plain' })]);
    expect(uploads).toEqual([{ type: 'file:full', name: 'minutes.txt', mime: 'text/plain', data: text }]);
    const chatId = store.getState().chatId;
    expect(chatId).toBeTruthy();

    await store.send('Summarise my file', { uploads });
    expect(store.getState().chatId).toBe(chatId);
    // The model answers the key it found in its prompt: the file's text was there.
    expect(store.getState().messages.at(-1)).toMatchObject({ status: 'done', text: modelAnswer('[[minutes]]') });
    const prompt = (await modelLog<CompletionRecord>('completions')).find((c) => c.question.includes('[[minutes]]'));
    expect(prompt?.question).toContain(`<doc name='minutes.txt'>${text}</doc>`);
    expect(prompt?.question).toContain('Summarise my file');
  });

  it('a type the chatflow does not take is a typed refusal naming it; nothing is predicted', async () => {
    const store = chat(media.fullFile);
    const before = (await modelLog<CompletionRecord>('completions')).length;
    const png = new File([Buffer.from(PNG, 'base64')], 'squares.png', { type: 'image/png' });
    const error: unknown = await store.uploadFiles([png]).catch((caught: unknown) => caught);
    expect(isFlowiseError(error)).toBe(true);
    // Flowise 3.1.4 says it with a 500 (its attachments service wraps the 400): the kit still calls it a refusal.
    expect(error).toMatchObject({
      kind: 'upload-refused',
      status: 500,
      reason: 'type',
      fileName: 'squares.png',
      message: 'Flowise refused “squares.png” (image/png): this chatflow does not take that file type.',
      detail: expect.stringContaining("File type 'image/png' is not allowed"),
    });
    expect(store.getState().messages).toEqual([]);
    expect(await modelLog<CompletionRecord>('completions')).toHaveLength(before);
  });
});

describe('in the widget (Chromium)', () => {
  let browser: Browser;
  let site: ServedDirectory;
  beforeAll(async () => {
    const dist = resolve(REPO, 'packages/widget/dist');
    build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
    [site, browser] = await Promise.all([
      serveDirectory(dist, { '/widget.html': resolve(REPO, 'e2e/pages/widget.html') }, { proxy: { '/api/': url } }),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });

  async function openWidget(flow: string, page?: Page): Promise<Page> {
    const opened = page ?? (await browser.newPage({ viewport: { width: 1000, height: 860 } }));
    await opened.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(site.url)}&flow=${flow}`);
    await opened.getByRole('button', { name: 'Open chat' }).click();
    return opened;
  }
  const done = (page: Page) => page.locator('article[aria-label="Answer"][data-status="done"]');

  it('a picked image reaches the model byte for byte; after a reload it comes back from Flowise', async () => {
    const page = await openWidget(media.vision);
    await page.getByRole('button', { name: 'Attach files' }).waitFor();
    await page
      .locator('form.fk-composer input[type=file]')
      .setInputFiles({ name: 'picked.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await page.getByRole('textbox', { name: 'Message' }).fill('And this one? [[picked]]');
    await page.getByRole('button', { name: 'Send' }).click();
    await done(page).first().waitFor({ timeout: 30_000 });
    expect(await done(page).first().locator('.fk-markdown').innerText()).toBe(modelAnswer('[[picked]]'));
    const images = (await modelLog<ImageRecord>('images')).filter((image) => image.question.includes('[[picked]]'));
    expect(images).toHaveLength(1);
    expect(Buffer.from(images[0]!.url.split(',')[1]!, 'base64')).toEqual(Buffer.from(PNG, 'base64'));

    await page.reload();
    await openWidget(media.vision, page);
    const restored = page.locator('article[aria-label="Question"]').getByRole('img', { name: 'picked.png' });
    await expect(restored.getAttribute('src')).resolves.toContain('/api/v1/get-upload-file?');
    await expect.poll(() => restored.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
    await page.screenshot({ path: resolve(REPO, 'screenshots/interop-uploads-reloaded.png') });
    await page.close();
  }, 90_000);

  it("an attached text file goes through POST attachments and its text reaches the model's prompt", async () => {
    const page = await openWidget(media.fullFile);
    await page.getByRole('button', { name: 'Attach files' }).waitFor();
    const text = 'Field notes: the otter hides the pebbles [[notes]] under the bridge.';
    await page
      .locator('form.fk-composer input[type=file]')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByRole('textbox', { name: 'Message' }).fill('What do my notes say?');
    await page.getByRole('button', { name: 'Send' }).click();
    await done(page).first().waitFor({ timeout: 30_000 });
    expect(await done(page).first().locator('.fk-markdown').innerText()).toBe(modelAnswer('[[notes]]'));
    const prompt = (await modelLog<CompletionRecord>('completions')).find((c) => c.question.includes('[[notes]]'));
    expect(prompt?.question).toContain(`<doc name='notes.txt'>${text}</doc>`);
    await page.close();
  }, 90_000);
});
