import { startFormOf, type AssistantMessage, type ChatStore } from '@flowise-kit/core';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { useChatbotConfig } from '../../chatbot-config.js';
import { FlowiseChatProvider } from '../../context.js';
import { useMessageIds } from '../../selectors.js';
import { LabelsProvider, useLabels, type Labels } from '../../labels.js';
import { useFlowisePrediction, type UseFlowisePredictionOptions } from '../../useFlowisePrediction.js';
import { ChatStream } from '../ChatStream/ChatStream.js';
import type { FeedbackHandler } from '../ChatStream/FeedbackButtons.js';
import { Composer } from '../Composer/Composer.js';
import { AnswerUsage } from '../Artifacts/AnswerUsage.js';
import { SourceList } from '../SourceList/SourceList.js';
import { StartForm } from '../StartForm/StartForm.js';
import { ToolTrace } from '../ToolTrace/ToolTrace.js';
import '../../styles/theme.css';
import './ChatWindow.css';

/** Layout props of {@link ChatWindow}, shared by both ways of using it. */
export interface ChatWindowLayoutProps {
  /** Added to the root element's classes, for your own styles. */
  className?: string;
  /** Shown in the header; none by default. */
  title?: ReactNode;
  /** The composer's placeholder. */
  placeholder?: string;
  /** Shown before the first question. */
  emptyState?: ReactNode;
  /** Show the latest answer's sources and tool trace under the conversation (default true). */
  showDetails?: boolean;
  /** `light`, `dark` or `auto` (follow the OS). Default `light`. */
  theme?: 'light' | 'dark' | 'auto';
  /**
   * Thumbs up and down (with an optional comment) on finished answers, one Flowise feedback record per answer:
   * `true`, `false` (default), or `'auto'`: when the chatflow's chatbot config turns feedback on.
   */
  feedback?: boolean | 'auto';
  /**
   * An agentflow whose Start node takes a form shows that form before the first question (read from the chatbot
   * config) and sends it instead of a question. Default true; `false` loads no config for it.
   */
  startForm?: boolean;
  /** Shows under each answer the tokens its model calls used, when Flowise reports them (agentflows). Default false. */
  showUsage?: boolean;
  /** Replaces any of the English strings it shows or announces (see {@link Labels}). */
  labels?: Partial<Labels>;
}

/** Props of {@link ChatWindow}: a store, or the options to create one. */
export type ChatWindowProps = ChatWindowLayoutProps &
  (
    | {
        /** An existing store (e.g. `useFlowisePrediction(...).store`): the window shows it and does not own it. */
        store: ChatStore;
      }
    | (UseFlowisePredictionOptions & {
        /** No store: the window creates one from these options and owns it. */
        store?: undefined;
      })
  );

/**
 * A complete chat: the conversation, the latest answer's sources and tool trace, and the composer. Give it a
 * `store`, or the options of {@link useFlowisePrediction} and it owns one.
 *
 * @example
 * <ChatWindow apiHost="http://localhost:3000" chatflowId="abc" title="Support" persistKey="support-chat" />
 */
export function ChatWindow(props: ChatWindowProps) {
  if (props.store) return <ChatWindowLayout {...props} store={props.store} />;
  return <OwnedChatWindow {...props} />;
}

function OwnedChatWindow(props: UseFlowisePredictionOptions & ChatWindowLayoutProps) {
  const { store } = useFlowisePrediction(props);
  return <ChatWindowLayout {...props} store={store} />;
}

const usageOf = (message: AssistantMessage) => <AnswerUsage message={message} />;

function ChatWindowLayout({
  store,
  className,
  title,
  placeholder,
  emptyState,
  showDetails = true,
  theme = 'light',
  feedback = false,
  startForm = true,
  showUsage = false,
  labels,
}: ChatWindowLayoutProps & { store: ChatStore }) {
  const config = useChatbotConfig({ store, enabled: feedback === 'auto' || startForm });
  // flowData is the whole flow: parse it once per config.
  const form = useMemo(() => (startForm ? startFormOf(config) : undefined), [startForm, config]);
  const empty = useMessageIds(store).length === 0;
  const rate = useCallback<FeedbackHandler>(
    // A failed rating leaves the thumbs as they were; it is not worth an alert.
    (message, rating, content) => store.sendFeedback(message.id, rating, content).catch(() => undefined),
    [store],
  );
  const showFeedback = feedback === true || (feedback === 'auto' && config?.chatFeedback?.status === true);
  const root = useRef<HTMLDivElement>(null);
  return (
    <FlowiseChatProvider store={store}>
      <LabelsProvider labels={labels}>
        <div ref={root} className={className ? `fk-chat-window ${className}` : 'fk-chat-window'} data-fk-theme={theme}>
          {title ? <header className="fk-chat-window__header">{title}</header> : null}
          <ChatStream
            className="fk-chat-window__stream"
            emptyState={
              form ? (
                <StartForm form={form} onSubmit={(values) => void store.send('', { form: values })} />
              ) : (
                (emptyState ?? <EmptyState />)
              )
            }
            {...(showFeedback ? { onFeedback: rate } : {})}
            {...(showUsage ? { renderAnswerDetails: usageOf } : {})}
          />
          {showDetails ? (
            <div className="fk-chat-window__details">
              <SourceList />
              <ToolTrace />
            </div>
          ) : null}
          {/* The flow's first input is its form: the composer waits for it. */}
          <Composer dropZone={root} {...(placeholder ? { placeholder } : {})} disabled={Boolean(form) && empty} />
        </div>
      </LabelsProvider>
    </FlowiseChatProvider>
  );
}

function EmptyState() {
  return <>{useLabels().emptyState}</>;
}
