import type { ServerResponse } from 'node:http';

/** The headers Flowise 3.1.4 sends with a prediction stream, in its order (fixtures/conversation-stream.http). */
export const STREAM_HEADERS: [string, string][] = [
  ['Vary', 'Origin'],
  ['Content-Security-Policy', "frame-ancestors 'self'"],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Content-Type', 'text/event-stream'],
  ['Cache-Control', 'no-cache'],
  ['Connection', 'keep-alive'],
  ['X-Accel-Buffering', 'no'],
  // Flowise's default CORS_ORIGINS is "*"; the demo and Storybook run on other ports.
  ['Access-Control-Allow-Origin', '*'],
];

const JSON_HEADERS: [string, string][] = [
  ['Vary', 'Origin'],
  ['Content-Security-Policy', "frame-ancestors 'self'"],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Access-Control-Allow-Origin', '*'],
  ['Content-Type', 'application/json; charset=utf-8'],
];

/**
 * The exact bytes Flowise writes for one event: a `message:` line, one `data:` line (no space after the colon)
 * holding the `{event, data}` envelope, and a blank line.
 */
export function encodeEvent(event: string, data: unknown, extra?: Record<string, unknown>): string {
  return `message:\ndata:${JSON.stringify({ event, data, ...extra })}\n\n`;
}

/** The SSE comment Flowise sends to every open stream every 30 s. */
export const HEARTBEAT = ':heartbeat\n\n';

/** Starts an event stream and flushes the headers at once, as Flowise does before the flow runs. */
export function startStream(res: ServerResponse): void {
  res.statusCode = 200;
  for (const [name, value] of STREAM_HEADERS) res.setHeader(name, value);
  res.flushHeaders();
}

/** Sends a JSON body with Flowise's headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of JSON_HEADERS) res.setHeader(name, value);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Flowise's error body: `{ statusCode, success: false, message, stack: {} }`. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { statusCode: status, success: false, message, stack: {} }, headers);
}

/** Any other body (HTML pages, empty bodies). */
export function sendRaw(
  res: ServerResponse,
  status: number,
  contentType: string | undefined,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  res.setHeader('Access-Control-Allow-Origin', '*');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (contentType) res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
