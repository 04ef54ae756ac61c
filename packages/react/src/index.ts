/**
 * @flowise-kit/react — React bindings and presentational components for Flowise chatflows.
 *
 * Styles: in this repository each component imports its own CSS and the theme. The published build collects all of
 * it into one file: `import '@flowise-kit/react/styles.css'` once in your app.
 *
 * @packageDocumentation
 */

export { FlowiseChatProvider, useChatStore, type FlowiseChatProviderProps } from './context.js';
export {
  hasAnswerDetails,
  selectLatestAnswer,
  selectMessage,
  selectMessageIds,
  shallowEqual,
  useChatError,
  useChatSelector,
  useChatStatus,
  useLatestAnswerId,
  useMessage,
  useMessageIds,
  useSources,
  useToolTrace,
  type ToolTraceData,
} from './selectors.js';
export { useStarterPrompts, type UseStarterPromptsOptions } from './starter-prompts.js';
export {
  useFlowisePrediction,
  type UseFlowisePredictionOptions,
  type UseFlowisePredictionResult,
} from './useFlowisePrediction.js';
export { localStorageAdapter, type PersistenceAdapter } from './persistence.js';
export { lockAcrossTabs } from './tab-lock.js';
export { useChatbotConfig, useStartForm, type UseChatbotConfigOptions } from './chatbot-config.js';
export { StartForm, type StartFormProps } from './components/StartForm/StartForm.js';
export type { FeedbackHandler } from './components/ChatStream/FeedbackButtons.js';
export type { HumanInputHandler } from './components/ChatStream/HumanInput.js';
export { Markdown, type MarkdownProps } from './components/Markdown/Markdown.js';
export { MathBlock, type MathBlockProps } from './components/Markdown/Formula.js';
export { safeImageUrl, safeLinkUrl } from './components/Markdown/safe-url.js';
export { ChatStream, type ChatStreamProps } from './components/ChatStream/ChatStream.js';
export { SourceList, type SourceListProps } from './components/SourceList/SourceList.js';
export { SourceChips, type SourceChipsProps } from './components/SourceChips/SourceChips.js';
export { Artifacts, type ArtifactsProps } from './components/Artifacts/Artifacts.js';
export { AnswerUsage, type AnswerUsageProps } from './components/Artifacts/AnswerUsage.js';
export { FileAnnotations, type FileAnnotationsProps } from './components/Artifacts/FileAnnotations.js';
export { ToolTrace, type FlowView, type ToolTraceProps } from './components/ToolTrace/ToolTrace.js';
export { Composer, type ComposerProps } from './components/Composer/Composer.js';
export { selectUploadsConfig, useUploadsConfig } from './uploads-config.js';
export { UploadPreviews, type UploadPreviewsProps } from './components/Attachments/UploadPreviews.js';
export { useSpeech, type UseSpeechResult } from './components/Speech/useSpeech.js';
export type { SpeechState } from './components/Speech/speech-player.js';
export { ChatWindow, type ChatWindowLayoutProps, type ChatWindowProps } from './components/ChatWindow/ChatWindow.js';
export {
  defaultLabels,
  fillLabel,
  LabelsProvider,
  mergeLabels,
  useLabels,
  type Labels,
  type LabelsProviderProps,
} from './labels.js';
export { RenderHtmlContext, sanitizedHtml } from './components/Markdown/html.js';
