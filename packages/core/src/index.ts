/**
 * @flowise-kit/core — the framework-agnostic streaming engine for Flowise predictions.
 *
 * Data flows one way: `send()` → {@link streamPrediction} → decode → batching → {@link reduce} → state. This entry
 * point is what an app needs; the kit's own packages also use `@flowise-kit/core/internal` (no semver promise).
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
export { errorFromEvent, FlowiseError, isFlowiseError, type ChatError, type ChatErrorKind } from './errors.js';
export {
  initialChatState,
  isOpenAnswer,
  MAX_DIAGNOSTICS,
  type AgentFlowState,
  type AnswerFeedback,
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
export { startFormOf, type StartFormSpec, type StartFormField, type StartFormValues } from './start-form.js';
export { createChatStore } from './store.js';
export type { ChatActions, ChatCallbacks, ChatStore, ChatStoreOptions, SendOptions } from './store-types.js';
export { DEFAULT_BATCH_MS, type BatchMode } from './pacing.js';
export {
  streamPrediction,
  type PredictionOutcome,
  type PredictionRequest,
  type PredictionTransport,
  type StreamableAnswer,
} from './transport.js';
export type { PredictionBody } from './prediction-body.js';
export { predict, type PredictOptions, type Prediction, type PredictionStatus } from './predict.js';
export type { FlowiseConnection } from './http.js';
export {
  createFlowiseClient,
  type AttachmentResult,
  type UpsertResult,
  type ChatbotConfig,
  type FeedbackRating,
  type FeedbackRecord,
  type FlowiseClient,
  type Lead,
  type LeadRecord,
} from './client.js';
export {
  checkUpload,
  formatBytes,
  NO_UPLOADS,
  readAsDataUrl,
  typeMatches,
  uploadsConfigFrom,
  type FileFacts,
  type FileUpload,
  type RefusedUpload,
  type UploadRefusal,
  type UploadSizeAndTypes,
  type UploadsConfig,
} from './uploads.js';
export type { SpeechEvent, SpeechRequest } from './speech.js';
export { redactSecrets, redactText, REDACTED } from './redact.js';
export { createReplayFetch, encodeFlowiseEvent, type ReplayEvent, type ReplayOptions } from './replay.js';
