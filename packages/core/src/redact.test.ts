import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecording } from './test-support/recordings.js';
import { REDACTED, isSecretKey, redactSecretText, redactSecrets, redactText } from './redact.js';
import { useMockStores } from './test-support/mock-stores.js';
import { parseChunks } from './test-support/events.js';

const { chat } = useMockStores({ rate: 0 });

describe('redaction', () => {
  it('recognises secret-looking keys and leaves ordinary ones', () => {
    for (const key of [
      'apiKey',
      'openAIApiKey',
      'api_key',
      'password',
      'token',
      'accessToken',
      'access_token',
      'Authorization',
      'secret',
      'credential',
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['input_tokens', 'total_tokens', 'tokens', 'question', 'modelName', 'keyName']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('decoding removes the API key Flowise echoes in agentFlowExecutedData, so no event ever holds it', () => {
    const wire = readRecording('agentflow-stream').body;
    expect(new TextDecoder().decode(wire)).toContain('sk-fake');
    const events = parseChunks([wire]);
    expect(JSON.stringify(events)).not.toContain('sk-fake');
    expect(JSON.stringify(events)).toContain(REDACTED);
  });

  it('the store, its callbacks and its saved state never see it either', async () => {
    const seen: unknown[] = [];
    const store = chat('fixture-agentflow-stream', { onEvent: (event) => seen.push(event) });
    await store.send('Hi');
    expect(store.getState().messages.at(-1)).toMatchObject({ status: 'done' });
    expect(seen.length).toBeGreaterThan(5);
    expect(JSON.stringify(seen)).not.toContain('sk-fake');
    expect(JSON.stringify(store.getState())).not.toContain('sk-fake');
    expect(JSON.stringify(store.getState())).toContain(REDACTED);
  });

  it('redacts secret-looking pairs in text that is not JSON (a malformed event kept as a diagnostic)', () => {
    const text = '{"event":"agentFlowExecutedData","data":[{"openAIApiKey":"sk-live-1","model":"gpt","token":"t0k"}';
    expect(redactSecretText(text)).toBe(
      `{"event":"agentFlowExecutedData","data":[{"openAIApiKey":"${REDACTED}","model":"gpt","token":"${REDACTED}"}`,
    );
    const [event] = parseChunks([new TextEncoder().encode(`data:${text}\n\n`)]);
    expect(event).toMatchObject({ type: 'malformed' });
    expect(JSON.stringify(event)).not.toContain('sk-live-1');
  });

  it('property: on JSON text, redactSecretText agrees with redactSecrets on the parsed value (string values)', () => {
    const key = fc.oneof(
      fc.constantFrom('apiKey', 'openAIApiKey', 'password', 'accessToken', 'model', 'tokens'),
      fc.string(),
    );
    const value = fc.dictionary(key, fc.string(), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 }), (objects) => {
        const text = JSON.stringify(objects);
        expect(JSON.parse(redactSecretText(text))).toEqual(redactSecrets(objects).map((o) => ({ ...o })));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles cycles and replaces a secret inside text', () => {
    const value: Record<string, unknown> = { a: 1 };
    value.self = value;
    expect(redactSecrets(value)).toMatchObject({ a: 1 });
    expect(redactText('key sk-12345 leaked', 'sk-12345')).toBe(`key ${REDACTED} leaked`);
  });

  it('keeps a "__proto__" key of parsed JSON as a property, never as the copy\'s prototype', () => {
    const copy = redactSecrets(JSON.parse('{"__proto__":{"polluted":true},"a":1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });
});
