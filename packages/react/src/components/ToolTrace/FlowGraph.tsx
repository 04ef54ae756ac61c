import type { AgentFlowState } from '@flowise-kit/core';
import { useId, useMemo } from 'react';
import { flowGraphNodes, formatDuration, type FlowGraphNode } from './flowGraph.js';
import { layoutFlow } from './flowLayout.js';
import { useLabels } from '../../labels.js';
import './FlowGraph.css';

// Box and gap sizes in CSS pixels; the boxes are positioned, so the graph has a fixed size and scrolls in its frame.
const BOX_WIDTH = 156;
const BOX_HEIGHT = 52;
const GAP_X = 18;
const GAP_Y = 30;

/**
 * The executed nodes of an agentflow run as a small layered graph, top to bottom: one box per node (label, status,
 * duration when Flowise recorded one), arrows from the nodes each ran after. The boxes are an ordered list in run
 * order, each saying what it followed, so a screen reader reads the graph as text; the arrows are decoration.
 */
export function FlowGraph({ flow }: { flow: AgentFlowState | undefined }) {
  const markerId = `fk-flow-arrow-${useId().replace(/:/g, '')}`;
  const labels = useLabels();
  const graph = useMemo(() => {
    const nodes = flowGraphNodes(flow);
    const layout = layoutFlow(nodes);
    const columns = Math.max(1, ...layout.layerSizes);
    const width = columns * (BOX_WIDTH + GAP_X) - GAP_X;
    const height = layout.layerSizes.length * (BOX_HEIGHT + GAP_Y) - GAP_Y;
    const at = new Map(
      layout.nodes.map((placed) => {
        const size = layout.layerSizes[placed.layer]!;
        const offset = (width - (size * (BOX_WIDTH + GAP_X) - GAP_X)) / 2;
        return [placed.id, { x: offset + placed.index * (BOX_WIDTH + GAP_X), y: placed.layer * (BOX_HEIGHT + GAP_Y) }];
      }),
    );
    const byId = new Map(nodes.map((node) => [node.id, node]));
    return { nodes, edges: layout.edges, at, byId, width, height };
  }, [flow]);
  if (graph.nodes.length === 0) return null;
  const { width, height, at, byId } = graph;
  return (
    <div className="fk-flow-graph" role="region" aria-label={labels.flowGraph} tabIndex={0}>
      <div className="fk-flow-graph__canvas" style={{ width, height }}>
        <svg className="fk-flow-graph__edges" width={width} height={height} aria-hidden="true">
          <defs>
            <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" fill="currentColor" />
            </marker>
          </defs>
          {graph.edges.map(({ from, to }) => {
            const a = at.get(from)!;
            const b = at.get(to)!;
            const x1 = a.x + BOX_WIDTH / 2;
            const y1 = a.y + BOX_HEIGHT;
            const x2 = b.x + BOX_WIDTH / 2;
            const y2 = b.y - 1;
            const bend = (y2 - y1) / 2;
            const guessed = byId.get(to)!.inferred;
            return (
              <path
                key={`${from}→${to}`}
                fill="none"
                stroke="currentColor"
                strokeWidth={1.5}
                strokeDasharray={guessed ? '4 3' : undefined}
                d={`M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`}
                markerEnd={`url(#${markerId})`}
              />
            );
          })}
        </svg>
        <ol className="fk-tool-trace__list">
          {graph.nodes.map((node) => (
            <GraphNode key={node.id} node={node} position={at.get(node.id)!} byId={byId} />
          ))}
        </ol>
      </div>
    </div>
  );
}

function GraphNode({
  node,
  position,
  byId,
}: {
  node: FlowGraphNode;
  position: { x: number; y: number };
  byId: Map<string, FlowGraphNode>;
}) {
  // A running node's previous node is only a guess: the text alternative does not claim it.
  const after = node.inferred ? [] : node.previousIds.flatMap((id) => byId.get(id)?.label ?? []);
  return (
    <li
      className={`fk-flow-node fk-status--${node.status}`}
      style={{ left: position.x, top: position.y, width: BOX_WIDTH, height: BOX_HEIGHT }}
    >
      <span className="fk-flow-node__label" title={node.label}>
        {node.label}
      </span>
      <span className="fk-flow-node__meta">
        <span className={`fk-status fk-status--${node.status}`}>{node.status}</span>
        {node.durationMs !== undefined ? <span>{formatDuration(node.durationMs)}</span> : null}
      </span>
      {after.length > 0 ? <span className="fk-sr-only">, after {after.join(' and ')}</span> : null}
    </li>
  );
}
