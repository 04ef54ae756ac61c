/**
 * `pnpm test:consumers`: the packages as a user meets them. Packs every package as npm would, then in temporary
 * folders, with npm and the registry (no workspace links):
 *   (a) a fresh Vite + React 19 app and (b) a fresh Vite + React 18 app install the tarballs, import
 *       useFlowisePrediction and <ChatWindow> from @flowise-kit/react and <ChatWidget> from @flowise-kit/widget
 *       (with both stylesheets), type-check under strict, build, and stream one answer in each from the mock server
 *       (itself installed from its tarball) in Chromium, with no page error; the <ChatWindow> answer comes through
 *       the worker transport (`@flowise-kit/core/worker`, its inline Web Worker);
 *   (c) a Node script in each app renders <ChatWindow> given a store, <ChatWindow> given connection options (the
 *       hook path) and <ChatWidget> to strings (SSR must not touch window); any thrown error or console.error fails;
 *   (d) a plain HTML page loads the widget's script build and streams an answer, with no page error, through the
 *       script build's inline Web Worker;
 *   (e) a Node project installs core and the CLI: `npx flowise-kit predict` streams from the mock (text and --json,
 *       a typed exit code for an unknown chatflow), and an ESM script runs `for await` over `predict()`;
 *   (f) a Next.js App Router app made from apps/nextjs (see consumer-nextjs.ts): next build, next start, an answer
 *       through @flowise-kit/server with the key never in the page, one abort for a closed tab, and an answer through
 *       the worker transport (its inline Web Worker as Next bundles it);
 *   (g) a webpack 5 app (see consumer-webpack.ts) bundles @flowise-kit/core/worker and streams through its worker.
 * Prints "consumers: N passed, N failed" and exits non-zero on any failure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as MockServer from '@flowise-kit/mock-server';
import { REPO, launchChromium, serveDirectory } from '@flowise-kit/testing';
import { createNextApp, driveNextApp } from './consumer-nextjs.js';
import { createWebpackApp, driveWebpackApp } from './consumer-webpack.js';
import type { Browser } from 'playwright-core';

const work = mkdtempSync(join(tmpdir(), 'flowise-kit-consumers-'));
const packs = join(work, 'packs');
mkdirSync(packs);
const run = (cwd: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd, stdio: process.env.VERBOSE ? 'inherit' : 'pipe', encoding: 'utf8' });

console.log(`consumers: packing into ${packs}`);
run(REPO, 'pnpm', ['build']);
for (const name of ['core', 'react', 'widget', 'mock-server', 'cli', 'server'])
  run(join(REPO, 'packages', name), 'pnpm', ['pack', '--pack-destination', packs]);
const tarball = (name: string) =>
  `file:${join(
    packs,
    readdirSync(packs).find((f) => f.startsWith(`flowise-kit-${name}-`))!,
  )}`;

const APP = `import { workerTransport } from '@flowise-kit/core/worker';
import { useFlowisePrediction, ChatWindow } from '@flowise-kit/react';
import { ChatWidget, type ChatWidgetProps } from '@flowise-kit/widget';
import '@flowise-kit/react/styles.css';
import '@flowise-kit/widget/styles.css';
import { createRoot } from 'react-dom/client';

// The worker transport from the published entry point; 'worker' mode: an answer that did not come through the worker fails.
const transport = workerTransport({ mode: 'worker' });
function App() {
  const apiHost = new URLSearchParams(location.search).get('apiHost') ?? '';
  const chat = useFlowisePrediction({
    apiHost,
    chatflowId: 'sources',
    transport,
    onEnd: () => void ((window as unknown as { __kitTransport?: string }).__kitTransport = transport.lastUsed),
  });
  const count: number = chat.messages.length;
  const widget: ChatWidgetProps = { apiHost, chatflowId: 'plain', title: 'Consumer widget', persist: false, theme: { button: { backgroundColor: '#0a7d4f' } } };
  return (
    <>
      <ChatWindow store={chat.store} title={\`Consumer app · \${count} messages\`} />
      <ChatWidget {...widget} />
    </>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
`;
const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['vite/client'],
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  },
  include: ['src'],
});

function createApp(react: '18' | '19'): string {
  const dir = join(work, `vite-react-${react}`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: `consumer-react-${react}`,
      private: true,
      type: 'module',
      dependencies: {
        react: `^${react}`,
        'react-dom': `^${react}`,
        '@flowise-kit/core': tarball('core'),
        '@flowise-kit/react': tarball('react'),
        '@flowise-kit/widget': tarball('widget'),
        '@flowise-kit/mock-server': tarball('mock-server'),
      },
      devDependencies: {
        vite: '^8',
        '@vitejs/plugin-react': '^6',
        typescript: '~5.9.3',
        '@types/react': `^${react}`,
        '@types/react-dom': `^${react}`,
      },
    }),
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><body style="margin:0;height:100vh"><div id="root" style="height:100%"></div><script type="module" src="/src/main.tsx"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'vite.config.ts'),
    "import react from '@vitejs/plugin-react';\nimport { defineConfig } from 'vite';\nexport default defineConfig({ plugins: [react()] });\n",
  );
  writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
  writeFileSync(join(dir, 'src', 'main.tsx'), APP);
  console.log(`consumers: installing the React ${react} app (npm)`);
  run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  run(dir, 'npx', ['tsc', '-p', '.']);
  run(dir, 'npx', ['vite', 'build', '--logLevel', 'error']);
  return dir;
}

// Server rendering as a Next.js or Remix app does it: no window, no DOM. Any thrown error or console.error fails.
const SSR = `import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createChatStore } from '@flowise-kit/core';
import { ChatWindow } from '@flowise-kit/react';
import { ChatWidget } from '@flowise-kit/widget';
if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('window or document exists');
const logged = [];
console.error = (...args) => logged.push(args.map(String).join(' '));
const expect = (html, text, what) => {
  if (!html.includes(text)) throw new Error(what + ': missing ' + JSON.stringify(text) + ' in ' + html.slice(0, 300));
};
const store = createChatStore({ apiHost: 'http://127.0.0.1:1', chatflowId: 'x', initialState: { messages: [{ id: 'u', role: 'user', text: 'Rendered on the server', createdAt: 1 }] } });
expect(renderToString(createElement(ChatWindow, { store, title: 'SSR' })), 'Rendered on the server', 'ChatWindow with a store');
const connection = { apiHost: 'http://127.0.0.1:1', chatflowId: 'x' };
expect(
  renderToString(createElement(ChatWindow, { ...connection, title: 'SSR hook', persistKey: 'ssr', initialMessages: [{ id: 'u', role: 'user', text: 'Hook path on the server', createdAt: 1 }] })),
  'Hook path on the server',
  'ChatWindow with connection options',
);
expect(renderToString(createElement(ChatWidget, { ...connection, title: 'SSR widget', welcomeMessage: 'Welcome from the server', defaultOpen: true })), 'Welcome from the server', 'ChatWidget');
expect(renderToString(createElement(ChatWidget, connection)), 'Open chat', 'ChatWidget closed');
if (logged.length) throw new Error('console.error during SSR:\\n' + logged.join('\\n'));
console.log('ssr ok');
`;

const results: { name: string; ok: boolean; detail?: string }[] = [];
async function check(name: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false, detail: String(error instanceof Error ? error.stack : error) });
    console.log(`  ✗ ${name}\n${String(error instanceof Error ? error.message : error).slice(0, 2000)}`);
  }
}

let browser: Browser | undefined;
const stops: (() => unknown)[] = [];
try {
  browser = await launchChromium();
  const apps: Partial<Record<'18' | '19', string>> = {};
  for (const react of ['19', '18'] as const) {
    await check(
      `(${react === '19' ? 'a' : 'b'}) Vite + React ${react}: install tarballs, tsc --strict, vite build`,
      () => {
        apps[react] = createApp(react);
      },
    );
  }
  // The mock server, as a user installs it: from its tarball inside the consumer app.
  const mockModule = join(apps['19'] ?? apps['18'] ?? '', 'node_modules/@flowise-kit/mock-server/dist/index.js');
  const { startMockFlowise } = (await import(mockModule)) as typeof MockServer;
  const mock = await startMockFlowise({ port: 0, rate: 100, tokens: 20 });
  stops.push(() => mock.close());

  for (const react of ['19', '18'] as const) {
    const dir = apps[react];
    if (!dir) continue;
    await check(
      `(${react === '19' ? 'a' : 'b'}) React ${react} app streams an answer in <ChatWindow> and in <ChatWidget> from the mock in Chromium`,
      async () => {
        const site = await serveDirectory(join(dir, 'dist'));
        stops.push(() => site.server.close());
        const page = await browser!.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(`${site.url}/?apiHost=${encodeURIComponent(mock.url)}`);
          await page.getByRole('textbox', { name: 'Message' }).fill('Hello from a consumer');
          await page.keyboard.press('Enter');
          await page.waitForSelector('article[data-status="done"]', { timeout: 15_000 });
          await page.getByRole('link', { name: 'The fox and the river' }).waitFor();
          // The answer came through the inline Web Worker of @flowise-kit/core/worker.
          await page.waitForFunction(() => (window as { __kitTransport?: string }).__kitTransport === 'worker');
          await page.getByRole('button', { name: 'Open chat' }).click();
          const panel = page.getByRole('dialog', { name: 'Consumer widget' });
          await panel.getByRole('textbox', { name: 'Message' }).fill('Hello from the widget');
          await page.keyboard.press('Enter');
          await panel.locator('article[data-status="done"]').waitFor({ timeout: 15_000 });
          // The widget's stylesheet applied: the launcher is fixed in the corner.
          const position = await page.locator('.fk-widget__launcher').evaluate((el) => getComputedStyle(el).position);
          if (position !== 'fixed') throw new Error(`the widget's launcher is not styled (position: ${position})`);
        } finally {
          await page.close();
        }
        if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
      },
    );
  }

  for (const react of ['19', '18'] as const) {
    const dir = apps[react];
    if (!dir) continue;
    await check(
      `(c) React ${react}: Node renders <ChatWindow> (store and hook options) and <ChatWidget> to strings (SSR, no window)`,
      () => {
        writeFileSync(join(dir, 'ssr.mjs'), SSR);
        const out = run(dir, 'node', ['ssr.mjs']);
        if (!out.includes('ssr ok')) throw new Error(out);
      },
    );
  }

  await check("(d) a plain HTML page loads the widget's script build and streams (through its worker)", async () => {
    const dir = apps['19'];
    if (!dir) throw new Error('the React 19 app was not installed');
    const widgetDist = join(dir, 'node_modules/@flowise-kit/widget/dist');
    const page = join(work, 'plain.html');
    writeFileSync(
      page,
      `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><h1>Plain page</h1><script type="module">
import Chatbot from './web.js';
Chatbot.init({ chatflowid: 'plain', apiHost: new URLSearchParams(location.search).get('apiHost'), theme: { chatWindow: { title: 'Plain page chat' } } });
</script></body></html>`,
    );
    const site = await serveDirectory(widgetDist, { '/plain.html': page });
    stops.push(() => site.server.close());
    const tab = await browser!.newPage();
    const errors: string[] = [];
    const workers: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('worker', (worker) => workers.push(worker.url()));
    try {
      await tab.goto(`${site.url}/plain.html?apiHost=${encodeURIComponent(mock.url)}`);
      await tab.getByRole('button', { name: 'Open chat' }).click();
      await tab.getByRole('textbox', { name: 'Message' }).fill('Hi');
      await tab.keyboard.press('Enter');
      await tab.waitForSelector('article[data-status="done"]', { timeout: 15_000 });
    } finally {
      await tab.close();
    }
    if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
    // The script build reads the answer in its inline worker by default.
    if (workers.length !== 1 || !workers[0]!.startsWith('blob:'))
      throw new Error(`expected the widget's blob: worker, saw ${JSON.stringify(workers)}`);
  });

  await check(
    '(e) Node: npx flowise-kit predict streams from the mock; for await over predict() in an ESM script',
    async () => {
      const dir = join(work, 'node-cli');
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({
          name: 'consumer-node',
          private: true,
          type: 'module',
          dependencies: { '@flowise-kit/core': tarball('core'), '@flowise-kit/cli': tarball('cli') },
        }),
      );
      run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
      // Asynchronously: the mock answers from this very process.
      const exec = (command: string, args: string[]) =>
        promisify(execFile)(command, args, { cwd: dir, encoding: 'utf8' });
      const text = await exec('npx', ['flowise-kit', 'predict', '--host', mock.url, '--chatflow', 'sources', 'Hi']);
      if (!text.stdout.includes('Once upon a time') || !/sources \(3\)/.test(text.stderr))
        throw new Error(text.stdout + text.stderr);
      const json = await exec('npx', [
        'flowise-kit',
        'predict',
        '--host',
        mock.url,
        '--chatflow',
        'plain',
        '--json',
        'Hi',
      ]);
      const last = JSON.parse(json.stdout.trim().split('\n').at(-1)!) as { type: string };
      if (last.type !== 'end') throw new Error(json.stdout);
      const missing = await exec('npx', [
        'flowise-kit',
        'predict',
        '--host',
        mock.url,
        '--chatflow',
        'unknown-x',
        'Hi',
      ]).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      if (missing?.code !== 7 || !/not-found/.test(missing.stderr ?? ''))
        throw new Error(`unknown chatflow: ${JSON.stringify(missing)}`);
      writeFileSync(
        join(dir, 'loop.mjs'),
        `import { predict } from '@flowise-kit/core';
let text = '';
for await (const event of predict({ apiHost: process.argv[2], chatflowId: 'plain', question: 'Hi' })) if (event.type === 'token') text += event.data;
console.log(text.length > 20 ? 'loop ok' : 'no text');`,
      );
      const loop = await exec('node', ['loop.mjs', mock.url]);
      if (!loop.stdout.includes('loop ok')) throw new Error(loop.stdout + loop.stderr);
    },
  );

  await check(
    '(f) Next.js App Router: a server component renders the kit; next build, next start; the key stays on the server',
    async () => {
      const dir = createNextApp({ work, tarball, run });
      await driveNextApp(dir, { browser: browser!, mock });
    },
  );

  await check(
    '(g) webpack 5: bundles @flowise-kit/core/worker, streams an answer through its inline worker',
    async () => {
      const dir = createWebpackApp({ work, tarball, run });
      await driveWebpackApp(dir, { browser: browser!, mock });
    },
  );
} finally {
  await browser?.close();
  for (const stop of stops) await stop();
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`consumers: ${results.length - failed} passed, ${failed} failed`);
if (process.env.CI)
  writeFileSync(
    join(REPO, '.consumers-report.json'),
    JSON.stringify({ numPassedTests: results.length - failed, numFailedTests: failed, numPendingTests: 0 }),
  );
process.exit(failed ? 1 : 0);
