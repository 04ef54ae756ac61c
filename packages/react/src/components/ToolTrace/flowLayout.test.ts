import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutFlow, type FlowLayoutInput } from './flowLayout.js';

const place = (input: FlowLayoutInput[]) =>
  Object.fromEntries(layoutFlow(input).nodes.map((n) => [n.id, [n.layer, n.index]]));

describe('layoutFlow', () => {
  it('puts a linear run one node per layer', () => {
    const layout = layoutFlow([
      { id: 'start', previousIds: [] },
      { id: 'llm', previousIds: ['start'] },
      { id: 'reply', previousIds: ['llm'] },
    ]);
    expect(layout.layerSizes).toEqual([1, 1, 1]);
    expect(layout.edges).toEqual([
      { from: 'start', to: 'llm' },
      { from: 'llm', to: 'reply' },
    ]);
  });

  it('places a node after the longest path to it, branches side by side', () => {
    expect(
      place([
        { id: 's', previousIds: [] },
        { id: 'a', previousIds: ['s'] },
        { id: 'b', previousIds: ['s'] },
        { id: 'b2', previousIds: ['b'] },
        { id: 'join', previousIds: ['a', 'b2'] },
      ]),
    ).toEqual({ s: [0, 0], a: [1, 0], b: [1, 1], b2: [2, 0], join: [3, 0] });
  });

  it('orders a layer by where the previous nodes sit', () => {
    const layout = place([
      { id: 'x', previousIds: [] },
      { id: 'y', previousIds: [] },
      { id: 'fromY', previousIds: ['y'] },
      { id: 'fromX', previousIds: ['x'] },
    ]);
    expect(layout.fromX).toEqual([1, 0]);
    expect(layout.fromY).toEqual([1, 1]);
  });

  it('leaves out the edge that closes a loop and ignores unknown or repeated nodes', () => {
    const layout = layoutFlow([
      { id: 'a', previousIds: ['c', 'ghost'] },
      { id: 'b', previousIds: ['a', 'a', 'b'] },
      { id: 'c', previousIds: ['b'] },
      { id: 'b', previousIds: ['c'] },
    ]);
    expect(layout.nodes.map((n) => [n.id, n.layer])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(layout.edges).toHaveLength(2);
  });

  it('places every node once, edges only forward, never throws (property)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const nodes = fc.array(
      fc.record({ id: ids, previousIds: fc.array(fc.oneof(ids, fc.string()), { maxLength: 4 }) }),
      {
        maxLength: 24,
      },
    );
    fc.assert(
      fc.property(nodes, (input) => {
        const layout = layoutFlow(input);
        const distinct = [...new Set(input.map((n) => n.id))];
        expect(layout.nodes.map((n) => n.id)).toEqual(distinct);
        const at = new Map(layout.nodes.map((n) => [n.id, n]));
        for (const edge of layout.edges) expect(at.get(edge.from)!.layer).toBeLessThan(at.get(edge.to)!.layer);
        // No two nodes share a slot, and a layer's indexes run 0..size-1.
        const slots = new Set(layout.nodes.map((n) => `${n.layer}:${n.index}`));
        expect(slots.size).toBe(layout.nodes.length);
        layout.nodes.forEach((n) => expect(n.index).toBeLessThan(layout.layerSizes[n.layer]!));
        // A node after layer 0 has a kept edge from the layer just before (the longest path).
        for (const n of layout.nodes.filter((node) => node.layer > 0)) {
          expect(layout.edges.some((e) => e.to === n.id && at.get(e.from)!.layer === n.layer - 1)).toBe(true);
        }
      }),
    );
  });
});
