/** The chat store end to end: real HTTP to the mock Flowise server, real timers. */
import { answerTokens, longAnswerTokens, type MockFlowise } from '@flowise-kit/mock-server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatError } from './errors.js';
import { createAssistantMessage } from './state.js';
import { lastAnswer } from './test-support/events.js';
import { useMockStores } from './test-support/mock-stores.js';

const { mock: server, chat } = useMockStores({ rate: 0, tokens: 30 });
let mock: MockFlowise;
beforeAll(() => {
  mock = server();
});

const slow = { overrideConfig: { mock: { rate: 200, tokens: 2000 } } };
const until = (check: () => boolean, ms = 5000) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout: ms, interval: 5 });

describe('createChatStore', () => {
  it('asks, streams and finishes; the chatId it generated is sent and kept', async () => {
    const store = chat('plain');
    await store.send('Hello');
    const state = store.getState();
    expect(state.status).toBe('done');
    expect(state.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(state.messages[0]).toMatchObject({ role: 'user', text: 'Hello' });
    expect(lastAnswer(state).text).toBe(answerTokens(30).join(''));
    const sent = mock.predictions()[0]!.body as { chatId: string };
    expect(sent.chatId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.chatId).toBe(sent.chatId);
  });

  it('reuses the chatId on the next question, and the server chatId wins', async () => {
    const store = chat('fixture-conversation-stream');
    await store.send('One');
    expect(store.getState().chatId).toBe('a0000000-0000-4000-8000-000000000001');
    store.configure({ chatflowId: 'plain' });
    await store.send('Two');
    const bodies = mock.predictions().map((r) => (r.body as { chatId: string }).chatId);
    expect(bodies[1]).toBe('a0000000-0000-4000-8000-000000000001');
    expect(store.getState().messages).toHaveLength(4);
  });

  it('sends overrideConfig from the options merged with the one given to send', async () => {
    const store = chat('plain', { overrideConfig: { temperature: 0.1, sessionId: 's' } });
    await store.send('Hi', { overrideConfig: { temperature: 0.9 } });
    expect(mock.predictions()[0]!.body).toMatchObject({ overrideConfig: { temperature: 0.9, sessionId: 's' } });
  });

  it('stop keeps the partial answer, marks it aborted and asks the server to stop', async () => {
    const store = chat('long');
    const done = store.send('Long one', slow);
    await until(() => lastAnswer(store.getState()).text.length > 20);
    store.stop();
    const partial = lastAnswer(store.getState()).text;
    expect(store.getState().status).toBe('aborted');
    expect(lastAnswer(store.getState()).status).toBe('aborted');
    await done;
    await until(() => mock.requests.some((r) => r.method === 'PUT'));
    const abort = mock.requests.find((r) => r.method === 'PUT')!;
    expect(abort.path).toBe(`/api/v1/chatmessage/abort/long/${store.getState().chatId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lastAnswer(store.getState()).text).toBe(partial);
    expect(partial.length).toBeGreaterThan(20);
    expect(mock.predictions()).toHaveLength(1);
  });

  it('a second send while a turn is open sends nothing', async () => {
    const store = chat('plain');
    const first = store.send('Once');
    const second = store.send('Twice');
    expect(second).toBe(first);
    await first;
    expect(mock.predictions()).toHaveLength(1);
    expect(store.getState().messages).toHaveLength(2);
  });

  it('stop while submitted, then send again: two POSTs, both turns kept', async () => {
    // `unknown`: the mock, like Flowise, never answers a streaming request to an unknown chatflow.
    const store = chat('unknown', { checkStreamable: false });
    const first = store.send('Nobody answers');
    await until(() => mock.predictions().length === 1);
    // The request reached the server and nothing came back: the turn is still `submitted` when Stop is pressed.
    expect(store.getState().status).toBe('submitted');
    expect(lastAnswer(store.getState())).toMatchObject({ status: 'submitted', text: '' });
    store.stop();
    await first;
    expect(lastAnswer(store.getState())).toMatchObject({ status: 'aborted', text: '' });
    store.configure({ chatflowId: 'plain' });
    await store.send('Now answer');
    expect(mock.predictions()).toHaveLength(2);
    expect(store.getState().messages.map((m) => (m.role === 'assistant' ? m.status : m.text))).toEqual([
      'Nobody answers',
      'aborted',
      'Now answer',
      'done',
    ]);
  });

  it('an HTTP error lands in the state and the callback, typed and readable', async () => {
    const errors: ChatError[] = [];
    const store = chat('http-404', { onError: (error) => errors.push(error) });
    await store.send('Hi');
    const state = store.getState();
    expect(state.status).toBe('error');
    expect(state.error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(state.error!.message).toContain('http-404');
    expect(lastAnswer(state).error).toEqual(state.error);
    expect(errors).toEqual([state.error]);
    expect(state.messages[0]).toMatchObject({ role: 'user', text: 'Hi' });
  });

  it('an unknown chatflow fails fast as not found through the parallel streamable check', async () => {
    const store = chat('unknown-flow');
    const started = Date.now();
    await store.send('Hi');
    expect(store.getState().error?.kind).toBe('not-found');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(mock.requests.filter((r) => r.path.startsWith('/api/v1/chatflows-streaming/'))).toHaveLength(1);
  });

  it('a mid-stream flow error keeps the partial text', async () => {
    const store = chat('error-event');
    await store.send('Hi');
    const answer = lastAnswer(store.getState());
    expect(answer.text).toBe(answerTokens(5).join(''));
    expect(answer.status).toBe('error');
    expect(answer.error?.kind).toBe('flow');
  });

  it('retry asks the last question again as one new request, replacing the failed answer', async () => {
    const store = chat('drop');
    await store.send('Please');
    expect(store.getState().error?.kind).toBe('incomplete');
    store.configure({ chatflowId: 'plain' });
    await store.retry();
    expect(mock.predictions()).toHaveLength(2);
    expect(mock.predictions()[1]!.body).toMatchObject({ question: 'Please' });
    const state = store.getState();
    expect(state.messages).toHaveLength(2);
    expect(state.status).toBe('done');
    expect(state.error).toBeUndefined();
  });

  it('sends exactly one POST when the tab is hidden and shown during a stream', async () => {
    const fakeDocument = Object.assign(new EventTarget(), { hidden: false, visibilityState: 'visible' });
    vi.stubGlobal('document', fakeDocument);
    const store = chat('long');
    const done = store.send('Hi', { overrideConfig: { mock: { rate: 400, tokens: 100 } } });
    await until(() => lastAnswer(store.getState()).text.length > 0);
    fakeDocument.hidden = true;
    fakeDocument.visibilityState = 'hidden';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    fakeDocument.hidden = false;
    fakeDocument.visibilityState = 'visible';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    await done;
    expect(store.getState().status).toBe('done');
    expect(mock.predictions()).toHaveLength(1);
  });

  it('batches store updates: far fewer notifications than tokens', async () => {
    const store = chat('long');
    let notifications = 0;
    store.subscribe(() => notifications++);
    await store.send('Hi', { overrideConfig: { mock: { rate: 0, tokens: 5000 } } });
    expect(lastAnswer(store.getState()).text).toBe(longAnswerTokens(5000).join(''));
    expect(notifications).toBeLessThan(500);
  });

  it('batch 0 notifies on every event', async () => {
    const store = chat('plain', { batch: 0 });
    let notifications = 0;
    store.subscribe(() => notifications++);
    await store.send('Hi');
    expect(notifications).toBeGreaterThanOrEqual(30);
  });

  it('calls onToken per token and onEnd once; a throwing callback does not break the stream', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const tokens: string[] = [];
    const ended = vi.fn();
    const store = chat('plain', {
      onToken: (token) => {
        tokens.push(token);
        if (tokens.length === 3) throw new Error('callback bug');
      },
      onEnd: ended,
    });
    await store.send('Hi');
    expect(tokens).toHaveLength(30);
    expect(ended).toHaveBeenCalledOnce();
    expect(reportError).toHaveBeenCalledOnce();
    expect(store.getState().status).toBe('done');
  });

  it('dispose during a stream aborts it; nothing updates the store afterwards', async () => {
    const store = chat('long');
    const done = store.send('Hi', slow);
    await until(() => lastAnswer(store.getState()).text.length > 0);
    store.dispose();
    const frozen = store.getState();
    await done;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState()).toBe(frozen);
    await store.send('ignored');
    expect(store.getState()).toBe(frozen);
    expect(mock.predictions()).toHaveLength(1);
  });

  it('reset starts a new conversation with a new chatId', async () => {
    const store = chat('plain');
    await store.send('Hi');
    const first = store.getState().chatId;
    store.reset();
    expect(store.getState().messages).toEqual([]);
    await store.send('Hi again');
    expect(store.getState().chatId).not.toBe(first);
  });

  it('hydrate restores history; an answer saved while streaming comes back aborted', () => {
    const store = chat('plain');
    store.hydrate({
      chatId: 'saved',
      status: 'streaming',
      messages: [
        { id: 'u', role: 'user', text: 'Q', createdAt: 1 },
        { ...createAssistantMessage('a', 1), status: 'streaming', text: 'partial' },
      ],
    });
    const state = store.getState();
    expect(state.chatId).toBe('saved');
    expect(state.status).toBe('aborted');
    expect(lastAnswer(state)).toMatchObject({ status: 'aborted', text: 'partial' });
  });
});
