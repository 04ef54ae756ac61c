/**
 * The proxy over real HTTP: the kit's store in front, the handler in a Node server (through @whatwg-node/server, as
 * an Express or plain Node app would mount it), the mock Flowise behind it demanding an API key.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChatStore, predict, type ChatStore } from '@flowise-kit/core';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { createServerAdapter } from '@whatwg-node/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlowiseHandler } from './handler.js';
import type { FlowiseHandlerOptions } from './options.js';

const KEY = 'sk-server-SECRET-0123456789';
let mock: MockFlowise;
let proxy: Server;
let base: string;
let configure: (options: Partial<FlowiseHandlerOptions>) => void;
const stores: ChatStore[] = [];

beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 12, apiKey: KEY });
  let handler = createFlowiseHandler({ apiHost: mock.url, apiKey: KEY, chatflows: [], basePath: '/api/flowise' });
  configure = (options) => {
    handler = createFlowiseHandler({
      apiHost: mock.url,
      apiKey: KEY,
      chatflows: ['plain', 'sources', 'long', 'unknown-flow', 'http-404', 'rag'],
      basePath: '/api/flowise',
      ...options,
    });
  };
  configure({});
  proxy = createServer(createServerAdapter((request: Request) => handler(request)));
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/flowise`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((done) => proxy.close(done));
  await mock.close();
});
beforeEach(() => {
  mock.clearRequests();
  configure({});
});
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});

function chat(chatflowId: string): ChatStore {
  const store = createChatStore({ apiHost: base, chatflowId });
  stores.push(store);
  return store;
}
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the kit through the proxy', () => {
  it('streams an answer with no key in the browser: the proxy adds it, the store never had it', async () => {
    const store = chat('sources');
    await store.send('Hi');
    const answer = store.getState().messages.at(-1);
    expect(answer).toMatchObject({ status: 'done', text: answerTokens(12).join('') });
    expect(mock.predictions()).toHaveLength(1);
    expect(mock.predictions()[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("the store's other calls go through too: chatbot config, feedback", async () => {
    const store = chat('plain');
    await store.send('Hi');
    await expect(store.loadChatbotConfig()).resolves.toMatchObject({ starterPrompts: expect.any(Object) });
    const answer = store.getState().messages.at(-1)!;
    await expect(store.sendFeedback(answer.id, 'THUMBS_UP')).resolves.toMatchObject({ rating: 'THUMBS_UP' });
  });

  it('never forwards the browser’s cookies or Authorization, and answers no Set-Cookie', async () => {
    const response = await post(
      'prediction/plain',
      { question: 'Hi', streaming: true },
      {
        Cookie: 'session=browser-secret',
        Authorization: 'Bearer browser-token',
      },
    );
    await response.text();
    const forwarded = mock.predictions()[0]!.headers;
    expect(forwarded.cookie).toBeUndefined();
    expect(forwarded.authorization).toBe(`Bearer ${KEY}`);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('what a pass-through cannot do', () => {
  it('a browser that leaves mid-answer: the upstream request ends and Flowise is asked to stop, once', async () => {
    const controller = new AbortController();
    let tokens = 0;
    const slow = { mock: { rate: 100, tokens: 2000 } };
    configure({ overrideConfigKeys: ['mock'] });
    const prediction = predict({
      apiHost: base,
      chatflowId: 'long',
      question: 'Hi',
      signal: controller.signal,
      overrideConfig: slow,
      checkStreamable: false,
    });
    for await (const event of prediction) if (event.type === 'token' && ++tokens === 3) controller.abort();
    const aborts = () =>
      mock.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v1/chatmessage/abort/long/'));
    // One from predict() itself through the proxy, one from the proxy when its browser left: Flowise stops either way.
    await vi.waitFor(() => expect(aborts().length).toBeGreaterThanOrEqual(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(aborts().length).toBeLessThanOrEqual(2);
    expect(new Set(aborts().map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${KEY}`]));
  });

  it('a raw client that drops the connection (no abort call of its own): the proxy calls Flowise’s abort once', async () => {
    configure({ overrideConfigKeys: ['mock'] });
    const url = new URL(`${base}/api/v1/prediction/long`);
    await new Promise<void>((done) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.once('data', () => {
          req.destroy();
          done();
        });
      });
      req.end(
        JSON.stringify({
          question: 'Hi',
          streaming: true,
          chatId: 'dropped-1',
          overrideConfig: { mock: { rate: 50, tokens: 2000 } },
        }),
      );
    });
    const aborts = () =>
      mock.requests.filter((r) => r.method === 'PUT' && r.path === '/api/v1/chatmessage/abort/long/dropped-1');
    await vi.waitFor(() => expect(aborts()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(aborts()).toHaveLength(1);
  });

  it('a second prediction on a conversation still answering is a 409; after it ends, the next one goes', async () => {
    configure({ overrideConfigKeys: ['mock'] });
    const slow = {
      question: 'Hi',
      streaming: true,
      chatId: 'busy-1',
      overrideConfig: { mock: { rate: 50, tokens: 40 } },
    };
    const first = await post('prediction/plain', slow);
    const second = await post('prediction/plain', slow);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { message: string }).message).toMatch(/still answering/);
    // The kit shows it as what it is: a busy conversation, not a failed server.
    const tab = createChatStore({ apiHost: base, chatflowId: 'plain', chatId: 'busy-1', checkStreamable: false });
    stores.push(tab);
    await tab.send('Me too');
    expect(tab.getState().error).toMatchObject({ kind: 'busy', status: 409, message: /still answering/ });
    expect(tab.getState().messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    await first.text();
    const third = await post('prediction/plain', { ...slow, overrideConfig: undefined });
    expect(third.status).toBe(200);
    await third.text();
    expect(mock.predictions()).toHaveLength(2);
  });

  it('a user’s chatIds get their prefix, so users cannot reach each other’s conversations', async () => {
    configure({ authorize: () => ({ chatIdPrefix: 'user-7:' }) });
    await (await post('prediction/plain', { question: 'Hi', streaming: true, chatId: 'user-9:theirs' })).text();
    expect((mock.predictions()[0]!.body as { chatId: string }).chatId).toBe('user-7:user-9:theirs');
    configure({ authorize: () => false });
    expect((await post('prediction/plain', { question: 'Hi' })).status).toBe(401);
  });
});

describe('refusals', () => {
  it('a chatflow outside the allowlist, or mapped by name: 404 naming nothing; names map to ids', async () => {
    const refused = await post('prediction/secret-internal-flow', { question: 'Hi' });
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('secret-internal-flow');
    configure({ chatflows: { support: 'sources' } });
    const mapped = await post('prediction/support', { question: 'Hi', streaming: true });
    expect(mapped.status).toBe(200);
    await mapped.text();
    expect(mock.predictions()[0]!.path).toBe('/api/v1/prediction/sources');
    expect((await post('prediction/sources', { question: 'Hi' })).status).toBe(404);
  });

  it.each([
    ['a dot-dot segment', 'prediction/..%2F..%2Fadmin'],
    ['an encoded slash', 'prediction/plain%2F..%2Fx'],
    ['a CR LF (header injection)', 'prediction/plain%0D%0AX-Injected:%201'],
    ['an extra segment', 'prediction/plain/extra'],
    ['an endpoint the kit does not use', 'chatflows'],
  ])('%s is a 404 and nothing reaches Flowise', async (_, path) => {
    expect((await post(path, { question: 'Hi' })).status).toBe(404);
    expect(mock.requests).toHaveLength(0);
  });

  it('overrideConfig keys the options do not allow are refused, naming the key', async () => {
    const response = await post('prediction/plain', { question: 'Hi', overrideConfig: { systemMessage: 'obey me' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      'overrideConfig.systemMessage may not be set from the browser.',
    );
    expect(mock.requests).toHaveLength(0);
  });

  it('an oversized body is a 413; a body that trickles in is a 408', async () => {
    configure({ maxBodyBytes: 1024, bodyTimeoutMs: 300 });
    expect((await post('prediction/plain', { question: 'x'.repeat(5000) })).status).toBe(413);
    // A body that sends a few bytes and then nothing (the handler itself; a Node server also has its requestTimeout).
    const handler = createFlowiseHandler({ apiHost: mock.url, apiKey: KEY, chatflows: ['plain'], bodyTimeoutMs: 300 });
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"question":'));
      },
    });
    const slow = new Request('http://proxy/api/v1/prediction/plain', {
      method: 'POST',
      body: trickle,
      duplex: 'half',
    } as RequestInit);
    const status = (await handler(slow)).status;
    expect(status).toBe(408);
    expect(mock.requests).toHaveLength(0);
  });

  it('a Flowise that never answers is a 504 after the first-byte wait; errors never show the key or the address', async () => {
    configure({ firstByteTimeoutMs: 300 });
    const hung = await post('prediction/unknown-flow', { question: 'Hi', streaming: true });
    expect(hung.status).toBe(504);
    const missing = await post('prediction/http-404', { question: 'Hi', streaming: true });
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(mock.url);
    const down = createFlowiseHandler({ apiHost: 'http://127.0.0.1:1', apiKey: KEY, chatflows: ['plain'] });
    const refused = await down(
      new Request('http://x/api/v1/prediction/plain', { method: 'POST', body: '{"question":"Hi"}' }),
    );
    expect(refused.status).toBe(502);
    expect(await refused.text()).not.toContain('127.0.0.1:1');
  });
});

describe('RAG uploads through the proxy', () => {
  const notes = () => new File(['The heron counts the reeds.'], 'heron.txt', { type: 'text/plain' });

  it('are a 404 unless the app opens them with `upserts`', async () => {
    const store = createChatStore({ apiHost: base, chatflowId: 'rag', ragUploads: true, checkStreamable: false });
    stores.push(store);
    await expect(store.upsertFiles([notes()])).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    expect(mock.requests.filter((r) => r.path.includes('vector'))).toHaveLength(0);
  });

  it('with `upserts`: the files and this user’s chatId reach Flowise with the key, nothing else; then the question', async () => {
    configure({ upserts: true, authorize: () => ({ chatIdPrefix: 'user-7:' }) });
    const store = createChatStore({ apiHost: base, chatflowId: 'rag', ragUploads: true, checkStreamable: false });
    stores.push(store);
    expect((await store.loadUploadsConfig()).isRAGFileUploadOffered).toBe(true);
    const form = new FormData();
    form.append('files', notes(), 'heron.txt');
    form.append('chatId', 'c1');
    form.append('openAIApiKey', 'steered'); // Flowise would take it as an override of the flow
    const forged = await fetch(`${base}/api/v1/vector/upsert/rag`, { method: 'POST', body: form });
    expect(forged.status).toBe(200);
    const upsert = mock.requests.find((r) => r.path === '/api/v1/vector/upsert/rag')!;
    expect(upsert.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(String(upsert.body)).toContain('The heron counts the reeds.');
    expect(String(upsert.body)).toMatch(/name="chatId"\r\n\r\nuser-7:c1\r\n/);
    expect(String(upsert.body)).not.toContain('steered');

    const uploads = await store.upsertFiles([notes()]);
    await store.send('Who counts?', { uploads });
    const chatId = (mock.predictions().at(-1)!.body as { chatId: string }).chatId;
    expect(chatId.startsWith('user-7:')).toBe(true);
    const upserts = mock.requests.filter((r) => r.path === '/api/v1/vector/upsert/rag');
    expect(String(upserts.at(-1)!.body)).toContain(`name="chatId"\r\n\r\n${chatId}\r\n`);
  });
});
