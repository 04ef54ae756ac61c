/**
 * Speech to text and text to speech in the script-tag widget against the mock, in Chromium with a fake microphone
 * (`--use-fake-device-for-media-stream --use-fake-ui-for-media-stream`: a real MediaRecorder on a synthetic tone).
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

const FAKE_MIC = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

beforeAll(async () => {
  const dist = resolve(REPO, 'packages/widget/dist');
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  [site, mock, browser] = await Promise.all([
    serveDirectory(dist, { '/widget.html': resolve(import.meta.dirname, 'pages/widget.html') }),
    startMockFlowise({ port: 0, rate: 0, tokens: 12 }),
    launchChromium({ args: FAKE_MIC }),
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

async function openWidget(flow: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(mock.url)}&flow=${flow}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  return page;
}

describe('speech to text', () => {
  it('records 2 s, sends a playable webm as an audio upload, shows the transcript in the question, keeps the typed draft', async () => {
    const page = await openWidget('uploads');
    // A draft typed before recording stays in the composer: Flowise replaces the question with the transcript.
    await page.getByRole('textbox', { name: 'Message' }).fill('And eight times nine?');
    await page.getByRole('button', { name: 'Record a question' }).click();
    const timer = page.getByRole('timer');
    await expect(timer.innerText()).resolves.toMatch(/^Recording 0:0[01]$/);
    await expect.poll(() => timer.innerText(), { timeout: 6000 }).toBe('Recording 0:02');
    await page.screenshot({ path: resolve(REPO, 'screenshots/speech-recording.png') });
    await page.getByRole('button', { name: 'Send recording' }).click();
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();

    const body = mock.predictions()[0]!.body as { question: string; uploads: Record<string, string>[] };
    expect(body.question).toBe('');
    expect(body.uploads).toHaveLength(1);
    const audio = body.uploads[0]!;
    expect(audio).toMatchObject({ type: 'audio', mime: 'audio/webm', name: expect.stringMatching(/\.webm$/) });
    const bytes = dataUrlBytes(audio.data!);
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a WebM file
    // Playable: the browser decodes it to about two seconds of sound.
    const seconds = await page.evaluate(async (url) => {
      const buffer = await (await fetch(url)).arrayBuffer();
      return (await new AudioContext().decodeAudioData(buffer)).duration;
    }, audio.data!);
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(4);

    const question = page.locator('article[aria-label="Question"]');
    await expect(question.getByText('What is six times seven?').isVisible()).resolves.toBe(true);
    await expect(question.locator('audio').count()).resolves.toBe(1);
    await page.screenshot({ path: resolve(REPO, 'screenshots/speech-transcript.png') });
    await expect(page.getByRole('textbox', { name: 'Message' }).inputValue()).resolves.toBe('And eight times nine?');
  });

  it('Cancel throws the recording away: nothing is sent and the text field is back', async () => {
    const page = await openWidget('uploads');
    await page.getByRole('button', { name: 'Record a question' }).click();
    await page.getByRole('timer').waitFor();
    await page.getByRole('button', { name: 'Cancel recording' }).click();
    await expect(page.getByRole('textbox', { name: 'Message' }).isVisible()).resolves.toBe(true);
    await page.waitForTimeout(300);
    expect(mock.predictions()).toHaveLength(0);
  });

  it('a denied microphone and a browser without MediaRecorder say so, and typing still works', async () => {
    const denying = await launchChromium({ args: ['--use-fake-device-for-media-stream'] });
    try {
      const page = await openWidget('uploads', await denying.newContext());
      await page.getByRole('button', { name: 'Record a question' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toBe(
        'The microphone is blocked: allow it in the browser to ask by voice. You can still type.',
      );
      await page.screenshot({ path: resolve(REPO, 'screenshots/speech-denied.png') });
    } finally {
      await denying.close();
    }

    await context.addInitScript(() => {
      delete (window as { MediaRecorder?: unknown }).MediaRecorder;
    });
    const page = await openWidget('uploads');
    await page.getByRole('button', { name: 'Record a question' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'This browser cannot record audio. You can still type.',
    );
    await page.getByRole('textbox', { name: 'Message' }).fill('Typed instead');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor();
    expect((mock.predictions()[0]!.body as { question: string }).question).toBe('Typed instead');
  });
});

async function ask(page: Page, question: string) {
  const answers = page.locator('article[aria-label="Answer"][data-status="done"]');
  const before = await answers.count();
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect.poll(() => answers.count()).toBe(before + 1);
  return answers.nth(before);
}
const speechAudio = (page: Page) => page.locator('audio[data-fk-speech]');
const playedSeconds = (page: Page) => speechAudio(page).evaluate((audio: HTMLAudioElement) => audio.currentTime);
const requestsTo = (path: string) => mock.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('text to speech', () => {
  it('plays an answer as it streams, one answer at a time; Stop calls the abort endpoint', async () => {
    const page = await openWidget('uploads');
    const first = await ask(page, 'First question');
    const second = await ask(page, 'Second question');
    await first.getByRole('button', { name: 'Read aloud' }).click();
    await expect(first.getByRole('button', { name: 'Stop reading' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await expect.poll(() => playedSeconds(page), { timeout: 8000 }).toBeGreaterThan(0.4);
    await expect(speechAudio(page).getAttribute('data-fk-speech-mode')).resolves.toBe('stream');
    const generate = requestsTo('/api/v1/text-to-speech/generate');
    const chatId = (mock.predictions()[0]!.body as { chatId: string }).chatId;
    expect(generate).toHaveLength(1);
    expect(generate[0]!.body).toMatchObject({
      chatflowId: 'uploads',
      chatId,
      chatMessageId: expect.any(String),
      text: expect.stringContaining('You asked: First question'),
    });
    await page.screenshot({ path: resolve(REPO, 'screenshots/speech-playing.png') });

    // The second answer takes over: the first stops (and Flowise is asked to stop it).
    await second.getByRole('button', { name: 'Read aloud' }).click();
    await expect(first.getByRole('button', { name: 'Read aloud' }).isVisible()).resolves.toBe(true);
    await second.getByRole('button', { name: 'Stop reading' }).waitFor();
    await second.getByRole('button', { name: 'Stop reading' }).click();
    await second.getByRole('button', { name: 'Read aloud' }).waitFor();
    const aborts = requestsTo('/api/v1/text-to-speech/abort').map((r) => (r.body as { chatId: string }).chatId);
    expect(aborts).toEqual([chatId, chatId]);
    await expect(speechAudio(page).evaluate((audio: HTMLAudioElement) => audio.paused)).resolves.toBe(true);
  });

  it('plays to the end with the buffered fallback when the browser cannot stream MP3', async () => {
    await context.addInitScript(() => {
      MediaSource.isTypeSupported = () => false;
    });
    const page = await openWidget('uploads');
    const answer = await ask(page, 'Read it');
    await answer.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(() => playedSeconds(page), { timeout: 8000 }).toBeGreaterThan(0.4);
    await expect(speechAudio(page).getAttribute('data-fk-speech-mode')).resolves.toBe('buffered');
    // The whole clip (about 2.5 s) plays, then the button is back.
    await answer.getByRole('button', { name: 'Read aloud' }).waitFor({ timeout: 10_000 });
    expect(requestsTo('/api/v1/text-to-speech/abort')).toHaveLength(0);
  });

  it('auto-plays the audio streamed inside the answer (tts_* events)', async () => {
    const page = await openWidget('tts-autoplay');
    const answer = await ask(page, 'Speak to me');
    await expect.poll(() => playedSeconds(page), { timeout: 8000 }).toBeGreaterThan(0.4);
    await expect(answer.getByRole('button', { name: 'Stop reading' }).isVisible()).resolves.toBe(true);
    expect(requestsTo('/api/v1/text-to-speech/generate')).toHaveLength(0);
  });

  it('a speech failure is said on the answer; the chat goes on', async () => {
    const page = await openWidget('tts-fail');
    const answer = await ask(page, 'Hello');
    await answer.getByRole('button', { name: 'Read aloud' }).click();
    await expect(answer.getByRole('alert').innerText()).resolves.toBe('Speech provider failed: quota exceeded');
    await answer.getByRole('button', { name: 'Read aloud' }).waitFor();
    await page.screenshot({ path: resolve(REPO, 'screenshots/speech-failed.png') });
    await ask(page, 'Still there?');
  });
});
