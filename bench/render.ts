/**
 * Render cost in Chromium (production builds): the same answer, at the same pace, rendered by flowise-kit and by
 * the AI SDK's useChat + react-markdown (with and without `experimental_throttle: 50`), in one run.
 * Measures main-thread task time (CDP Performance.getMetrics TaskDuration) and script time over the whole answer,
 * the longest task (PerformanceObserver 'longtask'), React commits, and flowise-kit's side panels' commits while
 * tokens stream. Writes the "Render cost (Chromium)" section of BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { answerTokens, startMockFlowise } from '@flowise-kit/mock-server';
import { chromium, type Browser } from 'playwright-core';
import { serveDirectory } from '../e2e/static-server';
import { stat, type Stat } from './throughput';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The AI SDK's UI message stream, with the same tokens at the same pace as the mock Flowise server. */
function startAiSdkServer(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST' });
      return void res.end();
    }
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk));
    req.on('end', () => {
      const { tokens = TOKENS, rate = 0 } = JSON.parse(raw || '{}') as { tokens?: number; rate?: number };
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'x-vercel-ai-ui-message-stream': 'v1', 'Access-Control-Allow-Origin': '*' });
      const send = (chunk: unknown) => `data: ${JSON.stringify(chunk)}\n\n`;
      res.write(send({ type: 'start', messageId: 'm1' }) + send({ type: 'start-step' }) + send({ type: 'text-start', id: 't1' }));
      const words = answerTokens(tokens);
      let i = 0;
      const started = Date.now();
      const tick = () => {
        if (rate === 0) {
          let batch = '';
          for (const stop = Math.min(words.length, i + 64); i < stop; i++) batch += send({ type: 'text-delta', id: 't1', delta: words[i] });
          res.write(batch);
        } else {
          res.write(send({ type: 'text-delta', id: 't1', delta: words[i++] }));
        }
        if (i < words.length) {
          const wait = rate === 0 ? 0 : started + (i * 1000) / rate - Date.now();
          return wait > 0 ? setTimeout(tick, wait) : setImmediate(tick);
        }
        res.end(send({ type: 'text-end', id: 't1' }) + send({ type: 'finish-step' }) + send({ type: 'finish' }) + 'data: [DONE]\n\n');
      };
      tick();
    });
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })),
  );
}

interface Sample {
  taskMs: number;
  scriptMs: number;
  longestTaskMs: number;
  commits: number;
  sideCommits: number;
  wallMs: number;
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __bench?: { start?: unknown } }).__bench?.start === 'function');
  await page.waitForTimeout(300);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metric = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  const before = await metric();
  const started = Date.now();
  await page.evaluate(() => void (window as unknown as { __bench: { start: () => unknown } }).__bench.start());
  await page.waitForFunction(() => (window as unknown as { __bench: { done: boolean } }).__bench.done, undefined, { timeout: 180_000, polling: 50 });
  // Let the last commit paint.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wallMs = Date.now() - started;
  const after = await metric();
  const result = await page.evaluate(() => {
    const w = window as unknown as { __bench: { commits: number; sidePanelCommitsDuringTokens: number }; __longest: number };
    return { commits: w.__bench.commits, sideCommits: w.__bench.sidePanelCommitsDuringTokens, longest: w.__longest };
  });
  await page.close();
  return {
    taskMs: (after.task - before.task) * 1000,
    scriptMs: (after.script - before.script) * 1000,
    longestTaskMs: result.longest,
    commits: result.commits,
    sideCommits: result.sideCommits,
    wallMs,
  };
}

export async function renderCost(): Promise<string> {
  const root = resolve(import.meta.dirname, 'render');
  execFileSync('pnpm', ['exec', 'vite', 'build', '--config', resolve(root, 'vite.config.ts'), '--logLevel', 'error'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  const [site, mock, aiSdk] = await Promise.all([serveDirectory(resolve(root, 'dist')), startMockFlowise({ port: 0 }), startAiSdkServer()]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows: string[] = [];
  const fmt = (s: Stat, unit = 'ms') => `${Math.round(s.median)} ${unit} (${Math.round(s.min)}–${Math.round(s.max)})`;
  try {
    for (const rate of [1000, 0]) {
      const results: Record<string, Sample[]> = {};
      for (const lib of ['kit', 'aisdk', 'aisdk-throttle']) {
        if (rate === 0 && lib === 'aisdk-throttle') continue;
        const api = lib === 'kit' ? mock.url : aiSdk.url;
        results[lib] = [];
        for (let run = 0; run < RUNS; run++) {
          results[lib].push(await measure(browser, `${site.url}/index.html?lib=${lib}&api=${encodeURIComponent(api)}&tokens=${TOKENS}&rate=${rate}`));
        }
      }
      const kitTask = stat(results.kit!.map((s) => s.taskMs)).median;
      const kitCommits = stat(results.kit!.map((s) => s.commits)).median;
      for (const [lib, samples] of Object.entries(results)) {
        const task = stat(samples.map((s) => s.taskMs));
        const commits = stat(samples.map((s) => s.commits));
        const name = { kit: 'flowise-kit (ChatStream + SourceList + ToolTrace)', aisdk: '`useChat` + react-markdown', 'aisdk-throttle': '`useChat` (`experimental_throttle: 50`) + react-markdown' }[lib];
        rows.push(
          `| ${rate ? `${rate} tokens/s` : 'as fast as possible'} | ${name} | ${fmt(task)} | ${fmt(stat(samples.map((s) => s.scriptMs)))} | ${fmt(stat(samples.map((s) => s.longestTaskMs)))} | ${fmt(commits, '')} | ${lib === 'kit' ? fmt(stat(samples.map((s) => s.sideCommits)), '') : '—'} | ${lib === 'kit' ? '1' : (task.median / kitTask).toFixed(1)} × / ${lib === 'kit' ? '1' : (commits.median / kitCommits).toFixed(1)} × | ${fmt(stat(samples.map((s) => s.wallMs)))} |`,
        );
      }
    }
  } finally {
    await browser.close();
    await mock.close();
    aiSdk.close();
    site.server.close();
  }
  return [
    '## Render cost (Chromium)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} (\`pnpm bench:render\`), Chromium ${browserVersion()}, production builds, ${TOKENS.toLocaleString('en')} tokens (the mock's markdown answer: paragraphs, a list, a code block), median of ${RUNS} (min–max). Task and script time: CDP \`Performance.getMetrics\` over the whole answer; longest task: \`PerformanceObserver('longtask')\` (only tasks over 50 ms are reported, 0 means none). The peers' answers come from a server speaking the AI SDK's UI message stream with the same tokens at the same pace.`,
    '',
    '| pace | renderer | main-thread task time | script time | longest task | React commits | side panels\' commits during tokens | task / commits vs flowise-kit | wall time |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function browserVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium /, '');
  } catch {
    return 'unknown';
  }
}
