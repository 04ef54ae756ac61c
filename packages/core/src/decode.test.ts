import { redactSecrets } from './redact.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, eventFromPayload } from './decode.js';
import type { FlowiseEvent } from './events.js';
import { encodeEvents, wireEvent } from './test-support/arbitraries.js';
import { parseChunks, splitAt } from './test-support/events.js';
import { PAYLOAD, expectWellFormed, eventName, dataText, knownEvent, viaJson } from './test-support/decode-contract.js';

const encoder = new TextEncoder();

/** Unseeded on a developer's machine (a failure prints its seed to replay); seeded in CI, so a rare counterexample cannot fail a landing at random. */
const seeded = process.env.CI ? { seed: 20261202 } : {};

describe('decode', () => {
  it('reads the data-only JSON envelope Flowise writes', () => {
    expect(decode({ event: '', data: '{"event":"token","data":"Hi"}' })).toEqual({ type: 'token', data: 'Hi' });
    expect(decode({ event: '', data: '{"event":"end","data":"[DONE]"}' })).toEqual({ type: 'end', data: '[DONE]' });
  });

  it('reads the named-event form the public docs show', () => {
    expect(decode({ event: 'token', data: 'Once upon a time' })).toEqual({ type: 'token', data: 'Once upon a time' });
    expect(decode({ event: 'sourceDocuments', data: '[{"pageContent":"p","metadata":{}}]' })).toEqual({
      type: 'sourceDocuments',
      data: [{ pageContent: 'p', metadata: {} }],
    });
    expect(decode({ event: 'metadata', data: 'not json' })).toMatchObject({ type: 'malformed' });
  });

  it('skips the empty dispatch after a heartbeat comment', () => {
    expect(decode({ event: '', data: '' })).toBeUndefined();
  });

  it('keeps unknown and custom events, never drops them', () => {
    expect(decode({ event: '', data: '{"event":"myCustom","data":{"a":1}}' })).toEqual({
      type: 'unknown',
      name: 'myCustom',
      data: { a: 1 },
    });
    expect(decode({ event: 'progress', data: '50%' })).toEqual({ type: 'unknown', name: 'progress', data: '50%' });
    // a custom event named like one of our own discriminants cannot be confused with it
    expect(decode({ event: '', data: '{"event":"malformed","data":1}' })).toEqual({
      type: 'unknown',
      name: 'malformed',
      data: 1,
    });
  });

  it('turns broken input into a malformed event with a reason, never a throw', () => {
    expect(decode({ event: '', data: '{"event":"token","data":"oops' })).toMatchObject({
      type: 'malformed',
      reason: 'data is not valid JSON',
    });
    expect(decode({ event: '', data: '[1,2]' })).toMatchObject({ type: 'malformed' });
    expect(decode({ event: '', data: '{"event":"token","data":5}' })).toMatchObject({
      type: 'malformed',
      reason: '"token" data is not a string',
    });
    expect(decode({ event: '', data: '{"event":"usedTools","data":{}}' })).toMatchObject({
      type: 'malformed',
      reason: '"usedTools" data is not an array',
    });
    expect(decode({ event: '', data: '{"event":"metadata","data":[]}' })).toMatchObject({ type: 'malformed' });
  });

  it('keeps the thinking duration that sits beside data in the envelope', () => {
    expect(decode({ event: '', data: '{"event":"thinking","data":"","duration":3}' })).toEqual({
      type: 'thinking',
      data: '',
      duration: 3,
    });
  });

  it('makes sources and tool calls safe to render', () => {
    expect(decode({ event: '', data: '{"event":"sourceDocuments","data":[{"pageContent":7},"x",null]}' })).toEqual({
      type: 'sourceDocuments',
      data: [
        { pageContent: '', metadata: {} },
        { pageContent: 'x', metadata: {} },
        { pageContent: '', metadata: {} },
      ],
    });
    expect(
      decode({
        event: '',
        data: '{"event":"usedTools","data":[{"tool":"calc","toolInput":{"a":1},"toolOutput":"2"}]}',
      }),
    ).toEqual({
      type: 'usedTools',
      data: [{ tool: 'calc', toolInput: { a: 1 }, toolOutput: '2' }],
    });
  });

  it('normalises followUpPrompts to an array (JSON answers send a JSON-encoded string)', () => {
    expect(
      decode({ event: '', data: JSON.stringify({ event: 'metadata', data: { followUpPrompts: '["a","b"]' } }) }),
    ).toEqual({
      type: 'metadata',
      data: { followUpPrompts: ['a', 'b'] },
    });
    expect(
      decode({
        event: '',
        data: JSON.stringify({ event: 'metadata', data: { followUpPrompts: 'nope', chatId: 'c' } }),
      }),
    ).toEqual({
      type: 'metadata',
      data: { chatId: 'c' },
    });
  });
});

describe('decode on arbitrary messages (property)', () => {
  it('never throws, and returns a well-formed event (undefined only for an empty envelope)', () => {
    fc.assert(
      fc.property(eventName, dataText, (event, data) => {
        const decoded = decode({ event, data });
        const isEnvelope = event === '' || event === 'message';
        if (isEnvelope && data === '') {
          expect(decoded).toBeUndefined();
          return;
        }
        expect(decoded).toBeDefined();
        const got = decoded!;
        expectWellFormed(got);
        if (got.type === 'malformed') {
          // keeps what was received, cut to 500 characters
          expect(got.raw).toBe(data.length > 500 ? `${data.slice(0, 500)}…` : data);
        } else {
          // keeps the name the envelope or the `event:` line gave
          const name = got.type === 'unknown' ? got.name : got.type;
          expect(name).toBe(isEnvelope ? (JSON.parse(data) as { event: unknown }).event : event);
        }
      }),
      { numRuns: 2000, ...seeded },
    );
  });

  it('gives back every known event and its data, from the envelope and from the named form', () => {
    fc.assert(
      fc.property(fc.oneof(knownEvent, wireEvent), (event) => {
        const { type, ...rest } = event;
        const wire = type === 'unknown' ? { event: event.name, data: event.data } : { event: type, ...rest };
        // Decoding redacts secret-looking values (the generated data has keys such as `token`).
        const redacted = (e: FlowiseEvent) =>
          'data' in e && typeof e.data !== 'string' ? ({ ...e, data: redactSecrets(e.data) } as FlowiseEvent) : e;
        expect(decode({ event: '', data: JSON.stringify(wire) })).toEqual(viaJson(redacted(event)));
        if (type === 'unknown' || type === 'malformed') return;
        // The named form has no room for fields beside data (thinking's duration).
        const data = (event as { data: unknown }).data;
        const named = decode({
          event: type,
          data: PAYLOAD[type] === 'string' ? (data as string) : JSON.stringify(data),
        });
        expect(named).toEqual(viaJson(redacted({ type, data } as FlowiseEvent)));
      }),
      { numRuns: 1000, ...seeded },
    );
  });
});

describe('the token fast path (property)', () => {
  it('reads a token envelope as JSON.parse does, whatever its text (escapes, quotes, control characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (text, spliced) => {
        // Spliced: the text put between the quotes as it is, so it may end the string early, or not be JSON at all.
        const data = spliced ? `{"event":"token","data":"${text}"}` : JSON.stringify({ event: 'token', data: text });
        const decoded = decode({ event: '', data });
        let parsed: { event: string; data: unknown } | undefined;
        try {
          parsed = JSON.parse(data) as { event: string; data: unknown };
        } catch {
          expect(decoded?.type).toBe('malformed');
          return;
        }
        expect(decoded).toEqual(eventFromPayload(parsed.event, parsed.data, parsed, data));
        if (!spliced) expect(decoded).toEqual({ type: 'token', data: text });
      }),
      { numRuns: 5000, ...seeded },
    );
  });
});

describe('the SSE byte pipeline', () => {
  it('ignores comments, id and retry fields, and accepts the old "message" line without a colon', () => {
    const text =
      ':heartbeat\n\nid: 7\nretry: 10\nmessage:\ndata:{"event":"token","data":"a"}\n\nmessage\ndata:{"event":"end","data":"[DONE]"}\n\n';
    expect(parseChunks([encoder.encode(text)])).toEqual([
      { type: 'token', data: 'a' },
      { type: 'end', data: '[DONE]' },
    ]);
  });

  it('does not dispatch an unterminated last message', () => {
    expect(parseChunks([encoder.encode('message:\ndata:{"event":"token","data":"a"}\n')])).toEqual([]);
  });
});

/** Events whose JSON form round-trips exactly (what decode must reproduce). */
describe('decoding is independent of how the bytes are chunked (property)', () => {
  it('yields the same events for any split, inside lines, CRLF pairs and UTF-8 characters', () => {
    fc.assert(
      fc.property(
        fc.array(wireEvent, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 30 }),
        (events, newline, cuts) => {
          const bytes = encodeEvents(events, newline);
          const chunks = splitAt(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          );
          const decoded = parseChunks(chunks);
          expect(decoded).toEqual(
            events.map((e) => (e.type === 'unknown' ? { ...e, data: JSON.parse(JSON.stringify(e.data)) } : e)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('turns arbitrary bytes into well-formed events only', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), (chunks) => {
        for (const event of parseChunks(chunks)) expectWellFormed(event);
      }),
      { numRuns: 1000, ...seeded },
    );
  });
});
