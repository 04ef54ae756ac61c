import type { CDPSession, Page } from 'playwright-core';

/** A console message of type error or warning, with where it came from. */
export interface ConsoleLine {
  type: string;
  text: string;
  url: string;
}

/** What a page reported that a test must look at: page errors, console errors and warnings, dialogs. */
export interface PageReports {
  pageErrors: string[];
  console: ConsoleLine[];
  dialogs: string[];
}

/**
 * Collects a page's errors, console errors and warnings, and dialogs (`alert`, `confirm`, `prompt`, `beforeunload`:
 * dismissed, and recorded, since none may ever open) into `reports()`, read at the moment of each event, so a test can
 * swap in fresh arrays between cases while the page lives on.
 */
export function watchPage(page: Page, reports: () => PageReports): void {
  page.on('pageerror', (error) => reports().pageErrors.push(error.message));
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning')
      reports().console.push({ type, text: message.text(), url: message.location().url });
  });
  page.on('dialog', (dialog) => {
    reports().dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/** A CDP session for `page` with the Performance domain enabled. */
export async function metricsSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/**
 * Blink's count of live JS event listeners in the page (`JSEventListeners`), after a forced garbage collection:
 * a listener on a removed node or an abandoned AbortSignal is only uncounted once it is collected.
 */
export async function eventListenerCount(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = metrics.find((m) => m.name === 'JSEventListeners')?.value;
  if (value === undefined) throw new Error('CDP Performance.getMetrics reported no JSEventListeners');
  return value;
}
