/**
 * The parts the suite's flows are built from: Flowise's own JSON templates (`marketplaces/`), and the nodes, edges and
 * model settings that point a flow at the test model server (ChatOpenAI Custom with a base path and an inline key).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowiseAdmin } from './admin';
import { FLOWISE_DIR } from './flowise';

export interface FlowNode {
  id: string;
  data: Record<string, unknown> & {
    id: string;
    name: string;
    inputs: Record<string, unknown>;
    outputs?: Record<string, unknown>;
  };
  [key: string]: unknown;
}
export interface FlowEdge {
  source: string;
  target: string;
  sourceHandle?: string;
  targetHandle?: string;
  id?: string;
  [key: string]: unknown;
}
export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** The model every flow talks to. */
export const TEST_KEY = 'sk-interop-test-model-key';

/** A chatflow or agentflow template Flowise ships, its nodes and edges. */
export function template(kind: 'chatflows' | 'agentflowsv2', name: string): Flow {
  const flow = JSON.parse(
    readFileSync(join(FLOWISE_DIR, 'node_modules/flowise/marketplaces', kind, `${name}.json`), 'utf8'),
  ) as Flow;
  return { nodes: flow.nodes, edges: flow.edges };
}

/** The flow without the nodes `ids` and their edges. */
export function drop(flow: Flow, ...ids: string[]): Flow {
  return {
    nodes: flow.nodes.filter((n) => !ids.includes(n.id)),
    edges: flow.edges.filter((e) => !ids.includes(e.source) && !ids.includes(e.target)),
  };
}

/** Turns a chat-model node into ChatOpenAI Custom on the test server (the node keeps its id, so references hold). */
export function useTestModel(node: FlowNode, modelUrl: string): void {
  node.data.name = 'chatOpenAICustom';
  node.data.label = 'ChatOpenAI Custom';
  node.data.category = 'Chat Models';
  node.data.inputs = {
    cache: '',
    modelName: 'test-model',
    temperature: 0,
    streaming: true,
    maxTokens: '',
    topP: '',
    frequencyPenalty: '',
    presencePenalty: '',
    timeout: '',
    basepath: `${modelUrl}/v1`,
    baseOptions: '',
    openAIApiKey: TEST_KEY,
  };
  delete node.data.credential;
}

/** The model config an Agentflow v2 LLM / agent node takes. */
export const modelConfig = (modelUrl: string) => ({
  credential: '',
  modelName: 'test-model',
  temperature: 0,
  streaming: true,
  basepath: `${modelUrl}/v1`,
  openAIApiKey: TEST_KEY,
  llmModel: 'chatOpenAICustom',
});

/** A node of type `name` as Flowise's registry describes it, with `inputs` set. */
export async function nodeFromRegistry(
  admin: FlowiseAdmin,
  name: string,
  id: string,
  inputs: Record<string, unknown>,
  output?: string,
): Promise<FlowNode> {
  const definition = await admin.node(name);
  return {
    id,
    type: 'customNode',
    position: { x: 0, y: 0 },
    data: {
      ...definition,
      name,
      id,
      inputParams: definition.inputs,
      inputAnchors: [],
      outputAnchors: [],
      inputs,
      outputs: output ? { output } : {},
    },
  };
}
/** An edge from `source`'s output to `target`'s input `input`. */
export const edge = (source: string, target: string, input: string): FlowEdge => ({
  source,
  target,
  sourceHandle: `${source}-output`,
  targetHandle: `${target}-input-${input}`,
  id: `${source}-${target}-${input}`,
  type: 'buttonedge',
});
