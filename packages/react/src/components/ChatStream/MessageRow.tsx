import type { AssistantMessage, ChatStore, UserMessage } from '@flowise-kit/core';
import { memo, type ReactNode } from 'react';
import { useMessage } from '../../selectors.js';
import { UploadPreviews } from '../Attachments/UploadPreviews.js';
import { AssistantMessageView } from './AssistantMessageView.js';
import type { FeedbackHandler } from './FeedbackButtons.js';
import type { HumanInputHandler } from './HumanInput.js';
import { useLabels } from '../../labels.js';

/** Props of {@link MessageRow}. */
export interface MessageRowProps {
  id: string;
  isLatest: boolean;
  store: ChatStore;
  onRetry?: () => void;
  onRegenerate?: (answerId: string) => void;
  onFollowUp?: (prompt: string) => void;
  onAction?: HumanInputHandler;
  onFeedback?: FeedbackHandler;
  renderDetails?: (message: AssistantMessage) => ReactNode;
  renderQuestionDetails?: (message: UserMessage) => ReactNode;
  onSelect?: (id: string) => void;
  selected?: boolean;
}

/** One message, subscribed to by id: a token re-renders only the row of the answer it belongs to. */
export const MessageRow = memo(function MessageRow({
  id,
  isLatest,
  store,
  onRetry,
  onRegenerate,
  onFollowUp,
  onAction,
  onFeedback,
  renderDetails,
  renderQuestionDetails,
  onSelect,
  selected,
}: MessageRowProps) {
  const message = useMessage(id, store);
  const labels = useLabels();
  if (!message) return null;
  if (message.role === 'user') {
    return (
      <article className="fk-message fk-message--user" aria-label={labels.question}>
        {message.text ? <p className="fk-message__text">{message.text}</p> : null}
        {message.form ? (
          <dl className="fk-message__form">
            {Object.entries(message.form).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{typeof value === 'boolean' ? (value ? labels.yes : labels.no) : String(value)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {message.uploads?.length ? <UploadPreviews uploads={message.uploads} store={store} /> : null}
        {renderQuestionDetails?.(message)}
      </article>
    );
  }
  return (
    <AssistantMessageView
      message={message}
      store={store}
      isLatest={isLatest}
      {...(onRetry ? { onRetry } : {})}
      {...(onRegenerate ? { onRegenerate } : {})}
      {...(renderDetails ? { renderDetails } : {})}
      {...(onFollowUp ? { onFollowUp } : {})}
      {...(onAction ? { onAction } : {})}
      {...(onFeedback ? { onFeedback } : {})}
      {...(onSelect ? { onSelect, selected: Boolean(selected) } : {})}
    />
  );
});
