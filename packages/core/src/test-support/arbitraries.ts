/** fast-check arbitraries shared by the parser, reducer and fuzz properties. */
import fc from 'fast-check';
import type { FlowiseEvent, SourceDocument } from '../events.js';

const encoder = new TextEncoder();

/** Events as Flowise puts them on the wire (what decode must give back exactly). */
export const wireEvent: fc.Arbitrary<FlowiseEvent> = fc.oneof(
  fc.record({ type: fc.constant('token' as const), data: fc.string({ unit: 'grapheme' }) }),
  fc.record({ type: fc.constant('start' as const), data: fc.string({ unit: 'grapheme', maxLength: 5 }) }),
  fc.record({ type: fc.constant('error' as const), data: fc.string() }),
  fc.record({ type: fc.constant('end' as const), data: fc.constant('[DONE]') }),
  fc.record({ type: fc.constant('agentFlowEvent' as const), data: fc.constantFrom('INPROGRESS', 'FINISHED') }),
  fc.record({
    type: fc.constant('sourceDocuments' as const),
    data: fc.array(
      fc.record({ pageContent: fc.string({ unit: 'grapheme' }), metadata: fc.dictionary(fc.string(), fc.string()) }),
    ),
  }),
  fc.record({
    type: fc.constant('unknown' as const),
    name: fc.constantFrom('custom', 'progress', 'x-y'),
    data: fc.jsonValue().filter((v) => v !== null),
  }),
);

/** Flowise's framing for events, with heartbeat comments between them, in the given line ending. */
export function encodeEvents(events: readonly FlowiseEvent[], newline: string): Uint8Array {
  const text = events
    .map((e) => {
      const name = e.type === 'unknown' ? e.name : e.type;
      const data = 'data' in e ? e.data : undefined;
      return `message:${newline}data:${JSON.stringify({ event: name, data })}${newline}${newline}`;
    })
    .join(`:heartbeat${newline}${newline}`);
  return encoder.encode(text);
}

/** Any decoded event, tokens weighted up, including the ones a stream should not send (malformed, unknown). */
export const anyEvent: fc.Arbitrary<FlowiseEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('token' as const), data: fc.string() }) },
  fc.record({ type: fc.constant('start' as const), data: fc.string({ maxLength: 3 }) }),
  fc.record({ type: fc.constant('end' as const), data: fc.constant('[DONE]') }),
  fc.record({ type: fc.constant('error' as const), data: fc.string() }),
  fc.record({ type: fc.constant('abort' as const), data: fc.constant('[DONE]') }),
  fc.record({ type: fc.constant('metadata' as const), data: fc.record({ chatId: fc.string({ minLength: 1 }) }) }),
  fc.record({ type: fc.constant('sourceDocuments' as const), data: fc.constant([] as SourceDocument[]) }),
  fc.record({ type: fc.constant('malformed' as const), raw: fc.string(), reason: fc.string() }),
  fc.record({ type: fc.constant('unknown' as const), name: fc.string(), data: fc.jsonValue() }),
  // Auto-played speech, its abort naming this answer's speech or another's.
  fc.record({
    type: fc.constantFrom('tts_start' as const, 'tts_data' as const, 'tts_abort' as const),
    data: fc.record({ chatMessageId: fc.constantFrom('m1', 'm2') }),
  }),
  fc.record({
    type: fc.constant('nextAgentFlow' as const),
    data: fc.record({
      nodeId: fc.constantFrom('a', 'b'),
      nodeLabel: fc.constant('N'),
      status: fc.constantFrom('INPROGRESS', 'FINISHED'),
    }),
  }),
);

/** The answer statuses each status may move to: forward only. */
export const LEGAL_NEXT: Record<string, string[]> = {
  submitted: ['submitted', 'streaming', 'done', 'error', 'aborted'],
  streaming: ['streaming', 'done', 'error', 'aborted'],
  done: ['done'],
  error: ['error'],
  aborted: ['aborted'],
};

/** Pieces a hostile or broken server might write: SSE syntax, Flowise envelopes, halves of them, garbage. */
export const hostilePiece: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 24 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(wireEvent, { maxLength: 3 })
      .chain((events) => fc.constantFrom('\n', '\r\n', '\r').map((nl) => encodeEvents(events, nl))),
  },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(
        'data:',
        'data: ',
        'event: token\n',
        'message:\n',
        ':heartbeat\n\n',
        'id: 7\n',
        'retry: 1\n',
        '\n',
        '\r\n',
        '\r',
        '{"event":"token","data":"',
        '{"event":"end","data":"[DONE]"}',
        '{"event":"error","data":"boom"}',
        '{"event":"start","data":"x"}',
        '{"event":"metadata","data":{"chatId":"c"}}',
        '{"event":"sourceDocuments","data":[{"pageContent":1}]}',
        '"}\n\n',
        '\u0000',
        '\uFFFD',
        '🦊',
      )
      .map((text) => encoder.encode(text)),
  },
);
