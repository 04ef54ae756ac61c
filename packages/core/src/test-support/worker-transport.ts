/**
 * The worker transport with its worker served in this process over a `MessageChannel`: the same protocol, the same
 * structured clone, the same batching as in a browser's Web Worker (Node has no Web Worker; the inline worker
 * itself runs in the Chromium e2e and benchmarks).
 */
import { serveWorkerTransport } from '../worker/serve.js';
import type { PortLike } from '../worker/protocol.js';
import type { ChatState } from '../state.js';
import {
  createWorkerTransport,
  type WorkerTransport,
  type WorkerTransportOptions,
} from '../worker/worker-transport.js';

/** A worker transport whose worker runs in this process; `mode: 'worker'`, so it never falls back unnoticed. */
export function inProcessWorkerTransport(options: Pick<WorkerTransportOptions, 'batchMs'> = {}): WorkerTransport {
  const ports: MessagePort[] = [];
  const transport = createWorkerTransport({
    ...options,
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

/** A state without what differs between two runs of the same stream (ids, clocks). */
export function comparable(state: ChatState) {
  return {
    status: state.status,
    error: state.error,
    messages: state.messages.map((m) =>
      m.role === 'assistant'
        ? { ...m, id: '', createdAt: 0, timings: {}, metadata: { ...m.metadata, chatMessageId: '' } }
        : { ...m, id: '', createdAt: 0 },
    ),
    diagnostics: state.diagnostics.map(({ at: _at, ...diagnostic }) => diagnostic),
  };
}

/** The transports every store suite runs against: the main thread's (default) and the worker's. */
export const TRANSPORTS = [
  { name: 'main thread', create: () => undefined },
  { name: 'worker', create: inProcessWorkerTransport },
] as const;
