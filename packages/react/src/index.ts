/**
 * @flowise-kit/react — React bindings and presentational components for Flowise chatflows.
 *
 * Styles: in this repository each component imports its own CSS and the theme. The published build collects all of
 * it into one file: `import '@flowise-kit/react/styles.css'` once in your app.
 *
 * @packageDocumentation
 */

export { FlowiseChatProvider, useChatStore, type FlowiseChatProviderProps } from './context';
export {
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
} from './selectors';
export { useFlowisePrediction, type UseFlowisePredictionOptions, type UseFlowisePredictionResult } from './useFlowisePrediction';
export { localStorageAdapter, type PersistenceAdapter } from './persistence';
export { Markdown, type MarkdownProps } from './components/Markdown/Markdown';
export { safeImageUrl, safeLinkUrl } from './components/Markdown/safe-url';
export { ChatStream, type ChatStreamProps } from './components/ChatStream/ChatStream';
export { SourceList, type SourceListProps } from './components/SourceList/SourceList';
export { ToolTrace, type ToolTraceProps } from './components/ToolTrace/ToolTrace';
export { Composer, type ComposerProps } from './components/Composer/Composer';
export { ChatWindow, type ChatWindowProps } from './components/ChatWindow/ChatWindow';
