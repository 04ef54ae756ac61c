/**
 * @flowise-kit/core/worker — the worker transport: the prediction's fetch, SSE parse, decode and timeouts run in a
 * Web Worker, and the page receives the events in batches (adjacent tokens joined), so reading a fast stream costs
 * the main thread almost nothing. Opt in per store: `createChatStore({ ..., transport: workerTransport() })`.
 *
 * The worker is inlined (a `blob:` URL): no file to serve, no bundler setup. A page whose Content-Security-Policy
 * has no `worker-src blob:` (or `child-src`/`script-src` that allow it) cannot start it; the transport then uses the
 * main thread, before anything was sent.
 *
 * @packageDocumentation
 */
import InlineWorker from './worker/worker-main.ts?worker&inline';
import { createWorkerTransport, type WorkerTransport, type WorkerTransportOptions } from './worker/worker-transport.js';

export {
  createWorkerTransport,
  type WorkerLike,
  type WorkerTransport,
  type WorkerTransportOptions,
} from './worker/worker-transport.js';

/**
 * The worker transport with the kit's inline worker. `mode: 'auto'` (default) falls back to the main thread where no
 * worker can start; `mode: 'worker'` fails with a typed error instead.
 */
export function workerTransport(options: Omit<WorkerTransportOptions, 'createWorker'> = {}): WorkerTransport {
  return createWorkerTransport({
    ...options,
    createWorker: () => {
      if (typeof Worker !== 'function') throw new Error('no Web Workers here');
      return new InlineWorker();
    },
  });
}
