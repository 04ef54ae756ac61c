import type { Page } from 'playwright-core';

/** How long the log waits for requests still in flight (a stream Chromium has not yet marked finished). */
const SETTLE_MS = 5_000;

/**
 * Records everything a page sends and receives, as Chromium's network domain (CDP) reports it: request URLs,
 * headers and bodies, response headers, and every response's body. Call the returned function to get it all as one
 * string, e.g. to prove a secret never reached the browser.
 *
 * An event stream's bytes are recorded as they arrive (`Network.streamResourceContent`), not read back once it
 * finishes: the page can have drawn a whole answer before Chromium marks the stream finished, and a stream the page
 * cancels has no body to read back at all. The returned function also waits (up to 5 s) for requests in flight.
 */
export async function recordNetwork(page: Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  const reads: Promise<void>[] = [];
  const inFlight = new Set<string>();
  const streamed = new Set<string>();
  const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
  const read = (work: Promise<void>) => void reads.push(work.catch(() => undefined));

  cdp.on('Network.requestWillBeSent', (event) => {
    inFlight.add(event.requestId);
    seen.push(JSON.stringify(event.request));
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => seen.push(JSON.stringify(event.headers)));
  cdp.on('Network.responseReceived', (event) => {
    seen.push(JSON.stringify(event.response));
    if (!event.response.mimeType.includes('event-stream')) return;
    streamed.add(event.requestId);
    read(
      cdp
        .send('Network.streamResourceContent', { requestId: event.requestId })
        .then((answer) => void seen.push(decode(answer.bufferedData))),
    );
  });
  cdp.on('Network.dataReceived', (event) => {
    if (event.data) seen.push(decode(event.data));
  });
  cdp.on('Network.responseReceivedExtraInfo', (event) => seen.push(JSON.stringify(event.headers)));
  cdp.on('Network.loadingFailed', (event) => inFlight.delete(event.requestId));
  cdp.on('Network.loadingFinished', (event) => {
    inFlight.delete(event.requestId);
    if (streamed.has(event.requestId)) return;
    // A response Chromium no longer holds (a redirect, a preflight) has no body to read.
    read(
      cdp
        .send('Network.getResponseBody', { requestId: event.requestId })
        .then((answer) => void seen.push(answer.base64Encoded ? decode(answer.body) : answer.body)),
    );
  });
  await cdp.send('Network.enable');
  return async () => {
    const deadline = Date.now() + SETTLE_MS;
    while (inFlight.size > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    await Promise.all(reads);
    return seen.join('\n');
  };
}
