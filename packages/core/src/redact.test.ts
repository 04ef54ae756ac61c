import { describe, expect, it } from 'vitest';
import { readRecording } from './test-support/recordings.js';
import { REDACTED, isSecretKey, redactSecrets, redactText } from './redact.js';
import { parseChunks } from './test-support/events.js';

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

  it('removes the API key Flowise echoes in agentFlowExecutedData', () => {
    const events = parseChunks([readRecording('agentflow-stream').body]);
    expect(JSON.stringify(events)).toContain('sk-fake');
    const redacted = redactSecrets(events);
    expect(JSON.stringify(redacted)).not.toContain('sk-fake');
    expect(JSON.stringify(redacted)).toContain(REDACTED);
    expect(JSON.stringify(events)).toContain('sk-fake'); // the original is untouched
  });

  it('handles cycles and replaces a secret inside text', () => {
    const value: Record<string, unknown> = { a: 1 };
    value.self = value;
    expect(redactSecrets(value)).toMatchObject({ a: 1 });
    expect(redactText('key sk-12345 leaked', 'sk-12345')).toBe(`key ${REDACTED} leaked`);
  });
});
