/**
 * @flowise-kit/react — React bindings and presentational components for Flowise chatflows.
 *
 * Import the styles once: `import '@flowise-kit/react/styles.css'` (the library build collects every
 * component's CSS there).
 *
 * @packageDocumentation
 */
import './styles/theme.css';

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
