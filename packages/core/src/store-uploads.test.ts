/** The store's upload and speech actions, over real HTTP against the mock Flowise server. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SpeechEvent } from './speech.js';
import { createChatStore } from './store.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, tokens: 5 });
});
afterAll(() => mock.close());
beforeEach(() => mock.clearRequests());

const storeFor = (chatflowId: string) => createChatStore({ apiHost: mock.url, chatflowId, checkStreamable: false });

describe('loadUploadsConfig', () => {
  it('loads once per store, into the state, and a reset keeps it', async () => {
    const store = storeFor('uploads');
    const [a, b] = await Promise.all([store.loadUploadsConfig(), store.loadUploadsConfig()]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ isImageUploadAllowed: true, isFullFileUploadAllowed: true, isTTSEnabled: true });
    expect(store.getState().uploadsConfig).toBe(a);
    store.reset();
    await store.loadUploadsConfig();
    expect(store.getState().uploadsConfig).toBe(a);
    expect(mock.requests.filter((r) => r.path.includes('chatbotConfig'))).toHaveLength(1);
  });

  it('a chatflow without media allows no images, speech or files', async () => {
    const config = await storeFor('plain').loadUploadsConfig();
    expect(config).toMatchObject({ isImageUploadAllowed: false, isSpeechToTextEnabled: false, isTTSEnabled: false });
  });
});

describe('uploadFiles', () => {
  it('posts the files under a chatId the next question keeps, and gives file:full uploads', async () => {
    const store = storeFor('uploads');
    const file = new File(['name,age\nAda,36\n'], 'people.csv', { type: 'text/csv' });
    const uploads = await store.uploadFiles([file]);
    expect(uploads).toEqual([{ type: 'file:full', name: 'people.csv', mime: 'text/csv', data: 'name,age\nAda,36\n' }]);
    const chatId = store.getState().chatId;
    expect(mock.requests[0]!.path).toBe(`/api/v1/attachments/uploads/${chatId}`);
    await store.send('Summarise', { uploads });
    expect(mock.predictions()[0]!.body).toMatchObject({ chatId, uploads });
  });

  it("Flowise's refusal of a type (3.1.4: a 500 that names it) is an upload-refused error naming the file", async () => {
    const file = new File(['x'], 'notes.txt', { type: 'text/plain' });
    await expect(storeFor('uploads-refused').uploadFiles([file])).rejects.toMatchObject({
      kind: 'upload-refused',
      reason: 'type',
      status: 500,
      message: 'Flowise refused “notes.txt” (text/plain): this chatflow does not take that file type.',
      detail: expect.stringContaining("File type 'text/plain' is not allowed"),
    });
  });

  it('a 400, and full-file upload turned off, are refusals too; other failures stay what they are', async () => {
    // A server that answers the attachments call with one status and Flowise's JSON error body.
    let answer = { status: 400, message: '' };
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ statusCode: answer.status, success: false, message: answer.message, stack: {} }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const store = createChatStore({ apiHost: `http://127.0.0.1:${port}`, chatflowId: 'f', checkStreamable: false });
    const upload = () => store.uploadFiles([new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    try {
      answer = { status: 400, message: 'File type not allowed' };
      await expect(upload()).rejects.toMatchObject({ kind: 'upload-refused', reason: 'type', status: 400 });
      answer = { status: 500, message: 'Error: attachmentService.createAttachment - MIME type mismatch: …' };
      await expect(upload()).rejects.toMatchObject({ kind: 'upload-refused', reason: 'type', status: 500 });
      answer = {
        status: 500,
        message: 'Error: attachmentService.createAttachment - File upload is not enabled for this chatflow',
      };
      await expect(upload()).rejects.toMatchObject({
        kind: 'upload-refused',
        reason: 'disabled',
        message: 'Flowise refused “notes.txt” (text/plain): this chatflow does not take files.',
      });
      answer = { status: 500, message: 'Error: attachmentService.createAttachment - disk full' };
      await expect(upload()).rejects.toMatchObject({ kind: 'server', status: 500 });
    } finally {
      server.close();
    }
  });
});

describe('speech', () => {
  it('stopSpeaking ends the speech quietly: Flowise’s closing “TTS generation aborted” is no failure', async () => {
    const store = storeFor('uploads');
    await store.send('Hello');
    const answer = store.getState().messages[1]!;
    const events: SpeechEvent[] = [];
    let stop: Promise<void> | undefined;
    await store.speak(answer.id, (event) => {
      events.push(event);
      if (event.type === 'tts_data') stop ??= store.stopSpeaking(answer.id);
    });
    await stop;
    expect(events.filter((e) => e.type === 'tts_data').length).toBeLessThan(5);
    expect(events.at(-1)?.type).toBe('tts_data');
    // Read again: a failure then is one.
    await store.speak(answer.id, (event) => events.push(event));
    expect(events.at(-1)?.type).toBe('tts_end');
  });

  it('a spoken question shows what the server heard', async () => {
    const store = storeFor('uploads');
    const audio = { type: 'audio', name: 'audio.webm', mime: 'audio/webm', data: 'data:audio/webm;base64,GkXfow==' };
    await store.send('', { uploads: [audio] });
    expect(store.getState().messages[0]).toMatchObject({ role: 'user', text: 'What is six times seven?' });
  });

  it('speak streams the answer’s audio; stopSpeaking calls the abort endpoint; tts_error rejects', async () => {
    const store = storeFor('uploads');
    await store.send('Hello');
    const answer = store.getState().messages[1]!;
    const events: SpeechEvent[] = [];
    await store.speak(answer.id, (event) => events.push(event));
    expect(events[0]).toMatchObject({ type: 'tts_start', data: { format: 'mp3' } });
    expect(events.at(-1)?.type).toBe('tts_end');
    const audio = Buffer.concat(
      events.flatMap((e) => (e.type === 'tts_data' ? [Buffer.from(e.data.audioChunk ?? '', 'base64')] : [])),
    );
    expect(audio.subarray(0, 3).toString('latin1')).toMatch(/^(ID3|\xff)/);
    await store.stopSpeaking(answer.id);
    expect(mock.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/text-to-speech/abort' });

    const failing = storeFor('tts-fail');
    await failing.send('Hello');
    await expect(failing.speak(failing.getState().messages[1]!.id, () => undefined)).rejects.toMatchObject({
      kind: 'flow',
      message: 'Speech provider failed: quota exceeded',
    });
  });
});

describe('configure', () => {
  it('another chatflow drops the uploads config, and the next load is that chatflow’s', async () => {
    const store = storeFor('uploads');
    await store.loadUploadsConfig();
    store.configure({ chatflowId: 'plain' });
    expect(store.getState().uploadsConfig).toBeUndefined();
    expect(await store.loadUploadsConfig()).toMatchObject({ isImageUploadAllowed: false });
  });
});

describe('upsertFiles (RAG uploads)', () => {
  const notes = () => new File(['The heron counts the reeds.'], 'notes.txt', { type: 'text/plain' });

  it('is offered only with an API key or ragUploads, when the chatflow allows it', async () => {
    expect((await storeFor('rag').loadUploadsConfig()).isRAGFileUploadOffered).toBe(false);
    const keyed = createChatStore({ apiHost: mock.url, chatflowId: 'rag', apiKey: 'k', checkStreamable: false });
    expect(await keyed.loadUploadsConfig()).toMatchObject({
      isRAGFileUploadAllowed: true,
      isRAGFileUploadOffered: true,
    });
    const proxied = createChatStore({ apiHost: mock.url, chatflowId: 'rag', ragUploads: true, checkStreamable: false });
    expect((await proxied.loadUploadsConfig()).isRAGFileUploadOffered).toBe(true);
    keyed.configure({ ragUploads: false });
    expect((await keyed.loadUploadsConfig()).isRAGFileUploadOffered).toBe(false);
    const images = createChatStore({ apiHost: mock.url, chatflowId: 'uploads', apiKey: 'k', checkStreamable: false });
    expect((await images.loadUploadsConfig()).isRAGFileUploadOffered).toBe(false);
  });

  it('posts the files and the chatId as multipart, then the question carries file:rag data URLs', async () => {
    const store = createChatStore({ apiHost: mock.url, chatflowId: 'rag', apiKey: 'k', checkStreamable: false });
    const uploads = await store.upsertFiles([notes()]);
    const chatId = store.getState().chatId!;
    const data = `data:text/plain;base64,${Buffer.from('The heron counts the reeds.').toString('base64')}`;
    expect(uploads).toEqual([{ type: 'file:rag', name: 'notes.txt', mime: 'text/plain', data }]);
    const upsert = mock.requests[0]!;
    expect(upsert).toMatchObject({ method: 'POST', path: '/api/v1/vector/upsert/rag' });
    expect(upsert.headers.authorization).toBe('Bearer k');
    expect(upsert.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upsert.body).toContain('filename="notes.txt"');
    expect(upsert.body).toContain('The heron counts the reeds.');
    expect(upsert.body).toMatch(new RegExp(`name="chatId"\\r\\n\\r\\n${chatId}\\r\\n`));
    await store.send('What counts the reeds?', { uploads });
    expect(mock.predictions()).toHaveLength(1);
    expect(mock.predictions()[0]!.body).toMatchObject({ chatId, uploads });
  });

  it("Flowise's 401 becomes an auth error that says a workspace key is needed, and never shows the key", async () => {
    for (const [chatflowId, apiKey] of [
      ['rag', undefined],
      ['rag-refused', 'secret-key-123'],
    ] as const) {
      const store = createChatStore({
        apiHost: mock.url,
        chatflowId,
        checkStreamable: false,
        ...(apiKey ? { apiKey } : {}),
      });
      const failure = await store.upsertFiles([notes()]).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: 'FlowiseError', kind: 'auth', status: 401 });
      expect((failure as Error).message).toMatch(/needs a workspace API key since Flowise 3\.0\.13/);
      expect(JSON.stringify(failure)).not.toContain('secret-key-123');
    }
    expect(mock.predictions()).toHaveLength(0);
  });

  it('a failed upsert (500) rejects with a server error and sends no question', async () => {
    const store = createChatStore({ apiHost: mock.url, chatflowId: 'rag-fail', apiKey: 'k', checkStreamable: false });
    await expect(store.upsertFiles([notes()])).rejects.toMatchObject({ kind: 'server', status: 500 });
    expect(mock.predictions()).toHaveLength(0);
  });
});
