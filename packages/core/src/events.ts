/**
 * The typed catalogue of the events a Flowise prediction stream carries (Flowise 3.1.4).
 *
 * Payload types are deliberately permissive where Flowise itself is (`metadata` objects,
 * tool inputs): the kit passes through what it does not interpret instead of dropping it.
 *
 * @packageDocumentation
 */

/** A retrieved document, as sent in `sourceDocuments` (LangChain's `Document`). */
export interface SourceDocument {
  pageContent: string;
  /** Often holds `source` (a URL or path), `loc`, page numbers, and anything the loader added. */
  metadata: Record<string, unknown>;
}

/** One tool call, as reported in `usedTools` (after it ran) or `calledTools` (`toolOutput` is `""`). */
export interface ToolCall {
  tool: string;
  toolInput: Record<string, unknown> | string;
  toolOutput: unknown;
  sourceDocuments?: SourceDocument[];
  error?: string;
}

/** One step of a multi-agent (sequential / supervisor) run. */
export interface AgentReasoningStep {
  agentName: string;
  messages: string[];
  next?: string;
  instructions?: string;
  usedTools?: ToolCall[];
  sourceDocuments?: SourceDocument[];
  state?: Record<string, unknown>;
  nodeName?: string;
  nodeId?: string;
  [key: string]: unknown;
}

/** A node of an Agentflow v2 run, as reported by `nextAgentFlow`. */
export interface AgentFlowNodeStatus {
  nodeId: string;
  nodeLabel: string;
  /** `INPROGRESS`, `FINISHED`, `STOPPED` (waiting for a human), `ERROR`, ... */
  status: string;
  error?: string;
}

/** One entry of the cumulative `agentFlowExecutedData` trace. */
export interface AgentFlowExecutedNode {
  nodeId: string;
  nodeLabel: string;
  data: Record<string, unknown>;
  previousNodeIds: string[];
  status: string;
}

/** A human-in-the-loop request: the UI offers the elements (approve / reject buttons). */
export interface FlowiseAction {
  id?: string;
  elements?: { type: string; label: string }[];
  mapping?: { approve?: string; reject?: string; toolCalls?: unknown[] };
  data?: Record<string, unknown>;
}

/** An artifact a flow produced: an image, an HTML or markdown fragment. Untrusted. */
export interface Artifact {
  type: string;
  data: string;
}

/** LangChain's `usage_metadata`, sent by agentflow Agent/LLM nodes after each model call. */
export interface UsageMetadata {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  [key: string]: unknown;
}

/** The `metadata` event: only the keys the server set are present. */
export interface PredictionMetadata {
  chatId?: string;
  chatMessageId?: string;
  question?: string;
  sessionId?: string;
  memoryType?: string;
  followUpPrompts?: string[];
  flowVariables?: Record<string, unknown>;
  action?: FlowiseAction;
  [key: string]: unknown;
}

/** Every event the kit understands, discriminated by `type` (Flowise's envelope `event` name). */
export type FlowiseEvent =
  /** `data` is `""` or the first token, which also arrives as a `token`: never append it. */
  | { type: 'start'; data: string }
  | { type: 'token'; data: string }
  /** A chunk of the model's reasoning; the final one has `data: ""` and a `duration` in seconds. */
  | { type: 'thinking'; data: string; duration?: number }
  | { type: 'sourceDocuments'; data: SourceDocument[] }
  | { type: 'usedTools'; data: ToolCall[] }
  /** Tool calls the model asked for; an empty array clears them once they ran. */
  | { type: 'calledTools'; data: ToolCall[] }
  | { type: 'tool'; data: unknown }
  | { type: 'fileAnnotations'; data: unknown[] }
  | { type: 'agentReasoning'; data: AgentReasoningStep[] }
  | { type: 'nextAgent'; data: string }
  | { type: 'agentFlowEvent'; data: string }
  | { type: 'nextAgentFlow'; data: AgentFlowNodeStatus }
  | { type: 'agentFlowExecutedData'; data: AgentFlowExecutedNode[] }
  | { type: 'action'; data: FlowiseAction }
  | { type: 'artifacts'; data: Artifact[] }
  | { type: 'usageMetadata'; data: UsageMetadata }
  | { type: 'metadata'; data: PredictionMetadata }
  /** A failure during the run (HTTP status stays 200); `end` follows. */
  | { type: 'error'; data: string }
  | { type: 'abort'; data: string }
  | { type: 'end'; data: string }
  | { type: 'tts_start'; data: { chatMessageId?: string; format?: string } }
  | { type: 'tts_data'; data: { chatMessageId?: string; audioChunk?: string } }
  | { type: 'tts_end'; data: { chatMessageId?: string } }
  | { type: 'tts_abort'; data: { chatMessageId?: string } }
  | { type: 'executionEnd'; data: { chatId?: string } }
  /** An event name this version of the kit does not know (custom events included): kept, never dropped. */
  | { type: 'unknown'; name: string; data: unknown }
  /** A message that could not be decoded: recorded as a diagnostic; the stream goes on. */
  | { type: 'malformed'; raw: string; reason: string };

/** The `type` of every event in {@link FlowiseEvent}. */
export type FlowiseEventType = FlowiseEvent['type'];

/** The event of one `type`, e.g. `EventOf<'token'>`. */
export type EventOf<T extends FlowiseEventType> = Extract<FlowiseEvent, { type: T }>;

/** The Flowise event names {@link decode} maps to their own types; everything else becomes `unknown`. */
export const KNOWN_EVENT_NAMES = [
  'start',
  'token',
  'thinking',
  'sourceDocuments',
  'usedTools',
  'calledTools',
  'tool',
  'fileAnnotations',
  'agentReasoning',
  'nextAgent',
  'agentFlowEvent',
  'nextAgentFlow',
  'agentFlowExecutedData',
  'action',
  'artifacts',
  'usageMetadata',
  'metadata',
  'error',
  'abort',
  'end',
  'tts_start',
  'tts_data',
  'tts_end',
  'tts_abort',
  'executionEnd',
] as const satisfies readonly Exclude<FlowiseEventType, 'unknown' | 'malformed'>[];

/** A name in {@link KNOWN_EVENT_NAMES}. */
export type KnownEventName = (typeof KNOWN_EVENT_NAMES)[number];
