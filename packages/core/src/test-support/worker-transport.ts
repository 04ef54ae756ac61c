/**
 * The worker transport with its worker served in this process over a `MessageChannel`: the same protocol, the same
 * structured clone, the same batching as in a browser's Web Worker (Node has no Web Worker; the inline worker
 * itself runs in the Chromium e2e and benchmarks).
 */
import { serveWorkerTransport } from '../worker/serve.js';
import type { PortLike } from '../worker/protocol.js';
import { createWorkerTransport, type WorkerTransport } from '../worker/worker-transport.js';

/** A worker transport whose worker runs in this process; `mode: 'worker'`, so it never falls back unnoticed. */
export function inProcessWorkerTransport(): WorkerTransport {
  const ports: MessagePort[] = [];
  const transport = createWorkerTransport({
    mode: 'worker',
    createWorker: () => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      serveWorkerTransport(port2 as unknown as PortLike);
      port1.start();
      return {
        postMessage: (message, transfer) => port1.postMessage(message, transfer),
        addEventListener: (type, listener) => {
          if (type === 'message') port1.addEventListener('message', listener);
        },
        terminate: () => {
          for (const port of ports.splice(0)) port.close();
        },
      };
    },
  });
  return transport;
}

/** The transports every store suite runs against: the main thread's (default) and the worker's. */
export const TRANSPORTS = [
  { name: 'main thread', create: () => undefined },
  { name: 'worker', create: inProcessWorkerTransport },
] as const;
