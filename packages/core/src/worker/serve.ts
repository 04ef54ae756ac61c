/**
 * The worker's side of the worker transport: runs {@link streamPrediction} (fetch, SSE parse, decode, timeouts) for
 * each request the page starts, and sends its events back in batches, adjacent tokens joined into one.
 */
import { FlowiseError } from '../errors.js';
import type { FlowiseEvent } from '../events.js';
import { timeout } from '../pacing.js';
import type { StreamableAnswer } from '../prediction-request.js';
import { streamPrediction } from '../transport.js';
import type { FromWorker, PortLike, StartMessage, ToWorker, WorkerPrediction } from './protocol.js';

/** Serves prediction requests posted to `scope` (the worker's global scope; a port in tests). */
export function serveWorkerTransport(scope: PortLike): void {
  scope.onmessage = (event: MessageEvent) => {
    const message = event.data as StartMessage;
    const port = event.ports[0] as unknown as (PortLike & { close(): void }) | undefined;
    if (message?.type === 'start' && port) void serve(message.request, port);
  };
  scope.postMessage({ type: 'ready' });
}

async function serve(request: WorkerPrediction, port: PortLike & { close(): void }): Promise<void> {
  const controller = new AbortController();
  let answerStreamable: ((answer: StreamableAnswer) => void) | undefined;
  const streamable = request.streamable
    ? new Promise<StreamableAnswer>((resolve) => (answerStreamable = resolve))
    : undefined;
  port.onmessage = (event: MessageEvent) => {
    const message = event.data as ToWorker;
    if (message.type === 'abort') controller.abort();
    else if (message.type === 'streamable') answerStreamable?.(message.answer);
  };
  const post = (message: FromWorker) => port.postMessage(message);
  const batch = new EventBatch(request.batchMs, (events) => post({ type: 'events', events }));
  try {
    const { streamable: _flag, batchMs: _batchMs, ...connection } = request;
    const outcome = await streamPrediction({
      ...connection,
      signal: controller.signal,
      ...(streamable ? { streamable } : {}),
      onEvent: (event) => batch.push(event),
    });
    batch.flush();
    post({ type: 'outcome', outcome });
  } catch (cause) {
    batch.flush();
    const error =
      cause instanceof FlowiseError
        ? cause.toChatError()
        : { kind: 'network' as const, message: `The worker transport failed: ${String(cause)}` };
    post({ type: 'failed', error });
  } finally {
    batch.dispose();
    port.close();
  }
}

/** Events held for the next post: at most one post per `ms`, the first after a quiet spell at once. */
class EventBatch {
  private queue: FlowiseEvent[] = [];
  private cancel: (() => void) | undefined;
  private last = -Infinity;
  /** An event that closes the answer went by: later tokens stay apart (each is a diagnostic of its own). */
  private closed = false;

  constructor(
    private readonly ms: number,
    private readonly send: (events: FlowiseEvent[]) => void,
  ) {}

  push(event: FlowiseEvent): void {
    const last = this.queue[this.queue.length - 1];
    if (event.type === 'error' || event.type === 'abort' || event.type === 'end') this.closed = true;
    if (!this.closed && last?.type === 'token' && event.type === 'token') {
      this.queue[this.queue.length - 1] = { type: 'token', data: last.data + event.data };
    } else {
      this.queue.push(event);
    }
    if (this.cancel) return;
    // A timer even when due now: the rest of a chunk's events join this post.
    this.cancel = timeout(() => this.flush(), Math.max(0, this.last + this.ms - Date.now()));
  }

  flush(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    this.last = Date.now();
    this.send(events);
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
