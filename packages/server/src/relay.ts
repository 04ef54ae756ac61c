import { errorResponse } from './responses.js';

/** One request to Flowise and its answer back to the browser. */
export interface RelayRequest {
  /** The browser's request: its `signal` says when the browser left. */
  request: Request;
  fetch: typeof fetch;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  firstByteTimeoutMs: number;
  /** Text that must never reach the browser (Flowise's address, the key). */
  secrets: readonly string[];
  /** The browser left before the answer ended. Called at most once. */
  onLeave?: () => void;
  /** The exchange is over, however it ended. Called once. */
  onDone: () => void;
}

/** Response headers worth passing on; everything else (cookies, server banners) stays behind. */
const PASSED = ['content-type', 'cache-control', 'retry-after', 'content-disposition', 'x-accel-buffering'];

/** How much of an error body is read for its message. */
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Sends the request to Flowise and streams its answer back byte for byte, with no buffering. An error answer keeps its
 * status and Flowise's message, scrubbed of the secrets. If the browser leaves before the end, the upstream request is
 * aborted and `onLeave` runs.
 */
export async function relay(options: RelayRequest): Promise<Response> {
  const controller = new AbortController();
  let over = false;
  let left = false;
  const done = () => {
    if (over) return;
    over = true;
    options.request.signal.removeEventListener('abort', leave);
    options.onDone();
  };
  const leave = () => {
    if (over || left) return;
    left = true;
    controller.abort();
    options.onLeave?.();
    done();
  };
  options.request.signal.addEventListener('abort', leave, { once: true });

  const timer = setTimeout(() => controller.abort(), options.firstByteTimeoutMs);
  let upstream: Response;
  try {
    upstream = await options.fetch(options.url, {
      method: options.method,
      headers: options.headers,
      ...(options.body ? { body: new Uint8Array(options.body) } : {}),
      signal: controller.signal,
    });
  } catch {
    done();
    if (left) return errorResponse(499, 'The request was closed.');
    return controller.signal.aborted
      ? errorResponse(504, 'Flowise did not answer in time.')
      : errorResponse(502, 'Flowise could not be reached.');
  } finally {
    clearTimeout(timer);
  }

  const headers = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (!upstream.ok) {
    const message = scrub(await errorMessage(upstream), options.secrets);
    done();
    return errorResponse(upstream.status, message, headers);
  }
  if (!upstream.body) {
    done();
    return new Response(null, { status: upstream.status, headers });
  }
  const reader = upstream.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          done();
          stream.close();
        } else stream.enqueue(value);
      } catch (error) {
        done();
        stream.error(error);
      }
    },
    cancel() {
      leave();
      return reader.cancel().catch(() => undefined);
    },
  });
  return new Response(body, { status: upstream.status, headers });
}

async function errorMessage(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).slice(0, ERROR_BODY_LIMIT);
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON
  }
  return text.trim().startsWith('<') || !text.trim() ? `Flowise answered HTTP ${response.status}.` : text.trim();
}

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join('[hidden]'), text);
}
