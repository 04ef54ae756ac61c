import { createStore, type StoreApi } from 'zustand/vanilla';
import { Batcher, DEFAULT_BATCH_MS, type BatchMode } from './batching.js';
import { createFlowiseClient, type FlowiseClient } from './client.js';
import { FlowiseError, type ChatError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import { randomId } from './id.js';
import { addDiagnostic, reduceAll } from './reducer.js';
import { initialChatState, isOpenAnswer, type AssistantMessage, type ChatState } from './state.js';
import {
  streamPrediction,
  type FlowiseConnection,
  type PredictionBody,
  type StreamableAnswer,
} from './transport.js';
import { abortTurn, beginTurn, dropLastTurn, failTurn } from './turn.js';

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
  /** How long to wait for the response to start: see `PredictionRequest.firstByteTimeoutMs` (default 15 s when streaming). */
  firstByteTimeoutMs?: number;
  /** How long the stream may stay silent: see `PredictionRequest.idleTimeoutMs` (default 90 s). */
  idleTimeoutMs?: number;
  /** Run the streamable check once, in parallel with the first request (default true). */
  checkStreamable?: boolean;
  /** The conversation key to continue; by default one is generated before the first question. */
  chatId?: string;
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
}

/** A zustand store of {@link ChatState} (plain data) with the chat's actions on it. */
export type ChatStore = StoreApi<ChatState> & ChatActions;

interface Turn {
  controller: AbortController;
  batcher: Batcher<FlowiseEvent>;
  promise: Promise<void>;
  chatId: string;
}

/**
 * Creates the store for one conversation with one chatflow.
 *
 * @example
 * const chat = createChatStore({ apiHost: 'http://localhost:3000', chatflowId: 'my-flow' });
 * chat.subscribe((state) => console.log(state.status));
 * await chat.send('Hello');
 */
export function createChatStore(options: ChatStoreOptions): ChatStore {
  let config: ChatStoreOptions = { ...options };
  const store = createStore<ChatState>()(() =>
    initialChatState({ ...(options.chatId ? { chatId: options.chatId } : {}), ...options.initialState }),
  );
  const id = () => (config.generateId ?? randomId)();
  const now = () => (config.now ?? Date.now)();
  let client: FlowiseClient = createFlowiseClient(config);
  let streamable: Promise<StreamableAnswer> | undefined;
  let current: Turn | undefined;
  let lastQuestion: { question: string; options: SendOptions | undefined } | undefined;
  let disposed = false;

  const setState = (state: ChatState) => {
    if (!disposed && state !== store.getState()) store.setState(state, true);
  };
  const call = <A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A) => {
    if (!fn) return;
    try {
      fn(...args);
    } catch (error) {
      report(error);
    }
  };

  function checkStreamable(): Promise<StreamableAnswer> | undefined {
    if (config.checkStreamable === false || config.streaming === false) return undefined;
    streamable ??= client.checkStreaming(config.chatflowId).then(
      (value) => ({ streamable: value }),
      (error: unknown) => {
        streamable = undefined; // ask again next time: the failure may be passing
        const chatError = error instanceof FlowiseError ? error.toChatError() : { kind: 'network' as const, message: String(error) };
        if (chatError.kind !== 'not-found') {
          setState(addDiagnostic(store.getState(), { at: now(), kind: 'streamable-check-failed', detail: chatError.message }));
        }
        return { error: chatError };
      },
    );
    return streamable;
  }

  async function run(turn: Turn, body: PredictionBody): Promise<void> {
    const isCurrent = () => current === turn && !disposed;
    try {
      const outcome = await streamPrediction({
        apiHost: config.apiHost,
        ...optional('apiKey', config.apiKey),
        ...optional('headers', config.headers),
        ...optional('fetch', config.fetch),
        chatflowId: config.chatflowId,
        body,
        signal: turn.controller.signal,
        ...optional('firstByteTimeoutMs', config.firstByteTimeoutMs),
        ...optional('idleTimeoutMs', config.idleTimeoutMs),
        ...optional('streamable', checkStreamable()),
        onEvent: (event) => {
          if (!isCurrent()) return;
          call(config.onEvent, event);
          if (event.type === 'token') call(config.onToken, event.data);
          turn.batcher.push(event);
        },
      });
      if (!isCurrent() || outcome === 'aborted') return;
      turn.batcher.flush();
      const last = store.getState().messages.at(-1);
      if (last?.role !== 'assistant') return;
      if (last.status === 'done') call(config.onEnd, last);
      else if (last.status === 'error' && last.error) call(config.onError, last.error);
    } catch (cause) {
      if (!isCurrent()) return;
      turn.batcher.flush();
      const error = cause instanceof FlowiseError ? cause.toChatError() : { kind: 'network' as const, message: String(cause) };
      setState(failTurn(store.getState(), error, now()));
      call(config.onError, error);
    } finally {
      if (current === turn) {
        turn.batcher.dispose();
        current = undefined;
      }
    }
  }

  function send(question: string, sendOptions?: SendOptions): Promise<void> {
    if (disposed) return Promise.resolve();
    if (current) return current.promise;
    const hasInput = question.trim() !== '' || Boolean(sendOptions?.uploads?.length) || sendOptions?.humanInput !== undefined;
    if (!hasInput) return Promise.resolve();
    const chatId = store.getState().chatId ?? id();
    let state = beginTurn(
      { ...store.getState(), chatId },
      { userMessageId: id(), assistantMessageId: id(), question, now: now(), ...optional('uploads', sendOptions?.uploads) },
    );
    setState(state);
    const body: PredictionBody = {
      ...sendOptions,
      question,
      streaming: config.streaming !== false,
      chatId,
    };
    const overrideConfig = { ...config.overrideConfig, ...sendOptions?.overrideConfig };
    if (Object.keys(overrideConfig).length > 0) body.overrideConfig = overrideConfig;
    const turn: Turn = {
      controller: new AbortController(),
      batcher: new Batcher<FlowiseEvent>(
        config.batch ?? DEFAULT_BATCH_MS,
        (events) => {
          state = reduceAll(store.getState(), events, now());
          setState(state);
        },
        (event) => event.type === 'token',
      ),
      promise: Promise.resolve(),
      chatId,
    };
    lastQuestion = { question, options: sendOptions };
    current = turn;
    turn.promise = run(turn, body);
    return turn.promise;
  }

  /** Ends the open turn here and now; the server is asked to stop too (best effort: not every flow obeys). */
  function stopTurn(askServer: boolean): void {
    const turn = current;
    if (!turn) return;
    turn.batcher.flush();
    current = undefined;
    turn.batcher.dispose();
    turn.controller.abort();
    setState(abortTurn(store.getState(), now()));
    if (askServer) {
      client.abortPrediction(config.chatflowId, store.getState().chatId ?? turn.chatId).catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        setState(addDiagnostic(store.getState(), { at: now(), kind: 'abort-call-failed', detail }));
      });
    }
  }

  const actions: ChatActions = {
    send,
    stop: () => stopTurn(true),
    retry() {
      if (current || disposed || !lastQuestion) return current?.promise ?? Promise.resolve();
      const { question, options: sendOptions } = lastQuestion;
      const dropped = dropLastTurn(store.getState());
      setState(dropped.state);
      return send(dropped.question?.text ?? question, sendOptions);
    },
    reset() {
      stopTurn(true);
      lastQuestion = undefined;
      setState(initialChatState());
    },
    hydrate(state) {
      stopTurn(false);
      setState(closeOpenAnswers(initialChatState(state), now()));
    },
    configure(next) {
      // A key given as undefined unsets the option (e.g. an API key removed).
      const connectionChanged = 'apiHost' in next || 'apiKey' in next || 'headers' in next || 'fetch' in next;
      if (next.chatflowId !== undefined && next.chatflowId !== config.chatflowId) streamable = undefined;
      config = { ...config, ...next };
      if (connectionChanged) {
        client = createFlowiseClient(config);
        streamable = undefined;
      }
    },
    dispose() {
      stopTurn(true);
      disposed = true;
    },
  };
  return Object.assign(store, actions);
}

/** A restored state must not show an answer as still streaming: nothing is feeding it any more. */
function closeOpenAnswers(state: ChatState, now: number): ChatState {
  if (!state.messages.some(isOpenAnswer)) {
    return state.status === 'submitted' || state.status === 'streaming' ? { ...state, status: 'aborted' } : state;
  }
  return abortTurn(state, now);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Surfaces a callback's exception without breaking the stream that called it. */
function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}
