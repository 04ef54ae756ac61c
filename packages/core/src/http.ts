/**
 * HTTP plumbing shared by the prediction transport and the client: where an endpoint is, which headers go with it,
 * and how a failed response or a failed fetch becomes a {@link ChatError} that never carries the API key.
 */
import { defined } from './defined.js';
import { errorFromStatus, type ChatError } from './errors.js';
import { redactText } from './redact.js';

/** Where and how to reach Flowise; shared by the transport and the client. */
export interface FlowiseConnection {
  /** e.g. `https://flowise.example.com`; `""` for same-origin (a dev-server proxy). */
  apiHost: string;
  /** Sent as `Authorization: Bearer <apiKey>`; never logged, never put in an error. */
  apiKey?: string;
  /** Extra request headers (e.g. for a proxy in front of Flowise). */
  headers?: Record<string, string>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** Only the connection's own fields of `options` (a store's or a prediction's), the unset ones left out. */
export function connectionOf(options: FlowiseConnection): FlowiseConnection {
  const { apiHost, apiKey, headers, fetch } = options;
  return { apiHost, ...defined({ apiKey, headers, fetch }) };
}

/** An error body is read up to this size: a proxy's error page can be large, and only its start says anything. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/** The URL of an endpoint below `apiHost`. */
export function endpointUrl(apiHost: string, path: string): string {
  return `${apiHost.replace(/\/+$/, '')}/api/v1/${path}`;
}

/** The request headers: `extra`, the caller's headers, and the API key. */
export function requestHeaders(connection: FlowiseConnection, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { ...extra, ...connection.headers };
  if (connection.apiKey) headers.Authorization = `Bearer ${connection.apiKey}`;
  return headers;
}

/** The `fetch` a connection uses. */
export function fetchOf(connection: FlowiseConnection): typeof fetch {
  return connection.fetch ?? globalThis.fetch;
}

/** Flowise's `{ message }` from an error body, or the body's text when it is short and not HTML. */
export function serverMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
      return (body as { message: string }).message;
    }
  } catch {
    // not JSON: fall through
  }
  if (trimmed.startsWith('<') || trimmed.length > 300) return undefined;
  return trimmed;
}

/** Reads at most `limit` bytes of a body as text. */
export async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (size >= limit) {
      void reader.cancel().catch(noop);
      break;
    }
  }
  return text + decoder.decode();
}

/** The typed error of a non-2xx response whose body (or its start) is `text`, with the key redacted. */
export function responseError(
  response: Response,
  text: string,
  connection: FlowiseConnection,
  chatflowId?: string,
): ChatError {
  const error = errorFromStatus(response.status, serverMessage(text), {
    ...(chatflowId ? { chatflowId } : {}),
    retryAfter: response.headers.get('retry-after'),
  });
  return redactError(error, connection.apiKey);
}

/** A fetch that threw before any response: the server was not reached. */
export function unreachableError(connection: FlowiseConnection, cause: unknown, advice = ''): ChatError {
  const reason = redactText(errorText(cause), connection.apiKey);
  return {
    kind: 'network',
    message: `Could not reach Flowise at ${connection.apiHost || 'this origin'} (${reason}).${advice}`,
    detail: reason,
  };
}

/** `error` with `secret` replaced in its message and detail. */
export function redactError(error: ChatError, secret: string | undefined): ChatError {
  if (!secret) return error;
  const copy: ChatError = { ...error, message: redactText(error.message, secret) };
  if (error.detail !== undefined) copy.detail = redactText(error.detail, secret);
  return copy;
}

/** An error's message and its cause's, for a person (a fetch's `TypeError` hides the reason in `cause`). */
export function errorText(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

function noop(): void {}
