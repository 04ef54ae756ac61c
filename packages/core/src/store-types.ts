/** The chat store's public types: its options, callbacks and actions. */
import type { StoreApi } from 'zustand/vanilla';
import type { ChatbotConfig, FeedbackRating, FlowiseClient } from './client.js';
import type { ChatError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import type { FlowiseConnection } from './http.js';
import type { BatchMode } from './pacing.js';
import type { PredictionBody } from './prediction-body.js';
import type { PredictionTransport } from './prediction-request.js';
import type { SpeechEvent } from './speech.js';
import type { AnswerFeedback, AssistantMessage, ChatState } from './state.js';
import type { FileUpload, UploadsConfig } from './uploads.js';

/** Callbacks; they run outside the store's update and an exception in one never breaks the stream. */
export interface ChatCallbacks {
  /** Every decoded event, as it arrives (before batching). */
  onEvent?: (event: FlowiseEvent) => void;
  /** Every text chunk, as it arrives. */
  onToken?: (token: string) => void;
  /** An answer finished (Flowise's `end`). */
  onEnd?: (message: AssistantMessage) => void;
  /** A turn failed: an HTTP error, a timeout, an `error` event ... The partial answer is kept in the state. */
  onError?: (error: ChatError) => void;
}

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions extends FlowiseConnection, ChatCallbacks {
  /** The chatflow or agentflow every question goes to. */
  chatflowId: string;
  /** Sent with every question; merged under the `overrideConfig` given to `send`. */
  overrideConfig?: Record<string, unknown>;
  /** Ask Flowise to stream (default true). Flowise may still answer JSON; both work. */
  streaming?: boolean;
  /** How store updates are batched while tokens stream (default `DEFAULT_BATCH_MS`: at most one commit per 50 ms). */
  batch?: BatchMode;
  /**
   * How predictions are sent: the main-thread `streamPrediction` (default), or `workerTransport()` from
   * `@flowise-kit/core/worker`, which reads the stream in a Web Worker and falls back to the main thread where
   * none can run.
   */
  transport?: PredictionTransport;
  /** How long to wait for the response to start: see `PredictionRequest.firstByteTimeoutMs` (default 15 s when streaming). */
  firstByteTimeoutMs?: number;
  /** How long the stream may stay silent: see `PredictionRequest.idleTimeoutMs` (default 90 s). */
  idleTimeoutMs?: number;
  /** Run the streamable check once, in parallel with the first request (default true). */
  checkStreamable?: boolean;
  /** The conversation key to continue; by default one is generated before the first question. */
  chatId?: string;
  /**
   * Waits, before each prediction is sent, until this store may send on `chatId`, and resolves with the function
   * that lets the next one go (called when the answer has ended). For conversations shared by tabs:
   * `lockAcrossTabs` from `@flowise-kit/react` queues a question behind another tab's answer on the same chatId
   * (two streams on one chatId break each other in Flowise). Call `onWait` when the question has to wait: its answer
   * shows as queued. `signal` aborts the wait (Stop), and then nothing is sent.
   */
  acquire?: (chatId: string, signal: AbortSignal, onWait: () => void) => Promise<() => void>;
  /**
   * Offer RAG uploads (`file:rag`: `POST vector/upsert`, which needs a workspace API key since Flowise 3.0.13) when
   * the chatflow allows them. Default: only when `apiKey` is set. Set `true` when `apiHost` is a proxy that adds the
   * key (such as `@flowise-kit/server` with `upserts: true`), `false` to never offer them.
   */
  ragUploads?: boolean;
  /** Start from this state (e.g. restored history). */
  initialState?: Partial<ChatState>;
  /** Message and chat ids; defaults to random UUIDs. */
  generateId?: () => string;
  /** The clock; defaults to `Date.now`. */
  now?: () => number;
}

/** Extra fields for one question's request body. */
export type SendOptions = Omit<PredictionBody, 'question' | 'streaming' | 'chatId'>;

/** The actions of a chat store. */
export interface ChatActions {
  /**
   * Asks a question. Resolves when the turn has ended (done, error or stopped); never rejects: failures land in
   * the state as a typed error. While a turn is open, another `send` is ignored (it returns the open turn's
   * promise) so nothing is ever sent twice.
   */
  send(question: string, options?: SendOptions): Promise<void>;
  /** Stops the open turn: keeps the partial answer, marks it `aborted`, asks the server to stop generating. */
  stop(): void;
  /** Asks the last question again as a new request, replacing the failed or stopped answer. */
  retry(): Promise<void>;
  /** Stops any open turn and starts a new conversation (a new chatId on the next question). */
  reset(): void;
  /** Replaces the state (restored history); answers that were open when it was saved become `aborted`. */
  hydrate(state: Partial<ChatState>): void;
  /** Changes options (callbacks, apiKey, overrideConfig ...) without recreating the store or touching a stream. */
  configure(options: Partial<Omit<ChatStoreOptions, 'initialState'>>): void;
  /** Stops any open turn and detaches: after this no action or stream updates the state. */
  dispose(): void;
  /**
   * Rates an answer with Flowise's feedback endpoint: one record per answer, created by the first rating and
   * updated by the next (a change of mind, a comment), kept on the answer as `feedback` (so it is saved with the
   * history). `messageId` is the answer's id in this store; the request uses its `chatMessageId` and the
   * conversation's chatId. Rejects with a `FlowiseError` when the answer has no `chatMessageId` yet (still
   * streaming, or Flowise sent none) or the server refuses; the answer's feedback is then unchanged.
   */
  sendFeedback(messageId: string, rating: FeedbackRating, content?: string): Promise<AnswerFeedback>;
  /**
   * A chatflow's public chatbot config (starter prompts, follow-ups, uploads ...), by default the store's chatflow.
   * Fetched once per chatflow and connection and shared by every caller; a failed fetch is asked again next time.
   */
  loadChatbotConfig(chatflowId?: string): Promise<ChatbotConfig>;
  /**
   * The URL of a file Flowise stored in this conversation (an uploaded image, a `FILE-STORAGE::` artifact), through
   * `get-upload-file`; `undefined` before the conversation has an id. Nothing is requested.
   */
  uploadedFileUrl(fileName: string): string | undefined;
  /**
   * Downloads a file an answer's `fileAnnotations` name (`openai-assistants-file/download`) in this conversation.
   * Rejects with a `FlowiseError` before the conversation has an id, or when the server refuses.
   */
  downloadFile(fileName: string): Promise<Blob>;
  /**
   * What the chatflow accepts besides text (images, files, speech) and whether it reads answers aloud: loaded once
   * per store from the chatbot config (shared with `loadChatbotConfig`), then kept in the state as `uploadsConfig`
   * (a reset keeps it). A failed load rejects and is asked again next time.
   */
  loadUploadsConfig(): Promise<UploadsConfig>;
  /**
   * Full-file upload: `POST attachments` with these files under the conversation's chatId (created now when there is
   * none yet), resolving with the `file:full` uploads to pass to `send`. Files Flowise refuses (a type the chatflow
   * does not take: Flowise 3.1.4 answers a 500 that says so, older servers a 400; or full-file upload turned off)
   * reject with a `FlowiseError` of kind `upload-refused` naming the file and its type, `reason` `type` or `disabled`.
   */
  uploadFiles(files: readonly Blob[]): Promise<FileUpload[]>;
  /**
   * RAG upload: `POST vector/upsert` with these files under the conversation's chatId (created now when there is none
   * yet), resolving with the `file:rag` uploads (data URLs) to pass to `send`. Flowise's 401 or 403 (no workspace API
   * key: the endpoint is not public since Flowise 3.0.13) rejects with a `FlowiseError` of kind `auth` / `forbidden`
   * that says so; nothing is sent then.
   */
  upsertFiles(files: readonly Blob[]): Promise<FileUpload[]>;
  /**
   * Reads an answer aloud (`POST text-to-speech/generate`): `onEvent` gets `tts_start`, each `tts_data` (base64
   * audio) and `tts_end` as they stream. Resolves at the end; aborting `signal`, or `stopSpeaking` for the answer,
   * ends it quietly. Rejects when the answer has no `chatMessageId` yet or Flowise fails (`tts_error`).
   */
  speak(messageId: string, onEvent: (event: SpeechEvent) => void, signal?: AbortSignal): Promise<void>;
  /** Asks Flowise to stop reading an answer aloud (`POST text-to-speech/abort`). */
  stopSpeaking(messageId: string): Promise<void>;
  /**
   * The Flowise endpoints, bound to this store's connection: it follows `configure()`, so a UI never builds a
   * second client from the same options. Prefer the store's actions where there is one.
   */
  readonly client: FlowiseClient;
}

/** A zustand store of {@link ChatState} (plain data) with the chat's actions on it. */
export type ChatStore = StoreApi<ChatState> & ChatActions;
