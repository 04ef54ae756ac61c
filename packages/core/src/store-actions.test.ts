/** The store's Flowise calls besides the prediction: real HTTP to the mock Flowise server. */
import { type MockFlowise } from '@flowise-kit/mock-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { FlowiseError } from './errors.js';
import { lastAnswer } from './test-support/events.js';
import { useMockStores } from './test-support/mock-stores.js';

const { mock: server, chat } = useMockStores({ rate: 0, tokens: 5 });
let mock: MockFlowise;
beforeAll(() => {
  mock = server();
});

const requestsTo = (path: string) => mock.requests.filter((request) => request.path === path);

describe('sendFeedback', () => {
  it("rates an answer by its chatMessageId in the store's conversation", async () => {
    const store = chat('plain');
    await store.send('Hi');
    const answer = lastAnswer(store.getState());
    const record = await store.sendFeedback(answer.id, 'THUMBS_DOWN', 'too short');
    const [request] = requestsTo('/api/v1/feedback/plain');
    expect(request?.body).toEqual({
      chatflowid: 'plain',
      chatId: store.getState().chatId,
      messageId: answer.metadata.chatMessageId,
      rating: 'THUMBS_DOWN',
      content: 'too short',
    });
    expect(record).toEqual({ id: expect.any(String), rating: 'THUMBS_DOWN', content: 'too short' });
    expect(lastAnswer(store.getState()).feedback).toEqual(record);
  });

  it('keeps one record per answer: a change of mind updates it, and the comment stays', async () => {
    const store = chat('plain');
    await store.send('Hi');
    const answer = lastAnswer(store.getState());
    const first = await store.sendFeedback(answer.id, 'THUMBS_UP', 'nice');
    const second = await store.sendFeedback(answer.id, 'THUMBS_DOWN');
    expect(second).toEqual({ id: first.id, rating: 'THUMBS_DOWN', content: 'nice' });
    expect(requestsTo('/api/v1/feedback/plain')).toHaveLength(1);
    expect(requestsTo(`/api/v1/feedback/${first.id}`)[0]?.body).toEqual({ rating: 'THUMBS_DOWN', content: 'nice' });
    expect(lastAnswer(store.getState()).feedback).toEqual(second);
  });

  it('two quick clicks make one record: the second waits for the first and updates it', async () => {
    const store = chat('plain');
    await store.send('Hi');
    const answer = lastAnswer(store.getState());
    const [up, down] = await Promise.all([
      store.sendFeedback(answer.id, 'THUMBS_UP'),
      store.sendFeedback(answer.id, 'THUMBS_DOWN', 'changed my mind'),
    ]);
    expect(down).toEqual({ id: up.id, rating: 'THUMBS_DOWN', content: 'changed my mind' });
    expect(requestsTo('/api/v1/feedback/plain')).toHaveLength(1);
    expect(requestsTo(`/api/v1/feedback/${up.id}`)).toHaveLength(1);
  });

  it('a refused rating leaves the answer as it was', async () => {
    const store = chat('plain');
    await store.send('Hi');
    const answer = lastAnswer(store.getState());
    store.configure({ apiHost: 'http://127.0.0.1:1' });
    await expect(store.sendFeedback(answer.id, 'THUMBS_UP')).rejects.toMatchObject({ kind: 'network' });
    expect(lastAnswer(store.getState()).feedback).toBeUndefined();
  });

  it('refuses an answer Flowise has not given a message id, and sends nothing', async () => {
    const store = chat('plain');
    await expect(store.sendFeedback('no-such-message', 'THUMBS_UP')).rejects.toBeInstanceOf(FlowiseError);
    expect(requestsTo('/api/v1/feedback/plain')).toHaveLength(0);
  });
});

describe('loadChatbotConfig', () => {
  it('fetches the config once per chatflow and shares it', async () => {
    const store = chat('plain');
    const [first, second] = await Promise.all([store.loadChatbotConfig(), store.loadChatbotConfig()]);
    expect(first).toBe(second);
    expect(Object.values(first.starterPrompts ?? {}).map((entry) => entry.prompt)).toContain('Tell me a story');
    await store.loadChatbotConfig();
    expect(requestsTo('/api/v1/public-chatbotConfig/plain')).toHaveLength(1);
  });

  it('keeps its cache when configure() brings the same connection again (a re-render), drops it for a new one', async () => {
    const store = chat('plain', { headers: { 'x-team': 'a' } });
    await store.loadChatbotConfig();
    store.configure({ apiHost: mock.url, apiKey: undefined, headers: { 'x-team': 'a' }, chatflowId: 'plain' });
    await store.loadChatbotConfig();
    expect(requestsTo('/api/v1/public-chatbotConfig/plain')).toHaveLength(1);
    store.configure({ headers: { 'x-team': 'b' } });
    await store.loadChatbotConfig();
    expect(requestsTo('/api/v1/public-chatbotConfig/plain')).toHaveLength(2);
  });

  it("loads another chatflow's config when asked by id, each once", async () => {
    const store = chat('plain');
    await Promise.all([
      store.loadChatbotConfig('sources'),
      store.loadChatbotConfig('sources'),
      store.loadChatbotConfig(),
    ]);
    expect(requestsTo('/api/v1/public-chatbotConfig/sources')).toHaveLength(1);
    expect(requestsTo('/api/v1/public-chatbotConfig/plain')).toHaveLength(1);
  });

  it('asks again for a new chatflow, and after a failure', async () => {
    const store = chat('unknown-flow');
    await expect(store.loadChatbotConfig()).rejects.toMatchObject({ kind: 'not-found' });
    await expect(store.loadChatbotConfig()).rejects.toMatchObject({ kind: 'not-found' });
    expect(requestsTo('/api/v1/public-chatbotConfig/unknown-flow')).toHaveLength(2);
    store.configure({ chatflowId: 'plain' });
    await store.loadChatbotConfig();
    expect(requestsTo('/api/v1/public-chatbotConfig/plain')).toHaveLength(1);
  });
});

describe('client', () => {
  it('is one object that follows configure(): a new API key is used, a removed one is not sent', async () => {
    const store = chat('plain', { apiKey: 'key-one-1234' });
    const client = store.client;
    await client.getChatbotConfig('plain');
    store.configure({ apiKey: 'key-two-5678' });
    expect(store.client).toBe(client);
    await client.getChatbotConfig('plain');
    store.configure({ apiKey: undefined });
    await client.getChatbotConfig('plain');
    const auth = requestsTo('/api/v1/public-chatbotConfig/plain').map((request) => request.headers.authorization);
    expect(auth).toEqual(['Bearer key-one-1234', 'Bearer key-two-5678', undefined]);
  });
});

describe('a start form', () => {
  it('sends the form without a question, keeps it on the question, and asks it again on retry', async () => {
    const store = chat('start-form');
    const form = { name: 'Ada', guests: 3, room: 'Garden', vegetarian: true };
    await store.send('', { form });
    const [request] = mock.predictions();
    expect(request?.body).toMatchObject({ question: '', form });
    const [question] = store.getState().messages;
    expect(question).toMatchObject({ role: 'user', text: '', form });
    expect(lastAnswer(store.getState()).text).toBe('Booked with name: Ada, guests: 3, room: Garden, vegetarian: true');
    await store.retry();
    expect(mock.predictions()[1]?.body).toMatchObject({ question: '', form });
    expect(store.getState().messages).toHaveLength(2);
  });

  it('an empty form sends nothing', async () => {
    const store = chat('start-form');
    await store.send('', { form: {} });
    expect(mock.predictions()).toHaveLength(0);
    expect(store.getState().messages).toHaveLength(0);
  });
});

describe('downloadFile', () => {
  it("downloads a file an answer's fileAnnotations name, in the store's conversation", async () => {
    const store = chat('file-annotations');
    await expect(store.downloadFile('report.csv')).rejects.toThrow('There is no conversation to download from.');
    await store.send('Make a report');
    const [annotation] = lastAnswer(store.getState()).fileAnnotations as { fileName: string }[];
    const blob = await store.downloadFile(annotation!.fileName);
    expect(await blob.text()).toBe('day,stones\nmonday,12\ntuesday,15\n');
    expect(requestsTo('/api/v1/openai-assistants-file/download')[0]?.body).toEqual({
      chatflowId: 'file-annotations',
      chatId: store.getState().chatId,
      fileName: 'report.csv',
    });
  });

  it("a file the server cannot find rejects with the server's message", async () => {
    const store = chat('file-annotations');
    await store.send('Make a report');
    await expect(store.downloadFile('missing.txt')).rejects.toThrow(/ENOENT: no such file missing\.txt/);
  });
});
