/**
 * The messages between the page and the worker transport's worker. One request is one `MessageChannel`: the page
 * sends `start` with one of its ports, and every later message of that request goes over that port, so nothing of
 * an old request can reach a new one.
 */
import type { ChatError } from '../errors.js';
import type { FlowiseEvent } from '../events.js';
import type { PredictionBody } from '../prediction-body.js';
import type { PredictionOutcome, StreamableAnswer } from '../prediction-request.js';

/** What of a prediction request crosses to the worker (no functions, no signal: those stay on the page). */
export interface WorkerPrediction {
  apiHost: string;
  apiKey?: string;
  headers?: Record<string, string>;
  chatflowId: string;
  body: PredictionBody;
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** The page runs the streamable check and will send its answer. */
  streamable: boolean;
  /** Events go to the page at most once per this many milliseconds (a leading edge, as the store's batching). */
  batchMs: number;
}

/** Page → worker, on the worker itself: a request and the port it talks over. */
export interface StartMessage {
  type: 'start';
  request: WorkerPrediction;
}

/** Page → worker, on the request's port. */
export type ToWorker = { type: 'streamable'; answer: StreamableAnswer } | { type: 'abort' };

/** Worker → page: the worker has loaded (on the worker itself). */
export interface ReadyMessage {
  type: 'ready';
}

/** Worker → page, on the request's port: a batch of events (adjacent tokens joined), then how it ended. */
export type FromWorker =
  | { type: 'events'; events: FlowiseEvent[] }
  | { type: 'outcome'; outcome: PredictionOutcome }
  | { type: 'failed'; error: ChatError };

/** The part of a `MessagePort` (or a worker's global scope) the transport uses. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
