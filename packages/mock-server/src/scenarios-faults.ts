import { answerTokens, longAnswerTokens } from './answer.js';
import { UNSAFE_URLS, XSS_PAYLOADS, hostileTokens } from './hostile.js';
import type { Scenario, Step } from './scenario-types.js';
import { encodeEvent } from './wire.js';
import { ev, metadata, END, stream, chatAnswer, httpErrors, HUGE_TOKEN } from './scenario-parts.js';

/** Failures and odd streams: error events, HTTP errors, drops, stalls, malformed and hostile content, long answers. */
export const faultScenarios: Record<string, Scenario> = {
  'error-event': {
    description: 'start, 5 tokens, an error event ("terminated"), end — HTTP 200',
    reply: () =>
      stream(
        ev('start', ''),
        { kind: 'tokens', tokens: answerTokens(5) },
        ev('error', 'Error: predictionsServices.buildChatflow - terminated'),
        END,
      ),
  },
  'error-before-start': {
    description: 'an error event and end, nothing else',
    reply: () =>
      stream(ev('error', "Error: predictionsServices.buildChatflow - TypeError: Cannot use 'in' operator"), END),
  },
  'auth-error': {
    description: 'a missing or wrong API key: 200 stream with an Unauthorized error (JSON: 500)',
    reply: () => stream(ev('error', 'Error: predictionsServices.buildChatflow - Unauthorized'), END),
  },
  ...httpErrors(),
  'http-502-html': {
    description: "HTTP 502 with a proxy's HTML page",
    reply: () => ({
      kind: 'raw',
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
    }),
  },
  html: {
    description: 'HTTP 200 with an HTML page (a login page in front of Flowise)',
    reply: () => ({
      kind: 'raw',
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><body><form>Sign in</form></body></html>',
    }),
  },
  'empty-body': {
    description: 'HTTP 200 with an empty body and no content type',
    reply: () => ({ kind: 'raw', status: 200, body: '' }),
  },
  empty: { description: 'an event stream that ends at once, with no events', reply: () => stream() },
  malformed: {
    description: 'one broken JSON event among good ones',
    reply: (c) => {
      const tokens = answerTokens(c.tokens);
      const half = Math.ceil(tokens.length / 2);
      return stream(
        ev('start', ''),
        { kind: 'tokens', tokens: tokens.slice(0, half) },
        { kind: 'raw', text: 'message:\ndata:{"event":"token","data":"oops\n\n' },
        { kind: 'tokens', tokens: tokens.slice(half) },
        metadata(c),
        END,
      );
    },
  },
  drop: {
    description: 'start, 5 tokens, then the connection drops (no end)',
    reply: () => stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(5) }, { kind: 'drop' }),
  },
  stall: {
    description: 'start, 5 tokens, then silence (no heartbeats) until the client leaves',
    reply: () => stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(5) }, { kind: 'stall' }),
  },
  'slow-model': {
    description: 'only heartbeats for stallMs (the server retrying a failing model), then an error and end',
    reply: () =>
      stream(
        { kind: 'heartbeats', ms: -1 },
        ev('error', 'Error: predictionsServices.buildChatflow - 500 fake upstream failure'),
        END,
      ),
  },
  json: {
    description: 'a chatflow that cannot stream: JSON even when streaming was asked',
    streamable: false,
    reply: (c) => chatAnswer(c, [], { followUpPrompts: ['Tell me more'] }),
  },
  hostile: {
    description:
      'XSS payloads (hostile.ts) split across tokens, in sources and their URLs, tools, agent names, follow-ups, artifacts',
    reply: (c) => {
      const pick = (from: number, n: number) => XSS_PAYLOADS.slice(from, from + n);
      return stream(
        ev('start', ''),
        ev('nextAgent', XSS_PAYLOADS[1]),
        ev(
          'agentReasoning',
          pick(0, 4).map((p, i) => ({
            agentName: p,
            messages: [XSS_PAYLOADS[i + 10]],
            next: XSS_PAYLOADS[i + 20],
            instructions: XSS_PAYLOADS[i + 30],
          })),
        ),
        { kind: 'tokens', tokens: hostileTokens() },
        ev(
          'sourceDocuments',
          UNSAFE_URLS.map((url, i) => ({
            pageContent: XSS_PAYLOADS[i * 5]!,
            metadata: { source: url, title: XSS_PAYLOADS[i * 5 + 1], url, page: XSS_PAYLOADS[i * 5 + 2] },
          })),
        ),
        ev(
          'usedTools',
          pick(5, 3).map((p, i) => ({
            tool: p,
            toolInput: { input: XSS_PAYLOADS[i + 15], url: UNSAFE_URLS[i] },
            toolOutput: XSS_PAYLOADS[i + 25],
          })),
        ),
        ev('artifacts', [{ type: 'html', data: XSS_PAYLOADS.join('\n') }]),
        metadata(c, { followUpPrompts: pick(0, 3) }),
        END,
      );
    },
  },
  'end-without-start': {
    description: 'tokens, metadata and end, but no start event',
    reply: (c) => stream({ kind: 'tokens', tokens: answerTokens(c.tokens) }, metadata(c), END),
  },
  'error-then-tokens': {
    description: 'start, 5 tokens, an error event, 5 more tokens, end (the tokens after the error are not the answer)',
    reply: (c) =>
      stream(
        ev('start', ''),
        { kind: 'tokens', tokens: answerTokens(5) },
        ev('error', 'Error: predictionsServices.buildChatflow - 500 the model went away'),
        { kind: 'tokens', tokens: answerTokens(10).slice(5) },
        metadata(c),
        END,
      ),
  },
  'duplicate-end': {
    description: 'a whole answer, then a second end event',
    reply: (c) => {
      const answer = chatAnswer(c);
      return answer.kind === 'stream' ? stream(...answer.steps, END) : answer;
    },
  },
  'huge-token': {
    description: 'start, one token of 1 MiB, a normal token, end',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: [HUGE_TOKEN, ' THE END'] }, metadata(c), END),
  },
  trickle: {
    description: 'a 250-token answer written one byte per chunk (over 10,000 chunks)',
    reply: (c) => {
      const events = [encodeEvent('start', ''), ...answerTokens(250).map((t) => encodeEvent('token', t))];
      return stream({ kind: 'trickle', text: events.join('') }, metadata(c), END);
    },
  },
  'invalid-utf8': {
    description: 'a token with invalid UTF-8 bytes among good tokens (decoded as U+FFFD, the stream goes on)',
    reply: (c) =>
      stream(
        ev('start', ''),
        { kind: 'tokens', tokens: answerTokens(5) },
        { kind: 'raw', text: 'message:\ndata:{"event":"token","data":" caf' },
        { kind: 'bytes', bytes: [0xc3, 0x28, 0xff, 0xfe] },
        { kind: 'raw', text: '"}\n\n' },
        { kind: 'tokens', tokens: [' and', ' more.'] },
        metadata(c),
        END,
      ),
  },
  'sse-fields': {
    description: 'events carrying id: and retry: fields (a client must not reconnect on them)',
    reply: (c) =>
      stream(
        { kind: 'raw', text: 'retry: 10\n\n' },
        ...[encodeEvent('start', ''), ...answerTokens(c.tokens).map((t) => encodeEvent('token', t))].map(
          (event, i): Step => ({ kind: 'raw', text: `id: ${i + 1}\nretry: 10\n${event}` }),
        ),
        metadata(c),
        END,
      ),
  },
  long: {
    description: 'a long answer (default 5,000 tokens) with a markdown list item every 60 tokens',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: longAnswerTokens(c.tokens) }, metadata(c), END),
  },
};
