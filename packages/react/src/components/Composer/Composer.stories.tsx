import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { NEVER, useReplayStore } from '../../story-support/useReplayStore.js';
import { Composer } from './Composer.js';

function Replay({ busy = false, disabled = false }: { busy?: boolean; disabled?: boolean }) {
  const store = useReplayStore({ source: NEVER, ...(busy ? { question: 'Waiting…' } : {}) });
  return <Composer store={store} disabled={disabled} />;
}

const meta = { title: 'Components/Composer', component: Replay } satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const send = canvas.getByRole('button', { name: 'Send' });
    await expect(send).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello');
    await expect(send).toBeEnabled();
  },
};

export const WhileAnswering: Story = {
  args: { busy: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Stop answering' })).toBeVisible());
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('textbox')).toBeDisabled();
  },
};
