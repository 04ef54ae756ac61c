/**
 * Faults in a queue-mode cluster (`pnpm test:flowise:queue`; skipped in one-process runs): a worker killed, Redis
 * restarted and the main process stopped, each mid-answer; and a human-input run resumed on the other worker. The
 * global setup's control server stops and starts the parts by pid. RELIABILITY.md records what Flowise does.
 */
import { createChatStore, type AssistantMessage, type ChatStore } from '@flowise-kit/core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { CompletionRecord } from './model-server';
import { modelAnswer } from './model-server';

const { mode, url, modelUrl, flows, controlUrl } = inject('flowise');
/** Short, so "never a hang" is checked quickly: well under Flowise's 30 s heartbeat. */
const IDLE_MS = 4000;
const FAULT_TIMEOUT = 240_000;

interface ClusterState {
  pids: Record<string, number | undefined>;
  jobs: number[];
}
async function control(action: string): Promise<ClusterState> {
  const res = await fetch(`${controlUrl}/${action}`, { method: action === 'state' ? 'GET' : 'POST' });
  if (!res.ok) throw new Error(`${action}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ClusterState;
}
const completions = async (question: string) =>
  ((await (await fetch(`${modelUrl}/v1/_test/completions`)).json()) as CompletionRecord[]).filter(
    (c) => c.question === question,
  );

const stores: ChatStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});
/**
 * When the last bytes of a prediction arrived. The idle wait restarts on any bytes, `:heartbeat` comments included
 * (the main process writes one every 30 s, so one may land between the last word and the timeout).
 */
let lastBytesAt = 0;
const watchBytes: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!response.body || !String(input).includes('/prediction/')) return response;
  const [mine, theirs] = response.body.tee();
  void (async () => {
    const reader = theirs.getReader();
    for (;;) {
      const { done } = await reader.read().catch(() => ({ done: true }));
      if (done) return;
      lastBytesAt = Date.now();
    }
  })();
  return new Response(mine, response);
};
function chat(chatflowId: string): ChatStore {
  const store = createChatStore({ apiHost: url, chatflowId, idleTimeoutMs: IDLE_MS, fetch: watchBytes });
  stores.push(store);
  return store;
}
const answer = (store: ChatStore): AssistantMessage => {
  const last = store.getState().messages.at(-1);
  if (last?.role !== 'assistant') throw new Error('no answer');
  return last;
};
async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Sends a slow question, waits for some text, runs the fault; returns the answer and how long the kit took to settle
 * after the last text it received (the idle wait, never a hang).
 */
async function faultMidAnswer(store: ChatStore, question: string, fault: () => Promise<unknown>) {
  let lastText = '';
  let lastTextAt = Date.now();
  const unsubscribe = store.subscribe(() => {
    const last = store.getState().messages.at(-1);
    if (last?.role === 'assistant' && last.text !== lastText) [lastText, lastTextAt] = [last.text, Date.now()];
  });
  const sent = store.send(question);
  await until(() => {
    const last = store.getState().messages.at(-1);
    if (last?.role === 'assistant' && !['submitted', 'streaming'].includes(last.status))
      throw new Error(`${last.status} before the fault`);
    return last?.role === 'assistant' && last.text.length > 40;
  });
  await fault();
  await sent;
  unsubscribe();
  // From the last bytes (a heartbeat after the last word restarts the idle wait), never before the last text.
  const settledMs = Date.now() - Math.max(lastTextAt, lastBytesAt);
  const reply = answer(store);
  console.log(
    `${question}: ${reply.status} ${reply.error?.kind} "${reply.error?.message}", ${settledMs} ms after the last text or bytes`,
  );
  return { reply, settledMs };
}

/** The next question on the same conversation is answered in full. */
async function nextQuestionWorks(store: ChatStore, key: string) {
  await store.send(`And now [[${key}]]`);
  expect(answer(store).error).toBeUndefined();
  expect(answer(store)).toMatchObject({ status: 'done', text: modelAnswer(`[[${key}]]`) });
}

function expectPartial(reply: AssistantMessage) {
  expect(reply.status).toBe('error');
  expect(reply.text.length).toBeGreaterThan(40);
  expect(modelAnswer('[[slow]]').startsWith(reply.text)).toBe(true);
}

describe.runIf(mode === 'queue')('faults in the queue-mode cluster', () => {
  it(
    'human input: the run paused on one worker resumes on the other',
    async () => {
      const store = chat(flows.humanInput);
      const before = (await control('state')).jobs;
      await store.send('Pause here [[hitl]]');
      const paused = answer(store);
      expect(paused.action).toBeDefined();
      const ran = (await control('state')).jobs.findIndex((n, i) => n > before[i]!);
      expect(ran).toBeGreaterThanOrEqual(0);
      await control(`kill-worker-${ran}`);
      try {
        const other = (await control('state')).jobs;
        const startNodeId = String(paused.action!.data!.nodeId);
        await store.send('Proceed [[after]]', { humanInput: { type: 'proceed', startNodeId, feedback: '' } });
        expect(answer(store)).toMatchObject({ status: 'done', text: modelAnswer('[[after]]') });
        const resumedOn = (await control('state')).jobs.findIndex((n, i) => n > other[i]!);
        expect(resumedOn).toBe(1 - ran);
      } finally {
        await control(`start-worker-${ran}`);
      }
    },
    FAULT_TIMEOUT,
  );

  it(
    'a worker killed mid-answer: a timeout after the idle wait, the partial text kept; the next question works',
    async () => {
      const store = chat(flows.conversation);
      const question = `Crash a worker [[slow]] ${Date.now()}`;
      const before = (await control('state')).jobs;
      let killed = -1;
      const { reply, settledMs } = await faultMidAnswer(store, question, async () => {
        killed = (await control('state')).jobs.findIndex((n, i) => n > before[i]!);
        await control(`kill-worker-${killed}`);
      });
      expectPartial(reply);
      expect(reply.error?.kind).toBe('timeout');
      expect(settledMs).toBeLessThan(IDLE_MS + 1500);
      await nextQuestionWorks(store, 'worker');
      await control(`start-worker-${killed}`);
      await nextQuestionWorks(store, 'worker-back');
      // Flowise: BullMQ finds the job stalled (its lock lapses after 30 s) and runs it again on a live worker.
      const reruns = await expect
        .poll(async () => (await completions(question)).length, { timeout: 90_000, interval: 2000 })
        .toBeGreaterThanOrEqual(2)
        .then(
          () => 'ran again',
          () => 'not run again within 90 s',
        );
      console.log(`the killed worker's job: ${reruns}; ${JSON.stringify(await completions(question))}`);
    },
    FAULT_TIMEOUT,
  );

  it(
    'Redis restarted mid-answer: a timeout after the idle wait, the text that arrived kept; the next question works',
    async () => {
      const store = chat(flows.conversation);
      const question = `Restart Redis [[slow]] ${Date.now()}`;
      const { reply, settledMs } = await faultMidAnswer(store, question, async () => {
        await control('kill-redis');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await control('start-redis');
      });
      // The words published while the main process's subscriber was away are lost: the text keeps what arrived, in
      // order, nothing invented or repeated.
      expect(reply.status).toBe('error');
      expect(reply.error?.kind).toBe('timeout');
      expect(settledMs).toBeLessThan(IDLE_MS + 1500);
      const words = modelAnswer('[[slow]]').split(' ');
      const got = reply.text.split(' ');
      let at = 0;
      for (const word of got) at = words.indexOf(word, at) + 1 || Number.NaN;
      expect(at).not.toBeNaN();
      const missing = words.slice(0, words.indexOf(got.at(-1)!) + 1).length - got.length;
      console.log(
        `kept ${got.length} words up to ${got.at(-1)}, ${missing} missing; ${JSON.stringify(await completions(question))}`,
      );
      // Flowise may not see job completions again after the restart (its QueueEvents reader): then an operator
      // restarts the main process. Either way the next question must come back whole.
      const seen: string[] = [];
      const ask = async () => {
        await store.send('After Redis [[redis]]');
        const next = answer(store);
        seen.push(`${next.status}${next.error ? ` ${next.error.kind} (${next.text.length} chars)` : ''}`);
        return next.status;
      };
      const deadline = Date.now() + 30_000;
      while ((await ask()) !== 'done' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2000));
      if (answer(store).status !== 'done') {
        await control('stop-main');
        await control('start-main');
        await ask();
      }
      expect(answer(store)).toMatchObject({ status: 'done', text: modelAnswer('[[redis]]') });
      console.log(`the next question after Redis came back, try by try: ${seen.join(', ')}`);
    },
    FAULT_TIMEOUT,
  );

  it(
    'the main process stopped mid-answer: the dropped stream is incomplete, the partial text kept; the next question works',
    async () => {
      const store = chat(flows.conversation);
      const question = `Stop the main process [[slow]] ${Date.now()}`;
      const { reply, settledMs } = await faultMidAnswer(store, question, () => control('stop-main'));
      expectPartial(reply);
      expect(reply.error?.kind).toBe('incomplete');
      expect(settledMs).toBeLessThan(IDLE_MS);
      await control('start-main');
      await nextQuestionWorks(store, 'main');
      console.log(`completions: ${JSON.stringify(await completions(question))}`);
    },
    FAULT_TIMEOUT,
  );
});
