import type { AssistantMessage, ChatStore, FlowiseAction, UserMessage } from '@flowise-kit/core';
import { memo, useCallback, useEffect, type ReactNode } from 'react';
import { useChatStore } from '../../context.js';
import { useMessageIds } from '../../selectors.js';
import { warmUpMarkdown } from '../Markdown/warm-up.js';
import { warmUpFonts } from './font-warm-up.js';
import type { FeedbackHandler } from './FeedbackButtons.js';
import type { HumanInputHandler } from './HumanInput.js';
import { MessageRow } from './MessageRow.js';
import { useSpeechAutoPlay } from '../Speech/useSpeech.js';
import { useFollowBottom } from './useFollowBottom.js';
import { useLabels } from '../../labels.js';
import '../../styles/theme.css';
import './ChatStream.css';

/** Props of {@link ChatStream}. */
export interface ChatStreamProps {
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** Added to the root element's classes, for your own styles. */
  className?: string;
  /** Shown when there are no messages yet. */
  emptyState?: ReactNode;
  /** Shown above the messages, before and after the first question (e.g. a welcome bubble). */
  leading?: ReactNode;
  /** A follow-up prompt was chosen; default: ask it. */
  onFollowUp?: (prompt: string) => void;
  /**
   * A human-in-the-loop button was pressed (with the feedback typed beside it); default: resume the agentflow with
   * `humanInput: { type, startNodeId, feedback }` and the button's label as the question.
   */
  onAction?: HumanInputHandler;
  /** Shows thumbs up/down on finished answers (e.g. to call Flowise's feedback endpoint). */
  onFeedback?: FeedbackHandler;
  /**
   * Extra content under each finished answer (e.g. `<SourceChips messageId={message.id} />` and a collapsed
   * `<ToolTrace>`, as the widget does). Keep the function's identity stable (`useCallback`).
   */
  renderAnswerDetails?: (message: AssistantMessage) => ReactNode;
  /** Extra content under each question (e.g. when it was asked). Keep the function's identity stable. */
  renderQuestionDetails?: (message: UserMessage) => ReactNode;
  /** Makes answers selectable (click or Enter), e.g. to show one answer's sources beside the conversation. */
  onSelectAnswer?: (id: string) => void;
  /** The selected answer's id (highlighted, `aria-current`). */
  selectedAnswerId?: string;
}

/**
 * No `role="log"`: its implicit `aria-live` would read every token. Each answer has its own sentence-by-sentence
 * live region instead (see LiveAnnouncer).
 *
 * The conversation: questions and answers in order, streaming answers with a cursor, per-answer status, follow-up
 * chips, copy and retry. It sticks to the bottom while the reader is at the bottom and lets go as soon as they
 * scroll up; a "Jump to latest" button brings them back and re-attaches. Rows subscribe to their own message, so a
 * long history costs nothing while an answer streams.
 */
export const ChatStream = memo(function ChatStream({
  store: explicit,
  className,
  emptyState,
  leading,
  onFollowUp,
  onAction,
  onFeedback,
  renderAnswerDetails,
  renderQuestionDetails,
  onSelectAnswer,
  selectedAnswerId,
}: ChatStreamProps) {
  const store = useChatStore(explicit);
  useSpeechAutoPlay(store);
  const ids = useMessageIds(store);
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useFollowBottom();
  // The first answer should not be the page's first use of the markdown renderer or of its fonts (see warm-up.ts,
  // font-warm-up.ts).
  useEffect(warmUpMarkdown, []);
  const rootRef = useCallback(
    (element: HTMLElement | null) => {
      scrollRef(element);
      warmUpFonts(element);
    },
    [scrollRef],
  );
  const retry = useCallback(() => void store.retry(), [store]);
  // Regenerate: the latest answer is replaced (retry); an older one's question is asked again as a new turn. A turn
  // still open makes either a no-op (the store never sends a second prediction beside it).
  const regenerate = useCallback(
    (answerId: string) => {
      const { messages } = store.getState();
      const at = messages.findIndex((m) => m.id === answerId);
      if (at === messages.length - 1) return void store.retry();
      const question = messages
        .slice(0, at)
        .reverse()
        .find((m) => m.role === 'user');
      if (question?.role === 'user')
        void store.send(question.text, question.uploads ? { uploads: question.uploads } : undefined);
    },
    [store],
  );
  const followUp = useCallback(
    (prompt: string) => (onFollowUp ? onFollowUp(prompt) : void store.send(prompt)),
    [store, onFollowUp],
  );
  const action = useCallback(
    (flowAction: FlowiseAction, type: 'proceed' | 'reject', label: string, feedback = '') => {
      if (onAction) return onAction(flowAction, type, label, feedback);
      const startNodeId = typeof flowAction.data?.nodeId === 'string' ? flowAction.data.nodeId : undefined;
      void store.send(label, { humanInput: { type, feedback, ...(startNodeId ? { startNodeId } : {}) } });
    },
    [store, onAction],
  );
  const lastId = ids[ids.length - 1];
  const labels = useLabels();
  return (
    <section
      ref={rootRef}
      className={className ? `fk-chat-stream ${className}` : 'fk-chat-stream'}
      aria-label={labels.conversation}
    >
      <div ref={contentRef} className="fk-chat-stream__content">
        {leading}
        {ids.length === 0 && emptyState ? <div className="fk-chat-stream__empty">{emptyState}</div> : null}
        {ids.map((id) => (
          <MessageRow
            key={id}
            id={id}
            isLatest={id === lastId}
            store={store}
            onRetry={retry}
            onRegenerate={regenerate}
            onFollowUp={followUp}
            onAction={action}
            {...(onFeedback ? { onFeedback } : {})}
            {...(renderAnswerDetails ? { renderDetails: renderAnswerDetails } : {})}
            {...(renderQuestionDetails ? { renderQuestionDetails } : {})}
            {...(onSelectAnswer ? { onSelect: onSelectAnswer, selected: id === selectedAnswerId } : {})}
          />
        ))}
      </div>
      {!isAtBottom && ids.length > 0 ? (
        <button type="button" className="fk-button fk-chat-stream__jump" onClick={scrollToBottom}>
          {labels.jumpToLatest}
        </button>
      ) : null}
    </section>
  );
});
