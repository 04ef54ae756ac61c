import type { AssistantMessage, ChatStore, FlowiseAction } from '@flowise-kit/core';
import { memo } from 'react';
import { useMessage } from '../../selectors.js';
import { AssistantMessageView } from './AssistantMessageView.js';

/** Props of {@link MessageRow}. */
export interface MessageRowProps {
  id: string;
  isLatest: boolean;
  store: ChatStore;
  onRetry?: () => void;
  onFollowUp?: (prompt: string) => void;
  onAction?: (action: FlowiseAction, type: 'proceed' | 'reject', label: string) => void;
  onFeedback?: (message: AssistantMessage, rating: 'THUMBS_UP' | 'THUMBS_DOWN') => void;
  onSelect?: (id: string) => void;
  selected?: boolean;
}

/** One message, subscribed to by id: a token re-renders only the row of the answer it belongs to. */
export const MessageRow = memo(function MessageRow({
  id,
  isLatest,
  store,
  onRetry,
  onFollowUp,
  onAction,
  onFeedback,
  onSelect,
  selected,
}: MessageRowProps) {
  const message = useMessage(id, store);
  if (!message) return null;
  if (message.role === 'user') {
    return (
      <article className="fk-message fk-message--user" aria-label="Question">
        <p className="fk-message__text">{message.text}</p>
      </article>
    );
  }
  return (
    <AssistantMessageView
      message={message}
      isLatest={isLatest}
      {...(onRetry ? { onRetry } : {})}
      {...(onFollowUp ? { onFollowUp } : {})}
      {...(onAction ? { onAction } : {})}
      {...(onFeedback ? { onFeedback } : {})}
      {...(onSelect ? { onSelect, selected: Boolean(selected) } : {})}
    />
  );
});
