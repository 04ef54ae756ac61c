import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import { SourceChips } from './SourceChips.js';

function Replay(props: ReplaySpec) {
  const store = useReplayStore(props);
  return (
    <div style={{ maxWidth: 360 }}>
      <SourceChips store={store} />
    </div>
  );
}

const meta = { title: 'Components/SourceChips', component: Replay } satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A retrieval answer's sources as chips; a chip opens its entry, the hostile one stays text. */
export const FromRecording: Story = {
  args: { source: 'retrieval', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chip = await canvas.findByRole('button', { name: 'The fox and the river' });
    await userEvent.click(chip);
    await expect(chip).toHaveAttribute('aria-expanded', 'true');
    const entry = canvas.getByRole('region', { name: 'The fox and the river' });
    await expect(within(entry).getByRole('link')).toHaveAttribute('href', 'https://example.com/fox-story');
    await waitFor(() => expect(canvasElement.querySelector('img')).toBeNull());
  },
};
