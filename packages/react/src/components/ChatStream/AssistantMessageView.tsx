import type { AssistantMessage, ChatStore } from '@flowise-kit/core';
import { memo, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Artifacts } from '../Artifacts/Artifacts.js';
import { FileAnnotations } from '../Artifacts/FileAnnotations.js';
import { Markdown } from '../Markdown/Markdown.js';
import { SpeakButton } from '../Speech/SpeakButton.js';
import { FeedbackButtons, type FeedbackHandler } from './FeedbackButtons.js';
import { HumanInput, type HumanInputHandler } from './HumanInput.js';
import { LiveAnnouncer } from './LiveAnnouncer.js';
import { fillLabel, useLabels } from '../../labels.js';

/** Props of {@link AssistantMessageView}. */
export interface AssistantMessageViewProps {
  message: AssistantMessage;
  /** The latest answer gets the live region, follow-up prompts and the retry button. */
  isLatest: boolean;
  onRetry?: () => void;
  onFollowUp?: (prompt: string) => void;
  /** A human-in-the-loop button was pressed (`proceed` or `reject`, with the feedback typed beside it). */
  onAction?: HumanInputHandler;
  /** Asks this answer's question again (shown on every finished answer as "Regenerate"). */
  onRegenerate?: (answerId: string) => void;
  /** Extra content under the finished answer (sources, trace …). */
  renderDetails?: (message: AssistantMessage) => ReactNode;
  /** The store (artifacts stored by Flowise need its conversation); default: the provider's. */
  store?: ChatStore;
  /** Shows thumbs up/down on finished answers; called with the rating chosen. */
  onFeedback?: FeedbackHandler;
  /** Makes the answer selectable (click or Enter); `selected` marks the chosen one. */
  onSelect?: (id: string) => void;
  selected?: boolean;
}

const STATUS_LABEL: Partial<Record<AssistantMessage['status'], 'thinking' | 'stopped'>> = {
  submitted: 'thinking',
  aborted: 'stopped',
};

/** One answer: its markdown, a streaming cursor, its status, follow-up prompts, copy and retry. */
export const AssistantMessageView = memo(function AssistantMessageView({
  message,
  isLatest,
  onRetry,
  onRegenerate,
  onFollowUp,
  onAction,
  onFeedback,
  renderDetails,
  store,
  onSelect,
  selected = false,
}: AssistantMessageViewProps) {
  const streaming = message.status === 'streaming' || message.status === 'submitted';
  const finished = !streaming;
  const labels = useLabels();
  const statusKey = STATUS_LABEL[message.status];
  const label = message.queued ? labels.waitingInOtherTab : statusKey ? labels[statusKey] : undefined;
  return (
    <article
      className={`fk-message fk-message--assistant fk-message--${message.status}${selected ? ' fk-message--selected' : ''}`}
      aria-busy={streaming}
      aria-label={labels.answer}
      aria-current={selected || undefined}
      data-status={message.status}
      {...(onSelect
        ? {
            tabIndex: 0,
            onClick: (event: MouseEvent) => {
              if (!(event.target as HTMLElement).closest('button, a, summary')) onSelect(message.id);
            },
            onKeyDown: (event: KeyboardEvent) => {
              if (event.key === 'Enter' && event.target === event.currentTarget) onSelect(message.id);
            },
          }
        : {})}
    >
      {message.reasoning ? (
        <details className="fk-message__reasoning">
          <summary>
            {message.reasoningDuration
              ? fillLabel(labels.reasonedFor, { seconds: message.reasoningDuration })
              : labels.reasoning}
          </summary>
          <p>{message.reasoning}</p>
        </details>
      ) : null}
      <div className="fk-message__body">
        <Markdown text={message.text} streaming={streaming} />
        {streaming ? <span className="fk-cursor" aria-hidden="true" /> : null}
      </div>
      {message.artifacts.length > 0 ? <Artifacts message={message} {...(store ? { store } : {})} /> : null}
      {finished && message.fileAnnotations.length > 0 ? (
        <FileAnnotations message={message} {...(store ? { store } : {})} />
      ) : null}
      {label ? <p className="fk-message__status">{label}</p> : null}
      {message.error ? (
        <p className="fk-message__error" role="alert">
          {labels.errorMessage || message.error.message}
        </p>
      ) : null}
      {finished ? (
        <div className="fk-message__actions">
          {message.text ? <CopyButton text={message.text} /> : null}
          {message.status === 'done' && message.text ? <SpeakButton message={message} store={store} /> : null}
          {isLatest && onRetry && (message.status === 'error' || message.status === 'aborted') ? (
            <button type="button" className="fk-button fk-button--ghost" onClick={onRetry}>
              {labels.retry}
            </button>
          ) : onRegenerate && message.status === 'done' && !message.action ? (
            <button type="button" className="fk-button fk-button--ghost" onClick={() => onRegenerate(message.id)}>
              {labels.regenerate}
            </button>
          ) : null}
          {/* Last: its comment form takes a line of its own. */}
          {onFeedback && message.status === 'done' ? (
            <FeedbackButtons message={message} onFeedback={onFeedback} />
          ) : null}
        </div>
      ) : null}
      {finished && renderDetails ? renderDetails(message) : null}
      {isLatest && message.status === 'done' && message.action && onAction ? (
        <HumanInput action={message.action} onAction={onAction} />
      ) : null}
      {isLatest && finished && message.followUpPrompts.length > 0 && onFollowUp ? (
        <div className="fk-followups" role="group" aria-label={labels.followUpQuestions}>
          {message.followUpPrompts.map((prompt) => (
            <button key={prompt} type="button" className="fk-chip" onClick={() => onFollowUp(prompt)}>
              {prompt}
            </button>
          ))}
        </div>
      ) : null}
      {isLatest ? <LiveAnnouncer text={message.text} finished={finished} /> : null}
    </article>
  );
});

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const labels = useLabels();
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => undefined,
    );
  };
  return (
    <button type="button" className="fk-button fk-button--ghost" onClick={copy} aria-label={labels.copyAnswer}>
      {copied ? labels.copied : labels.copy}
    </button>
  );
}
