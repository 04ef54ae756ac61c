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
} from './events';
export { KNOWN_EVENT_NAMES } from './events';
export { decode, eventFromPayload, type SseMessage } from './decode';
export { eventsFromJsonPrediction } from './json-prediction';
export {
  FlowiseError,
  errorFromEvent,
  errorFromStatus,
  isFlowiseError,
  type ChatError,
  type ChatErrorKind,
} from './errors';
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
} from './state';
export { reduce, reduceAll } from './reducer';
export { abortTurn, beginTurn, dropLastTurn, failTurn, type TurnStart } from './turn';
export {
  endpointUrl,
  streamPrediction,
  type FlowiseConnection,
  type PredictionBody,
  type PredictionOutcome,
  type PredictionRequest,
  type StreamableAnswer,
} from './transport';
export {
  createFlowiseClient,
  type AttachmentResult,
  type ChatbotConfig,
  type FeedbackRating,
  type FeedbackRecord,
  type FlowiseClient,
} from './client';
export { Batcher, schedulerFor, type BatchMode, type Schedule } from './batching';
export {
  createChatStore,
  type ChatActions,
  type ChatCallbacks,
  type ChatStore,
  type ChatStoreOptions,
  type SendOptions,
} from './store';
export { REDACTED, isSecretKey, redactSecrets, redactText } from './redact';
export { randomId } from './id';
export { createEventParser } from './sse';
export { createReplayFetch, encodeFlowiseEvent, type ReplayEvent, type ReplayOptions } from './replay';
