import { isFlowiseError, type ChatError, type ChatStore } from '@flowise-kit/core';
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useChatStore } from '../../context.js';
import { useChatStatus } from '../../selectors.js';
import { useUploadsConfig } from '../../uploads-config.js';
import { AttachControls } from '../Attachments/AttachControls.js';
import { AttachmentList } from '../Attachments/AttachmentList.js';
import { ATTACHMENT_LABELS, type AttachmentLabels } from '../Attachments/labels.js';
import { RecordControls } from '../Attachments/RecordControls.js';
import { inlineUploads, useAttachments } from '../Attachments/useAttachments.js';
import { useRecorder } from '../Attachments/useRecorder.js';
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
  /**
   * Where files may be dropped: e.g. the whole chat window (default: the composer). Images and files go through the
   * same checks as the picker's.
   */
  dropZone?: RefObject<HTMLElement | null>;
  /** The most attachments one question may carry (default 10). */
  maxAttachments?: number;
  /** The attachment and recording controls' strings (see `ATTACHMENT_LABELS`). */
  labels?: Partial<AttachmentLabels>;
  /** The longest question accepted: past it the `maxCharsWarning` label shows and Send is disabled. */
  maxChars?: number;
}

/**
 * A text field with a Send button that becomes Stop while an answer streams. Enter sends, Shift+Enter adds a line,
 * and Enter while an input method (IME) is composing does neither. When the chatflow allows them (its uploads
 * config), images and files can be attached with the picker, by pasting, by dropping them, or by URL; each is
 * checked against the allowed types and sizes first, and a refused one says why.
 */
export const Composer = memo(function Composer({
  store: explicit,
  className,
  placeholder,
  disabled = false,
  label,
  dropZone,
  maxAttachments = 10,
  labels: labelOverrides,
  maxChars,
}: ComposerProps) {
  const words = useLabels();
  const store = useChatStore(explicit);
  const status = useChatStatus(store);
  const config = useUploadsConfig(store);
  const labels = useMemo(() => ({ ...ATTACHMENT_LABELS, ...labelOverrides }), [labelOverrides]);
  const attachments = useAttachments(config, labels, maxAttachments);
  const recorder = useRecorder(labels);
  const recording = recorder.elapsed !== undefined;
  const [text, setText] = useState('');
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<ChatError>();
  const form = useRef<HTMLFormElement>(null);
  const busy = status === 'submitted' || status === 'streaming';
  const tooLong = maxChars !== undefined && text.length > maxChars;
  const hasInput = text.trim() !== '' || attachments.items.length > 0;
  const canSend = !disabled && !busy && !tooLong && uploading === 0 && hasInput;

  const submit = async () => {
    if (!canSend) return;
    const question = text;
    const files = attachments.items.flatMap((item) => (item.kind === 'file' && item.file ? [item.file] : []));
    let uploads = inlineUploads(attachments.items);
    setError(undefined);
    if (files.length > 0) {
      // Nothing is cleared until the files are in: a failed upload leaves the question and its files to retry.
      setUploading(files.length);
      try {
        uploads = [...uploads, ...(await store.uploadFiles(files))];
      } catch (failure) {
        setError(isFlowiseError(failure) ? failure.toChatError() : { kind: 'network', message: String(failure) });
        return;
      } finally {
        setUploading(0);
      }
    }
    setText('');
    attachments.clear();
    void (uploads.length > 0 ? store.send(question, { uploads }) : store.send(question));
  };
  /** A spoken question: the server transcribes it, and the transcript becomes the question. */
  const sendRecording = async () => {
    const audio = await recorder.finish();
    if (audio) void store.send('', { uploads: [audio] });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) store.stop();
    else void submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229: Safari reports IME composition this way and sets isComposing false on the final Enter.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void submit();
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0 || !attachments.accepts) return;
    event.preventDefault();
    void attachments.addFiles(files);
  };
  useDrop(dropZone ?? form, attachments.accepts && !disabled, attachments.addFiles);

  const root = ['fk-composer', className].filter(Boolean).join(' ');
  return (
    <form ref={form} className={root} onSubmit={onSubmit}>
      {attachments.refusals.length > 0 || error || recorder.error ? (
        <div className="fk-composer__alerts" role="alert">
          {attachments.refusals.map((message) => (
            <p key={message}>{message}</p>
          ))}
          {error ? <p>{error.message}</p> : null}
          {recorder.error ? <p>{recorder.error.message}</p> : null}
        </div>
      ) : null}
      <AttachmentList
        items={attachments.items}
        onRemove={attachments.remove}
        labels={labels}
        disabled={uploading > 0}
      />
      {uploading > 0 ? (
        <p className="fk-composer__progress" role="status">
          <progress aria-label={labels.uploading(uploading)} />
          {labels.uploading(uploading)}
        </p>
      ) : null}
      <div className="fk-composer__row">
        {recording ? (
          <RecordControls
            recorder={recorder}
            labels={labels}
            disabled={false}
            onRecorded={() => void sendRecording()}
          />
        ) : null}
        {!recording && attachments.accepts ? (
          <AttachControls
            accept={attachments.accept}
            allowUrl={config?.isImageUploadAllowed === true}
            disabled={disabled || uploading > 0}
            labels={labels}
            onFiles={(files) => void attachments.addFiles(files)}
            onUrl={attachments.addUrl}
          />
        ) : null}
        <textarea
          hidden={recording}
          className="fk-composer__input"
          aria-label={label ?? words.message}
          placeholder={placeholder ?? words.placeholder}
          aria-invalid={tooLong || undefined}
          value={text}
          rows={1}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {!recording && config?.isSpeechToTextEnabled ? (
          <RecordControls
            recorder={recorder}
            labels={labels}
            disabled={disabled || busy}
            onRecorded={() => undefined}
          />
        ) : null}
        {recording ? null : busy ? (
          <button type="submit" className="fk-button fk-composer__button" aria-label={words.stopAnswering}>
            {words.stop}
          </button>
        ) : (
          <button
            type="submit"
            className="fk-button fk-button--primary fk-composer__button"
            disabled={!canSend}
            aria-label={words.send}
          >
            {words.send}
          </button>
        )}
      </div>
      {tooLong ? (
        <p className="fk-composer__warning" role="alert">
          {fillLabel(words.maxCharsWarning, { max: maxChars ?? 0 })}
        </p>
      ) : null}
    </form>
  );
});

/** Files dropped on `zone` are attached; while something is dragged over it, it carries `data-fk-dropping`. */
function useDrop(zone: RefObject<HTMLElement | null>, enabled: boolean, onFiles: (files: File[]) => unknown): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  });
  useEffect(() => {
    const element = zone.current;
    if (!element || !enabled) return;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      element.setAttribute('data-fk-dropping', '');
    };
    const leave = (event: DragEvent) => {
      if (!element.contains(event.relatedTarget as Node | null)) element.removeAttribute('data-fk-dropping');
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      element.removeAttribute('data-fk-dropping');
      void latest.current(Array.from(event.dataTransfer?.files ?? []));
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  }, [zone, enabled]);
}
