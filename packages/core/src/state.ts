import type { FeedbackRating } from './client.js';
import type { FileUpload, UploadsConfig } from './uploads.js';
import type { ChatError } from './errors.js';
import type {
  AgentFlowExecutedNode,
  AgentFlowNodeStatus,
  AgentReasoningStep,
  Artifact,
  FlowiseAction,
  PredictionMetadata,
  SourceDocument,
  ToolCall,
  UsageMetadata,
} from './events.js';

/** The conversation's status: that of its latest turn, or `idle` before the first. */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'done' | 'error' | 'aborted';

/** An assistant message's own status. `submitted`: sent, nothing received yet. */
export type MessageStatus = Exclude<ChatStatus, 'idle'>;

/** A question the user asked. */
export interface UserMessage {
  /** Unique in the conversation; React key and selector key. */
  id: string;
  /** Tells a question from an answer. */
  role: 'user';
  /** The question as sent. */
  text: string;
  /** When it was sent, in milliseconds since the epoch. */
  createdAt: number;
  /** Uploads sent with the question, as given to `send` (images, audio, extracted files: see `FileUpload`). */
  uploads?: FileUpload[];
  /** An agentflow's start form as sent (`send('', { form })`); `text` is then empty. */
  form?: Record<string, unknown>;
}

/** The progress of an Agentflow v2 run. */
export interface AgentFlowState {
  /** From `agentFlowEvent`: `INPROGRESS`, `STOPPED` (waiting for a human), `FINISHED`, `ERROR`, ... */
  status?: string;
  /** One entry per node in the order they started, updated in place as their status changes. */
  nodes: AgentFlowNodeStatus[];
  /** The latest cumulative `agentFlowExecutedData` (contains node configs: redact before display). */
  executedData: AgentFlowExecutedNode[];
}

/** An event the kit stores without interpreting it (custom events, text-to-speech, future events). */
export interface ExtraEvent {
  /** The event name as Flowise sent it. */
  name: string;
  /** Its payload, untouched. */
  data: unknown;
}

/** Milliseconds since the epoch. */
export interface MessageTimings {
  /** When the question was sent. */
  requestedAt: number;
  /** When the first token arrived (time to first token: this minus `requestedAt`). */
  firstTokenAt?: number;
  /** When the answer ended: done, failed or stopped. */
  endedAt?: number;
}

/** A rating Flowise recorded for an answer: one record per answer, updated on a change of mind. */
export interface AnswerFeedback {
  /** Flowise's feedback id (the next rating updates this record). */
  id: string;
  /** Thumbs up or down. */
  rating: FeedbackRating;
  /** The user's comment, if they wrote one. */
  content?: string;
}

/** An answer, as it streams in and after. Every field is always present so selectors need no guards. */
export interface AssistantMessage {
  /** Unique in the conversation; React key and selector key. */
  id: string;
  /** Tells an answer from a question. */
  role: 'assistant';
  /** Where this answer is in its life: submitted, streaming, then done, error or aborted. */
  status: MessageStatus;
  /** The answer's text (markdown), the concatenation of its `token` events. */
  text: string;
  /** The model's streamed reasoning (`thinking` events). */
  reasoning: string;
  /** Seconds the model spent reasoning, when the server said. */
  reasoningDuration?: number;
  /** The documents the answer is based on (replaced by each `sourceDocuments` event). */
  sourceDocuments: SourceDocument[];
  /** Tools that ran for this answer, with their output. */
  usedTools: ToolCall[];
  /** Tool calls requested and not yet answered (cleared by the server when they ran). */
  calledTools: ToolCall[];
  /** The steps of a multi-agent run. */
  agentReasoning: AgentReasoningStep[];
  /** The agent a multi-agent run handed over to last. */
  nextAgent?: string;
  /** The Agentflow v2 run's progress, for agentflows only. */
  agentFlow?: AgentFlowState;
  /** Images and fragments the flow produced (untrusted). */
  artifacts: Artifact[];
  /** OpenAI assistant file annotations, passed through. */
  fileAnnotations: unknown[];
  /** A human-in-the-loop request (approve / reject) the run is waiting on. */
  action?: FlowiseAction;
  /** The user's rating of this answer, once Flowise has recorded it (`sendFeedback`). */
  feedback?: AnswerFeedback;
  /**
   * Not sent yet: the question waits for another tab's answer in this conversation to end (see the store's
   * `acquire` option). Two predictions on one `chatId` would break each other in Flowise.
   */
  queued?: boolean;
  /** Suggested next questions from `metadata`. */
  followUpPrompts: string[];
  /** Each model call's usage report, in order. */
  usage: UsageMetadata[];
  /** The merged `metadata` events: chatId, chatMessageId (for feedback), sessionId, ... */
  metadata: PredictionMetadata;
  /** Why the answer failed, with status `error`. */
  error?: ChatError;
  /** When it was asked, started and ended. */
  timings: MessageTimings;
  /** Events stored without interpretation, in arrival order. */
  extraEvents: ExtraEvent[];
}

/** A message of the conversation. */
export type ChatMessage = UserMessage | AssistantMessage;

/** Something the kit noticed and recovered from; kept for inspection, never shown as an error. */
export interface Diagnostic {
  /** When, in milliseconds since the epoch. */
  at: number;
  /** An undecodable event, an event after the answer ended, a failed abort call, or a failed streamable check. */
  kind: 'malformed-event' | 'late-event' | 'abort-call-failed' | 'streamable-check-failed';
  /** What happened, for a developer. */
  detail: string;
  /** The offending data (a malformed event's text, truncated). */
  raw?: string;
}

/** The whole state of one conversation: plain data, serialisable. */
export interface ChatState {
  /** Flowise's conversation key, sent with every question; the server's `metadata` wins over ours. */
  chatId?: string;
  /** The latest turn's status (`idle` before the first). */
  status: ChatStatus;
  /** The latest turn's error, if it failed. */
  error?: ChatError;
  /** Questions and answers, oldest first. */
  messages: ChatMessage[];
  /** At most {@link MAX_DIAGNOSTICS}, newest last. */
  diagnostics: Diagnostic[];
  /** What the chatflow accepts besides text, once `loadUploadsConfig()` has loaded it (not saved with the history). */
  uploadsConfig?: UploadsConfig;
}

/** How many diagnostics the state keeps. */
export const MAX_DIAGNOSTICS = 100;

/** A state with no messages. */
export function initialChatState(partial?: Partial<ChatState>): ChatState {
  return { status: 'idle', messages: [], diagnostics: [], ...partial };
}

/** A fresh assistant message waiting for its first event. */
export function createAssistantMessage(id: string, requestedAt: number): AssistantMessage {
  return {
    id,
    role: 'assistant',
    status: 'submitted',
    text: '',
    reasoning: '',
    sourceDocuments: [],
    usedTools: [],
    calledTools: [],
    agentReasoning: [],
    artifacts: [],
    fileAnnotations: [],
    followUpPrompts: [],
    usage: [],
    metadata: {},
    timings: { requestedAt },
    extraEvents: [],
  };
}

/** Whether a message is an answer still receiving events. */
export function isOpenAnswer(message: ChatMessage | undefined): message is AssistantMessage {
  return message?.role === 'assistant' && (message.status === 'submitted' || message.status === 'streaming');
}
