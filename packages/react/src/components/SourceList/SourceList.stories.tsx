import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import { SourceList } from './SourceList.js';

function Replay(props: ReplaySpec & { excerptLength?: number }) {
  const store = useReplayStore(props);
  return <SourceList store={store} excerptLength={props.excerptLength} />;
}

const meta = { title: 'Components/SourceList', component: Replay } satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

const answerWith = (sourceDocuments: unknown[]) => [
  { event: 'start', data: '' },
  { event: 'token', data: 'Answer.' },
  { event: 'sourceDocuments', data: sourceDocuments },
  { event: 'end', data: '[DONE]' },
];

export const FromRecording: Story = {
  args: { source: 'retrieval', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('link', { name: 'The fox and the river' })).toHaveAttribute(
        'href',
        'https://example.com/fox-story',
      ),
    );
    // the recorded <img onerror> payload is shown as text, never as an element
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvas.getByText(/onerror/)).toBeVisible();
  },
};

export const ManySources: Story = {
  args: {
    question: 'Q',
    excerptLength: 120,
    source: answerWith(
      Array.from({ length: 12 }, (_, i) => ({
        pageContent: `Paragraph ${i + 1} of the handbook. `.repeat(12),
        metadata:
          i % 3 === 0
            ? { source: `https://docs.example.com/handbook/${i + 1}`, title: `Handbook, part ${i + 1}` }
            : { source: `/uploads/handbook-${i + 1}.pdf`, page: i + 4 },
      })),
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('12 sources')).toHaveTextContent('12'));
    await expect(canvas.getAllByRole('listitem')).toHaveLength(12);
    await expect(canvas.getByText('handbook-2.pdf')).toBeVisible();
    await expect(canvas.getAllByText('page 5')[0]).toBeVisible();
  },
};

export const HostileMetadata: Story = {
  args: {
    question: 'Q',
    source: answerWith([
      {
        pageContent: '<script>window.__pwned = 1</script> Normal text after.',
        metadata: { source: 'javascript:alert(1)', title: '<img src=x onerror=alert(1)>' },
      },
      { pageContent: 'Data URL source.', metadata: { source: 'data:text/html,<script>alert(1)</script>' } },
    ]),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('2 sources')).toBeVisible());
    await expect(canvas.queryAllByRole('link')).toHaveLength(0);
    await expect(canvasElement.querySelector('script, img')).toBeNull();
    await expect(canvas.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  },
};

export const Empty: Story = {
  args: { source: 'conversation', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(canvasElement.querySelector('.fk-source-list')).toBeNull();
  },
};
