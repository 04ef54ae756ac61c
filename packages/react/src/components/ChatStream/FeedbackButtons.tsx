import type { AssistantMessage, FeedbackRating } from '@flowise-kit/core';
import { useState, type FormEvent } from 'react';
import { useLabels } from '../../labels.js';

/**
 * Rates an answer; `content` is the optional comment. Return the request's promise (any value is fine) to show the
 * rating as pressed until it settles.
 */
export type FeedbackHandler = (message: AssistantMessage, rating: FeedbackRating, content?: string) => unknown;

/** Thumbs as inline SVG: an emoji renders as an empty box on a system without an emoji font. */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" style={down ? { transform: 'scaleY(-1)' } : {}}>
      <path
        d="M7 11v9H4v-9h3zm2 9h8.3a2 2 0 0 0 2-1.6l1.2-6A2 2 0 0 0 18.5 10H14l.7-3.6a1.6 1.6 0 0 0-2.9-1.2L9 10v10z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * Thumbs up and down for a finished answer, then an optional comment. The pressed thumb is the answer's recorded
 * `feedback` (so it shows again after a reload); a rating in flight shows as pressed until the store has it.
 */
export function FeedbackButtons({ message, onFeedback }: { message: AssistantMessage; onFeedback: FeedbackHandler }) {
  const labels = useLabels();
  const [pending, setPending] = useState<FeedbackRating>();
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState('');
  const rating = pending ?? message.feedback?.rating;
  const send = (value: FeedbackRating, content?: string) => {
    setPending(value);
    void Promise.resolve(onFeedback(message, value, content)).finally(() => setPending(undefined));
  };
  const rate = (value: FeedbackRating) => {
    send(value);
    setCommenting(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating && comment.trim()) send(rating, comment.trim());
    setCommenting(false);
  };
  return (
    <>
      <button
        type="button"
        className="fk-button fk-button--ghost fk-feedback"
        aria-label={labels.goodAnswer}
        aria-pressed={rating === 'THUMBS_UP'}
        onClick={() => rate('THUMBS_UP')}
      >
        <Thumb />
      </button>
      <button
        type="button"
        className="fk-button fk-button--ghost fk-feedback"
        aria-label={labels.badAnswer}
        aria-pressed={rating === 'THUMBS_DOWN'}
        onClick={() => rate('THUMBS_DOWN')}
      >
        <Thumb down />
      </button>
      {commenting ? (
        <form className="fk-feedback-comment" onSubmit={submit} aria-label={labels.feedbackComment}>
          <input
            aria-label={labels.feedbackPlaceholder}
            placeholder={labels.feedbackPlaceholder}
            value={comment}
            maxLength={2000}
            onChange={(event) => setComment(event.target.value)}
          />
          <button type="submit" className="fk-button">
            {labels.feedbackSend}
          </button>
          <button type="button" className="fk-button fk-button--ghost" onClick={() => setCommenting(false)}>
            {labels.feedbackSkip}
          </button>
        </form>
      ) : null}
    </>
  );
}
