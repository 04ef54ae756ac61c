/**
 * One prediction request in flight. It moves through explicit phases, each with one deadline:
 *
 *   connecting  (POST sent, no response yet)   the first-byte wait; the streamable check may end it early
 *   receiving   (a response is being read)     the idle wait, restarted by every chunk
 *   settled     (the outcome is known)         nothing
 *
 * {@link RequestRun.settle} is the one place an outcome is set, and the first outcome wins: an answer that ended
 * stays completed when a Stop comes late; a timeout stays a timeout when the fetch then rejects with an abort.
 */
import { FlowiseError, type ChatError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import { startDeadline, type Deadline } from './deadline.js';
import {
  ERROR_BODY_LIMIT,
  endpointUrl,
  errorText,
  fetchOf,
  readLimited,
  redactError,
  requestHeaders,
  responseError,
  unreachableError,
} from './http.js';
import { eventsFromJsonPrediction } from './json-prediction.js';
import { readEventStream } from './read-stream.js';
import { redactText } from './redact.js';
import { createEventParser } from './sse.js';
import type { PredictionOutcome, PredictionRequest, StreamableAnswer } from './prediction-request.js';
import * as fail from './transport-errors.js';

/** The phases of a request. */
export type RequestPhase = 'connecting' | 'receiving' | 'settled';

type Outcome = { kind: PredictionOutcome } | { kind: 'failed'; error: ChatError; cause?: unknown };

const DEFAULT_FIRST_BYTE_MS = 15_000;
const DEFAULT_IDLE_MS = 90_000;

export class RequestRun {
  private phase: RequestPhase = 'connecting';
  private outcome: Outcome | undefined;
  private deadline: Deadline | undefined;
  /**
   * An `error` or `abort` event closed the answer, or a `tts_abort` stopped its own auto-played speech (Flowise then
   * closes the stream without `end`: see spoken-answer.ts): a stream that then ends without `end` is not cut short.
   */
  private closedByServer = false;
  /** The `chatMessageId` of the answer's auto-played speech, from its `tts_start`. */
  private spoken: string | undefined;
  private readonly controller = new AbortController();
  private readonly onCallerAbort = () => this.settle({ kind: 'aborted' });

  constructor(private readonly request: PredictionRequest) {
    request.signal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  /** Runs the request to its outcome: resolves `completed` or `aborted`, rejects with a {@link FlowiseError}. */
  async execute(): Promise<PredictionOutcome> {
    const { request } = this;
    const streaming = request.body.streaming !== false;
    const firstByteMs = request.firstByteTimeoutMs ?? (streaming ? DEFAULT_FIRST_BYTE_MS : 0);
    this.deadline = startDeadline(firstByteMs, () => this.fail(fail.silenceError(firstByteMs, request.chatflowId)));
    void request.streamable?.then((answer) => this.onStreamable(answer));
    try {
      const response = await this.post();
      this.enterReceiving();
      await this.receive(response);
    } catch (cause) {
      this.settle(this.failureOf(cause));
    }
    return this.result();
  }

  /** Detaches from the caller's signal and releases the connection. */
  dispose(): void {
    this.deadline?.cancel();
    this.request.signal?.removeEventListener('abort', this.onCallerAbort);
    if (!this.controller.signal.aborted) this.controller.abort();
  }

  private post(): Promise<Response> {
    const { request } = this;
    return fetchOf(request)(endpointUrl(request.apiHost, `prediction/${encodeURIComponent(request.chatflowId)}`), {
      method: 'POST',
      headers: requestHeaders(request, {
        'Content-Type': 'application/json',
        Accept: 'text/event-stream, application/json',
      }),
      // Flowise streams only when asked; a request that does not say is a streaming request here.
      body: JSON.stringify({ streaming: true, ...request.body }),
      signal: this.controller.signal,
    });
  }

  private enterReceiving(): void {
    if (this.phase !== 'connecting') return;
    this.phase = 'receiving';
    this.deadline?.cancel();
    const idleMs = this.request.idleTimeoutMs ?? DEFAULT_IDLE_MS;
    this.deadline = startDeadline(idleMs, () => this.fail(fail.idleError(idleMs)));
  }

  /** Reads the response, whichever it is, and settles. */
  private async receive(response: Response): Promise<void> {
    // A fetch that ignored the abort can still answer after the outcome was set: nothing of it is read.
    if (this.isSettled()) return void response.body?.cancel().catch(() => undefined);
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      const text = await readLimited(response, ERROR_BODY_LIMIT);
      return this.fail(responseError(response, text, this.request, this.request.chatflowId));
    }
    if (type.startsWith('text/event-stream')) return this.receiveStream(response);
    if (type.includes('json')) return this.receiveJson(response);
    this.fail(fail.notAPredictionError(response.status, type));
  }

  private async receiveStream(response: Response): Promise<void> {
    if (response.body) {
      const feed = createEventParser((event) => this.onEvent(event));
      const deadline = this.deadline;
      await readEventStream(response.body, { feed, touch: () => deadline?.touch(), settled: () => this.isSettled() });
    }
    // The body ended (or there was none) and no `end` came.
    this.settle(this.closedByServer ? { kind: 'completed' } : { kind: 'failed', error: fail.closedEarlyError() });
  }

  private async receiveJson(response: Response): Promise<void> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (this.isSettled()) return;
      return this.settle({ kind: 'failed', error: fail.badJsonError(response.status), cause });
    }
    for (const event of eventsFromJsonPrediction(body)) {
      if (this.isSettled()) return;
      this.request.onEvent(event);
    }
    this.settle({ kind: 'completed' });
  }

  private onEvent(event: FlowiseEvent): void {
    if (this.isSettled()) return;
    // Settled before the caller sees `end`: a Stop pressed in reaction to it comes too late to change the outcome.
    if (event.type === 'end') this.settle({ kind: 'completed' });
    else if (event.type === 'error' || event.type === 'abort') this.closedByServer = true;
    else if (event.type === 'tts_start') this.spoken ??= event.data.chatMessageId;
    else if (event.type === 'tts_abort' && this.spoken && event.data.chatMessageId === this.spoken) {
      this.closedByServer = true;
    }
    this.request.onEvent(event);
  }

  private onStreamable(answer: StreamableAnswer): void {
    if (this.phase !== 'connecting') return;
    if ('error' in answer && answer.error.kind === 'not-found') this.fail(answer.error);
    // Not streamable: Flowise answers JSON once the whole flow has run, so there is no first-byte wait.
    else if ('streamable' in answer && !answer.streamable) this.deadline?.cancel();
  }

  /** What a thrown `cause` means in the current phase. */
  private failureOf(cause: unknown): Outcome {
    if (cause instanceof FlowiseError) return { kind: 'failed', error: cause.toChatError(), cause };
    if (this.phase === 'connecting') {
      return { kind: 'failed', error: unreachableError(this.request, cause, fail.UNREACHABLE_ADVICE), cause };
    }
    const reason = redactText(errorText(cause), this.request.apiKey);
    return { kind: 'failed', error: fail.droppedError(reason), cause };
  }

  private fail(error: ChatError): void {
    this.settle({ kind: 'failed', error });
  }

  /** Sets the outcome, once: later calls are ignored. Anything but completion ends the connection. */
  private settle(outcome: Outcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.phase = 'settled';
    this.deadline?.cancel();
    if (outcome.kind !== 'completed') this.controller.abort();
  }

  private isSettled(): boolean {
    return this.phase === 'settled';
  }

  private result(): PredictionOutcome {
    const outcome = this.outcome ?? { kind: 'failed', error: fail.closedEarlyError() };
    if (outcome.kind !== 'failed') return outcome.kind;
    const error = redactError(outcome.error, this.request.apiKey);
    throw new FlowiseError(error, outcome.cause === undefined ? undefined : { cause: outcome.cause });
  }
}
