/**
 * `pnpm compare:embed`: one rich `Chatbot.init` config (e2e/pages/compare.html) rendered by flowise-embed's
 * dist/web.js and by ours, in Chromium, against the mock Flowise: the closed launcher with its tooltip, the open
 * panel before the first question, and a streamed answer with sources, on a desktop and on a 375 px phone. Writes
 * the two rows side by side to docs/compare-embed.png (and each shot to screenshots/compare-embed/).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { REPO, build, launchChromium, serveDirectory } from '@flowise-kit/testing';
import type { Browser, Page } from 'playwright-core';

const dist = resolve(REPO, 'packages/widget/dist');
const embedDir = dirname(
  createRequire(resolve(REPO, 'packages/widget/package.json')).resolve('flowise-embed/package.json'),
);
const embedVersion = (JSON.parse(readFileSync(join(embedDir, 'package.json'), 'utf8')) as { version: string }).version;
const shotsDir = resolve(REPO, 'screenshots/compare-embed');

type Lib = 'embed' | 'kit';
interface Shot {
  name: string;
  width: number;
  height: number;
  open: boolean;
  ask: boolean;
}
const SHOTS: Shot[] = [
  { name: 'closed, with its tooltip', width: 1000, height: 760, open: false, ask: false },
  { name: 'open, before the first question', width: 1000, height: 760, open: true, ask: false },
  { name: 'a streamed answer with sources', width: 1000, height: 760, open: true, ask: true },
  { name: 'phone, 375 px', width: 375, height: 740, open: true, ask: true },
];

async function shoot(browser: Browser, site: string, apiHost: string, lib: Lib, shot: Shot): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height } });
  const page: Page = await context.newPage();
  await page.goto(`${site}/compare.html?lib=${lib}&apiHost=${encodeURIComponent(apiHost)}${shot.open ? '&open' : ''}`);
  const input = page.locator('textarea').first();
  if (shot.open) await input.waitFor({ timeout: 15_000 });
  else await page.waitForTimeout(1500);
  if (shot.ask) {
    await input.fill('Tell me about foxes');
    await input.press('Enter');
    // The mock streams the answer, then its sources: wait until it has ended in either widget.
    await page.waitForTimeout(3500);
  } else await page.waitForTimeout(800);
  // The widget's corner on a desktop, the whole screen on a phone.
  const clip =
    shot.width > 600
      ? { x: shot.width - 470, y: 0, width: 470, height: shot.height }
      : { x: 0, y: 0, width: shot.width, height: shot.height };
  const png = await page.screenshot({ clip });
  mkdirSync(shotsDir, { recursive: true });
  writeFileSync(join(shotsDir, `${lib}-${SHOTS.indexOf(shot)}.png`), png);
  await context.close();
  return png;
}

/** The shots on one page: a row per widget, a column per state, with captions; screenshotted into one PNG. */
async function compose(browser: Browser, rows: Record<Lib, Buffer[]>): Promise<Buffer> {
  const img = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  const row = (title: string, shots: Buffer[]) =>
    `<tr><th>${title}</th>${shots.map((png) => `<td>${img(png)}</td>`).join('')}</tr>`;
  const html = `<!doctype html><html><body style="margin:0;font:14px system-ui,sans-serif;background:#e2e8f0">
    <table style="border-spacing:10px"><tr><th></th>${SHOTS.map((s) => `<th>${s.name}</th>`).join('')}</tr>
    ${row(`flowise-embed ${embedVersion}<br>dist/web.js`, rows.embed)}
    ${row('@flowise-kit/widget<br>dist/web.js', rows.kit)}</table>
    <style>th{text-align:center;color:#0f172a;padding:4px}tr>th:first-child{width:120px}
    img{display:block;border:1px solid #94a3b8;background:#fff}td{vertical-align:top}</style></body></html>`;
  const page = await browser.newPage({ viewport: { width: 2200, height: 800 } });
  await page.setContent(html);
  const png = await page.locator('table').screenshot();
  await page.close();
  return png;
}

async function main() {
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  const [site, mock, browser] = await Promise.all([
    serveDirectory(dist, {
      '/compare.html': resolve(REPO, 'e2e/pages/compare.html'),
      '/flowise-embed.js': join(embedDir, 'dist/web.js'),
    }),
    startMockFlowise({ port: 0, rate: 60, tokens: 40 }),
    launchChromium(),
  ]);
  try {
    const rows: Record<Lib, Buffer[]> = { embed: [], kit: [] };
    for (const lib of ['embed', 'kit'] as const)
      for (const shot of SHOTS) rows[lib].push(await shoot(browser, site.url, mock.url, lib, shot));
    const out = resolve(REPO, 'docs/compare-embed.png');
    writeFileSync(out, await compose(browser, rows));
    console.log(`wrote ${out} (flowise-embed ${embedVersion} above, ours below) and ${shotsDir}/*.png`);
  } finally {
    await browser.close();
    await mock.close();
    site.server.close();
  }
}

await main();
