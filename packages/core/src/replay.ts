/**
 * A `fetch` that plays a Flowise stream from memory instead of the network: for stories, demos, tests and
 * offline development. The bytes go through the real transport (parser, decoder, batching) exactly as a server's
 * would.
 */

/** One event to play, in Flowise's envelope form. */
export interface ReplayEvent {
  /** Flowise's event name, e.g. `token`, `sourceDocuments`, `end`. */
  event: string;
  /** The event's payload, JSON-encoded as Flowise does. */
  data: unknown;
  /** Milliseconds to wait before this event (default: the player's `intervalMs`). */
  delayMs?: number;
}

/** Options of {@link createReplayFetch}. */
export interface ReplayOptions {
  /** The stream: Flowise SSE bytes/text (e.g. a recording's body), or events to encode. */
  source: string | Uint8Array | readonly ReplayEvent[];
  /** Pause between events (between `\n\n`-separated chunks of a text source). Default 0. */
  intervalMs?: number;
  /** The HTTP status (default 200). */
  status?: number;
  /** The response's content type (default `text/event-stream`; `application/json` to play a JSON prediction). */
  contentType?: string;
  /** Called with each request's URL and parsed body, e.g. to assert what was sent. */
  onRequest?: (url: string, body: unknown) => void;
}

/** Encodes one event exactly as Flowise writes it. */
export function encodeFlowiseEvent(event: string, data: unknown): string {
  return `message:\ndata:${JSON.stringify({ event, data })}\n\n`;
}

/** Creates a `fetch` that answers every request with the given stream, paced, and honours abort signals. */
export function createReplayFetch(options: ReplayOptions): typeof fetch {
  const chunks = toChunks(options.source, options.intervalMs ?? 0);
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (options.onRequest) options.onRequest(url, typeof init?.body === 'string' ? safeJson(init.body) : init?.body);
    const signal = init?.signal ?? undefined;
    const encoder = new TextEncoder();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const chunk of chunks) {
          if (chunk.delayMs > 0) await sleep(chunk.delayMs, signal);
          if (cancelled) return;
          if (signal?.aborted) return controller.error(signal.reason ?? new DOMException('Aborted', 'AbortError'));
          controller.enqueue(typeof chunk.bytes === 'string' ? encoder.encode(chunk.bytes) : chunk.bytes);
        }
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    return new Response(body, {
      status: options.status ?? 200,
      headers: { 'Content-Type': options.contentType ?? 'text/event-stream' },
    });
  };
}

function toChunks(
  source: ReplayOptions['source'],
  intervalMs: number,
): { bytes: string | Uint8Array; delayMs: number }[] {
  if (source instanceof Uint8Array) return splitText(new TextDecoder().decode(source), intervalMs);
  if (typeof source === 'string') return splitText(source, intervalMs);
  return source.map((e) => ({ bytes: encodeFlowiseEvent(e.event, e.data), delayMs: e.delayMs ?? intervalMs }));
}

function splitText(text: string, intervalMs: number) {
  return text
    .split(/(?<=\n\n)/)
    .filter(Boolean)
    .map((bytes) => ({ bytes, delayMs: intervalMs }));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
