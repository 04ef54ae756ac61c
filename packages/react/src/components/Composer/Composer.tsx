import type { ChatStore } from '@flowise-kit/core';
import { memo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useChatStore } from '../../context.js';
import { useChatStatus } from '../../selectors.js';
import { fillLabel, useLabels } from '../../labels.js';
import '../../styles/theme.css';
import './Composer.css';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** Added to the root element's classes, for your own styles. */
  className?: string;
  /** The text field's placeholder. Default: the `placeholder` label ("Ask a question…"). */
  placeholder?: string;
  /** Disables typing and sending (e.g. while a chatflow is being chosen). */
  disabled?: boolean;
  /** Accessible label of the text field. Default: the `message` label ("Message"). */
  label?: string;
  /** The longest question accepted: past it the `maxCharsWarning` label shows and Send is disabled. */
  maxChars?: number;
}

/**
 * A text field with a Send button that becomes Stop while an answer streams. Enter sends, Shift+Enter adds a line,
 * and Enter while an input method (IME) is composing does neither.
 */
export const Composer = memo(function Composer({
  store: explicit,
  className,
  placeholder,
  disabled = false,
  label,
  maxChars,
}: ComposerProps) {
  const labels = useLabels();
  const store = useChatStore(explicit);
  const status = useChatStatus(store);
  const [text, setText] = useState('');
  const busy = status === 'submitted' || status === 'streaming';
  const tooLong = maxChars !== undefined && text.length > maxChars;
  const canSend = !disabled && !busy && !tooLong && text.trim() !== '';

  const submit = () => {
    if (!canSend) return;
    const question = text;
    setText('');
    void store.send(question);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) store.stop();
    else submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229: Safari reports IME composition this way and sets isComposing false on the final Enter.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  return (
    <form className={className ? `fk-composer ${className}` : 'fk-composer'} onSubmit={onSubmit}>
      <textarea
        className="fk-composer__input"
        aria-label={label ?? labels.message}
        placeholder={placeholder ?? labels.placeholder}
        value={text}
        rows={1}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong || undefined}
      />
      {busy ? (
        <button type="submit" className="fk-button fk-composer__button" aria-label={labels.stopAnswering}>
          {labels.stop}
        </button>
      ) : (
        <button
          type="submit"
          className="fk-button fk-button--primary fk-composer__button"
          disabled={!canSend}
          aria-label={labels.send}
        >
          {labels.send}
        </button>
      )}
      {tooLong ? (
        <p className="fk-composer__warning" role="alert">
          {fillLabel(labels.maxCharsWarning, { max: maxChars ?? 0 })}
        </p>
      ) : null}
    </form>
  );
});
