import { createChatStore } from '@flowise-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Disclaimer } from './Disclaimer.js';
import { LeadForm } from './LeadForm.js';
import '@flowise-kit/react/styles.css';
import './ChatWidget.css';

/** The widget's panel states before the chat: the lead form (chatbot config `leads`) and the disclaimer. */
function PanelState({ state }: { state: 'lead' | 'disclaimer' }) {
  const [store] = useState(() =>
    createChatStore({
      apiHost: 'http://story.invalid',
      chatflowId: 'story',
      // The lead is "saved" by a fetch that answers like Flowise's leads endpoint.
      fetch: async () => new Response(JSON.stringify({ id: 'lead-1', chatflowid: 'story', chatId: 'c' })),
    }),
  );
  return (
    <div className="fk-widget" data-fk-theme="light">
      <div className="fk-widget__panel" style={{ height: 460, width: 380 }}>
        {state === 'lead' ? (
          <div className="fk-widget__stream">
            <LeadForm
              leads={{ status: true, title: 'Before we start', name: true, email: true, phone: true }}
              store={store}
              chatflowId="story"
              scope="story"
              onSaved={fn()}
            />
          </div>
        ) : (
          <Disclaimer
            disclaimer={{
              title: 'Before you chat',
              message: 'Answers come from a model and may be wrong.\nDo not share personal data.',
              buttonText: 'I understand',
              denyButtonText: 'No thanks',
            }}
            onAccept={fn()}
            onDeny={fn()}
          />
        )}
      </div>
    </div>
  );
}

const meta = { title: 'Widget/Panel states', component: PanelState } satisfies Meta<typeof PanelState>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Lead capture: the configured fields; a bad e-mail address is refused in the form. */
export const LeadCapture: Story = {
  args: { state: 'lead' },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement).getByRole('form', { name: 'Your details' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Ada');
    await userEvent.type(within(form).getByLabelText('E-mail'), 'nope');
    await userEvent.type(within(form).getByLabelText('Phone'), '123');
    await userEvent.click(within(form).getByRole('button', { name: 'Start chatting' }));
    await expect(within(form).getByRole('alert')).toHaveTextContent('valid e-mail');
  },
};

/** The disclaimer over the chat until accepted. */
export const DisclaimerPopUp: Story = {
  args: { state: 'disclaimer' },
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement).getByRole('alertdialog', { name: 'Before you chat' });
    await expect(within(dialog).getByRole('button', { name: 'I understand' })).toHaveFocus();
  },
};
