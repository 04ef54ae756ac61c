/**
 * The store's actions for what goes with a question besides text (uploads config, full-file uploads) and for reading
 * answers aloud. Each is a Flowise call reached through the store, so a UI never builds a client of its own.
 */
import { FlowiseError, isFlowiseError } from './errors.js';
import type { Session } from './session.js';
import type { SpeechEvent } from './speech.js';
import { spokenMessageId } from './spoken-answer.js';
import type { ChatState } from './state.js';
import {
  readAsDataUrl,
  uploadsConfigFrom,
  type FileUpload,
  type RefusedUpload,
  type UploadsConfig,
} from './uploads.js';

/** What the upload actions need of the store. */
export interface UploadsHost {
  session: Session;
  getState(): ChatState;
  setState(state: ChatState): void;
}

/** The upload and speech actions of a store (see `ChatActions` for what each does). */
export function uploadActions(host: UploadsHost) {
  const { session } = host;
  let loading: Promise<UploadsConfig> | undefined;
  /** Answers (`chatMessageId`) whose speech `stopSpeaking` stopped, until they are read again. */
  const stopped = new Set<string>();

  async function fetchUploadsConfig(): Promise<UploadsConfig> {
    const chatbot = await session.loadChatbotConfig().catch(() => undefined);
    // The public chatbot config holds the uploads config; ask for it alone only when it is missing.
    const config =
      chatbot && typeof chatbot === 'object' && chatbot.uploads
        ? uploadsConfigFrom(chatbot)
        : {
            ...(await session.client.getUploadsConfig(session.config.chatflowId)),
            ...pick(uploadsConfigFrom(chatbot), 'isFullFileUploadAllowed', 'fullFileUploadTypes'),
          };
    const { ragUploads, apiKey } = session.config;
    // The upsert is refused without a workspace key: offer it only where one will go with it.
    return { ...config, isRAGFileUploadOffered: config.isRAGFileUploadAllowed && (ragUploads ?? Boolean(apiKey)) };
  }

  /** The conversation's chatId, created now when there is none: the question that follows must use the same. */
  function conversationId(): string {
    const state = host.getState();
    if (state.chatId) return state.chatId;
    const chatId = session.id();
    host.setState({ ...state, chatId });
    return chatId;
  }

  return {
    /** Drops the loaded config (the chatflow or the connection changed). */
    forget(): void {
      loading = undefined;
      const { uploadsConfig: _dropped, ...rest } = host.getState();
      if (_dropped) host.setState(rest);
    },

    loadUploadsConfig(): Promise<UploadsConfig> {
      const loaded = host.getState().uploadsConfig;
      if (loaded) return Promise.resolve(loaded);
      if (loading) return loading;
      const pending: Promise<UploadsConfig> = fetchUploadsConfig().then(
        (config) => {
          // A config asked for before a change of chatflow is not this chatflow's.
          if (loading === pending) host.setState({ ...host.getState(), uploadsConfig: config });
          return config;
        },
        (error: unknown) => {
          if (loading === pending) loading = undefined; // asked again next time: the failure may be passing
          throw error;
        },
      );
      loading = pending;
      return pending;
    },

    async uploadFiles(files: readonly Blob[]): Promise<FileUpload[]> {
      const chatId = conversationId();
      try {
        const results = await session.client.uploadAttachments(session.config.chatflowId, chatId, files);
        return results.map((result) => ({
          type: 'file:full',
          name: result.name,
          mime: result.mimeType,
          data: result.content,
        }));
      } catch (error) {
        const refusal = isFlowiseError(error) ? refusalOf(error) : undefined;
        if (refusal) throw refusedByServer(error as FlowiseError, files, refusal);
        throw error;
      }
    },

    async upsertFiles(files: readonly Blob[]): Promise<FileUpload[]> {
      const chatId = conversationId();
      try {
        await session.client.upsertVector(session.config.chatflowId, chatId, files);
      } catch (error) {
        if (isFlowiseError(error) && (error.kind === 'auth' || error.kind === 'forbidden')) throw upsertRefused(error);
        throw error;
      }
      // Flowise also stores each file with the conversation (as flowise-embed sends it), so the history can show it.
      return Promise.all(
        files.map(async (file) => ({
          type: 'file:rag',
          name: (file as { name?: string }).name ?? 'file',
          mime: file.type,
          data: await readAsDataUrl(file),
        })),
      );
    },

    /** Reads an answer aloud; see `ChatActions.speak`. */
    async speak(messageId: string, onEvent: (event: SpeechEvent) => void, signal?: AbortSignal): Promise<void> {
      const target = speechTarget(host.getState(), messageId);
      stopped.delete(target.chatMessageId);
      try {
        await session.client.generateSpeech({ chatflowId: session.config.chatflowId, ...target }, onEvent, signal);
      } catch (error) {
        // Stopped here: Flowise ends the stream with a tts_error ("TTS generation aborted"), which is no failure.
        if (!stopped.has(target.chatMessageId)) throw error;
      }
    },

    stopSpeaking(messageId: string): Promise<void> {
      const { chatId, chatMessageId } = speechTarget(host.getState(), messageId);
      stopped.add(chatMessageId);
      return session.client.abortSpeech({ chatflowId: session.config.chatflowId, chatId, chatMessageId });
    },
  };
}

function speechTarget(state: ChatState, messageId: string) {
  const answer = state.messages.find((m) => m.id === messageId);
  // An auto-played answer streams its audio before its metadata: the tts_* events name the message meanwhile.
  const chatMessageId =
    answer?.role === 'assistant' ? (answer.metadata.chatMessageId ?? spokenMessageId(answer)) : undefined;
  if (!state.chatId || !chatMessageId || answer?.role !== 'assistant') {
    const message = 'This answer cannot be read aloud yet: Flowise has not given it a message id.';
    throw new FlowiseError({ kind: 'bad-response', message });
  }
  return { chatId: state.chatId, chatMessageId, text: answer.text };
}

/** Flowise's 401 / 403 for an upsert: the endpoint needs a workspace API key since Flowise 3.0.13. */
function upsertRefused(error: FlowiseError): FlowiseError {
  const message =
    'Flowise refused the file for its knowledge base: adding files (vector/upsert) needs a workspace API key since ' +
    'Flowise 3.0.13. Give the chat an apiKey, or send it through a proxy that adds one.';
  return new FlowiseError({ ...error.toChatError(), message }, { cause: error });
}

/**
 * Whether Flowise refused the files themselves, and why. Flowise 3.1.4 answers these with a 500 whose message says it
 * (`File type 'image/png' is not allowed. Allowed types: …`, `MIME type mismatch: …`, `File upload is not enabled for
 * this chatflow`): its attachments service wraps its own 400s. A 400 is taken as a refused type too.
 */
function refusalOf(error: FlowiseError): 'type' | 'disabled' | undefined {
  const said = `${error.detail} ${error.message}`;
  if (error.status === 500 && /not enabled/i.test(said)) return 'disabled';
  if (error.status === 400 || (error.status === 500 && /not allowed|MIME type/i.test(said))) return 'type';
  return undefined;
}

/** Flowise's refusal of the files (see {@link refusalOf}), naming the file and its type; the server's text is the detail. */
function refusedByServer(error: FlowiseError, files: readonly Blob[], reason: 'type' | 'disabled'): FlowiseError {
  const named = files.map((file) => `“${(file as { name?: string }).name ?? 'file'}” (${file.type || 'unknown type'})`);
  const refusal: RefusedUpload = {
    kind: 'upload-refused',
    reason,
    fileName: (files[0] as { name?: string } | undefined)?.name ?? 'file',
    ...(error.status !== undefined ? { status: error.status } : {}),
    message: `Flowise refused ${named.join(', ')}: this chatflow does not take ${reason === 'type' ? 'that file type' : 'files'}.`,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
  };
  return Object.assign(new FlowiseError(refusal, { cause: error }), {
    reason: refusal.reason,
    fileName: refusal.fileName,
  });
}

function pick<T, K extends keyof T>(value: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
