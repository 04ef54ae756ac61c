/** The server proxy in front of a real Flowise 3.1.4 (global-setup.ts starts it): the key stays on the server. */
import { createChatStore, predict } from '@flowise-kit/core';
import { createFlowiseHandler } from '@flowise-kit/server';
import { describe, expect, inject, it } from 'vitest';
import { modelAnswer, type CompletionRecord } from './model-server';

const { url, modelUrl, flows } = inject('flowise');
const handler = createFlowiseHandler({
  apiHost: url,
  apiKey: flows.apiKey,
  chatflows: { support: flows.protected, stories: flows.conversation, translator: flows.agentflow },
  basePath: '/api/flowise',
});
/** The page's requests, answered by the handler as a route handler would (no key anywhere on this side). */
const viaProxy: typeof fetch = async (input, init) => handler(new Request(input, init));
const apiHost = 'http://app.local/api/flowise';

describe('the proxy in front of a real Flowise', () => {
  it('the API-key protected chatflow answers with no key in the page', async () => {
    const store = createChatStore({ apiHost, chatflowId: 'support', fetch: viaProxy });
    await store.send('Through the proxy [[key]]');
    expect(store.getState().messages.at(-1)).toMatchObject({ status: 'done', text: modelAnswer('[[key]]') });
    store.dispose();
  });

  it('a chatflow outside the allowlist is refused, even by its real id', async () => {
    const store = createChatStore({ apiHost, chatflowId: flows.conversation, fetch: viaProxy });
    await store.send('Hi');
    expect(store.getState().error).toMatchObject({ kind: 'not-found' });
    store.dispose();
  });

  it('a second prediction on a conversation still answering is refused with a 409', async () => {
    const first = predict({
      apiHost,
      chatflowId: 'stories',
      question: 'Slowly [[slow]]',
      chatId: 'proxy-busy-1',
      fetch: viaProxy,
    });
    const loop = (async () => {
      for await (const _ of first);
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = predict({
      apiHost,
      chatflowId: 'stories',
      question: 'Again',
      chatId: 'proxy-busy-1',
      fetch: viaProxy,
    });
    await expect(
      (async () => {
        for await (const _ of second);
      })(),
    ).rejects.toMatchObject({ status: 409 });
    first.stop();
    await loop;
  });

  it('a browser that leaves mid-answer stops the generation: the test model sees its stream cancelled', async () => {
    // An agentflow: Flowise's abort reaches its LLM node (a classic chatflow ignores abort, protocol §7.2).
    const question = `Slowly, then gone [[slow]] ${Date.now()}`;
    const page = new AbortController();
    const response = await viaProxy(`${apiHost}/api/v1/prediction/translator`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question, streaming: true, chatId: `proxy-leave-${Date.now()}` }),
      signal: page.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('word20')) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
    }
    page.abort(); // the tab closes
    await reader.cancel().catch(() => undefined);
    const completion = async () => {
      const log = (await (await fetch(`${modelUrl}/v1/_test/completions`)).json()) as CompletionRecord[];
      return log.find((c) => c.question.includes(question));
    };
    await expect.poll(async () => (await completion())?.cancelled, { timeout: 10_000 }).toBe(true);
    const record = (await completion())!;
    // Stopped well before its 300 words (6 s at 20 ms a word), not run to the end for nobody.
    expect(record.sent).toBeLessThan(150);
    expect(record.total).toBe(300);
  });
});
