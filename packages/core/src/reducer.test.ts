import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduce, reduceAll } from './reducer.js';
import { MAX_DIAGNOSTICS, type ChatState } from './state.js';
import { LEGAL_NEXT, anyEvent } from './test-support/arbitraries.js';
import { askedState, lastAnswer, reduceOnto } from './test-support/events.js';
import { beginTurn } from './turn.js';

/** A conversation with one finished answer (with sources) and a second question streaming. */
function streamingState(): ChatState {
  const first = reduceOnto([
    { type: 'start', data: '' },
    { type: 'token', data: 'First answer' },
    { type: 'sourceDocuments', data: [{ pageContent: 'doc', metadata: { source: 'https://a.example' } }] },
    { type: 'end', data: '[DONE]' },
  ]);
  const second = beginTurn(first, { userMessageId: 'u2', assistantMessageId: 'a2', question: 'More?', now: 5 });
  return reduceOnto(
    [
      { type: 'start', data: '' },
      { type: 'sourceDocuments', data: [{ pageContent: 'doc 2', metadata: {} }] },
      { type: 'usedTools', data: [{ tool: 'calc', toolInput: {}, toolOutput: '1' }] },
      { type: 'token', data: 'Sec' },
    ],
    second,
  );
}

describe('reduce: structural sharing is the contract', () => {
  it('a token replaces only the streaming message and the messages array', () => {
    const before = streamingState();
    const after = reduce(before, { type: 'token', data: 'ond' });
    expect(after.messages).not.toBe(before.messages);
    const last = lastAnswer(after);
    const previous = lastAnswer(before);
    expect(last).not.toBe(previous);
    expect(last.text).toBe('Second');
    // everything else is the identical reference
    for (let i = 0; i < before.messages.length - 1; i++) expect(after.messages[i]).toBe(before.messages[i]);
    expect(last.sourceDocuments).toBe(previous.sourceDocuments);
    expect(last.usedTools).toBe(previous.usedTools);
    expect(last.metadata).toBe(previous.metadata);
    expect(last.timings).toBe(previous.timings);
    expect(after.diagnostics).toBe(before.diagnostics);
  });

  it('a malformed event touches only the diagnostics', () => {
    const before = streamingState();
    const after = reduce(before, { type: 'malformed', raw: '{', reason: 'bad' }, 9);
    expect(after.messages).toBe(before.messages);
    expect(after.diagnostics).toEqual([{ at: 9, kind: 'malformed-event', detail: 'bad', raw: '{' }]);
  });

  it('keeps at most MAX_DIAGNOSTICS diagnostics', () => {
    let state = askedState();
    for (let i = 0; i < MAX_DIAGNOSTICS + 5; i++)
      state = reduce(state, { type: 'malformed', raw: String(i), reason: 'bad' });
    expect(state.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(state.diagnostics.at(-1)?.raw).toBe(String(MAX_DIAGNOSTICS + 4));
  });
});

describe('reduce: event semantics', () => {
  it('never appends the data of start; records the first-token time', () => {
    const state = reduceOnto([
      { type: 'start', data: 'Hello' },
      { type: 'token', data: 'Hello' },
    ]);
    const answer = lastAnswer(state);
    expect(answer.text).toBe('Hello');
    expect(answer.status).toBe('streaming');
    expect(answer.timings.firstTokenAt).toBe(101);
  });

  it('the server chatId from metadata wins over ours', () => {
    const state = reduceOnto([{ type: 'metadata', data: { chatId: 'server-id', followUpPrompts: ['Why?'] } }]);
    expect(state.chatId).toBe('server-id');
    expect(lastAnswer(state).followUpPrompts).toEqual(['Why?']);
  });

  it('events after the answer ended are noted, not applied', () => {
    const state = reduceOnto([
      { type: 'token', data: 'a' },
      { type: 'error', data: 'Error: x - boom' },
      { type: 'token', data: 'late' },
      { type: 'end', data: '[DONE]' },
      { type: 'end', data: '[DONE]' },
    ]);
    expect(lastAnswer(state).text).toBe('a');
    expect(lastAnswer(state).status).toBe('error');
    expect(state.diagnostics.map((d) => d.kind)).toEqual(['late-event']);
  });

  it('nextAgentFlow updates a node in place and keeps the order nodes started in', () => {
    const state = reduceOnto([
      { type: 'nextAgentFlow', data: { nodeId: 'a', nodeLabel: 'A', status: 'INPROGRESS' } },
      { type: 'nextAgentFlow', data: { nodeId: 'b', nodeLabel: 'B', status: 'INPROGRESS' } },
      { type: 'nextAgentFlow', data: { nodeId: 'a', nodeLabel: 'A', status: 'FINISHED' } },
    ]);
    expect(lastAnswer(state).agentFlow?.nodes.map((n) => `${n.nodeId}:${n.status}`)).toEqual([
      'a:FINISHED',
      'b:INPROGRESS',
    ]);
  });

  it('keeps unknown, tool and tts events on the answer', () => {
    const state = reduceOnto([
      { type: 'unknown', name: 'custom', data: 1 },
      { type: 'tts_start', data: { format: 'mp3' } },
    ]);
    expect(lastAnswer(state).extraEvents).toEqual([
      { name: 'custom', data: 1 },
      { name: 'tts_start', data: { format: 'mp3' } },
    ]);
  });

  it('a server abort event marks the answer aborted', () => {
    expect(
      lastAnswer(
        reduceOnto([
          { type: 'token', data: 'x' },
          { type: 'abort', data: '[DONE]' },
        ]),
      ).status,
    ).toBe('aborted');
  });
});

describe('reduce: properties over any event sequence', () => {
  it('never throws; text is the tokens received while open; status moves only forward', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let state = askedState();
        let expected = '';
        let open = true;
        for (const event of events) {
          const before = lastAnswer(state).status;
          state = reduce(state, event);
          const after = lastAnswer(state).status;
          expect(LEGAL_NEXT[before]).toContain(after);
          if (open && event.type === 'token') expected += event.data;
          open = after === 'submitted' || after === 'streaming';
          expect(state.status).toBe(after);
        }
        expect(lastAnswer(state).text).toBe(expected);
        expect(state.messages).toHaveLength(2);
      }),
      { numRuns: 2000 },
    );
  });

  it('reduceAll (tokens joined) equals reducing one by one', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        expect(reduceAll(askedState(), events)).toEqual(events.reduce((s, e) => reduce(s, e), askedState()));
      }),
      { numRuns: 1000 },
    );
  });
});
