/** The Flowise endpoints a chat needs besides the prediction (flowise-protocol.md §7), as typed calls. */
import { FlowiseError } from './errors.js';
import { streamSpeech, type SpeechEvent, type SpeechRequest } from './speech.js';
import { uploadsConfigFrom, type UploadsConfig } from './uploads.js';
import {
  endpointUrl,
  fetchOf,
  readLimited,
  requestHeaders,
  responseError,
  unreachableError,
  type FlowiseConnection,
} from './http.js';

/** A feedback rating, as Flowise stores it. */
export type FeedbackRating = 'THUMBS_UP' | 'THUMBS_DOWN';

/** A feedback record returned by Flowise. */
export interface FeedbackRecord {
  /** The feedback's id, for {@link FlowiseClient.updateFeedback}. */
  id: string;
  /** The chatflow (Flowise's spelling). */
  chatflowid: string;
  /** The conversation. */
  chatId: string;
  /** The rated answer's `chatMessageId`. */
  messageId: string;
  /** Thumbs up or down. */
  rating: FeedbackRating;
  /** The user's comment. */
  content?: string;
  [key: string]: unknown;
}

/** The public chatbot configuration of a chatflow (starter prompts, theme, what uploads are allowed ...). */
export interface ChatbotConfig {
  /** The chatflow's starter prompts, keyed by position (`"0"`, `"1"` ...). */
  starterPrompts?: Record<
    string,
    {
      /** The question offered. */
      prompt: string;
    }
  >;
  /** Whether answers may be rated (thumbs up or down, with an optional comment). */
  chatFeedback?: {
    /** `true` when the chatflow takes feedback. */
    status?: boolean;
  };
  /** Lead capture: a form before the first question. */
  leads?: {
    /** `true` when the chatflow asks for a lead. */
    status?: boolean;
    /** The form's heading. */
    title?: string;
    /** Ask for a name. */
    name?: boolean;
    /** Ask for an e-mail address. */
    email?: boolean;
    /** Ask for a phone number. */
    phone?: boolean;
    /** Shown once the lead is saved. */
    successMessage?: string;
  };
  /** Whether follow-up prompts are enabled. */
  followUpPrompts?: {
    /** `true` when the chatflow suggests follow-up questions. */
    status?: boolean;
  };
  /** Full-file uploads (`POST attachments`, then `file:full`): on or off, and the types allowed (comma-separated). */
  fullFileUpload?: {
    /** `true` when files may be turned into text for the prompt. */
    status?: boolean;
    /** MIME types, comma-separated as Flowise stores them (a list is accepted too). */
    allowedUploadFileTypes?: string | string[];
  };
  /** Whether the chatflow has text to speech. */
  isTTSEnabled?: boolean;
  /** What the chatflow accepts as uploads. */
  uploads?: {
    /** Images may be sent with a question. */
    isImageUploadAllowed?: boolean;
    /** Files may be uploaded into the chatflow's vector store. */
    isRAGFileUploadAllowed?: boolean;
    /** Audio may be sent for speech-to-text. */
    isSpeechToTextEnabled?: boolean;
    /** Allowed image types and sizes. */
    imgUploadSizeAndTypes?: {
      /** MIME types, e.g. `image/png`. */
      fileTypes: string[];
      /** Largest size in MB. */
      maxUploadSize: number;
    }[];
    /** Allowed file types and sizes. */
    fileUploadSizeAndTypes?: {
      /** MIME types or extensions. */
      fileTypes: string[];
      /** Largest size in MB. */
      maxUploadSize: number;
    }[];
  };
  /** The flow itself as a JSON string, credentials removed (read the start form with `startFormOf`). */
  flowData?: string;
  [key: string]: unknown;
}

/** A lead for `POST leads`: who is asking, as the chatbot config's lead form collected it. */
export interface Lead {
  /** The chatflow the lead is for. */
  chatflowId: string;
  /** The conversation, when there is one. */
  chatId?: string;
  /** The person's name. */
  name?: string;
  /** Their e-mail address. */
  email?: string;
  /** Their phone number. */
  phone?: string;
}

/** A lead as Flowise saved it. */
export interface LeadRecord {
  /** The lead's id. */
  id: string;
  /** The chatflow (Flowise's spelling). */
  chatflowid: string;
  /** The conversation. */
  chatId: string;
  [key: string]: unknown;
}

/** A file Flowise turned into text, ready to send in `uploads`. */
export interface AttachmentResult {
  /** The file's name. */
  name: string;
  /** The file's MIME type. */
  mimeType: string;
  /** The file's size in bytes. */
  size: number;
  /** The text Flowise extracted. */
  content: string;
  [key: string]: unknown;
}

/** What `POST vector/upsert/:id` answers: how many chunks the flow's vector store added (fields as Flowise names them). */
export interface UpsertResult {
  /** Chunks added to the vector store. */
  numAdded?: number;
  /** Chunks updated, skipped or deleted, where the store's record manager counts them. */
  numUpdated?: number;
  /** Chunks skipped. */
  numSkipped?: number;
  /** Chunks deleted. */
  numDeleted?: number;
  [key: string]: unknown;
}

/** Typed calls for the endpoints a chat UI needs besides the prediction (flowise-protocol.md §7). */
export interface FlowiseClient {
  /** `GET chatflows-streaming/:id`: whether the chatflow streams; a "not found" rejects with kind `not-found`. */
  checkStreaming(chatflowId: string, signal?: AbortSignal): Promise<boolean>;
  /** `PUT chatmessage/abort/:chatflowId/:chatId`: asks the server to stop generating (agentflows honour it). */
  abortPrediction(chatflowId: string, chatId: string, signal?: AbortSignal): Promise<void>;
  /** `POST feedback/:chatflowId`: rates an answer by its `chatMessageId`. */
  sendFeedback(feedback: {
    chatflowId: string;
    chatId: string;
    messageId: string;
    rating: FeedbackRating;
    content?: string;
  }): Promise<FeedbackRecord>;
  /** `PUT feedback/:id`: changes a rating or its comment (Flowise answers `{ status: 'OK' }`, not the record). */
  updateFeedback(id: string, patch: { rating?: FeedbackRating; content?: string }): Promise<unknown>;
  /** `GET public-chatbotConfig/:id`. */
  getChatbotConfig(chatflowId: string): Promise<ChatbotConfig>;
  /** `POST leads`: saves the lead form's answers (name, e-mail, phone) for the chatflow. */
  addLead(lead: Lead): Promise<LeadRecord>;
  /**
   * The URL of a file Flowise stored for a conversation (`GET get-upload-file`, public in Flowise): an uploaded image,
   * a `FILE-STORAGE::` artifact. Builds the URL only; nothing is requested.
   */
  uploadedFileUrl(chatflowId: string, chatId: string, fileName: string): string;
  /**
   * `POST openai-assistants-file/download`: a file an answer's `fileAnnotations` name (what an OpenAI assistant or
   * container wrote), by its `fileName`, as a Blob to save.
   */
  downloadFile(chatflowId: string, chatId: string, fileName: string): Promise<Blob>;
  /** `POST attachments/:chatflowId/:chatId` (multipart `files`): extracts the files' text for `uploads`. */
  uploadAttachments(chatflowId: string, chatId: string, files: readonly Blob[]): Promise<AttachmentResult[]>;
  /**
   * `POST vector/upsert/:chatflowId` (multipart `files` and `chatId`): puts the files into the chatflow's vector store
   * (RAG uploads). Not public since Flowise 3.0.13: it needs a workspace API key (the connection's `apiKey`, or a
   * proxy that adds it); without one Flowise answers 401, a `FlowiseError` of kind `auth`.
   */
  upsertVector(chatflowId: string, chatId: string, files: readonly Blob[]): Promise<UpsertResult>;
  /** `GET chatflows-uploads/:id`: what the chatflow accepts (images, speech, RAG files), every field present. */
  getUploadsConfig(chatflowId: string): Promise<UploadsConfig>;
  /**
   * `POST text-to-speech/generate`: reads an answer aloud. Calls `onEvent` with each `tts_start` / `tts_data` /
   * `tts_end` as it arrives (the audio comes as base64 chunks); resolves at the end; a `tts_error` rejects.
   */
  generateSpeech(request: SpeechRequest, onEvent: (event: SpeechEvent) => void, signal?: AbortSignal): Promise<void>;
  /** `POST text-to-speech/abort`: stops the server's speech for an answer. */
  abortSpeech(request: Omit<SpeechRequest, 'text'>): Promise<void>;
}

/**
 * Creates a {@link FlowiseClient}. Errors are {@link FlowiseError}s carrying the server's message.
 *
 * @param connection Where Flowise is, or a function that returns it at each call (a store's client follows the
 *   store's `configure()` this way, so one client serves the store's whole life).
 */
export function createFlowiseClient(connection: FlowiseConnection | (() => FlowiseConnection)): FlowiseClient {
  const current = typeof connection === 'function' ? connection : () => connection;
  const call = <T>(method: string, path: string, options: CallOptions = {}) =>
    callJson<T>(current(), method, path, options);
  const id = encodeURIComponent;
  return {
    async checkStreaming(chatflowId, signal) {
      const body = await call<{ isStreaming?: unknown }>('GET', `chatflows-streaming/${id(chatflowId)}`, {
        chatflowId,
        signal,
      });
      return body.isStreaming === true;
    },
    async abortPrediction(chatflowId, chatId, signal) {
      await call('PUT', `chatmessage/abort/${id(chatflowId)}/${id(chatId)}`, { chatflowId, signal });
    },
    sendFeedback({ chatflowId, ...feedback }) {
      return call('POST', `feedback/${id(chatflowId)}`, { chatflowId, json: { chatflowid: chatflowId, ...feedback } });
    },
    updateFeedback(feedbackId, patch) {
      return call('PUT', `feedback/${id(feedbackId)}`, { json: patch });
    },
    getChatbotConfig(chatflowId) {
      return call('GET', `public-chatbotConfig/${id(chatflowId)}`, { chatflowId });
    },
    uploadedFileUrl(chatflowId, chatId, fileName) {
      const query = new URLSearchParams({ chatflowId, chatId, fileName });
      return endpointUrl(current().apiHost, `get-upload-file?${query}`);
    },
    addLead({ chatflowId, ...lead }) {
      return call('POST', 'leads', { chatflowId, json: { chatflowid: chatflowId, ...lead } });
    },
    downloadFile(chatflowId, chatId, fileName) {
      const json = { chatflowId, chatId, fileName };
      return call('POST', 'openai-assistants-file/download', { chatflowId, json, blob: true });
    },
    uploadAttachments(chatflowId, chatId, files) {
      const form = new FormData();
      for (const file of files) form.append('files', file, (file as { name?: string }).name ?? 'file');
      return call('POST', `attachments/${id(chatflowId)}/${id(chatId)}`, { chatflowId, form });
    },
    upsertVector(chatflowId, chatId, files) {
      const form = new FormData();
      for (const file of files) form.append('files', file, (file as { name?: string }).name ?? 'file');
      form.append('chatId', chatId);
      return call('POST', `vector/upsert/${id(chatflowId)}`, { chatflowId, form });
    },
    async getUploadsConfig(chatflowId) {
      const uploads = await call<ChatbotConfig['uploads']>('GET', `chatflows-uploads/${id(chatflowId)}`, {
        chatflowId,
      });
      return uploadsConfigFrom(undefined, uploads);
    },
    generateSpeech: (request, onEvent, signal) => streamSpeech(current(), request, onEvent, signal),
    async abortSpeech(request) {
      await call('POST', 'text-to-speech/abort', { chatflowId: request.chatflowId, json: request });
    },
  };
}

interface CallOptions {
  chatflowId?: string;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal | undefined;
  /** The answer is a file: resolve with its bytes. */
  blob?: boolean;
}

/**
 * Why a call that is not the prediction may fail from a page when the prediction works: Flowise lets other sites
 * predict, but answers feedback, leads, stop and uploads across origins only when its CORS_ORIGINS allows the page.
 */
const CLIENT_ADVICE =
  " Is the server running? From another site, Flowise answers this call only when its CORS_ORIGINS allows this page's origin.";

/** A JSON answer is read up to this size; a chatbot config or a feedback record is far smaller. */
const JSON_BODY_LIMIT = 1024 * 1024;

async function callJson<T>(
  connection: FlowiseConnection,
  method: string,
  path: string,
  options: CallOptions,
): Promise<T> {
  const accept = { Accept: options.blob ? '*/*' : 'application/json' };
  const init: RequestInit = {
    method,
    headers: requestHeaders(
      connection,
      options.json === undefined ? accept : { 'Content-Type': 'application/json', ...accept },
    ),
  };
  if (options.json !== undefined) init.body = JSON.stringify(options.json);
  if (options.form) init.body = options.form;
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetchOf(connection)(endpointUrl(connection.apiHost, path), init);
  } catch (cause) {
    throw new FlowiseError(unreachableError(connection, cause, CLIENT_ADVICE), { cause });
  }
  if (options.blob && response.ok) return (await response.blob()) as T;
  const text = await readLimited(response, JSON_BODY_LIMIT);
  if (!response.ok) throw new FlowiseError(responseError(response, text, connection, options.chatflowId));
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    const what = path.split('/')[0];
    throw new FlowiseError(
      {
        kind: 'bad-response',
        status: response.status,
        message: `Flowise answered ${what} with something that is not JSON.`,
      },
      { cause },
    );
  }
}
