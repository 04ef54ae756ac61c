import type { AssistantMessage, ChatStore } from '@flowise-kit/core';
import { memo, useState } from 'react';
import { useChatStore } from '../../context.js';
import { fillLabel, useLabels } from '../../labels.js';

/** Props of {@link FileAnnotations}. */
export interface FileAnnotationsProps {
  /** The answer whose files to offer. */
  message: AssistantMessage;
  /** The store (the download needs its conversation); defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
}

/** The file names in an answer's `fileAnnotations` (their shape is the provider's: only `fileName` is relied on). */
export function annotatedFiles(message: Pick<AssistantMessage, 'fileAnnotations'>): string[] {
  const names = message.fileAnnotations.map((a) => (a as { fileName?: unknown } | null)?.fileName);
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Download buttons for the files an answer cites (Flowise's `fileAnnotations`: files an OpenAI assistant or container
 * wrote), fetched through `openai-assistants-file/download` with the store's connection and saved under their name. A
 * failed download says why beside the buttons.
 */
export const FileAnnotations = memo(function FileAnnotations({ message, store }: FileAnnotationsProps) {
  const chat = useChatStore(store);
  const labels = useLabels();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const files = annotatedFiles(message);
  if (files.length === 0) return null;
  const download = async (fileName: string) => {
    setBusy(fileName);
    setError(undefined);
    try {
      save(await chat.downloadFile(fileName), fileName);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      setError(fillLabel(labels.downloadFailed, { name: fileName, reason }));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="fk-files" role="group" aria-label={labels.files}>
      {files.map((fileName) => (
        <button
          key={fileName}
          type="button"
          className="fk-chip fk-files__file"
          aria-label={fillLabel(labels.downloadFile, { name: fileName })}
          aria-busy={busy === fileName || undefined}
          onClick={() => void download(fileName)}
        >
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <path d="M12 4v11m0 0l-4-4m4 4l4-4M5 19h14" stroke="currentColor" strokeWidth="2" fill="none" />
          </svg>
          {fileName}
        </button>
      ))}
      {error ? (
        <p className="fk-files__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
