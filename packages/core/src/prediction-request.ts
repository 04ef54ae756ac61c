/** What one prediction request is given, and how it can end. */
import type { ChatError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import type { FlowiseConnection } from './http.js';
import type { PredictionBody } from './prediction-body.js';

/** What the streamable check said, as the transport uses it. */
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

/**
 * A way to send one prediction: {@link streamPrediction} (the main thread, the default) or a worker transport
 * (`workerTransport()` from `@flowise-kit/core/worker`). Given to a store as its `transport` option.
 */
export type PredictionTransport = (request: PredictionRequest) => Promise<PredictionOutcome>;
