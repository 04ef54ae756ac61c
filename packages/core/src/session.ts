/**
 * What a chat store knows besides its state: its options, the Flowise client bound to them, the streamable check
 * and the chatbot config it caches per chatflow, and how it calls the app's callbacks.
 */
import { createFlowiseClient, type ChatbotConfig, type FlowiseClient } from './client.js';
import { connectionOf, type FlowiseConnection } from './http.js';
import { randomId } from './id.js';
import type { ChatCallbacks, ChatStoreOptions } from './store-types.js';
import type { StreamableAnswer } from './prediction-request.js';
import { askStreamable } from './streamable.js';

/** Options a session holds: everything but the initial state. */
export type SessionOptions = Omit<ChatStoreOptions, 'initialState'>;

export class Session {
  private options: SessionOptions;
  /** One client for the store's life: it reads the connection at each call. */
  readonly client: FlowiseClient;
  private streamable: Promise<StreamableAnswer> | undefined;
  private readonly chatbotConfigs = new Map<string, Promise<ChatbotConfig>>();

  constructor(
    options: SessionOptions,
    /** Notes a failed background call (the streamable check) in the state's diagnostics. */
    private readonly note: (kind: 'streamable-check-failed' | 'abort-call-failed', detail: string) => void,
  ) {
    this.options = { ...options };
    this.client = createFlowiseClient(() => this.connection());
  }

  get config(): Readonly<SessionOptions> {
    return this.options;
  }

  /** Changes options; a new chatflow or connection forgets what was cached for the old one. */
  configure(next: Partial<SessionOptions>): void {
    const before = this.options;
    // A key given as undefined unsets the option (e.g. an API key removed).
    this.options = { ...before, ...next };
    const after = this.options;
    const connectionChanged =
      before.apiHost !== after.apiHost ||
      before.apiKey !== after.apiKey ||
      before.fetch !== after.fetch ||
      !sameHeaders(before.headers, after.headers);
    if (connectionChanged) this.chatbotConfigs.clear();
    if (connectionChanged || before.chatflowId !== after.chatflowId) this.streamable = undefined;
  }

  connection(): FlowiseConnection {
    return connectionOf(this.options);
  }

  id(): string {
    return (this.options.generateId ?? randomId)();
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * The streamable check, run once per chatflow (in parallel with the first request), or `undefined` when it is
   * off. A failed check is asked again next time: the failure may be passing.
   */
  checkStreamable(): Promise<StreamableAnswer> | undefined {
    if (this.options.checkStreamable === false || this.options.streaming === false) return undefined;
    if (this.streamable) return this.streamable;
    const check: Promise<StreamableAnswer> = askStreamable(this.client, this.options.chatflowId).then((answer) => {
      if (!('error' in answer)) return answer;
      // Ask again next time: the failure may be passing.
      if (this.streamable === check) this.streamable = undefined;
      if (answer.error.kind !== 'not-found') this.note('streamable-check-failed', answer.error.message);
      return answer;
    });
    this.streamable = check;
    return check;
  }

  /** The chatbot config of `chatflowId` (default: the session's), fetched once; a failure is asked again. */
  loadChatbotConfig(chatflowId = this.options.chatflowId): Promise<ChatbotConfig> {
    let config = this.chatbotConfigs.get(chatflowId);
    if (!config) {
      const pending = this.client.getChatbotConfig(chatflowId);
      this.chatbotConfigs.set(chatflowId, pending);
      pending.catch(() => {
        if (this.chatbotConfigs.get(chatflowId) === pending) this.chatbotConfigs.delete(chatflowId);
      });
      config = pending;
    }
    return config;
  }

  /** Calls one of the app's callbacks; an exception in it is reported and never breaks the stream. */
  call<K extends keyof ChatCallbacks>(name: K, ...args: Parameters<NonNullable<ChatCallbacks[K]>>): void {
    const callback = this.options[name] as ((...a: typeof args) => void) | undefined;
    if (!callback) return;
    try {
      callback(...args);
    } catch (error) {
      report(error);
    }
  }
}

function sameHeaders(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const keys = Object.keys(a ?? {});
  return keys.length === Object.keys(b ?? {}).length && keys.every((key) => a?.[key] === b?.[key]);
}

/** Surfaces a callback's exception without breaking the stream that called it. */
function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}
