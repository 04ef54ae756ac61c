import { describe, expect, it } from 'vitest';
import { flowGraphNodes, formatDuration } from './flowGraph.js';

describe('flowGraphNodes', () => {
  it('takes edges and durations from the executed data and the freshest status from the timeline', () => {
    const nodes = flowGraphNodes({
      status: 'INPROGRESS',
      nodes: [
        { nodeId: 's', nodeLabel: 'Start', status: 'FINISHED' },
        { nodeId: 'llm', nodeLabel: 'Writer', status: 'ERROR' },
        { nodeId: 'next', nodeLabel: '', status: 'INPROGRESS' },
      ],
      executedData: [
        { nodeId: 's', nodeLabel: 'Start', previousNodeIds: [], status: 'FINISHED', data: {} },
        {
          nodeId: 'llm',
          nodeLabel: 'Writer',
          previousNodeIds: ['s'],
          status: 'INPROGRESS',
          data: { output: { timeMetadata: { start: 1, end: 363, delta: 362 } } },
        },
      ],
    });
    expect(nodes).toEqual([
      { id: 's', label: 'Start', status: 'finished', previousIds: [], inferred: false },
      { id: 'llm', label: 'Writer', status: 'error', previousIds: ['s'], inferred: false, durationMs: 362 },
      { id: 'next', label: 'next', status: 'inprogress', previousIds: ['llm'], inferred: true },
    ]);
  });

  it('ignores timing it cannot read and is empty without a flow', () => {
    expect(flowGraphNodes(undefined)).toEqual([]);
    const [node] = flowGraphNodes({
      nodes: [],
      executedData: [
        { nodeId: 'a', nodeLabel: 'A', previousNodeIds: [], status: 'FINISHED', data: { output: 'text' } },
      ],
    });
    expect(node).not.toHaveProperty('durationMs');
  });
});

describe('formatDuration', () => {
  it('reads as milliseconds, seconds or minutes', () => {
    expect(formatDuration(362)).toBe('362 ms');
    expect(formatDuration(1840)).toBe('1.8 s');
    expect(formatDuration(30_250)).toBe('30 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
