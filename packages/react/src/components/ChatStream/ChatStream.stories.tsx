import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { NEVER, useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import type { AssistantMessage } from '@flowise-kit/core';
import { useCallback } from 'react';
import { SourceChips } from '../SourceChips/SourceChips.js';
import { ChatStream } from './ChatStream.js';
import type { FeedbackHandler } from './FeedbackButtons.js';

/** Plays a recording into a ChatStream; `feedback` shows thumbs that record the rating on the answer, `chips` sources. */
function Replay(props: ReplaySpec & { emptyState?: string; feedback?: boolean; chips?: boolean }) {
  const store = useReplayStore(props);
  const rate = useCallback<FeedbackHandler>(
    (message, rating, content) =>
      store.setState({
        messages: store
          .getState()
          .messages.map((m) =>
            m.id === message.id ? { ...m, feedback: { id: 'story', rating, ...(content ? { content } : {}) } } : m,
          ),
      }),
    [store],
  );
  const details = useCallback(
    (message: AssistantMessage) => <SourceChips store={store} messageId={message.id} />,
    [store],
  );
  return (
    <ChatStream
      store={store}
      emptyState={props.emptyState}
      className="story-chat"
      {...(props.feedback ? { onFeedback: rate } : {})}
      {...(props.chips ? { renderAnswerDetails: details } : {})}
    />
  );
}

const meta = {
  title: 'Components/ChatStream',
  component: Replay,
  parameters: {
    docs: {
      description: {
        component:
          'The conversation. Stories replay recordings of a real Flowise 3.1.4 server through the real transport.',
      },
    },
  },
  decorators: [
    (Story) => (
      <div style={{ height: 420, display: 'flex', flexDirection: 'column' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

const answer = (canvasElement: HTMLElement) => within(canvasElement).findByRole('article', { name: 'Answer' });

export const Idle: Story = {
  args: { source: 'conversation', emptyState: 'Ask anything to start.' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Ask anything to start.')).toBeVisible();
  },
};

export const Submitted: Story = {
  args: { source: NEVER, question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await expect(within(article).getByText('Thinking…')).toBeVisible();
    await expect(article).toHaveAttribute('aria-busy', 'true');
  },
};

export const Streaming: Story = {
  args: { source: 'conversation', intervalMs: 120, question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveTextContent('Once upon a time'));
    await expect(article).toHaveAttribute('aria-busy', 'true');
    await expect(canvasElement.querySelector('.fk-cursor')).not.toBeNull();
  },
};

export const Done: Story = {
  args: { source: 'conversation', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveTextContent('The end.'));
    await expect(article.querySelector('pre code')).toHaveTextContent('const listen = () => "more";');
    await expect(within(article).getByRole('button', { name: 'Copy answer' })).toBeVisible();
  },
};

export const ErrorState: Story = {
  name: 'Error',
  args: { source: 'dropped', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(within(article).getByRole('alert')).toHaveTextContent('The flow failed: terminated'));
    await expect(article).toHaveTextContent('Once upon a time, a');
    await expect(within(article).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

export const AuthenticationError: Story = {
  args: { source: 'noApiKey', question: 'Hello' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(within(article).getByRole('alert')).toHaveTextContent('API key'));
  },
};

export const Aborted: Story = {
  args: { source: 'conversation', intervalMs: 40, question: 'Tell me a story', stopAfterMs: 600 },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(within(article).getByText('Stopped')).toBeVisible(), { timeout: 3000 });
    await expect(article).toHaveTextContent('Once upon');
    await expect(article).toHaveAttribute('aria-busy', 'false');
  },
};

const MARKDOWN = [
  '## Release notes\n\nThis answer has **bold**, _italic_, `inline code`, a [safe link](https://example.com) and an [unsafe one](javascript:alert(1)).\n\n',
  '1. First item\n2. Second item with a nested list:\n   - alpha\n   - beta\n\n',
  '| Event | When |\n|---|---|\n| `start` | once |\n| `token` | many |\n\n',
  '```ts\nexport function reduce(state: ChatState, event: FlowiseEvent): ChatState {\n  switch (event.type) {\n    case "token":\n      return appendToken(state, event.data);\n  }\n}\n```\n\n> A quote to finish.',
];

export const LongMarkdown: Story = {
  args: {
    source: [
      { event: 'start', data: '' },
      ...MARKDOWN.join('')
        .split(/(?<= )/)
        .map((data) => ({ event: 'token', data })),
      { event: 'metadata', data: { followUpPrompts: ['Show me the reducer', 'What is a token event?'] } },
      { event: 'end', data: '[DONE]' },
    ],
    question: 'Show me everything markdown can do',
  },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveTextContent('A quote to finish.'));
    await expect(article.querySelector('table')).not.toBeNull();
    await expect(within(article).getByRole('link', { name: 'safe link' })).toHaveAttribute(
      'href',
      'https://example.com',
    );
    await expect(within(article).queryByRole('link', { name: 'unsafe one' })).toBeNull();
    await expect(within(article).getByRole('button', { name: 'What is a token event?' })).toBeVisible();
  },
};

export const Agentflow: Story = {
  args: { source: 'agentflow', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveTextContent('The end.'));
  },
};

const RICH = [
  'Here is the helper, a formula and the prices, which cost $5 and $10 a month:\n\n',
  '```python\ndef mean(values: list[float]) -> float:\n    """The arithmetic mean; a very long docstring line that is wider than a phone\'s chat bubble."""\n    return sum(values) / len(values)\n```\n\n',
  'The mean is $\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i$, and the variance\n\n$$\n\\sigma^2 = \\frac{1}{n}\\sum_{i=1}^{n} (x_i - \\bar{x})^2\n$$\n\n',
  '| Plan | Monthly | Yearly | Seats | Support |\n|:--|--:|--:|--:|:--|\n| Starter | $5 | $50 | 1 | community forum |\n| Team | $10 | $100 | 10 | email, next business day |\n\nThe end.',
];

/** Code, math and a wide table streamed into an answer: highlighted and typeset once complete, the table scrolls. */
export const CodeMathTable: Story = {
  args: {
    source: [
      { event: 'start', data: '' },
      ...RICH.join('')
        .split(/(?<= )/)
        .map((data) => ({ event: 'token', data })),
      { event: 'end', data: '[DONE]' },
    ],
    question: 'Mean, variance and your prices?',
  },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveTextContent('The end.'));
    await waitFor(() => expect(article.querySelector('.fk-hl-keyword')).not.toBeNull());
    await waitFor(() => expect(article.querySelectorAll('.katex')).toHaveLength(2));
    await expect(article.querySelector('.fk-markdown__table table')).not.toBeNull();
    await expect(article).toHaveTextContent('cost $5 and $10 a month');
  },
};

export const CodeMathTableDark: Story = {
  ...CodeMathTable,
  globals: { theme: 'dark' },
};

export const Dark: Story = {
  ...Done,
  globals: { theme: 'dark' },
};

export const HumanInTheLoop: Story = {
  args: { source: 'hitl', question: 'Book the trip' },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    const group = await within(article).findByRole('group', { name: 'Approve or reject' });
    await expect(within(group).getByRole('button', { name: 'Proceed' })).toBeVisible();
    await expect(within(group).getByRole('button', { name: 'Reject' })).toBeVisible();
    await expect(within(group).getByRole('textbox', { name: 'Feedback (optional)' })).toBeVisible();
  },
};

/** Thumbs on a finished answer: a rating, then the optional comment; the pressed thumb is the recorded rating. */
export const Feedback: Story = {
  args: { source: 'conversation', question: 'Tell me a story', feedback: true },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveAttribute('data-status', 'done'));
    const canvas = within(article);
    await userEvent.click(canvas.getByRole('button', { name: 'Good answer' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Tell us more (optional)' }), 'Lovely story');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true'),
    );
    await expect(canvas.queryByRole('form', { name: 'Feedback comment' })).toBeNull();
  },
};

/** Each answer's sources as chips under it (renderAnswerDetails), as the widget shows them. */
export const SourceChipsUnderAnswers: Story = {
  args: { source: 'retrieval', question: 'Who counts the stones?', chips: true },
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    const chips = await within(article).findByRole('group', { name: 'Sources' });
    await userEvent.click(within(chips).getByRole('button', { name: 'The fox and the river' }));
    await expect(within(chips).getByRole('region', { name: 'The fox and the river' })).toBeVisible();
  },
};

/** A question waiting for another tab's answer on the same conversation. */
export const QueuedBehindAnotherTab: Story = {
  args: { source: 'conversation', question: 'Me too', queued: true },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Waiting for the answer in another tab…');
  },
};

/** A long answer streaming into a short window: it follows the answer until the reader scrolls up. */
export const AutoScroll: Story = {
  args: {
    question: 'Write a long answer',
    source: [
      { event: 'start', data: '' },
      ...Array.from({ length: 400 }, (_, i) => ({
        event: 'token',
        data: i % 25 === 24 ? ` word${i}.\n\n` : ` word${i}`,
        delayMs: 25,
      })),
      { event: 'end', data: '[DONE]' },
    ],
  },
  decorators: [
    (Story) => (
      <div style={{ height: 260, display: 'flex', flexDirection: 'column' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const article = await answer(canvasElement);
    await waitFor(() => expect(article).toHaveTextContent('word3'));
  },
};
