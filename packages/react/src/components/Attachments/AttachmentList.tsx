import { formatBytes } from '@flowise-kit/core';
import { uploadImageSrc } from './image-src.js';
import { fillLabel, type Labels } from '../../labels.js';
import type { PendingAttachment } from './useAttachments.js';
import './Attachments.css';

/** The composer's pending attachments: a thumbnail per image, a chip per file, each removable. */
export function AttachmentList({
  items,
  onRemove,
  labels,
  disabled,
}: {
  items: readonly PendingAttachment[];
  onRemove: (id: string) => void;
  labels: Labels;
  disabled: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="fk-attachments" aria-label={labels.attachments}>
      {items.map((item) => {
        const src = (item.kind === 'image' || item.kind === 'url') && item.data ? uploadImageSrc(item.data) : undefined;
        return (
          <li key={item.id} className="fk-attachment" title={item.name}>
            {src ? (
              <img className="fk-attachment__thumb" src={src} alt={item.name} />
            ) : (
              <span className="fk-attachment__file">
                <span className="fk-attachment__name">{item.name}</span>
                <span className="fk-attachment__size">
                  {formatBytes(item.size)}
                  {item.kind === 'rag' ? ` · ${labels.ragFile}` : null}
                </span>
              </span>
            )}
            <button
              type="button"
              className="fk-attachment__remove"
              aria-label={fillLabel(labels.remove, { name: item.name })}
              disabled={disabled}
              onClick={() => onRemove(item.id)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
