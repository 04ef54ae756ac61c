/** A node to lay out: its id and the ids of the nodes it ran after. */
export interface FlowLayoutInput {
  /** Unique; a repeated id is placed once, at its first occurrence. */
  id: string;
  /** Ids of the nodes it follows; unknown ids are ignored. */
  previousIds: readonly string[];
}

/** Where a node goes: its layer (0 for start nodes) and its place in that layer. */
export interface FlowLayoutNode {
  /** The node's id. */
  id: string;
  /** The longest path from a start node to this one. */
  layer: number;
  /** Its position in the layer, from 0. */
  index: number;
}

/** An edge kept by the layout: always from a lower layer to a higher one. */
export interface FlowLayoutEdge {
  /** The earlier node's id. */
  from: string;
  /** The later node's id. */
  to: string;
}

/** A layered layout of a run's nodes. */
export interface FlowLayout {
  /** One entry per distinct input id, in input order. */
  nodes: FlowLayoutNode[];
  /** Edges between placed nodes; an edge that would close a cycle (a loop back) is left out. */
  edges: FlowLayoutEdge[];
  /** How many nodes each layer holds. */
  layerSizes: number[];
}

/**
 * Lays an executed flow out in layers: a node's layer is the longest path to it from a node with no (known)
 * previous node; nodes of a layer sit side by side, ordered by where their previous nodes sit (fewer crossings),
 * then by input order. Total: cycles and missing previous nodes never throw.
 */
export function layoutFlow(input: readonly FlowLayoutInput[]): FlowLayout {
  const first = new Map<string, FlowLayoutInput>();
  for (const node of input) if (!first.has(node.id)) first.set(node.id, node);
  const previous = new Map<string, string[]>();
  for (const [id, node] of first) {
    previous.set(
      id,
      [...new Set(node.previousIds)].filter((p) => p !== id && first.has(p)),
    );
  }

  const loopBacks = findLoopBacks(previous);
  const layers = new Map<string, number>();
  const layerOf = (id: string): number => {
    let layer = layers.get(id);
    if (layer !== undefined) return layer;
    layer = 0;
    for (const p of previous.get(id)!) if (!loopBacks.has(`${p}\n${id}`)) layer = Math.max(layer, layerOf(p) + 1);
    layers.set(id, layer);
    return layer;
  };
  for (const id of previous.keys()) layerOf(id);

  const edges: FlowLayoutEdge[] = [];
  for (const [to, froms] of previous) {
    for (const from of froms) if (layers.get(from)! < layers.get(to)!) edges.push({ from, to });
  }

  const order = orderLayers([...previous.keys()], layers, edges);
  const nodes = [...previous.keys()].map((id) => ({ id, layer: layers.get(id)!, index: order.get(id)! }));
  const layerSizes: number[] = [];
  for (const node of nodes) layerSizes[node.layer] = (layerSizes[node.layer] ?? 0) + 1;
  return { nodes, edges, layerSizes: Array.from(layerSizes, (size) => size ?? 0) };
}

/** Each node's index in its layer: by the mean index of its previous nodes (barycentre), ties by input order. */
function orderLayers(ids: string[], layers: Map<string, number>, edges: FlowLayoutEdge[]): Map<string, number> {
  const byLayer: string[][] = [];
  for (const id of ids) (byLayer[layers.get(id)!] ??= []).push(id);
  const index = new Map<string, number>();
  const inputOrder = new Map(ids.map((id, i) => [id, i]));
  for (const layer of byLayer) {
    if (!layer) continue;
    const weight = (id: string) => {
      const parents = edges.filter((e) => e.to === id).map((e) => index.get(e.from)!);
      return parents.length ? parents.reduce((a, b) => a + b, 0) / parents.length : -1;
    };
    const weights = new Map(layer.map((id) => [id, weight(id)]));
    layer
      .slice()
      .sort((a, b) => weights.get(a)! - weights.get(b)! || inputOrder.get(a)! - inputOrder.get(b)!)
      .forEach((id, i) => index.set(id, i));
  }
  return index;
}

/**
 * The edges that close a cycle (as `from\nto`), found walking forward from the nodes in input order: the edge back
 * to a node still on the walk is the loop's return, so an earlier node stays before a later one.
 */
function findLoopBacks(previous: Map<string, string[]>): Set<string> {
  const next = new Map<string, string[]>([...previous.keys()].map((id) => [id, []]));
  for (const [to, froms] of previous) for (const from of froms) next.get(from)!.push(to);
  const state = new Map<string, 'open' | 'done'>();
  const loopBacks = new Set<string>();
  const walk = (id: string) => {
    state.set(id, 'open');
    for (const to of next.get(id)!) {
      if (state.get(to) === 'open') loopBacks.add(`${id}\n${to}`);
      else if (!state.has(to)) walk(to);
    }
    state.set(id, 'done');
  };
  for (const id of previous.keys()) if (!state.has(id)) walk(id);
  return loopBacks;
}
