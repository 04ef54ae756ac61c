import type { StartFormSpec, StartFormValues } from '@flowise-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { StartForm } from './StartForm.js';

const BOOKING: StartFormSpec = {
  title: 'Book a table',
  description: 'Tell us who is coming.',
  fields: [
    { name: 'name', label: 'Your name', type: 'string' },
    { name: 'guests', label: 'Guests', type: 'number' },
    { name: 'room', label: 'Room', type: 'options', options: ['Garden', 'Library'] },
    { name: 'vegetarian', label: 'Vegetarian menu', type: 'boolean' },
  ],
};

/** The form, and what it would send (as `store.send('', { form })` does). */
function Demo({ form }: { form: StartFormSpec }) {
  const [sent, setSent] = useState<StartFormValues>();
  return (
    <div style={{ maxWidth: 420 }}>
      <StartForm form={form} onSubmit={setSent} />
      {sent ? <pre aria-label="Sent">{JSON.stringify(sent)}</pre> : null}
    </div>
  );
}

const meta = { title: 'Components/StartForm', component: Demo } satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An agentflow's Start node with a form of every field type; an empty field is refused, numbers go as numbers. */
export const EveryFieldType: Story = {
  args: { form: BOOKING },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Start' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Please fill in every field.');
    await expect(canvas.queryByLabelText('Sent')).toBeNull();
    await userEvent.type(canvas.getByLabelText('Your name'), 'Ada');
    await userEvent.type(canvas.getByLabelText('Guests'), '4');
    await userEvent.selectOptions(canvas.getByLabelText('Room'), 'Library');
    await userEvent.click(canvas.getByLabelText('Vegetarian menu'));
    await userEvent.click(canvas.getByRole('button', { name: 'Start' }));
    await expect(canvas.getByLabelText('Sent')).toHaveTextContent(
      '{"name":"Ada","guests":4,"room":"Library","vegetarian":true}',
    );
  },
};

/** A form without a title or description: the fields alone. */
export const Untitled: Story = {
  args: { form: { fields: [{ name: 'topic', label: 'Topic', type: 'string' }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('form', { name: 'Start form' })).toBeTruthy();
  },
};
