/**
 * `pnpm test:consumers` (f): the packed tarballs in a fresh Next.js App Router app made from `apps/nextjs`. `next
 * build` must accept a server component rendering <ChatWindow> and <ChatWidget> (so "use client" survived the library
 * build); `next start` serves it with the route handler of @flowise-kit/server in front of the mock, which demands an
 * API key only the server has. In Chromium an answer streams through the proxy; the page's network log (CDP) never
 * holds the key or the mock's address; a tab closed mid-answer makes exactly one abort call reach the mock. A client
 * page added to the copy (/worker) streams through the worker transport of @flowise-kit/core/worker (`mode:
 * 'worker'`, its inline Web Worker as Next's bundler builds it), through the same route with a relative `apiHost`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MockFlowise } from '@flowise-kit/mock-server';
import { REPO, freePort, recordNetwork } from '@flowise-kit/testing';
import type { Browser } from 'playwright-core';

const KEY = 'sk-nextjs-consumer-SECRET-7d2e';

/** A client page through the worker transport; 'worker' mode, so an answer from the main thread fails. */
const WORKER_PAGE = `'use client';
import { workerTransport } from '@flowise-kit/core/worker';
import { ChatWindow, useFlowisePrediction } from '@flowise-kit/react';
import { useState } from 'react';

export default function WorkerChat() {
  const [transport] = useState(() => workerTransport({ mode: 'worker' }));
  const chat = useFlowisePrediction({
    apiHost: '/api/flowise',
    chatflowId: 'support',
    transport,
    onEnd: () => void ((window as unknown as { __kitTransport?: string }).__kitTransport = transport.lastUsed),
  });
  return (
    <main style={{ height: '100dvh' }}>
      <ChatWindow store={chat.store} title="Through a Web Worker" />
    </main>
  );
}
`;

export interface NextConsumer {
  work: string;
  tarball: (name: string) => string;
  run: (cwd: string, command: string, args: string[]) => string;
  browser: Browser;
  mock: MockFlowise;
}

/** Installs and builds the app; resolves to its folder. */
export function createNextApp({ work, tarball, run }: Pick<NextConsumer, 'work' | 'tarball' | 'run'>): string {
  const source = join(REPO, 'apps/nextjs');
  const dir = join(work, 'nextjs');
  mkdirSync(dir);
  for (const entry of ['app', 'next.config.ts', 'tsconfig.json'])
    cpSync(join(source, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'app', 'worker'));
  writeFileSync(join(dir, 'app', 'worker', 'page.tsx'), WORKER_PAGE);
  const example = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer-nextjs',
      private: true,
      dependencies: {
        next: example.dependencies.next,
        react: example.dependencies.react,
        'react-dom': example.dependencies['react-dom'],
        '@flowise-kit/core': tarball('core'),
        '@flowise-kit/react': tarball('react'),
        '@flowise-kit/widget': tarball('widget'),
        '@flowise-kit/server': tarball('server'),
      },
      devDependencies: example.devDependencies,
    }),
  );
  run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  run(dir, 'npx', ['next', 'build']);
  return dir;
}

async function startNext(dir: string, mock: MockFlowise): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: { ...process.env, FLOWISE_URL: mock.url, FLOWISE_API_KEY: KEY, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, process: child };
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill();
  throw new Error(`next start did not answer:\n${output}`);
}

/** Starts the built app and drives it in Chromium; throws on the first failed expectation. */
export async function driveNextApp(dir: string, { browser, mock }: Pick<NextConsumer, 'browser' | 'mock'>) {
  mock.configure({ apiKey: KEY, rate: 60, tokens: 40 });
  const next = await startNext(dir, mock);
  const fail = (what: string) => {
    throw new Error(what);
  };
  try {
    // The server component rendered the client components into the HTML.
    const html = await (await fetch(next.url)).text();
    if (!html.includes('Ask our docs') || !html.includes('Open chat'))
      fail(`the server-rendered page lacks <ChatWindow> or <ChatWidget>:\n${html.slice(0, 500)}`);

    mock.clearRequests();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const log = await recordNetwork(page);
    await page.goto(next.url);
    await page.getByRole('textbox', { name: 'Message' }).first().fill('Tell me about foxes');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    await page.getByRole('link', { name: 'The fox and the river' }).waitFor();
    const traffic = await log();
    if (traffic.includes(KEY)) fail("the API key reached the browser (the page's network log holds it)");
    if (traffic.includes(mock.url)) fail("Flowise's address reached the browser");
    if (!traffic.includes('/api/flowise/api/v1/prediction/support')) fail('the network log missed the prediction');
    const [prediction] = mock.predictions();
    if (mock.predictions().length !== 1 || prediction!.path !== '/api/v1/prediction/sources')
      fail(`expected one prediction for the mapped chatflow: ${JSON.stringify(mock.predictions().map((r) => r.path))}`);
    if (prediction!.headers.authorization !== `Bearer ${KEY}`) fail('the proxy did not send the key');
    if (errors.length) fail(`page errors:\n${errors.join('\n')}`);
    await page.close();

    // The worker transport, bundled by Next: the answer comes through its inline Web Worker and the proxy.
    mock.clearRequests();
    const viaWorker = await browser.newPage();
    const workerErrors: string[] = [];
    viaWorker.on('pageerror', (e) => workerErrors.push(e.message));
    await viaWorker.goto(`${next.url}/worker`);
    await viaWorker.getByRole('textbox', { name: 'Message' }).fill('Through the worker');
    await viaWorker.keyboard.press('Enter');
    await viaWorker.waitForSelector('article[data-status="done"]', { timeout: 20_000 });
    await viaWorker.getByRole('link', { name: 'The fox and the river' }).waitFor();
    await viaWorker.waitForFunction(() => (window as { __kitTransport?: string }).__kitTransport === 'worker');
    if (mock.predictions().length !== 1) fail(`the worker page made ${mock.predictions().length} predictions`);
    if (workerErrors.length) fail(`page errors on /worker:\n${workerErrors.join('\n')}`);
    await viaWorker.close();

    // A tab closed mid-answer: the route handler sees the disconnect and stops Flowise, once.
    mock.clearRequests();
    mock.configure({ rate: 20, tokens: 400 });
    const tab = await browser.newPage();
    await tab.goto(next.url);
    await tab.getByRole('textbox', { name: 'Message' }).first().fill('A long answer, please');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(
      () => (document.querySelector('article[aria-label="Answer"] .fk-message__body')?.textContent ?? '').length > 10,
    );
    await tab.close();
    const aborts = () => mock.requests.filter((r) => r.method === 'PUT' && r.path.includes('/chatmessage/abort/'));
    for (let i = 0; i < 40 && aborts().length === 0; i++) await new Promise((done) => setTimeout(done, 250));
    await new Promise((done) => setTimeout(done, 1500));
    if (aborts().length !== 1) fail(`a closed tab made ${aborts().length} abort calls, not 1`);
    if (!/^\/api\/v1\/chatmessage\/abort\/sources\//.test(aborts()[0]!.path)) fail(`abort path: ${aborts()[0]!.path}`);
    if (mock.predictions().length !== 1) fail(`${mock.predictions().length} predictions for one question`);
  } finally {
    next.process.kill();
    mock.configure({ apiKey: '', rate: 100, tokens: 20 });
  }
}
