import type { ChatMessage, ChatState } from '@flowise-kit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptSaved, mergeHistory } from './history-merge.js';

type Status = 'submitted' | 'streaming' | 'done' | 'error' | 'aborted';
const question = (id: string) => ({ id, role: 'user', text: id, createdAt: 1 }) as ChatMessage;
const answer = (id: string, status: Status, text = id) => ({ id, role: 'assistant', status, text }) as ChatMessage;
const turn = (id: string, status: Status = 'done') => [question(`${id}-q`), answer(`${id}-a`, status)];
const ids = (messages: readonly ChatMessage[]) => messages.map((m) => m.id);

describe('mergeHistory', () => {
  it("appends our turn after the other tab's, in the order each tab had them", () => {
    const base = turn('old');
    const merged = mergeHistory([...base, ...turn('mine')], [...base, ...turn('theirs')]);
    expect(ids(merged)).toEqual(['old-q', 'old-a', 'theirs-q', 'theirs-a', 'mine-q', 'mine-a']);
  });

  it("leaves out the other tab's open turn (it saves it again, answered), and keeps our own open one", () => {
    const base = turn('old');
    const merged = mergeHistory([...base, ...turn('mine', 'streaming')], [...base, ...turn('theirs', 'submitted')]);
    expect(ids(merged)).toEqual(['old-q', 'old-a', 'mine-q', 'mine-a']);
  });

  it('a message both have keeps the more settled version', () => {
    const open = answer('x-a', 'streaming', 'par');
    const done = answer('x-a', 'done', 'partial and done');
    expect(mergeHistory([question('x-q'), open], [question('x-q'), done])[1]).toBe(done);
    expect(mergeHistory([question('x-q'), done], [question('x-q'), open])[1]).toBe(done);
    const stopped = answer('x-a', 'aborted', 'par');
    expect(mergeHistory([question('x-q'), stopped], [question('x-q'), done])[1]).toBe(done);
  });

  it('returns ours itself when the other tab has nothing new', () => {
    const ours = [...turn('a'), ...turn('b')];
    expect(mergeHistory(ours, ours.slice(0, 2))).toBe(ours);
    expect(mergeHistory(ours, [])).toBe(ours);
  });

  const statuses = fc.constantFrom<Status>('submitted', 'streaming', 'done', 'error', 'aborted');
  /** Two tabs' histories: a shared past, then turns each added on its own (only the last turn of each may be open). */
  const histories = fc
    .record({
      shared: fc.array(
        statuses.filter((s) => s !== 'submitted' && s !== 'streaming'),
        { maxLength: 4 },
      ),
      ours: fc.array(statuses, { maxLength: 3 }),
      theirs: fc.array(statuses, { maxLength: 3 }),
    })
    .map(({ shared, ours, theirs }) => {
      const settle = (list: Status[]) =>
        list.map((s, index) => (index < list.length - 1 && (s === 'submitted' || s === 'streaming') ? 'done' : s));
      const past = shared.flatMap((s, i) => turn(`p${i}`, s));
      return {
        ours: [...past, ...settle(ours).flatMap((s, i) => turn(`o${i}`, s))],
        saved: [...past, ...settle(theirs).flatMap((s, i) => turn(`t${i}`, s))],
      };
    });

  it('property: nothing of ours is lost or doubled, the other tab keeps its order, and merging again changes nothing', () => {
    fc.assert(
      fc.property(histories, ({ ours, saved }) => {
        const merged = mergeHistory(ours, saved);
        const result = ids(merged);
        expect(new Set(result).size).toBe(result.length);
        for (const id of ids(ours)) expect(result).toContain(id);
        const open = new Set(
          saved
            .filter((m) => m.role === 'assistant' && 'status' in m && ['submitted', 'streaming'].includes(m.status))
            .flatMap((m) => [m.id, saved[saved.indexOf(m) - 1]!.id]),
        );
        const kept = ids(saved).filter((id) => !open.has(id) || ids(ours).includes(id));
        expect(result.filter((id) => kept.includes(id))).toEqual(kept);
        expect(result.slice(kept.length)).toEqual(ids(ours).filter((id) => !kept.includes(id)));
        expect(mergeHistory(merged, saved)).toBe(merged);
        expect(mergeHistory(ours, ours)).toBe(ours);
      }),
      { numRuns: 500 },
    );
  });
});

describe('adoptSaved', () => {
  const state = (messages: ChatMessage[], chatId = 'c1'): ChatState => ({
    chatId,
    status: 'done',
    messages,
    diagnostics: [],
  });

  it("shows the other tab's new turn; nothing when there is none", () => {
    const mine = state(turn('a'));
    expect(
      adoptSaved(mine, { chatId: 'c1', messages: [...turn('a'), ...turn('b')] })?.messages?.map((m) => m.id),
    ).toEqual(['a-q', 'a-a', 'b-q', 'b-a']);
    expect(adoptSaved(mine, { chatId: 'c1', messages: turn('a') })).toBeUndefined();
  });

  it('follows the other tab into a new conversation, or into an empty one when it cleared it', () => {
    const fresh = { chatId: 'c2', messages: turn('n') };
    expect(adoptSaved(state(turn('a')), fresh)).toEqual(fresh);
    // A conversation another tab has just begun: its chatId, without its question still being answered.
    expect(adoptSaved(state([], undefined as never), { chatId: 'c3', messages: turn('q', 'streaming') })).toEqual({
      chatId: 'c3',
      messages: [],
    });
    expect(adoptSaved(state(turn('a')), undefined)).toEqual({ messages: [] });
    expect(adoptSaved(state([]), undefined)).toBeUndefined();
  });
});
