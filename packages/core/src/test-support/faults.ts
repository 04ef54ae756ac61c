/** The fault table of faults.test.ts: each fault the mock server can inject, and what the store must end with. */
import { answerTokens } from '@flowise-kit/mock-server';
import type { ChatErrorKind } from '../errors.js';
import type { ChatStatus } from '../state.js';
import type { ChatStoreOptions } from '../store-types.js';

/** The key the mock demands in faults.test.ts; no error message may contain it. */
export const API_KEY = 'sk-fault-SECRET-0123456789';
/** The length of a whole answer in faults.test.ts. */
export const TOKENS = 30;
/** The whole answer's text. */
export const FULL = answerTokens(TOKENS).join('');
const FIVE = answerTokens(5).join('');

export interface Expected {
  status: Extract<ChatStatus, 'done' | 'error'>;
  kind?: ChatErrorKind;
  /** The answer's text at the end: the whole answer, or the part that arrived before the fault. */
  text?: string | ((text: string) => boolean);
  /** What the error message must say (besides being non-empty and free of the key). */
  message?: RegExp;
  retryAfterMs?: number;
  /** POSTs the faulty turn sends: 1 unless the request never reached a server. */
  posts?: number;
  diagnostic?: string;
  /** Tokens that arrive after the answer ended (an `error` event): each one a `late-event` diagnostic, not text. */
  lateTokens?: number;
  /** At least this many chunks read from the response body (the reads the transport's reader returned). */
  minChunks?: number;
}

export interface Fault {
  name: string;
  chatflowId: string;
  options?: Partial<ChatStoreOptions>;
  expected: Expected;
}

const http = (status: number, kind: ChatErrorKind, message: RegExp): Fault[] => [
  {
    name: `HTTP ${status} with a JSON body`,
    chatflowId: `http-${status}`,
    expected: { status: 'error', kind, message, text: '' },
  },
  {
    name: `HTTP ${status} with an empty body`,
    chatflowId: `http-${status}-empty`,
    expected: { status: 'error', kind, text: '' },
  },
];

export const FAULTS: Fault[] = [
  {
    name: 'connection refused',
    chatflowId: 'plain',
    options: { apiHost: 'http://127.0.0.1:1' },
    expected: { status: 'error', kind: 'network', message: /127\.0\.0\.1:1/, posts: 0 },
  },
  {
    name: 'an unresolvable host',
    chatflowId: 'plain',
    options: { apiHost: 'http://flowise-kit.invalid' },
    expected: { status: 'error', kind: 'network', message: /flowise-kit\.invalid/, posts: 0 },
  },
  ...http(400, 'http', /question is required/),
  ...http(401, 'auth', /API key|Unauthorized/i),
  ...http(403, 'forbidden', /not allowed/),
  ...http(404, 'not-found', /http-404/),
  ...http(409, 'busy', /still answering/),
  ...http(413, 'payload-too-large', /too large/i),
  ...http(429, 'rate-limited', /Too many requests/),
  ...http(500, 'server', /Internal failure/),
  ...http(502, 'server', /Bad Gateway/),
  ...http(503, 'server', /Service Unavailable/),
  {
    name: 'HTTP 502 with a proxy HTML page',
    chatflowId: 'http-502-html',
    expected: { status: 'error', kind: 'server', text: '' },
  },
  {
    name: '200 with text/html',
    chatflowId: 'html',
    expected: { status: 'error', kind: 'bad-response', message: /text\/html/, text: '' },
  },
  {
    name: '200 with an empty body',
    chatflowId: 'empty-body',
    expected: { status: 'error', kind: 'bad-response', text: '' },
  },
  {
    name: '200 event stream with no events',
    chatflowId: 'empty',
    expected: { status: 'error', kind: 'incomplete', text: '' },
  },
  {
    name: 'a stream that stalls mid-answer (idle timeout)',
    chatflowId: 'stall',
    options: { idleTimeoutMs: 300 },
    expected: { status: 'error', kind: 'timeout', message: /stalled/, text: FIVE },
  },
  {
    name: 'a stream that drops without end',
    chatflowId: 'drop',
    expected: { status: 'error', kind: 'incomplete', text: FIVE },
  },
  { name: 'end without start', chatflowId: 'end-without-start', expected: { status: 'done', text: FULL } },
  {
    name: 'an error event mid-answer',
    chatflowId: 'error-event',
    expected: { status: 'error', kind: 'flow', message: /terminated/, text: FIVE },
  },
  {
    name: 'an error event followed by tokens',
    chatflowId: 'error-then-tokens',
    expected: { status: 'error', kind: 'flow', message: /model went away/, text: FIVE, lateTokens: 5 },
  },
  {
    name: 'an error event before start',
    chatflowId: 'error-before-start',
    expected: { status: 'error', kind: 'flow', text: '' },
  },
  {
    name: 'a bad API key (200 stream with an error event)',
    chatflowId: 'auth-error',
    expected: { status: 'error', kind: 'auth', text: '' },
  },
  { name: 'duplicate end', chatflowId: 'duplicate-end', expected: { status: 'done', text: FULL } },
  {
    name: 'a 1 MB single token',
    chatflowId: 'huge-token',
    expected: { status: 'done', text: (t) => t.length === 1024 * 1024 + 8 && t.endsWith(' THE END') },
  },
  // The server writes 12,215 bytes one by one, yielding to the event loop after each. Measured on loopback: the
  // transport's reader returned 12,215 chunks in every run, also with a fuzz run busy on the other core; before the
  // mock
  // yielded, the same bytes arrived in 2 or 3 chunks. The bound leaves a margin for a busier machine.
  {
    name: '10,000+ chunks of 1 byte',
    chatflowId: 'trickle',
    expected: { status: 'done', text: answerTokens(250).join(''), minChunks: 10_000 },
  },
  {
    name: 'invalid UTF-8 inside a token',
    chatflowId: 'invalid-utf8',
    expected: { status: 'done', text: `${FIVE} caf\uFFFD(\uFFFD\uFFFD and more.` },
  },
  {
    name: 'a malformed JSON envelope among good ones',
    chatflowId: 'malformed',
    expected: { status: 'done', text: FULL, diagnostic: 'malformed-event' },
  },
  { name: 'id: and retry: fields (no reconnect)', chatflowId: 'sse-fields', expected: { status: 'done', text: FULL } },
  {
    name: 'an unknown chatflow (streamable check: not found at once)',
    chatflowId: 'unknown-flow',
    expected: { status: 'error', kind: 'not-found', message: /unknown-flow/, text: '' },
  },
  {
    name: 'an unknown chatflow without the check (first-byte timeout)',
    chatflowId: 'unknown-flow',
    options: { checkStreamable: false, firstByteTimeoutMs: 300 },
    expected: { status: 'error', kind: 'timeout', message: /unknown-flow/, text: '' },
  },
];
