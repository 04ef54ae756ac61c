import type { ChatStore } from '@flowise-kit/core';
import { memo } from 'react';
import { useChatStore } from '../../context.js';
import { useSources } from '../../selectors.js';
import { sourceInfo } from './source-info.js';
import { fillLabel, useLabels } from '../../labels.js';
import '../../styles/theme.css';
import './SourceList.css';

/** Props of {@link SourceList}. */
export interface SourceListProps {
  /** Whose sources; default: the latest answer. */
  messageId?: string;
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** Added to the root element's classes, for your own styles. */
  className?: string;
  /** Characters of the excerpt shown before "Show full text". Default 220. */
  excerptLength?: number;
  /** The heading. Default: the `sources` label ("Sources"). */
  title?: string;
}

/**
 * The source documents of an answer: title, a link only for safe http(s) sources, location, a short excerpt and the
 * full text on demand. Renders nothing when there are none. Subscribes to the sources only: tokens never render it.
 */
export const SourceList = memo(function SourceList({
  messageId,
  store,
  className,
  excerptLength = 220,
  title: titleProp,
}: SourceListProps) {
  const labels = useLabels();
  const title = titleProp ?? labels.sources;
  const sources = useSources(messageId, useChatStore(store));
  if (sources.length === 0) return null;
  return (
    <section className={className ? `fk-source-list ${className}` : 'fk-source-list'} aria-label={title}>
      <h3 className="fk-source-list__title">
        {title}{' '}
        <span className="fk-badge" aria-label={fillLabel(labels.sourceCount, { count: sources.length })}>
          {sources.length}
        </span>
      </h3>
      <ol className="fk-source-list__items">
        {sources.map((document, index) => {
          const info = sourceInfo(document, index, excerptLength);
          return (
            <li key={index} className="fk-source">
              <div className="fk-source__head">
                {info.href ? (
                  <a className="fk-source__title" href={info.href} target="_blank" rel="noopener noreferrer nofollow">
                    {info.title}
                  </a>
                ) : (
                  <span className="fk-source__title">{info.title}</span>
                )}
                {info.location ? (
                  <span className="fk-source__location" title={info.location}>
                    {info.location}
                  </span>
                ) : null}
              </div>
              <p className="fk-source__excerpt">{info.excerpt}</p>
              {info.truncated ? (
                <details className="fk-source__full">
                  <summary>{labels.showFullText}</summary>
                  <p>{document.pageContent}</p>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
});
