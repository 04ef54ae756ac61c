import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createReplayFetch } from '@flowise-kit/core';
import { answerEvents, replayStore } from '../../test-support/streams.js';
import { announceableSentences } from './announce.js';
import { ChatStream } from './ChatStream.js';

describe('ChatStream', () => {
  it('shows the question and the finished answer with copy and follow-up chips that ask again', async () => {
    const store = replayStore([
      { event: 'start', data: '' },
      { event: 'token', data: 'Hello **there**.' },
      { event: 'metadata', data: { followUpPrompts: ['Why?', 'How?'] } },
      { event: 'end', data: '[DONE]' },
    ]);
    render(<ChatStream store={store} />);
    await act(() => store.send('Greet me'));
    expect(screen.getByRole('article', { name: 'Question' }).textContent).toBe('Greet me');
    const answer = screen.getByRole('article', { name: 'Answer' });
    expect(answer.querySelector('strong')?.textContent).toBe('there');
    expect(answer.getAttribute('aria-busy')).toBe('false');
    expect(within(answer).getByRole('button', { name: 'Copy answer' })).toBeTruthy();
    const chips = within(answer).getByRole('group', { name: 'Follow-up questions' });
    await act(async () => {
      fireEvent.click(within(chips).getByRole('button', { name: 'Why?' }));
    });
    expect(
      store
        .getState()
        .messages.filter((m) => m.role === 'user')
        .map((m) => m.text),
    ).toEqual(['Greet me', 'Why?']);
  });

  it('an error shows its message and a retry button; the partial answer stays', async () => {
    const store = replayStore([
      { event: 'start', data: '' },
      { event: 'token', data: 'Partial answer' },
      { event: 'error', data: 'Error: predictionsServices.buildChatflow - terminated' },
      { event: 'end', data: '[DONE]' },
    ]);
    render(<ChatStream store={store} />);
    await act(() => store.send('Q'));
    const answer = screen.getByRole('article', { name: 'Answer' });
    expect(answer.textContent).toContain('Partial answer');
    expect(within(answer).getByRole('alert').textContent).toBe('The flow failed: terminated');
    expect(within(answer).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('a stopped answer says so and is not busy; streaming answers are busy with a cursor', async () => {
    const store = replayStore(answerEvents(300, [], 5));
    const { container } = render(<ChatStream store={store} />);
    let sending!: Promise<void>;
    act(() => {
      sending = store.send('Long');
    });
    await screen.findByText(/w3/);
    const answer = screen.getByRole('article', { name: 'Answer' });
    expect(answer.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('.fk-cursor')).not.toBeNull();
    act(() => store.stop());
    await act(() => sending);
    expect(answer.getAttribute('aria-busy')).toBe('false');
    expect(within(answer).getByText('Stopped')).toBeTruthy();
    expect(container.querySelector('.fk-cursor')).toBeNull();
  });

  it('human in the loop: approve resumes the run with humanInput and the node id', async () => {
    const requests: unknown[] = [];
    const action = {
      id: 'a1',
      mapping: { approve: 'Proceed', reject: 'Reject' },
      elements: [
        { type: 'agentflowv2-approve-button', label: 'Proceed' },
        { type: 'agentflowv2-reject-button', label: 'Reject' },
      ],
      data: { nodeId: 'humanInputAgentflow_0' },
    };
    const store = replayStore([], {
      fetch: createReplayFetch({
        source: [
          { event: 'token', data: 'Are you sure?' },
          { event: 'action', data: action },
          { event: 'end', data: '[DONE]' },
        ],
        onRequest: (_url, body) => requests.push(body),
      }),
    });
    render(<ChatStream store={store} />);
    await act(() => store.send('Book it'));
    const group = screen.getByRole('group', { name: 'Approve or reject' });
    await act(async () => {
      fireEvent.click(within(group).getByRole('button', { name: 'Proceed' }));
    });
    expect(requests[1]).toMatchObject({
      question: 'Proceed',
      humanInput: { type: 'proceed', startNodeId: 'humanInputAgentflow_0', feedback: '' },
    });
  });

  it('announces completed sentences, never fragments', () => {
    expect(announceableSentences('Hello there. How are y', false)).toEqual(['Hello there.']);
    expect(announceableSentences('Hello there. How are you', true)).toEqual(['Hello there.', 'How are you']);
    expect(announceableSentences('no sentence yet', false)).toEqual([]);
    expect(
      announceableSentences('**One day** the [river](https://r.example) spoke.\n\n```js\nconst a = 1;\n```', true),
    ).toEqual(['One day the river spoke.', 'const a = 1;']);
    expect(announceableSentences('Call _current_date_time_ now.', true)).toEqual(['Call current_date_time now.']);
  });
});

describe('the incremental sentence splitter', () => {
  it('matches a full split at every length of a growing text', async () => {
    const { createSentenceSplitter } = await import('./announce');
    const text =
      'First one. Second **bold** one! A question? Then a list:\n\n- item\n- item two\n\nAnd the end… really.';
    const split = createSentenceSplitter();
    for (let end = 1; end <= text.length; end++) {
      expect(split(text.slice(0, end), false)).toEqual(announceableSentences(text.slice(0, end), false));
    }
    expect(split(text, true)).toEqual(announceableSentences(text, true));
  });
});

describe('the live region', () => {
  it('keeps only the latest sentences, each added once, so a long answer is not laid out again and again', async () => {
    const { LiveAnnouncer } = await import('./LiveAnnouncer');
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i}.`);
    const view = render(<LiveAnnouncer text={sentences.slice(0, 10).join(' ')} finished={false} />);
    const region = view.container.querySelector('[aria-live="polite"]')!;
    const before = Array.from(region.children);
    view.rerender(<LiveAnnouncer text={`${sentences.slice(0, 11).join(' ')} Sen`} finished={false} />);
    expect(region.children).toHaveLength(3);
    // The sentences still there are the same nodes (not re-announced); the new one was appended.
    expect(region.children[0]).toBe(before[2]);
    expect(region.lastElementChild!.textContent).toBe('Sentence number 10. ');
    view.rerender(<LiveAnnouncer text={sentences.join(' ')} finished />);
    expect(Array.from(region.children, (child) => child.textContent)).toEqual([
      'Sentence number 37. ',
      'Sentence number 38. ',
      'Sentence number 39. ',
    ]);
  });
});
