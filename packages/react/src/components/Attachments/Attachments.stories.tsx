import { createChatStore, NO_UPLOADS, type ChatState, type ChatStore, type UploadsConfig } from '@flowise-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { FlowiseChatProvider } from '../../context.js';
import { ChatStream } from '../ChatStream/ChatStream.js';
import { Composer } from '../Composer/Composer.js';
import { speechPlayerOf } from '../Speech/speech-player.js';
import { defaultLabels } from '../../labels.js';
import { RecordControls } from './RecordControls.js';

/** Everything on: images (png, jpeg ≤ 1 MB), files into the prompt, speech to text, text to speech. */
const ALL: UploadsConfig = {
  ...NO_UPLOADS,
  isImageUploadAllowed: true,
  imgUploadSizeAndTypes: [{ fileTypes: ['image/png', 'image/jpeg'], maxUploadSize: 1 }],
  isFullFileUploadAllowed: true,
  fullFileUploadTypes: ['text/plain', 'text/csv'],
  isSpeechToTextEnabled: true,
  isTTSEnabled: true,
};
/** A 16 × 16 striped PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAASElEQVR42mOwjr6Nhv5jAGRZBpJUo2sgqBpFAzGq////z0CSaqgG4lWDNJCkGosGgqHMQJJqFA1ExiADSaqhGkhKHQzDIC0BAO30LEsE3OOjAAAAAElFTkSuQmCC';

function useStore(state: Partial<ChatState>): ChatStore {
  const [store] = useState(() =>
    createChatStore({
      apiHost: 'http://story.invalid',
      chatflowId: 'story',
      checkStreamable: false,
      initialState: state,
    }),
  );
  return store;
}

function Gallery({ view }: { view: 'composer' | 'recording' | 'question' | 'reading' }) {
  const store = useStore({
    chatId: 'c1',
    uploadsConfig: ALL,
    messages: [
      {
        id: 'q1',
        role: 'user',
        text: 'What is in this picture, and in my notes?',
        createdAt: 0,
        uploads: [
          { type: 'file', name: 'stripes.png', mime: 'image/png', data: PNG },
          { type: 'file:full', name: 'notes.txt', mime: 'text/plain', data: 'remember the milk' },
        ],
      },
      {
        id: 'a1',
        role: 'assistant',
        status: 'done',
        text: 'Six times seven is forty-two.',
        reasoning: '',
        sourceDocuments: [],
        usedTools: [],
        calledTools: [],
        agentReasoning: [],
        artifacts: [],
        fileAnnotations: [],
        followUpPrompts: [],
        usage: [],
        metadata: { chatMessageId: 'm1' },
        timings: { requestedAt: 0 },
        extraEvents: [],
      },
    ],
  });
  useEffect(() => {
    if (view !== 'reading') return;
    const player = speechPlayerOf(store);
    player.feed('a1', { type: 'tts_start', data: { chatMessageId: 'm1', format: 'mp3' } });
    return () => player.stop(false);
  }, [store, view]);
  return (
    <FlowiseChatProvider store={store}>
      <div style={{ maxWidth: 420 }}>
        {view === 'composer' ? <Composer /> : null}
        {view === 'recording' ? (
          <div className="fk-composer">
            <div className="fk-composer__row">
              <RecordControls
                recorder={{
                  elapsed: 7,
                  error: undefined,
                  start: async () => undefined,
                  finish: async () => undefined,
                  cancel: () => undefined,
                }}
                labels={defaultLabels}
                disabled={false}
                onRecorded={() => undefined}
              />
            </div>
          </div>
        ) : null}
        {view === 'question' ? <ChatStream /> : null}
        {view === 'reading' ? <ChatStream /> : null}
      </div>
    </FlowiseChatProvider>
  );
}

const meta = { title: 'Components/Attachments and speech', component: Gallery } satisfies Meta<typeof Gallery>;
export default meta;
type Story = StoryObj<typeof meta>;

const bytes = (data: string) => Uint8Array.from(atob(data.split(',')[1]!), (c) => c.charCodeAt(0));

/** Images and a file waiting in the composer, each removable. */
export const AttachmentsInTheComposer: Story = {
  args: { view: 'composer' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvasElement.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, [
      new File([bytes(PNG)], 'stripes.png', { type: 'image/png' }),
      new File(['name,age\nAda,36\n'], 'people.csv', { type: 'text/csv' }),
    ]);
    const list = await canvas.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    await expect(within(list).getByRole('img', { name: 'stripes.png' })).toBeVisible();
    await expect(within(list).getByRole('button', { name: 'Remove people.csv' })).toBeEnabled();
  },
};

/** A file of a type the chatflow does not take, and one too large: each says why; nothing is attached. */
export const Refused: Story = {
  args: { view: 'composer' },
  play: async ({ canvasElement }) => {
    const input = canvasElement.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(
      input,
      [
        new File(['PK'], 'archive.zip', { type: 'application/zip' }),
        new File([new Uint8Array(1024 * 1024 + 1)], 'huge.png', { type: 'image/png' }),
      ],
      { applyAccept: false },
    );
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('“archive.zip” (application/zip) cannot be sent');
    await expect(alert).toHaveTextContent('“huge.png” is 1.0 MB: the largest allowed is 1 MB.');
  },
};

/** Recording a spoken question: the elapsed time, Cancel and Send. */
export const Recording: Story = {
  args: { view: 'recording' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('timer')).toHaveTextContent('Recording 0:07');
    await expect(canvas.getByRole('button', { name: 'Cancel recording' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Send recording' })).toBeVisible();
  },
};

/** A sent question with its image and the name of the file turned into text. */
export const QuestionWithUploads: Story = {
  args: { view: 'question' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const question = canvas.getByRole('article', { name: 'Question' });
    await expect(within(question).getByRole('img', { name: 'stripes.png' })).toHaveAttribute('src', PNG);
    await expect(within(question).getByText('notes.txt')).toBeVisible();
  },
};

/** An answer being read aloud: its button stops it. */
export const ReadingAloud: Story = {
  args: { view: 'reading' },
  play: async ({ canvasElement }) => {
    const answer = within(canvasElement).getByRole('article', { name: 'Answer' });
    const button = await within(answer).findByRole('button', { name: 'Stop reading' });
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  },
};
