/** Small pieces of the mock server's request handling. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaConfigFor } from './media.js';

/** Unknown chatflow ids (as Flowise would not find them). */
export function isUnknown(id: string): boolean {
  return id === 'unknown' || id.startsWith('unknown-');
}

/** Waits until the client leaves (a request Flowise never answers). */
export function hang(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.once('close', resolve));
}

/** The whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON when the text is JSON, else the text. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The public chatbot config every known chatflow of the mock has (see {@link chatbotConfigFor} for the others). */
export const CHATBOT_CONFIG = {
  chatFeedback: { status: true },
  starterPrompts: {
    0: { prompt: 'Tell me a story' },
    1: { prompt: 'What is 6 times 7?' },
    2: { prompt: 'Which sources do you use?' },
  },
  followUpPrompts: { status: true },
  uploads: {
    isImageUploadAllowed: false,
    imgUploadSizeAndTypes: [],
    isRAGFileUploadAllowed: true,
    fileUploadSizeAndTypes: [{ fileTypes: ['text/plain', 'application/pdf'], maxUploadSize: 5 }],
    isSpeechToTextEnabled: false,
  },
};

/** The Start node of the `start-form` agentflow, as Flowise publishes it in `flowData`: a form of four field types. */
export const START_FORM_NODE = {
  id: 'startAgentflow_0',
  data: {
    name: 'startAgentflow',
    label: 'Start',
    inputs: {
      startInputType: 'formInput',
      formTitle: 'Book a table',
      formDescription: 'Tell us who is coming.',
      formInputTypes: [
        { type: 'string', label: 'Your name', name: 'name' },
        { type: 'number', label: 'Guests', name: 'guests' },
        { type: 'options', label: 'Room', name: 'room', addOptions: [{ option: 'Garden' }, { option: 'Library' }] },
        { type: 'boolean', label: 'Vegetarian menu', name: 'vegetarian' },
      ],
    },
  },
};

/**
 * The chatbot config of a chatflow: {@link CHATBOT_CONFIG}, except for `no-feedback` (feedback off), `leads` (a
 * lead form asking for a name and an e-mail address, with a success message), `start-form` (an agentflow whose
 * Start node asks for a form: {@link START_FORM_NODE}), and the media chatflows (`uploads`,
 * `uploads-refused`, `tts-*`: images, full-file uploads, speech to text and text to speech on).
 */
export function chatbotConfigFor(chatflowId: string): Record<string, unknown> {
  const media = mediaConfigFor(chatflowId);
  if (media) return { ...CHATBOT_CONFIG, ...media };
  if (chatflowId === 'no-feedback') return { ...CHATBOT_CONFIG, chatFeedback: { status: false } };
  if (chatflowId === 'start-form')
    return { ...CHATBOT_CONFIG, flowData: JSON.stringify({ nodes: [START_FORM_NODE], edges: [] }) };
  if (chatflowId === 'leads')
    return {
      ...CHATBOT_CONFIG,
      leads: {
        status: true,
        title: 'Before we start',
        name: true,
        email: true,
        phone: false,
        successMessage: 'Thanks! Ask away.',
      },
    };
  return CHATBOT_CONFIG;
}
