/**
 * flowise-kit against a real Flowise 3.1.4 (global-setup.ts starts it), through @flowise-kit/core's public API.
 */
import {
  createChatStore,
  predict,
  createFlowiseClient,
  type AssistantMessage,
  type ChatState,
  type ChatStore,
  type ChatStoreOptions,
} from '@flowise-kit/core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DOCUMENT } from './flows';
import { modelAnswer, toolAnswer } from './model-server';

const { url, flows } = inject('flowise');
const stores: ChatStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});
function chat(chatflowId: string, options: Partial<ChatStoreOptions> = {}): ChatStore {
  const store = createChatStore({ apiHost: url, chatflowId, ...options });
  stores.push(store);
  return store;
}
const answer = (state: ChatState): AssistantMessage => {
  const last = state.messages.at(-1);
  if (last?.role !== 'assistant') throw new Error('no answer');
  return last;
};

describe('a real Flowise 3.1.4', () => {
  it('conversation chain: the streamed text is exactly the model text; the chatId carries over to the next question', async () => {
    const store = chat(flows.conversation);
    await store.send('Tell me about [[alpha]]');
    const first = store.getState();
    expect(answer(first)).toMatchObject({ status: 'done', text: modelAnswer('[[alpha]]') });
    expect(first.chatId).toBeTruthy();
    const tokensSeen: string[] = [];
    store.configure({ onToken: (token) => tokensSeen.push(token) });
    await store.send('And [[beta]]?');
    const second = store.getState();
    expect(answer(second)).toMatchObject({ status: 'done', text: modelAnswer('[[beta]]') });
    expect(tokensSeen.length).toBeGreaterThan(3);
    expect(second.chatId).toBe(first.chatId);
    expect(second.messages).toHaveLength(4);
  });

  it('tool agent: the calculator call reaches usedTools and the answer uses its result', async () => {
    const store = chat(flows.toolAgent);
    await store.send('What is 6 times 7? [[calc]]');
    const reply = answer(store.getState());
    expect(reply.status).toBe('done');
    expect(reply.usedTools).toEqual([expect.objectContaining({ tool: 'calculator', toolOutput: '42' })]);
    expect(reply.text).toBe(toolAnswer('42'));
  });

  it('conversational retrieval QA: source documents reach the state', async () => {
    const store = chat(flows.retrieval);
    await store.send('Who counts the stones? [[rag]]');
    const reply = answer(store.getState());
    expect(reply.status).toBe('done');
    expect(reply.text).toBe(modelAnswer('[[rag]]'));
    expect(reply.sourceDocuments.length).toBeGreaterThan(0);
    expect(reply.sourceDocuments[0]).toMatchObject({
      pageContent: expect.stringContaining('fox'),
      metadata: expect.objectContaining({ source: DOCUMENT.source }),
    });
  });

  it('agentflow v2 (Start → LLM): the answer and the node timeline reach the state', async () => {
    const store = chat(flows.agentflow);
    await store.send('Translate [[agent]]');
    const reply = answer(store.getState());
    expect(reply.status).toBe('done');
    expect(reply.text).toBe(modelAnswer('[[agent]]'));
    const nodes = reply.agentFlow?.nodes ?? [];
    expect(nodes.map((n) => n.nodeId)).toEqual(expect.arrayContaining(['startAgentflow_0', 'llmAgentflow_0']));
    expect(nodes.every((n) => n.status === 'FINISHED')).toBe(true);
  });

  it('agentflow v2 with Human Input: the action arrives; approving it resumes the run', async () => {
    const store = chat(flows.humanInput);
    await store.send('Do the thing [[hitl]]');
    const paused = answer(store.getState());
    expect(paused.action).toBeDefined();
    expect(paused.action!.data).toMatchObject({ nodeId: expect.stringContaining('humanInputAgentflow') });
    const startNodeId = String(paused.action!.data!.nodeId);
    await store.send('Proceed [[after]]', { humanInput: { type: 'proceed', startNodeId, feedback: '' } });
    const resumed = answer(store.getState());
    expect(resumed.status).toBe('done');
    expect(resumed.text.length).toBeGreaterThan(0);
    expect(resumed.agentFlow?.nodes.map((n) => n.nodeId)).toEqual(expect.arrayContaining(['llmAgentflow_1']));
  });

  it('an API-key protected chatflow: the right key streams, a wrong key is an authentication error', async () => {
    const good = chat(flows.protected, { apiKey: flows.apiKey });
    await good.send('Hello [[key]]');
    expect(answer(good.getState())).toMatchObject({ status: 'done', text: modelAnswer('[[key]]') });
    const bad = chat(flows.protected, { apiKey: 'wrong-key-123' });
    await bad.send('Hello [[key]]');
    expect(bad.getState().error).toMatchObject({ kind: 'auth' });
    expect(bad.getState().error!.message).not.toContain('wrong-key-123');
  });

  it('an unknown chatflow: "not found" within the first-byte timeout instead of hanging', async () => {
    const started = Date.now();
    const store = chat('00000000-0000-4000-8000-000000000000', { firstByteTimeoutMs: 10_000 });
    await store.send('Anyone?');
    expect(store.getState().error?.kind).toBe('not-found');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stop keeps the partial answer and calls the abort endpoint', async () => {
    const calls: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    const store = chat(flows.conversation, { fetch: countingFetch });
    const done = store.send('Go slowly [[slow]]');
    const deadline = Date.now() + 20_000;
    while (answer(store.getState()).text.length < 20 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    store.stop();
    await done;
    const partial = answer(store.getState()).text;
    expect(answer(store.getState()).status).toBe('aborted');
    expect(partial.length).toBeGreaterThan(20);
    expect(modelAnswer('[[slow]]').startsWith(partial)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      calls.filter((c) => c.startsWith('PUT ') && c.includes(`/api/v1/chatmessage/abort/${flows.conversation}/`)),
    ).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('POST ') && c.includes('/prediction/'))).toHaveLength(1);
    expect(store.getState().diagnostics.filter((d) => d.kind === 'abort-call-failed')).toEqual([]);
    expect(answer(store.getState()).text).toBe(partial);
  });

  it('the model failing mid-stream: the server error, the partial text kept', async () => {
    const store = chat(flows.conversation);
    await store.send('Break [[fail]]');
    const reply = answer(store.getState());
    expect(reply.status).toBe('error');
    expect(reply.error?.message.length).toBeGreaterThan(10);
    expect(modelAnswer('[[fail]]').startsWith(reply.text)).toBe(true);
  });

  it('the client helpers: the chatflow streams, an unknown one is not found', async () => {
    const client = createFlowiseClient({ apiHost: url });
    await expect(client.checkStreaming(flows.conversation)).resolves.toBe(true);
    await expect(client.checkStreaming('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it("the store's own calls: feedback rates the answer Flowise saved; the chatbot config loads once; unknown is not-found", async () => {
    const store = chat(flows.conversation);
    await store.send('Rate me [[alpha]]');
    const reply = answer(store.getState());
    const first = await store.sendFeedback(reply.id, 'THUMBS_UP', 'helpful');
    expect(first).toMatchObject({ id: expect.any(String), rating: 'THUMBS_UP', content: 'helpful' });
    // A change of mind updates the same record: Flowise holds one per answer.
    await store.sendFeedback(reply.id, 'THUMBS_DOWN', 'not quite');
    expect(answer(store.getState()).feedback).toEqual({ id: first.id, rating: 'THUMBS_DOWN', content: 'not quite' });
    const listed = (await (
      await fetch(`${url}/api/v1/feedback/${flows.conversation}?chatId=${store.getState().chatId}`)
    ).json()) as { id: string; messageId: string; rating: string; content?: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: first.id,
      messageId: reply.metadata.chatMessageId,
      rating: 'THUMBS_DOWN',
      content: 'not quite',
    });
    const config = await store.loadChatbotConfig();
    expect(config).toBe(await store.loadChatbotConfig());
    expect(typeof config.uploads).toBe('object');
    await expect(store.loadChatbotConfig('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('predict(): `for await` yields the model text exactly; a JSON answer the same; break ends it and asks Flowise to stop', async () => {
    let text = '';
    const streamed = predict({ apiHost: url, chatflowId: flows.conversation, question: 'Loop over [[alpha]]' });
    for await (const event of streamed) if (event.type === 'token') text += event.data;
    expect(streamed.status).toBe('completed');
    expect(text).toBe(modelAnswer('[[alpha]]'));

    let jsonText = '';
    const json = predict({
      apiHost: url,
      chatflowId: flows.conversation,
      question: 'Again [[alpha]]',
      streaming: false,
    });
    for await (const event of json) if (event.type === 'token') jsonText += event.data;
    expect(jsonText).toBe(modelAnswer('[[alpha]]'));

    const stopped = predict({ apiHost: url, chatflowId: flows.conversation, question: 'Slowly [[slow]]' });
    let tokens = 0;
    for await (const event of stopped) if (event.type === 'token' && ++tokens === 2) break;
    expect(stopped.status).toBe('stopped');
  });

  it('predict(): an unknown chatflow is not-found at once; a wrong API key is an auth error', async () => {
    const missing = predict({ apiHost: url, chatflowId: '00000000-0000-4000-8000-000000000000', question: 'Hi' });
    await expect(
      (async () => {
        for await (const _ of missing);
      })(),
    ).rejects.toMatchObject({ kind: 'not-found' });
    // Flowise answers a wrong key with a 401 or with an `error` event in a 200 stream: thrown, or yielded.
    const wrongKey = predict({
      apiHost: url,
      chatflowId: flows.protected,
      question: 'Hi',
      apiKey: 'wrong-key-1234567',
    });
    const said = await (async () => {
      const seen: string[] = [];
      try {
        for await (const event of wrongKey) if (event.type === 'error') seen.push(String(event.data));
      } catch (error) {
        return `thrown:${(error as { kind: string }).kind}`;
      }
      return seen.join(' ');
    })();
    expect(said).toMatch(/thrown:auth|unauthori[sz]ed/i);
  });
});
