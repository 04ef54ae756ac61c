import type { Page } from 'playwright-core';

/**
 * Records everything a page sends and receives, as Chromium's network domain (CDP) reports it: request URLs,
 * headers and bodies, response headers, and every finished response's body. Call the returned function to get it
 * all as one string, e.g. to prove a secret never reached the browser.
 */
export async function recordNetwork(page: Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  const bodies: Promise<void>[] = [];
  cdp.on('Network.requestWillBeSent', (event) => seen.push(JSON.stringify(event.request)));
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => seen.push(JSON.stringify(event.headers)));
  cdp.on('Network.responseReceived', (event) => seen.push(JSON.stringify(event.response)));
  cdp.on('Network.responseReceivedExtraInfo', (event) => seen.push(JSON.stringify(event.headers)));
  cdp.on('Network.loadingFinished', (event) => {
    bodies.push(
      cdp
        .send('Network.getResponseBody', { requestId: event.requestId })
        .then((answer) => void seen.push(answer.body))
        // A response Chromium no longer holds (a redirect, a preflight) has no body to read.
        .catch(() => undefined),
    );
  });
  await cdp.send('Network.enable');
  return async () => {
    await Promise.all(bodies);
    return seen.join('\n');
  };
}
