import type { ChatStore } from '@flowise-kit/core';
import { memo, useState } from 'react';
import { useChatStore } from '../../context.js';
import { useSources } from '../../selectors.js';
import { sourceInfo } from '../SourceList/source-info.js';
import { useLabels } from '../../labels.js';
import '../../styles/theme.css';
import './SourceChips.css';

/** Props of {@link SourceChips}. */
export interface SourceChipsProps {
  /** Whose sources; default: the latest answer. */
  messageId?: string;
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** Added to the root element's classes, for your own styles. */
  className?: string;
  /** The group's accessible name. Default: the `sources` label ("Sources"). */
  title?: string;
}

/**
 * The sources of one answer as compact chips, for a narrow chat (the widget): one chip per document (the same
 * title seen twice is one chip); a chip opens (and closes) its full entry below them (location, text, and the link when the source
 * is a safe http(s) URL). Renders nothing when there are none; tokens never render it.
 */
export const SourceChips = memo(function SourceChips({
  messageId,
  store,
  className,
  title: titleProp,
}: SourceChipsProps) {
  const labels = useLabels();
  const title = titleProp ?? labels.sources;
  const sources = useSources(messageId, useChatStore(store));
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  if (sources.length === 0) return null;
  const seen = new Set<string>();
  const chips = sources
    .map((document, index) => ({ document, index, info: sourceInfo(document, index, 400) }))
    .filter(({ info }) => !seen.has(info.title) && Boolean(seen.add(info.title)));
  const toggle = (index: number) => {
    const next = new Set(open);
    if (!next.delete(index)) next.add(index);
    setOpen(next);
  };
  return (
    <div className={className ? `fk-source-chips ${className}` : 'fk-source-chips'} role="group" aria-label={title}>
      <div className="fk-source-chips__row">
        {chips.map(({ index, info }) => (
          <button
            key={index}
            type="button"
            className="fk-source-chip"
            aria-expanded={open.has(index)}
            onClick={() => toggle(index)}
            title={info.title}
          >
            {info.title}
          </button>
        ))}
      </div>
      {chips
        .filter((chip) => open.has(chip.index))
        .map(({ index, info, document }) => (
          <div key={index} className="fk-source-chips__entry" role="region" aria-label={info.title}>
            {info.href ? (
              <a href={info.href} target="_blank" rel="noopener noreferrer nofollow">
                {info.title}
              </a>
            ) : (
              <strong>{info.title}</strong>
            )}
            {info.location ? <span className="fk-source-chips__location">{info.location}</span> : null}
            <p>{document.pageContent}</p>
          </div>
        ))}
    </div>
  );
});
