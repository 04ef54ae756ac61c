import type { ChatStore, FileUpload } from '@flowise-kit/core';
import { useChatStore } from '../../context.js';
import { uploadImageSrc } from './image-src.js';
import { useLabels, type Labels } from '../../labels.js';
import './Attachments.css';

/** Props of {@link UploadPreviews}. */
export interface UploadPreviewsProps {
  /** The question's uploads (`UserMessage.uploads`). */
  uploads: readonly FileUpload[];
  /** The store (for `uploadedFileUrl`); defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** The strings shown; default: the `LabelsProvider`'s. */
  labels?: Pick<Labels, 'spoken' | 'attachments'>;
}

/**
 * What a question carried: its images (inline while the session lasts; after a reload through Flowise's
 * `get-upload-file`, as the saved history keeps only their names), its recording, and its files' names.
 */
export function UploadPreviews({ uploads, store: explicit, labels: own }: UploadPreviewsProps) {
  const inherited = useLabels();
  const labels = own ?? inherited;
  const store = useChatStore(explicit);
  if (uploads.length === 0) return null;
  return (
    <ul className="fk-attachments fk-attachments--sent" aria-label={labels.attachments}>
      {uploads.map((upload, index) => {
        const stored =
          upload.type === 'file' || upload.type === 'audio' ? store.uploadedFileUrl(upload.name) : undefined;
        const src = upload.data !== undefined && upload.type !== 'file:full' ? upload.data : stored;
        const key = `${index}-${upload.name}`;
        if (upload.type === 'audio') {
          return (
            <li key={key} className="fk-attachment fk-attachment--audio">
              {src ? <audio controls src={src} aria-label={labels.spoken} /> : labels.spoken}
            </li>
          );
        }
        const image = upload.mime.startsWith('image/') ? uploadImageSrc(src) : undefined;
        return (
          <li key={key} className="fk-attachment" title={upload.name}>
            {image ? (
              <img className="fk-attachment__thumb" src={image} alt={upload.name} />
            ) : (
              <span className="fk-attachment__file">
                <span className="fk-attachment__name">{upload.name}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
