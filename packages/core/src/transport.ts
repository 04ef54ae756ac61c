/**
 * The prediction transport: one POST, one response, never a second request.
 *
 * Why not `fetchEventSource()` itself: its request loop is built for EventSource semantics, which are wrong for
 * a prediction. It re-sends the request on any error unless `onerror` throws, re-sends it when the tab becomes
 * visible unless `openWhenHidden` is set, and its `dispose()` touches `document` and `window` unconditionally,
 * so it throws in Node, Web Workers and SSR. Every one of those would POST a (paid) prediction twice or break
 * a runtime we support. Our own SSE parser (sse.ts) runs in a single-shot lifecycle that has no retry and no
 * visibility handling at all, plus the timeouts Flowise needs (see flowise-protocol.md §6).
 */
import type { PredictionOutcome, PredictionRequest } from './prediction-request.js';
import { RequestRun } from './request-run.js';

export type {
  PredictionOutcome,
  PredictionRequest,
  PredictionTransport,
  StreamableAnswer,
} from './prediction-request.js';

/**
 * Sends one prediction and feeds its events to `onEvent`, from a stream or from a JSON answer alike.
 *
 * Resolves `'completed'` when Flowise ended the answer (its `end` event, or a JSON answer), `'aborted'` when
 * `signal` aborted. Rejects with a `FlowiseError` otherwise: HTTP errors carry the server's message,
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
