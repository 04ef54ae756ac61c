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
  /** The retrieved text (a chunk of the document). */
  pageContent: string;
  /** Often holds `source` (a URL or path), `loc`, page numbers, and anything the loader added. */
  metadata: Record<string, unknown>;
}

/** One tool call, as reported in `usedTools` (after it ran) or `calledTools` (`toolOutput` is `""`). */
export interface ToolCall {
  /** The tool's name, e.g. `calculator`. */
  tool: string;
  /** The arguments the model passed: an object, or a string for single-input tools. */
  toolInput: Record<string, unknown> | string;
  /** What the tool returned (often a string, sometimes JSON); `""` while only called. */
  toolOutput: unknown;
  /** Documents a retriever tool returned. */
  sourceDocuments?: SourceDocument[];
  /** The tool's failure message, when it threw. */
  error?: string;
}

/** One step of a multi-agent (sequential / supervisor) run. */
export interface AgentReasoningStep {
  /** The agent (or supervisor) that took this step. */
  agentName: string;
  /** What the agent said in this step. */
  messages: string[];
  /** The agent the supervisor hands over to next (`FINISH` at the end). */
  next?: string;
  /** The supervisor's instructions to the next agent. */
  instructions?: string;
  /** Tools the agent ran in this step. */
  usedTools?: ToolCall[];
  /** Documents the agent retrieved in this step. */
  sourceDocuments?: SourceDocument[];
  /** The sequential agent's shared state after this step. */
  state?: Record<string, unknown>;
  /** The node's type name in the flow. */
  nodeName?: string;
  /** The node's id in the flow. */
  nodeId?: string;
  [key: string]: unknown;
}

/** A node of an Agentflow v2 run, as reported by `nextAgentFlow`. */
export interface AgentFlowNodeStatus {
  /** The node's id in the flow, e.g. `llmAgentflow_0`. */
  nodeId: string;
  /** The node's label as shown in Flowise's canvas. */
  nodeLabel: string;
  /** `INPROGRESS`, `FINISHED`, `STOPPED` (waiting for a human), `ERROR`, ... */
  status: string;
  /** The node's failure message, with status `ERROR`. */
  error?: string;
}

/** One entry of the cumulative `agentFlowExecutedData` trace. */
export interface AgentFlowExecutedNode {
  /** The node's id in the flow. */
  nodeId: string;
  /** The node's label as shown in Flowise's canvas. */
  nodeLabel: string;
  /** The node's input and output as Flowise recorded them; may echo credentials: pass through `redactSecrets()`. */
  data: Record<string, unknown>;
  /** The nodes that ran before this one (the edges of the timeline). */
  previousNodeIds: string[];
  /** `INPROGRESS`, `FINISHED`, `STOPPED`, `ERROR`, ... */
  status: string;
}

/** A human-in-the-loop request: the UI offers the elements (approve / reject buttons). */
export interface FlowiseAction {
  /** The action's id, sent back with the human's answer. */
  id?: string;
  /** The buttons to offer. */
  elements?: {
    /** `agentflowv2-approve-button`, `agentflowv2-reject-button`, ... */
    type: string;
    /** The button's text. */
    label: string;
  }[];
  /** Which element means what. */
  mapping?: {
    /** The label of the approving element. */
    approve?: string;
    /** The label of the rejecting element. */
    reject?: string;
    /** The tool calls awaiting approval, if the action guards tools. */
    toolCalls?: unknown[];
  };
  /** Flowise's context for the action (e.g. the node that is waiting). */
  data?: Record<string, unknown>;
}

/** An artifact a flow produced: an image, an HTML or markdown fragment. Untrusted. */
export interface Artifact {
  /** `png`, `jpeg`, `html`, `markdown`, ... */
  type: string;
  /** A URL or path for images, the markup for `html` and `markdown`. */
  data: string;
}

/** LangChain's `usage_metadata`, sent by agentflow Agent/LLM nodes after each model call. */
export interface UsageMetadata {
  /** Prompt tokens of this model call. */
  input_tokens?: number;
  /** Completion tokens of this model call. */
  output_tokens?: number;
  /** Input plus output tokens. */
  total_tokens?: number;
  [key: string]: unknown;
}

/** The `metadata` event: only the keys the server set are present. */
export interface PredictionMetadata {
  /** The conversation's id: send it with the next question to continue the conversation. */
  chatId?: string;
  /** The id Flowise stored this answer under (for feedback). */
  chatMessageId?: string;
  /** The question as Flowise received it. */
  question?: string;
  /** The memory node's session id, when it differs from `chatId`. */
  sessionId?: string;
  /** The memory node's type, e.g. `Buffer Memory`. */
  memoryType?: string;
  /** Suggested next questions (when follow-up prompts are enabled in the chatflow). */
  followUpPrompts?: string[];
  /** The flow's variables at the end of the run (Agentflow v2). */
  flowVariables?: Record<string, unknown>;
  /** A human-in-the-loop request that ended the run. */
  action?: FlowiseAction;
  [key: string]: unknown;
}

/**
 * Every event the kit understands, discriminated by `type` (Flowise's envelope `event` name); `data` is that
 * event's payload, typed per event.
 */
export type FlowiseEvent =
  /** `data` is `""` or the first token, which also arrives as a `token`: never append it. */
  | { type: 'start'; data: string }
  | { type: 'token'; data: string }
  /** A chunk of the model's reasoning; the final one has `data: ""` and a `duration` in seconds. */
  | {
      type: 'thinking';
      data: string;
      /** Seconds the model spent thinking, on the final chunk. */
      duration?: number;
    }
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
  /** Text-to-speech begins for an answer. */
  | {
      type: 'tts_start';
      data: {
        /** The answer being spoken. */
        chatMessageId?: string;
        /** The audio format, e.g. `mp3`. */
        format?: string;
      };
    }
  /** A chunk of text-to-speech audio. */
  | {
      type: 'tts_data';
      data: {
        /** The answer being spoken. */
        chatMessageId?: string;
        /** Base64 audio. */
        audioChunk?: string;
      };
    }
  /** Text-to-speech finished. */
  | {
      type: 'tts_end';
      data: {
        /** The answer that was spoken. */
        chatMessageId?: string;
      };
    }
  /** Text-to-speech was stopped. */
  | {
      type: 'tts_abort';
      data: {
        /** The answer that was being spoken. */
        chatMessageId?: string;
      };
    }
  /** An Agentflow v2 run finished. */
  | {
      type: 'executionEnd';
      data: {
        /** The conversation the run belonged to. */
        chatId?: string;
      };
    }
  /** An event name this version of the kit does not know (custom events included): kept, never dropped. */
  | {
      type: 'unknown';
      /** The event name as Flowise sent it. */
      name: string;
      data: unknown;
    }
  /** A message that could not be decoded: recorded as a diagnostic; the stream goes on. */
  | {
      type: 'malformed';
      /** The message's data as received (truncated). */
      raw: string;
      /** Why it could not be decoded. */
      reason: string;
    };

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
