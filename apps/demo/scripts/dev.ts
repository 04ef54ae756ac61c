/**
 * `pnpm demo`: the mock Flowise server on 127.0.0.1:3000 and the demo on http://127.0.0.1:5173, in one process.
 * With FLOWISE_API_HOST set, no mock is started and the dev server proxies /api to that Flowise instead.
 */
import { fileURLToPath } from 'node:url';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { createServer } from 'vite';

const mock = process.env.FLOWISE_API_HOST
  ? undefined
  : await startMockFlowise({ port: Number(process.env.MOCK_PORT ?? 3000), rate: 40 });
const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  root: fileURLToPath(new URL('..', import.meta.url)),
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`flowise-kit demo: ${url}`);
console.log(
  mock
    ? `mock Flowise: ${mock.url} (pick a scenario in the demo's header)`
    : `Flowise: ${process.env.FLOWISE_API_HOST} (proxied as /api)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([vite.close(), mock?.close()]).then(() => process.exit(0));
  });
}
