import type { AssistantMessage } from '@flowise-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import { ChatStream } from '../ChatStream/ChatStream.js';
import { AnswerUsage } from './AnswerUsage.js';

const usage = (message: AssistantMessage) => <AnswerUsage message={message} />;

/** An answer in a ChatStream, with its token use shown under it (as `ChatWindow`'s `showUsage` does). */
function Replay(props: ReplaySpec) {
  const store = useReplayStore(props);
  return <ChatStream store={store} className="story-chat" renderAnswerDetails={usage} />;
}

const meta = { title: 'Components/FileAnnotations', component: Replay } satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

const words = 'Here is the report you asked for, and a chart of it.'.split(/(?<= )/);

/**
 * An agentflow answer citing two files its assistant wrote (`fileAnnotations`: each a button that downloads it through
 * `openai-assistants-file/download`), with the tokens of its two model calls added up (`usageMetadata`).
 */
export const FilesAndUsage: Story = {
  args: {
    question: 'Make me a report',
    source: [
      { event: 'start', data: '' },
      ...words.map((data) => ({ event: 'token', data })),
      {
        event: 'fileAnnotations',
        data: [
          { filePath: 'files/report.csv', fileName: 'report.csv' },
          { filePath: 'files/chart.png', fileName: 'chart.png' },
        ],
      },
      { event: 'usageMetadata', data: { input_tokens: 1200, output_tokens: 80, total_tokens: 1280 } },
      { event: 'usageMetadata', data: { input_tokens: 300, output_tokens: 20, total_tokens: 320 } },
      { event: 'metadata', data: { chatId: 'story-chat', chatMessageId: 'm1' } },
      { event: 'end', data: '[DONE]' },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const files = await canvas.findByRole('group', { name: 'Files' });
    await expect(within(files).getByRole('button', { name: 'Download report.csv' })).toBeTruthy();
    await expect(within(files).getByRole('button', { name: 'Download chart.png' })).toBeTruthy();
    await waitFor(() =>
      expect(canvasElement.querySelector('.fk-usage')).toHaveTextContent(
        '1,600 tokens (1,500 in, 100 out) · 2 model calls',
      ),
    );
  },
};
