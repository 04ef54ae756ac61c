import { isFlowiseError, type ChatError, type ChatStore, type FileUpload } from '@flowise-kit/core';
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
import { namePasted } from '../Attachments/pasted.js';
import { RecordControls } from '../Attachments/RecordControls.js';
import { inlineUploads, useAttachments, type PendingAttachment } from '../Attachments/useAttachments.js';
import { useRecorder } from '../Attachments/useRecorder.js';
import { fillLabel, mergeLabels, useLabels, type Labels } from '../../labels.js';
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
  /** Strings to replace here, over the `LabelsProvider`'s (the attachment and recording controls' are `Labels` too). */
  labels?: Partial<Labels>;
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
  const labels = useMemo(() => mergeLabels(words, labelOverrides), [words, labelOverrides]);
  const attachments = useAttachments(config, labels, maxAttachments);
  const recorder = useRecorder(labels);
  const recording = recorder.elapsed !== undefined;
  const [text, setText] = useState('');
  /** The progress text while files go through Flowise. */
  const [uploading, setUploading] = useState<string>();
  const [error, setError] = useState<ChatError>();
  const form = useRef<HTMLFormElement>(null);
  /** A second Enter before the send must not upload again. */
  const submitting = useRef(false);
  const busy = status === 'submitted' || status === 'streaming';
  const tooLong = maxChars !== undefined && text.length > maxChars;
  const hasInput = text.trim() !== '' || attachments.items.length > 0;
  const canSend = !disabled && !busy && !tooLong && uploading === undefined && hasInput;

  const submit = () => {
    if (!canSend || submitting.current) return;
    const question = text;
    const send = (uploads: FileUpload[]) => {
      setText('');
      attachments.clear();
      void (uploads.length > 0 ? store.send(question, { uploads }) : store.send(question));
    };
    const waiting = (kind: 'file' | 'rag') =>
      attachments.items.filter((item) => item.kind === kind && item.file && !item.upload);
    const [rag, full] = [waiting('rag'), waiting('file')];
    setError(undefined);
    if (rag.length === 0 && full.length === 0) return send(inlineUploads(attachments.items));
    submitting.current = true;
    void throughFlowise(rag, full)
      .then((uploads) => uploads && send(uploads))
      .finally(() => (submitting.current = false));
  };
  /** RAG then full files through Flowise; on a failure all stays to retry, and what was upserted is not again. */
  const throughFlowise = async (
    rag: PendingAttachment[],
    full: PendingAttachment[],
  ): Promise<FileUpload[] | undefined> => {
    const uploads = inlineUploads(attachments.items);
    let upserted: FileUpload[] = [];
    try {
      if (rag.length > 0) {
        setUploading(count(labels.upsertingFile, labels.upsertingFiles, rag.length));
        upserted = await store.upsertFiles(rag.map((item) => item.file!));
      }
      if (full.length > 0) {
        setUploading(count(labels.uploadingFile, labels.uploadingFiles, full.length));
        uploads.push(...(await store.uploadFiles(full.map((item) => item.file!))));
      }
    } catch (failure) {
      attachments.settle(new Map(upserted.map((upload, i) => [rag[i]!.id, upload])));
      setError(isFlowiseError(failure) ? failure.toChatError() : { kind: 'network', message: String(failure) });
      return undefined;
    } finally {
      setUploading(undefined);
    }
    return [...uploads, ...upserted];
  };
  /** The transcript becomes the question: a typed draft would be dropped by Flowise, so it stays in the composer. */
  const sendRecording = async () => {
    const audio = await recorder.finish();
    if (audio) void store.send('', { uploads: [audio] });
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
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData.files, (file) => namePasted(file));
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
        disabled={uploading !== undefined}
      />
      {uploading !== undefined ? (
        <p className="fk-composer__progress" role="status">
          <progress aria-label={uploading} />
          {uploading}
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
            disabled={disabled || uploading !== undefined}
            labels={labels}
            onFiles={(files) => void attachments.addFiles(files)}
            onUrl={attachments.addUrl}
          />
        ) : null}
        <textarea
          hidden={recording}
          className="fk-composer__input"
          aria-label={label ?? labels.message}
          placeholder={placeholder ?? labels.placeholder}
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
      </div>
      {tooLong ? (
        <p className="fk-composer__warning" role="alert">
          {fillLabel(labels.maxCharsWarning, { max: maxChars ?? 0 })}
        </p>
      ) : null}
    </form>
  );
});

/** The label for one, or the label for `n` with its `{count}`. */
function count(one: string, many: string, n: number): string {
  return n === 1 ? one : fillLabel(many, { count: n });
}

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
