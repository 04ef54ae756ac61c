/**
 * Typed errors. Every failure a chat can meet maps to one {@link ChatErrorKind} with a message a person can act
 * on; the server's own words are kept in `detail`.
 */

/** What went wrong, in terms a UI can branch on. */
export type ChatErrorKind =
  /** The request never reached a server (refused, DNS, CORS, offline). */
  | 'network'
  /** No response within the first-byte wait, or no bytes within the idle wait. */
  | 'timeout'
  /** The API key is missing or wrong (Flowise answers 401, a 500 "Unauthorized", or an `error` event). */
  | 'auth'
  /** 403: this origin is not allowed to use the chatflow. */
  | 'forbidden'
  /** The chatflow does not exist (404, or the streamable check says so). */
  | 'not-found'
  /** 413: the question or uploads are too large. */
  | 'payload-too-large'
  /** 429: Flowise's rate limiter; `retryAfterMs` tells when to try again when the server said. */
  | 'rate-limited'
  /**
   * 409: the conversation is still answering an earlier question (a proxy such as `@flowise-kit/server` refuses a
   * second prediction on one `chatId`: two streams on one conversation break each other in Flowise).
   */
  | 'busy'
  /** 5xx. */
  | 'server'
  /** Any other non-2xx status. */
  | 'http'
  /** 2xx but neither an event stream nor a JSON prediction (a proxy's HTML page, an empty body). */
  | 'bad-response'
  /** The stream closed before Flowise's `end` event: the answer may be cut short. */
  | 'incomplete'
  /** The flow failed while running (an `error` event): the model, a tool or the graph. */
  | 'flow'
  /** A file was refused (its type, its size, how many): by the kit before sending, or by Flowise (a 400). */
  | 'upload-refused'
  /** The microphone or the browser's recorder is unavailable: permission denied, no device, no MediaRecorder. */
  | 'recorder';

/** A typed error as stored in the chat state: plain data, safe to serialise. */
export interface ChatError {
  /** What went wrong: branch on this, not on the message. */
  kind: ChatErrorKind;
  /** What happened and what to do, for a person. */
  message: string;
  /** The HTTP status, when there was one. */
  status?: number;
  /** From a 429's `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
  /** The server's own message, verbatim (secrets redacted). */
  detail?: string;
}

/** The `Error` the transport and client throw; `toJSON()`/{@link FlowiseError.toChatError} give the plain data. */
export class FlowiseError extends Error implements ChatError {
  readonly kind: ChatErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly detail?: string;

  constructor(error: ChatError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = 'FlowiseError';
    this.kind = error.kind;
    if (error.status !== undefined) this.status = error.status;
    if (error.retryAfterMs !== undefined) this.retryAfterMs = error.retryAfterMs;
    if (error.detail !== undefined) this.detail = error.detail;
  }

  /** The plain-data form stored in chat state. */
  toChatError(): ChatError {
    const error: ChatError = { kind: this.kind, message: this.message };
    if (this.status !== undefined) error.status = this.status;
    if (this.retryAfterMs !== undefined) error.retryAfterMs = this.retryAfterMs;
    if (this.detail !== undefined) error.detail = this.detail;
    return error;
  }

  /** `JSON.stringify` gives the plain {@link ChatError} (an `Error`'s own fields are not enumerable). */
  toJSON(): ChatError {
    return this.toChatError();
  }
}

/** Whether a value is a {@link FlowiseError}. */
export function isFlowiseError(value: unknown): value is FlowiseError {
  return value instanceof FlowiseError;
}

const SERVICE_PREFIX = /^(Error:\s*)?[\w.]+Services?\.\w+\s+-\s+/;

/** Strips Flowise's `Error: predictionsServices.buildChatflow - ` prefix from a server message. */
export function stripServicePrefix(message: string): string {
  return message.replace(SERVICE_PREFIX, '').trim() || message;
}

/** Classifies the text of an `error` event (status 200) into a {@link ChatError}. */
export function errorFromEvent(text: string): ChatError {
  const reason = stripServicePrefix(text);
  if (/\bunauthori[sz]ed\b/i.test(text)) {
    return {
      kind: 'auth',
      message: 'Flowise refused the API key: it is missing or wrong. Check the key set for this chatflow.',
      detail: text,
    };
  }
  return { kind: 'flow', message: `The flow failed: ${reason}`, detail: text };
}

/** Builds the error for a non-2xx HTTP response from its status and the server's message (if any). */
export function errorFromStatus(
  status: number,
  serverMessage: string | undefined,
  context: { chatflowId?: string; retryAfter?: string | null },
): ChatError {
  const said = serverMessage ? stripServicePrefix(serverMessage) : undefined;
  const detail = serverMessage ? { detail: serverMessage } : {};
  const flow = context.chatflowId ? `chatflow "${context.chatflowId}"` : 'the chatflow';
  if (status === 401 || (status === 500 && said && /\bunauthori[sz]ed\b/i.test(said))) {
    return {
      kind: 'auth',
      status,
      message: `Flowise refused the API key for ${flow}: it is missing or wrong.`,
      ...detail,
    };
  }
  if (status === 403) {
    return { kind: 'forbidden', status, message: said ?? `This site is not allowed to use ${flow}.`, ...detail };
  }
  // Flowise answers some "not found" cases with a 500 (the streamable check does): the message tells.
  if (status === 404 || (status >= 500 && said && /\bchatflow\b.*\bnot found\b/i.test(said))) {
    return {
      kind: 'not-found',
      status,
      message: said ? `${capitalise(flow)} was not found: ${said}` : `${capitalise(flow)} was not found.`,
      ...detail,
    };
  }
  if (status === 413) {
    return {
      kind: 'payload-too-large',
      status,
      message: 'The question or its uploads are too large for the server.',
      ...detail,
    };
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(context.retryAfter);
    const wait = retryAfterMs === undefined ? 'later' : `in ${Math.ceil(retryAfterMs / 1000)} s`;
    return {
      kind: 'rate-limited',
      status,
      message: `Too many requests: the chatflow's rate limit was reached. Try again ${wait}.`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...detail,
    };
  }
  if (status === 409) {
    return {
      kind: 'busy',
      status,
      message:
        'This conversation is still answering an earlier question (perhaps in another tab): wait for it to finish or stop it, then ask again.',
      ...detail,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      message: `The Flowise server failed (HTTP ${status})${said ? `: ${said}` : '.'}`,
      ...detail,
    };
  }
  return { kind: 'http', status, message: `The request failed (HTTP ${status})${said ? `: ${said}` : '.'}`, ...detail };
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
