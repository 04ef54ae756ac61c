import { useRef, useState, type FormEvent } from 'react';
import type { Labels } from '../../labels.js';

/** The composer's attach buttons: a file picker and, when images are allowed, an image URL field. */
export function AttachControls({
  accept,
  allowUrl,
  disabled,
  labels,
  onFiles,
  onUrl,
}: {
  accept: string;
  allowUrl: boolean;
  disabled: boolean;
  labels: Labels;
  onFiles: (files: File[]) => void;
  /** `false` when the URL is not an http(s) URL. */
  onUrl: (url: string) => boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [urlOpen, setUrlOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [bad, setBad] = useState(false);
  const submitUrl = (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    if (!onUrl(url)) return setBad(true);
    setUrl('');
    setBad(false);
    setUrlOpen(false);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={accept}
        aria-label={labels.attach}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className="fk-button fk-button--ghost fk-composer__tool"
        aria-label={labels.attach}
        title={labels.attach}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            d="M16 7l-7.5 7.5a2 2 0 0 0 2.8 2.8L19 9.6a4 4 0 0 0-5.7-5.7L5.6 11.6a6 6 0 0 0 8.5 8.5L20 14"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {allowUrl ? (
        <button
          type="button"
          className="fk-button fk-button--ghost fk-composer__tool"
          aria-label={labels.addImageUrl}
          aria-expanded={urlOpen}
          title={labels.addImageUrl}
          disabled={disabled}
          onClick={() => setUrlOpen((open) => !open)}
        >
          URL
        </button>
      ) : null}
      {urlOpen ? (
        // Not a nested <form>: the composer is one.
        <div className="fk-composer__url" role="group" aria-label={labels.addImageUrl}>
          <input
            type="url"
            className="fk-composer__url-input"
            aria-label={labels.imageUrl}
            placeholder="https://…"
            value={url}
            autoFocus
            aria-invalid={bad}
            onChange={(event) => setUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') submitUrl(event);
              if (event.key === 'Escape') setUrlOpen(false);
            }}
          />
          <button type="button" className="fk-button" onClick={submitUrl}>
            {labels.addUrl}
          </button>
          {bad ? (
            <span className="fk-composer__note" role="alert">
              {labels.badUrl}
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
