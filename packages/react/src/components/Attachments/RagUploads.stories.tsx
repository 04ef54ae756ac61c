import { createChatStore, NO_UPLOADS, type UploadsConfig } from '@flowise-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { FlowiseChatProvider } from '../../context.js';
import { Composer } from '../Composer/Composer.js';

/** A chatflow whose vector store takes text and Markdown files, for a store that has a workspace key. */
const RAG: UploadsConfig = {
  ...NO_UPLOADS,
  isRAGFileUploadAllowed: true,
  isRAGFileUploadOffered: true,
  fileUploadSizeAndTypes: [{ fileTypes: ['text/plain', '.md'], maxUploadSize: 500 }],
};

/** How the story's Flowise answers `vector/upsert`: not yet, or with its 401 (no workspace key). */
type Upsert = 'pending' | 'refused';

function RagComposer({ upsert }: { upsert: Upsert }) {
  const [store] = useState(() =>
    createChatStore({
      apiHost: 'http://story.invalid',
      chatflowId: 'story',
      apiKey: 'story-key',
      checkStreamable: false,
      initialState: { chatId: 'c1', uploadsConfig: RAG },
      fetch: () =>
        upsert === 'pending'
          ? new Promise<Response>(() => undefined)
          : Promise.resolve(new Response('{"error":"Unauthorized Access"}', { status: 401 })),
    }),
  );
  return (
    <FlowiseChatProvider store={store}>
      <div style={{ maxWidth: 420 }}>
        <Composer />
      </div>
    </FlowiseChatProvider>
  );
}

const meta = { title: 'Components/RAG uploads', component: RagComposer } satisfies Meta<typeof RagComposer>;
export default meta;
type Story = StoryObj<typeof meta>;

async function askWithNotes(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const input = canvasElement.querySelector<HTMLInputElement>('input[type=file]')!;
  await userEvent.upload(input, new File(['The heron counts the reeds.'], 'heron.txt', { type: 'text/plain' }));
  await expect(await canvas.findByText(/to knowledge base/)).toBeVisible();
  await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'What does the heron count?');
  await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
  return canvas;
}

/** A file going into the chatflow's vector store before the question is sent: a progress line, Send disabled. */
export const Upserting: Story = {
  args: { upsert: 'pending' },
  play: async ({ canvasElement }) => {
    const canvas = await askWithNotes(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Adding a file to the knowledge base…');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/** Flowise refused the upsert (no workspace key): it says why; the question and the file stay to try again. */
export const UpsertRefused: Story = {
  args: { upsert: 'refused' },
  play: async ({ canvasElement }) => {
    const canvas = await askWithNotes(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('needs a workspace API key since Flowise 3.0.13');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('What does the heron count?');
    await expect(canvas.getByText('heron.txt')).toBeVisible();
  },
};
