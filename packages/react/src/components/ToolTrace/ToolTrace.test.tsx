import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TOOLS, answerEvents, replayStore } from '../../test-support/streams.js';
import { formatPayload } from './format.js';
import { ToolTrace } from './ToolTrace.js';

describe('ToolTrace', () => {
  it('lists used tools with input and output', async () => {
    const store = replayStore(answerEvents(2, [{ event: 'usedTools', data: TOOLS }]));
    render(<ToolTrace store={store} />);
    await act(() => store.send('Q'));
    expect(screen.getByText('calculator')).toBeTruthy();
    expect(screen.getByText('done')).toBeTruthy();
    expect(screen.getByText(/"input": "6\*7"/)).toBeTruthy();
    expect(screen.getByText('42')).toBeTruthy();
  });

  it('shows the agentflow timeline with node statuses and agent steps', async () => {
    const store = replayStore([
      { event: 'agentFlowEvent', data: 'INPROGRESS' },
      { event: 'nextAgentFlow', data: { nodeId: 's', nodeLabel: 'Start', status: 'FINISHED' } },
      { event: 'nextAgentFlow', data: { nodeId: 'l', nodeLabel: 'Writer', status: 'ERROR', error: 'Model failed' } },
      { event: 'agentReasoning', data: [{ agentName: 'Supervisor', messages: ['Ask the writer'], next: 'Writer' }] },
      { event: 'calledTools', data: [{ tool: 'search', toolInput: { q: 'fox' }, toolOutput: '' }] },
      { event: 'end', data: '[DONE]' },
    ]);
    render(<ToolTrace store={store} />);
    await act(() => store.send('Q'));
    expect(screen.getByText('Writer')).toBeTruthy();
    expect(screen.getByText('Model failed')).toBeTruthy();
    expect(screen.getByText('Supervisor')).toBeTruthy();
    expect(screen.getByText('→ Writer')).toBeTruthy();
    expect(screen.getByText('running…')).toBeTruthy();
  });

  it('caps long payloads and redacts secrets', () => {
    expect(formatPayload({ apiKey: 'sk-1', q: 'x' }).text).not.toContain('sk-1');
    const long = formatPayload('y'.repeat(5000), 100);
    expect(long.text).toHaveLength(100);
    expect(long.omitted).toBe(4900);
    expect(formatPayload('{"a":1}').text).toBe('{\n  "a": 1\n}');
  });
});
