/** The worker's script (bundled into the worker entry as an inline worker). */
import { serveWorkerTransport } from './serve.js';

serveWorkerTransport(self as unknown as Parameters<typeof serveWorkerTransport>[0]);
