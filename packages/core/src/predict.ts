/**
 * A prediction as an async iterable of typed events: the way Flowise's documentation streams
 * (`for await (const chunk of prediction)`), on the kit's transport. For scripts, services, bots and workers; a UI
 * wants the store.
 */
import { createFlowiseClient } from './client.js';
import type { FlowiseEvent } from './events.js';
import { connectionOf, type FlowiseConnection } from './http.js';
import { defined } from './defined.js';
import { randomId } from './id.js';
import type { PredictionBody } from './prediction-body.js';
import { EventQueue } from './event-queue.js';
import { askStreamable } from './streamable.js';
import { streamPrediction } from './transport.js';

/** Options of {@link predict}: one question to one chatflow. */
export interface PredictOptions extends FlowiseConnection, Omit<PredictionBody, 'question' | 'streaming' | 'chatId'> {
  /** The chatflow or agentflow to run. */
  chatflowId: string;
  /** The question (`""` when resuming a human-input node with `humanInput`). */
  question: string;
  /** Ask Flowise to stream (default true). A chatflow that cannot stream answers JSON: the same events come. */
  streaming?: boolean;
  /** The conversation to continue; by default a new one, with an id generated here so a stop can name it. */
  chatId?: string;
  /** Aborting it ends the iteration (no error) and asks Flowise to stop generating. */
  signal?: AbortSignal;
  /** How long to wait for the response to start (default 15 s when streaming); see `PredictionRequest`. */
  firstByteTimeoutMs?: number;
  /** How long the stream may stay silent (default 90 s); see `PredictionRequest`. */
  idleTimeoutMs?: number;
  /**
   * Run the streamable check in parallel with the request (default true): a chatflow that does not exist then fails
   * at once as `not-found`, where Flowise would leave a streaming request unanswered until the first-byte wait.
   */
  checkStreamable?: boolean;
}

/** How long the abort call after a stop may take. */
const ABORT_CALL_MS = 5_000;

/** How a {@link Prediction} ended, or `running`. */
export type PredictionStatus = 'running' | 'completed' | 'stopped' | 'failed';

/** One prediction in flight: iterate it once for its events. */
export interface Prediction extends AsyncIterable<FlowiseEvent> {
  /** The conversation's id, sent with the question (Flowise's `metadata` event confirms it). */
  readonly chatId: string;
  /** `running` until the iteration ends; then how it ended. */
  readonly status: PredictionStatus;
  /** Stops at once: the iteration ends, the request is aborted, Flowise is asked to stop generating. */
  stop(): void;
}

/**
 * Sends one question and yields its events as they arrive, typed (`FlowiseEvent`): `token` text, `sourceDocuments`,
 * `usedTools`, `agentFlowExecutedData`, `metadata`, `end` ... A flow that fails while running yields its `error`
 * event (Flowise sends it inside the stream); a request that fails (HTTP status, network, timeout, a stream cut
 * short) throws a `FlowiseError` from the loop, after the events that came before it. Breaking out of the loop, or
 * aborting `signal`, stops the request and calls Flowise's abort endpoint. The request is sent once, when the loop
 * starts; a prediction is iterated once.
 *
 * @example
 * for await (const event of predict({ apiHost, chatflowId, question: 'Hi' })) {
 *   if (event.type === 'token') process.stdout.write(event.data);
 * }
 */
export function predict(options: PredictOptions): Prediction {
  const { chatflowId, signal, firstByteTimeoutMs, idleTimeoutMs } = options;
  const connection = connectionOf(options);
  const client = createFlowiseClient(connection);
  const chatId = options.chatId ?? randomId();
  const controller = new AbortController();
  const queue = new EventQueue<FlowiseEvent>();
  let status: PredictionStatus = 'running';
  let started = false;

  const stop = () => {
    if (status !== 'running') return;
    status = 'stopped';
    controller.abort();
    queue.close(true);
    // Best effort: not every flow obeys, and the answer is over for us either way. Bounded, so a hung server cannot
    // keep a script that stopped alive.
    if (started) {
      const timeout = AbortSignal.timeout(ABORT_CALL_MS);
      client.abortPrediction(chatflowId, chatId, timeout).catch(() => undefined);
    }
  };
  const onCallerAbort = () => stop();

  const start = () => {
    if (status !== 'running') return queue.close(true); // stopped before the loop: nothing is sent
    if (signal?.aborted) return stop(); // never sent, so there is nothing to ask Flowise to stop
    started = true;
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const streaming = options.streaming !== false;
    const check = streaming && options.checkStreamable !== false;
    streamPrediction({
      ...connection,
      chatflowId,
      body: { ...bodyFields(options), question: options.question, streaming, chatId },
      signal: controller.signal,
      ...defined({ firstByteTimeoutMs, idleTimeoutMs }),
      ...(check ? { streamable: askStreamable(client, chatflowId, controller.signal) } : {}),
      onEvent: (event) => {
        // Completed before the loop sees `end`: a loop that breaks on it has not stopped anything.
        if (event.type === 'end' && status === 'running') status = 'completed';
        queue.push(event);
      },
    })
      .then(
        () => {
          if (status === 'running') status = 'completed';
          queue.close();
        },
        (error: unknown) => {
          if (status === 'running') status = 'failed';
          queue.fail(error);
        },
      )
      .finally(() => signal?.removeEventListener('abort', onCallerAbort));
  };

  let iterated = false;
  return {
    chatId,
    get status() {
      return status;
    },
    stop,
    [Symbol.asyncIterator]() {
      if (iterated) throw new TypeError('A prediction is iterated once: call predict() again to ask again.');
      iterated = true;
      start();
      return queue.iterator(stop);
    },
  };
}

/** The body fields a caller may add (uploads, overrideConfig, form, humanInput ...), without the connection's. */
function bodyFields(options: PredictOptions): Omit<PredictionBody, 'question'> {
  const {
    apiHost: _h,
    apiKey: _k,
    headers: _x,
    fetch: _f,
    chatflowId: _c,
    question: _q,
    streaming: _s,
    chatId: _i,
    signal: _a,
    firstByteTimeoutMs: _t,
    idleTimeoutMs: _d,
    checkStreamable: _p,
    ...body
  } = options;
  return body;
}
