import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Labels } from '../../labels.js';
import { germanLabels } from '../../story-support/labels-de.js';
import { useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import { ChatWindow } from './ChatWindow.js';

/** A ChatWindow on a replayed recording. */
function Replay(
  props: ReplaySpec & {
    title?: string;
    theme?: 'light' | 'dark' | 'auto';
    labels?: Partial<Labels>;
    feedback?: boolean;
  },
) {
  const store = useReplayStore(props);
  return (
    <ChatWindow
      store={store}
      title={props.title}
      theme={props.theme}
      feedback={props.feedback ?? false}
      {...(props.labels ? { labels: props.labels } : {})}
    />
  );
}

const meta = {
  title: 'Components/ChatWindow',
  component: Replay,
  decorators: [
    (Story) => (
      <div style={{ height: 640, maxWidth: 720 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithSources: Story = {
  args: { source: 'retrieval', question: 'Tell me a story', title: 'Fox facts', intervalMs: 15 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('link', { name: 'The fox and the river' })).toBeVisible(), {
      timeout: 4000,
    });
    await expect(canvas.getByRole('article', { name: 'Answer' })).toHaveTextContent('The end.');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeVisible();
  },
};

/** Every label in German (`labels`): buttons, placeholders, statuses and accessible names. */
export const InGerman: Story = {
  args: {
    source: 'retrieval',
    question: 'Erzähl mir eine Geschichte',
    title: 'Füchse',
    intervalMs: 15,
    labels: germanLabels,
    feedback: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Antwort kopieren' })).toBeVisible(), {
      timeout: 4000,
    });
    await expect(canvas.getByRole('textbox', { name: 'Nachricht' })).toHaveAttribute('placeholder', 'Ihre Frage…');
    await expect(canvas.getByRole('region', { name: 'Quellen' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Gute Antwort' })).toBeVisible();
    await expect(canvas.queryByText('Copy')).toBeNull();
  },
};

export const WithTools: Story = {
  args: { source: 'toolAgent', question: 'What is 6 times 7?', title: 'Calculator agent' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText('calculator')).toBeVisible());
  },
};

export const Dark: Story = {
  args: { ...WithSources.args, theme: 'dark' },
  globals: { theme: 'dark' },
  play: WithSources.play,
};

/** The real hook against the mock Flowise server (`pnpm mock` on port 3000), or any Flowise. */
function PlaygroundWindow({ apiHost, chatflowId }: { apiHost: string; chatflowId: string }) {
  return (
    <ChatWindow
      key={`${apiHost}/${chatflowId}`}
      apiHost={apiHost}
      chatflowId={chatflowId}
      title={`Playground · ${chatflowId}`}
    />
  );
}

export const Playground: StoryObj<typeof PlaygroundWindow> = {
  render: (args) => <PlaygroundWindow {...args} />,
  args: { apiHost: 'http://127.0.0.1:3000', chatflowId: 'sources' },
  argTypes: {
    chatflowId: {
      control: 'select',
      options: [
        'plain',
        'sources',
        'tools',
        'agentflow',
        'agent-tools',
        'agent-reasoning',
        'follow-up',
        'hitl',
        'error-event',
        'http-404',
        'http-429',
        'drop',
        'stall',
        'long',
        'unknown',
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    await waitFor(
      () => expect(canvas.getByRole('article', { name: 'Answer' })).toHaveAttribute('data-status', 'done'),
      { timeout: 8000 },
    );
  },
};
