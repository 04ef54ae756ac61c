import type { AgentFlowState } from '@flowise-kit/core';

/** A node of an agentflow run as the graph shows it. */
export interface FlowGraphNode {
  /** The node's id in the flow. */
  id: string;
  /** Its label on Flowise's canvas (the id when it has none). */
  label: string;
  /** Lower-case status: `inprogress`, `finished`, `stopped`, `error`, ... */
  status: string;
  /** Milliseconds the node worked, when Flowise recorded it (LLM and Agent nodes). */
  durationMs?: number;
  /** The nodes it ran after. */
  previousIds: string[];
  /**
   * Not in `agentFlowExecutedData` yet (it is running): its previous node is a guess, the node that started
   * before it.
   */
  inferred: boolean;
}

/**
 * The run's nodes from both agentflow events: edges and durations from the cumulative `agentFlowExecutedData`,
 * the freshest status from `nextAgentFlow`, and nodes that have started but are not in the executed data yet.
 * Order: the executed data's, then the rest as they started.
 */
export function flowGraphNodes(flow: AgentFlowState | undefined): FlowGraphNode[] {
  if (!flow) return [];
  const byId = new Map<string, FlowGraphNode>();
  for (const entry of flow.executedData) {
    const durationMs = durationOf(entry.data);
    const known = byId.get(entry.nodeId);
    // A node that ran again (a loop) keeps its first edges and shows its latest status and duration.
    byId.set(entry.nodeId, {
      id: entry.nodeId,
      label: entry.nodeLabel || entry.nodeId,
      status: entry.status.toLowerCase(),
      previousIds: known?.previousIds ?? entry.previousNodeIds ?? [],
      inferred: false,
      ...(durationMs !== undefined ? { durationMs } : {}),
    });
  }
  let before: string | undefined;
  for (const node of flow.nodes) {
    const known = byId.get(node.nodeId);
    const status = node.status.toLowerCase();
    if (known) known.status = status;
    else {
      const label = node.nodeLabel || node.nodeId;
      byId.set(node.nodeId, { id: node.nodeId, label, status, previousIds: before ? [before] : [], inferred: true });
    }
    before = node.nodeId;
  }
  return [...byId.values()];
}

function durationOf(data: Record<string, unknown> | undefined): number | undefined {
  const output = data?.output;
  if (!output || typeof output !== 'object') return undefined;
  const time = (output as { timeMetadata?: { delta?: unknown } }).timeMetadata;
  return typeof time?.delta === 'number' && time.delta >= 0 ? time.delta : undefined;
}

/** A duration for people: `850 ms`, `1.2 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
