/** decode's contract as data and generators, for decode.test.ts: the payload of each event, and messages as they come. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { KNOWN_EVENT_NAMES, type FlowiseEvent, type KnownEventName } from '../events.js';

/** The payload each known event carries once decoded: the {@link FlowiseEvent} union as a table. */
export const PAYLOAD = {
  start: 'string',
  token: 'string',
  thinking: 'string',
  nextAgent: 'string',
  agentFlowEvent: 'string',
  error: 'string',
  abort: 'string',
  end: 'string',
  sourceDocuments: 'array',
  usedTools: 'array',
  calledTools: 'array',
  fileAnnotations: 'array',
  agentReasoning: 'array',
  agentFlowExecutedData: 'array',
  artifacts: 'array',
  nextAgentFlow: 'object',
  action: 'object',
  usageMetadata: 'object',
  metadata: 'object',
  tts_start: 'object',
  tts_data: 'object',
  tts_end: 'object',
  tts_abort: 'object',
  executionEnd: 'object',
  tool: 'any',
} as const satisfies Record<KnownEventName, 'string' | 'array' | 'object' | 'any'>;

export const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One event of the catalogue, `unknown` with a name we do not know, or `malformed` with a reason; payloads safe to render. */
export function expectWellFormed(event: FlowiseEvent): void {
  if (event.type === 'malformed') {
    expect(typeof event.raw).toBe('string');
    expect(event.reason).toMatch(/\S/);
    return;
  }
  if (event.type === 'unknown') {
    expect(typeof event.name).toBe('string');
    expect(Object.hasOwn(PAYLOAD, event.name), `"${event.name}" is known, not unknown`).toBe(false);
    return;
  }
  const payload = (PAYLOAD as Record<string, string | undefined>)[event.type];
  expect(payload, `type "${event.type}" is not in the catalogue`).toBeDefined();
  const { data } = event as { data: unknown };
  if (payload === 'string') expect(typeof data).toBe('string');
  if (payload === 'array') expect(Array.isArray(data), `${event.type} data is an array`).toBe(true);
  if (payload === 'object') expect(isObject(data), `${event.type} data is an object`).toBe(true);
  if (event.type === 'thinking' && 'duration' in event) expect(typeof event.duration).toBe('number');
  if (event.type === 'sourceDocuments')
    for (const doc of event.data) expect(typeof doc.pageContent === 'string' && isObject(doc.metadata)).toBe(true);
  if (event.type === 'usedTools' || event.type === 'calledTools') {
    for (const call of event.data)
      expect(typeof call.tool === 'string' && (typeof call.toolInput === 'string' || isObject(call.toolInput))).toBe(
        true,
      );
  }
  if (event.type === 'metadata' && event.data.followUpPrompts !== undefined) {
    expect(event.data.followUpPrompts.every((p) => typeof p === 'string')).toBe(true);
  }
}

/** Event names as they come: Flowise's (none), the old `message`, every known one, our own discriminants, anything. */
export const eventName = fc.oneof(
  fc.constantFrom('', 'message'),
  fc.constantFrom(...KNOWN_EVENT_NAMES),
  fc.constantFrom('unknown', 'malformed', '__proto__', 'constructor'),
  fc.string(),
);
export const envelope = fc
  .record(
    { event: fc.oneof(eventName, fc.jsonValue()), data: fc.jsonValue(), duration: fc.jsonValue() },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));
/** `data:` text as it comes: any text (mostly invalid JSON), any JSON, envelopes whole and cut short, empty and huge. */
export const dataText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  envelope,
  envelope.chain((text) => fc.nat(text.length).map((end) => text.slice(0, end))),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '[]',
    '{}',
    '"token"',
    'x'.repeat(200_000),
    JSON.stringify({ event: 'token', data: 'a'.repeat(200_000) }),
  ),
);

export const text = fc.string({ unit: 'grapheme' });
export const record = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
export const sourceDocument = fc.record({ pageContent: text, metadata: record });
export const toolCall = fc.record(
  {
    tool: fc.string(),
    toolInput: fc.oneof(fc.string(), record),
    toolOutput: fc.string(),
    sourceDocuments: fc.array(sourceDocument, { maxLength: 2 }),
  },
  { requiredKeys: ['tool', 'toolInput', 'toolOutput'] },
);
/** Every known event with a payload already in the shape decode gives back. */
export const knownEvent: fc.Arbitrary<FlowiseEvent> = fc
  .constantFrom(...KNOWN_EVENT_NAMES)
  .chain((type): fc.Arbitrary<FlowiseEvent> => {
    const event = <T>(data: fc.Arbitrary<T>) =>
      fc.record({ type: fc.constant(type), data }) as fc.Arbitrary<FlowiseEvent>;
    if (type === 'thinking')
      return fc.record(
        { type: fc.constant(type), data: text, duration: fc.double({ noNaN: true, noDefaultInfinity: true }) },
        { requiredKeys: ['type', 'data'] },
      );
    if (type === 'sourceDocuments') return event(fc.array(sourceDocument, { maxLength: 3 }));
    if (type === 'usedTools' || type === 'calledTools') return event(fc.array(toolCall, { maxLength: 3 }));
    if (type === 'metadata')
      return event(
        fc.record(
          { chatId: fc.string(), followUpPrompts: fc.array(fc.string(), { maxLength: 3 }) },
          { requiredKeys: [] },
        ),
      );
    const payload = PAYLOAD[type];
    return event(
      payload === 'string'
        ? text
        : payload === 'array'
          ? fc.array(record, { maxLength: 3 })
          : payload === 'object'
            ? record
            : fc.jsonValue(),
    );
  });

/** What an event looks like after a trip through JSON (`-0` is `0`, undefined keys are gone). */
export const viaJson = (event: FlowiseEvent): FlowiseEvent => JSON.parse(JSON.stringify(event)) as FlowiseEvent;
