import { describe, expect, it } from 'vitest';
import { redactWire } from './redact-wire.js';

describe('redactWire', () => {
  it('redacts secret keys in data lines and the API key anywhere, leaving other lines byte for byte', () => {
    const wire =
      'message:\ndata:{"event":"token","data":"the key is KEY-1234-abcd"}\n\n' +
      'message:\ndata:{"event":"agentFlowExecutedData","data":[{"data":{"input":{"openAIApiKey":"sk-x"}}}]}\n\n' +
      ':heartbeat KEY-1234-abcd\n';
    const out = redactWire(wire, 'KEY-1234-abcd');
    expect(out).not.toContain('KEY-1234-abcd');
    expect(out).not.toContain('sk-x');
    expect(out).toContain('"openAIApiKey":"[redacted]"');
    expect(out.split('\n')[0]).toBe('message:');
    expect(out).toContain(':heartbeat [redacted]');
  });

  it('redacts a whole JSON answer as one document', () => {
    const body = JSON.stringify({ text: 'hi', agentFlowExecutedData: [{ data: { apiKey: 'sk-y' } }] }, null, 2);
    const out = redactWire(body, undefined);
    expect(out).not.toContain('sk-y');
    expect(JSON.parse(out)).toMatchObject({ text: 'hi', agentFlowExecutedData: [{ data: { apiKey: '[redacted]' } }] });
    expect(redactWire('{"text":"no secrets here"}', undefined)).toBe('{"text":"no secrets here"}');
  });
});
