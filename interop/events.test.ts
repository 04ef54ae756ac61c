/**
 * The events a real Flowise sends, as `predict()` yields them, in the mode of this run (one process, or queue mode:
 * the worker publishes on Redis and the main process relays). The README's table of differences is checked here.
 */
import { predict, type FlowiseEvent } from '@flowise-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { modelAnswer, toolAnswer } from './model-server';

const { mode, url, flows } = inject('flowise');

async function run(chatflowId: string, question: string) {
  const started = performance.now();
  const events: FlowiseEvent[] = [];
  let firstTokenMs: number | undefined;
  let text = '';
  for await (const event of predict({ apiHost: url, chatflowId, question })) {
    events.push(event);
    if (event.type === 'token' && event.data) {
      firstTokenMs ??= performance.now() - started;
      text += event.data;
    }
  }
  const names = events.map((event) => (event.type === 'unknown' ? `unknown:${event.name}` : event.type));
  console.log(`${mode}: ${[...new Set(names)].join(' ')} (first token after ${firstTokenMs?.toFixed(0)} ms)`);
  return { events, names, text };
}

describe(`the events of a real Flowise (${mode === 'queue' ? 'queue mode' : 'one process'})`, () => {
  it('a conversation chain: start (empty) first, the tokens, metadata and end last; the text exact', async () => {
    const { events, names, text } = await run(flows.conversation, 'Events of [[alpha]]');
    expect(text).toBe(modelAnswer('[[alpha]]'));
    expect(names[0]).toBe('start');
    expect(events[0]).toMatchObject({ type: 'start', data: '' });
    expect(names.slice(-2)).toEqual(['metadata', 'end']);
    expect(names.filter((n) => n === 'start')).toHaveLength(1);
  });

  it('an agentflow: no start, the node events, the text exact', async () => {
    const { names, text } = await run(flows.agentflow, 'Events of [[agent]]');
    expect(text).toBe(modelAnswer('[[agent]]'));
    expect(names).not.toContain('start');
    expect(names).toEqual(expect.arrayContaining(['agentFlowEvent', 'nextAgentFlow', 'agentFlowExecutedData']));
  });

  it(
    mode === 'queue'
      ? 'the custom event agent_trace never arrives in queue mode; the answer and usedTools do'
      : 'the custom event agent_trace (detailed streaming) arrives as an unknown event, kept',
    async () => {
      const { names, text } = await run(flows.toolTrace, 'What is 6 times 7? [[calc]]');
      expect(text).toBe(toolAnswer('42'));
      expect(names).toContain('usedTools');
      if (mode === 'queue') expect(names).not.toContain('unknown:agent_trace');
      else expect(names).toContain('unknown:agent_trace');
    },
  );
});
