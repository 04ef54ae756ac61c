/**
 * Speech against a real Flowise 3.1.4 (issue 13), its OpenAI Whisper and OpenAI TTS providers pointed at the test model
 * (`OPENAI_BASE_URL`): a recorded question goes through `/v1/audio/transcriptions` and its transcript is the question
 * the model answers; an answer read aloud (`text-to-speech/generate`) and an auto-played one (`tts_*` in the
 * prediction stream) bring back exactly the clip `/v1/audio/speech` served; Stop reaches Flowise. Through the store,
 * and in the widget's script build in Chromium (a fake microphone; the `<audio>` element plays).
 */
import { resolve } from 'node:path';
import { createChatStore, type AssistantMessage, type ChatStore, type SpeechEvent } from '@flowise-kit/core';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { SPEECH_CLIP, TRANSCRIPT, type SpeechRecord, type TranscriptionRecord } from './model-media';
import { modelAnswer } from './model-server';

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
const answer = (store: ChatStore): AssistantMessage => {
  const last = store.getState().messages.at(-1);
  if (last?.role !== 'assistant') throw new Error('no answer');
  return last;
};
const modelLog = async <T>(name: string): Promise<T[]> =>
  (await (await fetch(`${modelUrl}/v1/_test/${name}`)).json()) as T[];
/** The audio of `tts_data` events, joined. */
const audioOf = (events: { name?: string; type?: string; data: unknown }[]): Buffer =>
  Buffer.concat(
    events
      .filter((e) => (e.type ?? e.name) === 'tts_data')
      .map((e) => Buffer.from((e.data as { audioChunk?: string }).audioChunk ?? '', 'base64')),
  );

let browser: Browser;
/** A real WebM/Opus recording (one second of a tone, made by Chromium's MediaRecorder), base64. */
let webm: string;
beforeAll(async () => {
  browser = await launchChromium({
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const page = await browser.newPage();
  webm = await page.evaluate(async () => {
    const context = new AudioContext();
    const tone = context.createOscillator();
    const sink = context.createMediaStreamDestination();
    tone.connect(sink);
    tone.start();
    const recorder = new MediaRecorder(sink.stream, { mimeType: 'audio/webm;codecs=opus' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((done) => (recorder.onstop = done));
    recorder.start();
    await new Promise((done) => setTimeout(done, 1000));
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  await page.close();
}, 120_000);
afterAll(() => browser?.close());

describe('speech to text', () => {
  it('the recording reaches the transcription endpoint; its transcript is the question, and is answered', async () => {
    const store = chat(media.speech);
    expect(await store.loadUploadsConfig()).toMatchObject({ isSpeechToTextEnabled: true, isTTSEnabled: true });
    const before = (await modelLog<TranscriptionRecord>('transcriptions')).length;
    const audio = { type: 'audio', name: 'question.webm', mime: 'audio/webm', data: `data:audio/webm;base64,${webm}` };
    await store.send('', { uploads: [audio] });

    const heard = (await modelLog<TranscriptionRecord>('transcriptions')).slice(before);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ fileName: 'question.webm', model: 'whisper-1' });
    expect(heard[0]!.base64).toBe(webm);
    expect(Buffer.from(webm, 'base64').subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a WebM file
    // The question shows what Flowise heard (metadata.question), and keeps the recording.
    expect(store.getState().messages[0]).toMatchObject({ role: 'user', text: TRANSCRIPT, uploads: [audio] });
    expect(answer(store)).toMatchObject({ status: 'done', text: modelAnswer(TRANSCRIPT) });
    // Stored under the conversation, where a reloaded history plays it from.
    const stored = await fetch(store.uploadedFileUrl('question.webm')!);
    expect(Buffer.from(await stored.arrayBuffer()).toString('base64')).toBe(webm);
  });
});

describe('text to speech', () => {
  it('Read aloud: text-to-speech/generate streams exactly the clip the speech endpoint served', async () => {
    const store = chat(media.speech);
    await store.send('Read this to me [[aloud]]');
    const read = answer(store);
    expect(read).toMatchObject({ status: 'done', text: modelAnswer('[[aloud]]') });
    const events: SpeechEvent[] = [];
    await store.speak(read.id, (event) => events.push(event));
    const chatMessageId = read.metadata.chatMessageId;
    expect(events[0]).toEqual({ type: 'tts_start', data: { chatMessageId, format: 'mp3' } });
    expect(events.at(-1)).toEqual({ type: 'tts_end', data: { chatMessageId } });
    expect(audioOf(events)).toEqual(SPEECH_CLIP);
    // Flowise spoke the answer's text.
    expect((await modelLog<SpeechRecord>('speech')).at(-1)).toMatchObject({ input: read.text, voice: 'alloy' });
  });

  it('Stop reaches Flowise: the speech ends early and quietly', async () => {
    const store = chat(media.speech);
    await store.send('Read this slowly [[stop-reading]]');
    const read = answer(store);
    const events: SpeechEvent[] = [];
    let stop: Promise<void> | undefined;
    // No local abort: only Flowise's own stop ends the stream here.
    await store.speak(read.id, (event) => {
      events.push(event);
      if (event.type === 'tts_data') stop ??= store.stopSpeaking(read.id);
    });
    await expect(stop).resolves.toBeUndefined();
    expect(events.some((e) => e.type === 'tts_end')).toBe(false);
    expect(audioOf(events).length).toBeLessThan(SPEECH_CLIP.length);
  });

  it('auto-play: the tts_* events of the prediction stream land on the answer, the whole clip', async () => {
    const store = chat(media.speechAutoPlay);
    await store.send('Speak to me [[auto]]');
    const spoken = answer(store);
    expect(spoken).toMatchObject({ status: 'done', text: modelAnswer('[[auto]]') });
    const chatMessageId = spoken.metadata.chatMessageId;
    expect(chatMessageId).toBeTruthy();
    const names = spoken.extraEvents.map((e) => e.name);
    expect(names[0]).toBe('tts_start');
    expect(names.at(-1)).toBe('tts_end');
    expect(spoken.extraEvents[0]!.data).toEqual({ chatMessageId, format: 'mp3' });
    expect(audioOf(spoken.extraEvents)).toEqual(SPEECH_CLIP);
  });

  it('auto-play stopped: Flowise closes the stream after tts_abort; the answer stays whole and done', async () => {
    const store = chat(media.speechAutoPlay);
    let stop: Promise<void> | undefined;
    store.subscribe((state) => {
      const last = state.messages.at(-1);
      if (last?.role === 'assistant' && last.extraEvents.some((e) => e.name === 'tts_data')) {
        stop ??= store.stopSpeaking(last.id);
      }
    });
    await store.send('Speak, then hush [[hush]]');
    await expect(stop).resolves.toBeUndefined();
    const spoken = answer(store);
    expect(spoken).toMatchObject({ status: 'done', text: modelAnswer('[[hush]]') });
    expect(store.getState().error).toBeUndefined();
    expect(spoken.extraEvents.at(-1)?.name).toBe('tts_abort');
    expect(audioOf(spoken.extraEvents).length).toBeLessThan(SPEECH_CLIP.length);
    // No metadata came: the id is the one the speech named, so the answer can still be rated or read again.
    expect(spoken.metadata.chatMessageId).toBe(
      (spoken.extraEvents[0]!.data as { chatMessageId: string }).chatMessageId,
    );
  });
});

describe('in the widget (Chromium)', () => {
  let site: ServedDirectory;
  beforeAll(async () => {
    const dist = resolve(REPO, 'packages/widget/dist');
    build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
    site = await serveDirectory(
      dist,
      { '/widget.html': resolve(REPO, 'e2e/pages/widget.html') },
      { proxy: { '/api/': url } },
    );
  }, 180_000);
  afterAll(() => site?.server.close());

  async function openWidget(flow: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 860 } });
    await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(site.url)}&flow=${flow}`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    return page;
  }
  const done = (page: Page) => page.locator('article[aria-label="Answer"][data-status="done"]');
  const playedSeconds = (page: Page) =>
    page.locator('audio[data-fk-speech]').evaluate((audio: HTMLAudioElement) => audio.currentTime);

  it('a recorded question: the fake microphone’s WebM is transcribed, the transcript shows, the answer comes', async () => {
    const page = await openWidget(media.speech);
    const before = (await modelLog<TranscriptionRecord>('transcriptions')).length;
    await page.getByRole('button', { name: 'Record a question' }).click();
    await expect.poll(() => page.getByRole('timer').innerText(), { timeout: 8000 }).toBe('Recording 0:01');
    await page.getByRole('button', { name: 'Send recording' }).click();
    await done(page).first().waitFor({ timeout: 30_000 });
    const heard = (await modelLog<TranscriptionRecord>('transcriptions')).slice(before);
    expect(heard).toHaveLength(1);
    expect(Buffer.from(heard[0]!.base64, 'base64').subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    const question = page.locator('article[aria-label="Question"]');
    await expect.poll(() => question.getByText(TRANSCRIPT).isVisible()).toBe(true);
    await expect(question.locator('audio').count()).resolves.toBe(1);
    expect(await done(page).first().locator('.fk-markdown').innerText()).toBe(modelAnswer(TRANSCRIPT));
    await page.screenshot({ path: resolve(REPO, 'screenshots/interop-speech-transcript.png') });
    await page.close();
  }, 90_000);

  it('Read aloud plays what Flowise streams: the <audio> element advances', async () => {
    const page = await openWidget(media.speech);
    await page.getByRole('textbox', { name: 'Message' }).fill('Read it [[widget-read]]');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const read = done(page).first();
    await read.waitFor({ timeout: 30_000 });
    await read.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(() => playedSeconds(page), { timeout: 10_000 }).toBeGreaterThan(0.4);
    await page.screenshot({ path: resolve(REPO, 'screenshots/interop-speech-playing.png') });
    // The clip (about 2.5 s) plays to its end, then the button is back.
    await read.getByRole('button', { name: 'Read aloud' }).waitFor({ timeout: 15_000 });
    await page.close();
  }, 90_000);

  it('auto-play: the answer is read as it arrives, without a click', async () => {
    const page = await openWidget(media.speechAutoPlay);
    await page.getByRole('textbox', { name: 'Message' }).fill('Speak [[widget-auto]]');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect.poll(() => playedSeconds(page), { timeout: 30_000 }).toBeGreaterThan(0.4);
    await done(page).first().waitFor({ timeout: 30_000 });
    await page.close();
  }, 90_000);
});
