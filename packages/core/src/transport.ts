/**
 * The prediction transport: one POST, one response, never a second request.
 *
 * Why not `fetchEventSource()` itself: its request loop is built for EventSource semantics, which are wrong for
 * a prediction. It re-sends the request on any error unless `onerror` throws, re-sends it when the tab becomes
 * visible unless `openWhenHidden` is set, and its `dispose()` touches `document` and `window` unconditionally,
 * so it throws in Node, Web Workers and SSR. Every one of those would POST a (paid) prediction twice or break
 * a runtime we support. We keep fetch-event-source's line and message parser (`getLines`, `getMessages`: the
 * part that is hard to get right, see sse.ts) and wrap it in a single-shot lifecycle that has no retry and no
 * visibility handling at all, plus the timeouts Flowise needs (see flowise-protocol.md §6).
 */
import { FlowiseError, errorFromStatus, type ChatError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import { eventsFromJsonPrediction } from './json-prediction.js';
import { redactText } from './redact.js';
import { createEventParser } from './sse.js';
import { BUSY_MS, busyClock, mayYield, sliceEnd, yieldToEventLoop } from './yield.js';

/** The JSON body of `POST /api/v1/prediction/:chatflowId` (flowise-protocol.md §1). */
export interface PredictionBody {
  /** The user's question (empty when resuming a human-input node). */
  question: string;
  /** Ask Flowise to stream server-sent events; it may still answer JSON. */
  streaming?: boolean;
  /** The conversation's id; Flowise keeps its memory per chatId. */
  chatId?: string;
  /** Node inputs to override for this prediction (only those the chatflow allows). */
  overrideConfig?: Record<string, unknown>;
  /** Earlier turns, for flows without server-side memory. */
  history?: {
    /** Who said it: the model (`apiMessage`) or the user. */
    role: 'apiMessage' | 'userMessage';
    /** What was said. */
    content: string;
  }[];
  /** Files or URLs sent with the question (images, audio, documents). */
  uploads?: unknown[];
  /** Input of an Agentflow v2 Start node set to form input. */
  form?: Record<string, unknown>;
  /** The answer to a human-input node: proceed or reject, from which node, with optional feedback. */
  humanInput?: {
    /** Approve or reject what the node proposed. */
    type: 'proceed' | 'reject';
    /** The human-input node to resume from (the action's `data.nodeId`). */
    startNodeId?: string;
    /** Free text passed on to the flow. */
    feedback?: string;
  };
  /** The action a human-input answer refers to (Flowise echoes it back). */
  action?: unknown;
  /** The e-mail of a lead-capture form. */
  leadEmail?: string;
}

/** Where and how to reach Flowise; shared by the transport and the client. */
export interface FlowiseConnection {
  /** e.g. `https://flowise.example.com`; `""` for same-origin (a dev-server proxy). */
  apiHost: string;
  /** Sent as `Authorization: Bearer <apiKey>`; never logged, never put in an error. */
  apiKey?: string;
  /** Extra request headers (e.g. for a proxy in front of Flowise). */
  headers?: Record<string, string>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** What the streamable check said, as {@link streamPrediction} uses it. */
export type StreamableAnswer =
  | {
      /** Whether the chatflow can stream (false: Flowise answers JSON). */
      streamable: boolean;
    }
  | {
      /** Why the check failed (e.g. `not-found` for an unknown chatflow). */
      error: ChatError;
    };

/** One prediction request. */
export interface PredictionRequest extends FlowiseConnection {
  /** The chatflow or agentflow to run. */
  chatflowId: string;
  /** What is POSTed to `/api/v1/prediction/{chatflowId}`. */
  body: PredictionBody;
  /** Aborting it ends the request; the promise then resolves `'aborted'`. */
  signal?: AbortSignal;
  /**
   * How long to wait for the response to start. Flowise never answers a streaming request to an unknown chatflow,
   * so this must be finite. Default 15 000 ms for streaming requests, none otherwise (a JSON answer only starts
   * when the whole flow has run). `0` disables it.
   */
  firstByteTimeoutMs?: number;
  /**
   * How long the stream may stay silent. Flowise sends a `:heartbeat` every 30 s, also while it retries a failing
   * model for about a minute, so silence much longer than 30 s means a dead connection. Default 90 000 ms; `0`
   * disables it.
   */
  idleTimeoutMs?: number;
  /**
   * The answer of `GET /api/v1/chatflows-streaming/:id`, run in parallel: an unknown chatflow fails at once with
   * the check's clear "not found" instead of after the first-byte wait, and a non-streamable chatflow lifts the
   * first-byte wait (its JSON answer comes when the flow is done).
   */
  streamable?: Promise<StreamableAnswer>;
  /** Called for each event, in order, as it is decoded. */
  onEvent: (event: FlowiseEvent) => void;
}

/** How a request ended when it did not fail. */
export type PredictionOutcome = 'completed' | 'aborted';

const DEFAULT_FIRST_BYTE_MS = 15_000;
const DEFAULT_IDLE_MS = 90_000;
const ERROR_BODY_LIMIT = 64 * 1024;

/** The URL of an endpoint below `apiHost`. */
export function endpointUrl(apiHost: string, path: string): string {
  return `${apiHost.replace(/\/+$/, '')}/api/v1/${path}`;
}

/** The request headers: JSON, the caller's headers, and the API key. */
export function requestHeaders(connection: FlowiseConnection, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { ...extra, ...connection.headers };
  if (connection.apiKey) headers.Authorization = `Bearer ${connection.apiKey}`;
  return headers;
}

/**
 * Sends one prediction and feeds its events to `onEvent`, from a stream or from a JSON answer alike.
 *
 * Resolves `'completed'` when Flowise ended the answer (its `end` event, or a JSON answer), `'aborted'` when
 * `signal` aborted. Rejects with a {@link FlowiseError} otherwise: HTTP errors carry the server's message,
 * a stream that closes before `end` is `incomplete`, silence is `timeout`. Never sends the request twice.
 */
export async function streamPrediction(request: PredictionRequest): Promise<PredictionOutcome> {
  if (request.signal?.aborted) return 'aborted';
  const run = new RequestRun(request);
  try {
    return await run.execute();
  } finally {
    run.dispose();
  }
}

/** The state of one request: its abort controller, its single timer, and how it ended. */
class RequestRun {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the stream's last bytes arrived (Date.now()); the idle timer reads it instead of being reset per chunk. */
  private lastBytesAt = 0;
  /** Set when we abort for a reason of our own (timeout, the check's "not found"). */
  private failure: ChatError | undefined;
  private responded = false;
  private ended = false;
  private failedInStream = false;
  private readonly onCallerAbort = () => this.controller.abort();

  constructor(private readonly request: PredictionRequest) {
    request.signal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  async execute(): Promise<PredictionOutcome> {
    const { request } = this;
    const streaming = request.body.streaming !== false;
    this.arm(request.firstByteTimeoutMs ?? (streaming ? DEFAULT_FIRST_BYTE_MS : 0), () => this.silenceError());
    void request.streamable?.then((answer) => this.onStreamable(answer));
    try {
      const response = await this.send();
      this.responded = true;
      this.arm(0);
      await this.read(response);
      if (this.ended || this.failedInStream) return 'completed';
      throw new FlowiseError({
        kind: 'incomplete',
        message: 'The answer stopped before Flowise finished it (the stream closed without its end event). The text so far is kept.',
      });
    } catch (cause) {
      return this.settle(cause);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.request.signal?.removeEventListener('abort', this.onCallerAbort);
    if (!this.controller.signal.aborted) this.controller.abort();
  }

  private async send(): Promise<Response> {
    const { request } = this;
    const fetchImpl = request.fetch ?? globalThis.fetch;
    const url = endpointUrl(request.apiHost, `prediction/${encodeURIComponent(request.chatflowId)}`);
    return fetchImpl(url, {
      method: 'POST',
      headers: requestHeaders(request, { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' }),
      // Flowise streams only when asked; a request that does not say is a streaming request here.
      body: JSON.stringify({ streaming: true, ...request.body }),
      signal: this.controller.signal,
    });
  }

  private async read(response: Response): Promise<void> {
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok) throw await this.httpError(response);
    if (type.startsWith('text/event-stream')) return this.readStream(response);
    if (type.includes('json')) return this.readJson(response);
    const what = type ? type.split(';')[0] : 'no content type';
    throw new FlowiseError({
      kind: 'bad-response',
      status: response.status,
      message: `The server answered HTTP ${response.status} with ${what} instead of a Flowise prediction. Check that apiHost points at Flowise itself, not at a login page or a proxy.`,
    });
  }

  private async readStream(response: Response): Promise<void> {
    const idleMs = this.request.idleTimeoutMs ?? DEFAULT_IDLE_MS;
    const onChunk = createEventParser((event) => this.onEvent(event));
    this.watchIdle(idleMs);
    if (!response.body) return;
    const reader = response.body.getReader();
    let finished = false;
    try {
      // Stop at `end`: nothing after it belongs to this answer, and a server that keeps the connection open
      // must not keep us waiting.
      // Parsing time since the last yield (not wall time: waiting for the network is not work).
      let busy = 0;
      while (!this.ended) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        this.lastBytesAt = Date.now();
        for (let at = 0; at < value.length && !this.ended; ) {
          const end = sliceEnd(value, at);
          const start = busyClock();
          onChunk(at === 0 && end === value.length ? value : value.subarray(at, end));
          busy += busyClock() - start;
          at = end;
          // A burst that arrived at once must not become one long task (see yield.ts).
          if (busy < BUSY_MS || this.ended || !mayYield()) continue;
          await yieldToEventLoop();
          busy = 0;
          // The bytes were in hand all along: the wait was ours, not the server's.
          this.lastBytesAt = Date.now();
          if (this.controller.signal.aborted) throw new DOMException('The prediction was aborted.', 'AbortError');
        }
      }
    } finally {
      // After `end`, or when stopped mid-burst: release the body (a fetch that ignores the signal keeps producing).
      if (!finished) void reader.cancel().catch(noop);
    }
  }

  private onEvent(event: FlowiseEvent): void {
    if (this.ended) return;
    this.request.onEvent(event);
    if (event.type === 'end') {
      this.ended = true;
    } else if (event.type === 'error' || event.type === 'abort') {
      this.failedInStream = true;
    }
  }

  private async readJson(response: Response): Promise<void> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (this.controller.signal.aborted) throw cause;
      throw new FlowiseError({ kind: 'bad-response', status: response.status, message: 'The server sent a JSON answer that could not be parsed.' });
    }
    for (const event of eventsFromJsonPrediction(body)) {
      if (this.controller.signal.aborted) return;
      this.request.onEvent(event);
    }
    this.ended = true;
  }

  private async httpError(response: Response): Promise<FlowiseError> {
    const idleMs = this.request.idleTimeoutMs ?? DEFAULT_IDLE_MS;
    this.arm(idleMs, () => this.idleError(idleMs));
    const text = await readLimited(response, ERROR_BODY_LIMIT);
    const error = errorFromStatus(response.status, serverMessage(text), {
      chatflowId: this.request.chatflowId,
      retryAfter: response.headers.get('retry-after'),
    });
    return new FlowiseError(this.redact(error));
  }

  private onStreamable(answer: StreamableAnswer): void {
    if (this.responded || this.controller.signal.aborted) return;
    if ('error' in answer && answer.error.kind === 'not-found') {
      this.failure = answer.error;
      this.controller.abort();
    } else if ('streamable' in answer && !answer.streamable) {
      this.arm(0); // a JSON answer starts only when the flow has run: no first-byte wait
    }
  }

  private settle(cause: unknown): PredictionOutcome {
    if (this.ended) return 'completed';
    if (this.failure) throw new FlowiseError(this.redact(this.failure), { cause });
    if (this.request.signal?.aborted) return 'aborted';
    if (cause instanceof FlowiseError) throw cause;
    const reason = redactText(errorText(cause), this.request.apiKey);
    if (!this.responded) {
      throw new FlowiseError(
        {
          kind: 'network',
          message: `Could not reach Flowise at ${this.request.apiHost || 'this origin'} (${reason}). Check the API host, that the server is running, and that it allows this origin (CORS).`,
          detail: reason,
        },
        { cause },
      );
    }
    throw new FlowiseError(
      { kind: 'incomplete', message: `The connection dropped while the answer was streaming (${reason}). The text so far is kept.`, detail: reason },
      { cause },
    );
  }

  /** (Re)starts the one timer; `ms <= 0` only clears it. */
  private arm(ms: number, onExpire?: () => ChatError): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (ms > 0 && onExpire) {
      this.timer = setTimeout(() => {
        this.failure = onExpire();
        this.controller.abort();
      }, ms);
    }
  }

  /**
   * Ends the stream as a timeout after `idleMs` without bytes. One timer per quiet period, not one per chunk: when
   * it fires it re-arms itself for what is left if bytes came meanwhile (a token stream is thousands of chunks).
   */
  private watchIdle(idleMs: number): void {
    this.arm(0);
    if (idleMs <= 0) return;
    this.lastBytesAt = Date.now();
    const check = () => {
      const quiet = Date.now() - this.lastBytesAt;
      if (quiet < idleMs) {
        this.timer = setTimeout(check, idleMs - quiet);
        return;
      }
      this.timer = undefined;
      this.failure = this.idleError(idleMs);
      this.controller.abort();
    };
    this.timer = setTimeout(check, idleMs);
  }

  private silenceError(): ChatError {
    return {
      kind: 'timeout',
      message: `Flowise did not answer within ${seconds(this.request.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_MS)}. Flowise stays silent on a streaming request when the chatflow id "${this.request.chatflowId}" does not exist; otherwise the server is overloaded or unreachable.`,
    };
  }

  private idleError(ms: number): ChatError {
    return {
      kind: 'timeout',
      message: `The answer stalled: nothing arrived for ${seconds(ms)}. The text so far is kept.`,
    };
  }

  private redact(error: ChatError): ChatError {
    const { apiKey } = this.request;
    if (!apiKey) return error;
    const copy: ChatError = { ...error, message: redactText(error.message, apiKey) };
    if (error.detail !== undefined) copy.detail = redactText(error.detail, apiKey);
    return copy;
  }
}

function noop(): void {}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function errorText(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/** Flowise's `{ message }` from an error body, or the body's text when it is short and not HTML. */
export function serverMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
      return (body as { message: string }).message;
    }
  } catch {
    // not JSON: fall through
  }
  if (trimmed.startsWith('<') || trimmed.length > 300) return undefined;
  return trimmed;
}

/** Reads at most `limit` bytes of a body as text (an error page can be large). */
export async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (size >= limit) {
      void reader.cancel().catch(noop);
      break;
    }
  }
  return text + decoder.decode();
}
