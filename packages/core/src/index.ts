/**
 * @flowise-kit/core — the framework-agnostic streaming engine for Flowise predictions.
 *
 * Data flows one way: `send()` → {@link streamPrediction} → {@link decode} → batching → {@link reduce} → state.
 *
 * @packageDocumentation
 */
export type {
  AgentFlowExecutedNode,
  AgentFlowNodeStatus,
  AgentReasoningStep,
  Artifact,
  EventOf,
  FlowiseAction,
  FlowiseEvent,
  FlowiseEventType,
  KnownEventName,
  PredictionMetadata,
  SourceDocument,
  ToolCall,
  UsageMetadata,
} from './events.js';
export { KNOWN_EVENT_NAMES } from './events.js';
export { decode, eventFromPayload, type SseMessage } from './decode.js';
export { eventsFromJsonPrediction } from './json-prediction.js';
export {
  FlowiseError,
  errorFromEvent,
  errorFromStatus,
  isFlowiseError,
  type ChatError,
  type ChatErrorKind,
} from './errors.js';
export {
  createAssistantMessage,
  initialChatState,
  isOpenAnswer,
  MAX_DIAGNOSTICS,
  type AgentFlowState,
  type AssistantMessage,
  type ChatMessage,
  type ChatState,
  type ChatStatus,
  type Diagnostic,
  type ExtraEvent,
  type MessageStatus,
  type MessageTimings,
  type UserMessage,
} from './state.js';
export { reduce, reduceAll } from './reducer.js';
export { abortTurn, beginTurn, dropLastTurn, failTurn, type TurnStart } from './turn.js';
export {
  endpointUrl,
  streamPrediction,
  type FlowiseConnection,
  type PredictionBody,
  type PredictionOutcome,
  type PredictionRequest,
  type StreamableAnswer,
} from './transport.js';
export {
  createFlowiseClient,
  type AttachmentResult,
  type ChatbotConfig,
  type FeedbackRating,
  type FeedbackRecord,
  type FlowiseClient,
} from './client.js';
export { Batcher, DEFAULT_BATCH_MS, schedulerFor, type BatchMode, type Schedule } from './batching.js';
export {
  createChatStore,
  type ChatActions,
  type ChatCallbacks,
  type ChatStore,
  type ChatStoreOptions,
  type SendOptions,
} from './store.js';
export { REDACTED, isSecretKey, redactSecrets, redactText } from './redact.js';
export { randomId } from './id.js';
export { createEventParser } from './sse.js';
export { createReplayFetch, encodeFlowiseEvent, type ReplayEvent, type ReplayOptions } from './replay.js';
