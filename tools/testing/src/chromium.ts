import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** The Chromium binary: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium` (playwright downloads no browser). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Headless, no sandbox (containers run as root), no GPU, and no requests of the browser's own (updates, first run). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Launches {@link chromiumPath} with {@link CHROMIUM_ARGS}; `options` go to playwright, their `args` after ours. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
