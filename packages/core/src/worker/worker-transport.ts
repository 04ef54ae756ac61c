/**
 * The page's side of the worker transport: a {@link PredictionTransport} that runs the request in a Web Worker
 * (fetch, SSE parse, decode, timeouts) and hands the store the worker's batched events. Where no worker can run
 * (no `Worker`, a Content-Security-Policy without `worker-src blob:`, a custom `fetch`, which cannot cross to a
 * worker) it falls back to the main-thread transport, before anything was sent: the prediction still goes out once.
 */
// By the package's name, not by path: dist/worker.js then shares core's own modules instead of splitting them into
// chunks of their own (which made core's entry points larger for every app, opted in or not).
// eslint-disable-next-line no-restricted-imports -- core's own public entry point, not another kit package.
import {
  DEFAULT_BATCH_MS,
  FlowiseError,
  streamPrediction,
  type PredictionOutcome,
  type PredictionRequest,
  type PredictionTransport,
} from '@flowise-kit/core';
import type { FromWorker, PortLike, StartMessage, WorkerPrediction } from './protocol.js';

/** What the transport needs of a worker: `Worker` has it; tests pass a `MessagePort`. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error', listener: (event: Event) => void): void;
  terminate?(): void;
}

/** Options of {@link createWorkerTransport}. */
export interface WorkerTransportOptions {
  /** Starts the worker; throws (or the worker fires `error` before it is ready) where workers are not allowed. */
  createWorker: () => WorkerLike;
  /**
   * `'auto'` (default): the worker where one starts, else the main-thread transport. `'worker'`: the worker or a
   * typed `network` error, never the main thread (to prove a deployment really uses it).
   */
  mode?: 'auto' | 'worker';
  /** The worker posts events at most once per this many milliseconds (default: the store's 50 ms). */
  batchMs?: number;
  /** How long a worker may take to load before the main thread is used instead (default 5 000 ms). */
  startTimeoutMs?: number;
}

/** A transport that can also end its worker. */
export interface WorkerTransport extends PredictionTransport {
  /** Ends the worker (a request in flight is aborted); the next request starts a new one. */
  dispose(): void;
  /** Which transport the last request used: `'worker'`, `'main'` (the fallback) or `undefined` before any. */
  readonly lastUsed: 'worker' | 'main' | undefined;
}

/**
 * Makes a worker transport from a way to start its worker. Apps use `workerTransport()` from
 * `@flowise-kit/core/worker`, which starts the kit's inline worker; this is its engine.
 */
export function createWorkerTransport(options: WorkerTransportOptions): WorkerTransport {
  const mode = options.mode ?? 'auto';
  let worker: Promise<WorkerLike | undefined> | undefined;
  let current: WorkerLike | undefined;
  let lastUsed: 'worker' | 'main' | undefined;
  /** A worker could not start (no `Worker`, a CSP): in 'auto' mode the main thread from then on. */
  let cannotStart = false;
  /** The requests in flight in the worker: a worker that dies fails them (their timeouts lived in it). */
  const inFlight = new Set<(error: FlowiseError) => void>();

  const start = (): Promise<WorkerLike | undefined> =>
    new Promise((resolve) => {
      let created: WorkerLike;
      try {
        created = options.createWorker();
      } catch {
        return resolve(undefined);
      }
      const give = (value: WorkerLike | undefined) => {
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => give(undefined), options.startTimeoutMs ?? 5_000);
      created.addEventListener('message', (event) => {
        if ((event as MessageEvent).data?.type === 'ready') give(created);
      });
      // A worker blocked by the page's policy, or one that failed to load, fires `error` and never says ready.
      created.addEventListener('error', () => {
        give(undefined);
        if (current === created) current = undefined;
        worker = undefined;
        const error = new FlowiseError({ kind: 'network', message: 'The connection was lost: the worker stopped.' });
        for (const fail of inFlight) fail(error);
      });
    });

  const transport = async (request: PredictionRequest): Promise<PredictionOutcome> => {
    if (request.signal?.aborted) return 'aborted';
    const tryWorker = !request.fetch && !cannotStart;
    const ready = tryWorker ? await (worker ??= start()) : undefined;
    if (ready) current = ready;
    else if (tryWorker) {
      worker = undefined;
      // 'auto' does not try again: each try would cost a wait before the answer and a CSP violation report.
      cannotStart = mode === 'auto';
    }
    if (!ready) {
      if (mode === 'worker') {
        throw new FlowiseError({
          kind: 'network',
          message: request.fetch
            ? 'The worker transport cannot use a custom fetch.'
            : 'The worker transport could not start a Web Worker (is worker-src blob: allowed?).',
        });
      }
      lastUsed = 'main';
      return streamPrediction(request);
    }
    lastUsed = 'worker';
    return runInWorker(ready, request, options.batchMs ?? DEFAULT_BATCH_MS, inFlight);
  };
  return Object.defineProperties(transport, {
    dispose: {
      value: () => {
        current?.terminate?.();
        current = undefined;
        worker = undefined;
      },
    },
    lastUsed: { get: () => lastUsed },
  }) as WorkerTransport;
}

/**
 * `apiHost` as an absolute URL: a relative one (`''`, `/api/flowise`, `//host`) means the page's origin or path, but
 * in the worker it would resolve against the worker's own `blob:` URL, which no relative URL resolves against.
 */
export function absoluteApiHost(apiHost: string, base = globalThis.location?.href): string {
  if (!base) return apiHost;
  const suffix = '/api/v1/';
  try {
    return new URL(`${apiHost.replace(/\/+$/, '')}${suffix}`, base).href.slice(0, -suffix.length);
  } catch {
    return apiHost; // Not a URL at all: the worker's fetch fails with the same typed error as the main thread's.
  }
}

function runInWorker(
  worker: WorkerLike,
  request: PredictionRequest,
  batchMs: number,
  inFlight: Set<(error: FlowiseError) => void>,
): Promise<PredictionOutcome> {
  const { port1, port2 } = new MessageChannel();
  const port = port1 as unknown as PortLike & { close(): void };
  const prediction: WorkerPrediction = {
    apiHost: absoluteApiHost(request.apiHost),
    chatflowId: request.chatflowId,
    body: request.body,
    streamable: request.streamable !== undefined,
    batchMs,
    ...(request.apiKey !== undefined ? { apiKey: request.apiKey } : {}),
    ...(request.headers !== undefined ? { headers: request.headers } : {}),
    ...(request.firstByteTimeoutMs !== undefined ? { firstByteTimeoutMs: request.firstByteTimeoutMs } : {}),
    ...(request.idleTimeoutMs !== undefined ? { idleTimeoutMs: request.idleTimeoutMs } : {}),
  };
  return new Promise<PredictionOutcome>((resolve, reject) => {
    let settled = false;
    const crash = (error: FlowiseError) => finish(() => reject(error));
    inFlight.add(crash);
    const finish = (end: () => void) => {
      if (settled) return;
      settled = true;
      inFlight.delete(crash);
      request.signal?.removeEventListener('abort', onAbort);
      port.onmessage = null;
      port.close();
      end();
    };
    // Stop: the worker aborts its fetch; the page stops at once and takes nothing more from it.
    const onAbort = () => {
      port.postMessage({ type: 'abort' });
      finish(() => resolve('aborted'));
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    port.onmessage = (event: MessageEvent) => {
      const message = event.data as FromWorker;
      if (settled) return;
      if (message.type === 'events') {
        for (const item of message.events) {
          if (settled) return;
          request.onEvent(item);
        }
      } else if (message.type === 'outcome') {
        finish(() => resolve(message.outcome));
      } else {
        finish(() => reject(new FlowiseError(message.error)));
      }
    };
    void request.streamable?.then((answer) => {
      if (!settled) port.postMessage({ type: 'streamable', answer });
    });
    const start: StartMessage = { type: 'start', request: prediction };
    worker.postMessage(start, [port2]);
  });
}
