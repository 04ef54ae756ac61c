import { memo, useMemo, type ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { renderableBlocks } from './blocks';
import { safeImageUrl, safeLinkUrl } from './safe-url';
import '../../styles/theme.css';
import './Markdown.css';

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** Untrusted markdown (model output). Raw HTML in it is never rendered. */
  text: string;
  /** While true the last block is completed before rendering (unclosed emphasis, fences, links). */
  streaming?: boolean;
  className?: string;
}

const remarkPlugins = [remarkGfm];

function SafeLink({ href, children, node: _node, ...rest }: ComponentProps<'a'> & { node?: unknown }) {
  const safe = safeLinkUrl(href);
  if (!safe) return <span className="fk-markdown__unsafe-link">{children}</span>;
  return (
    <a {...rest} href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

function SafeImage({ src, alt, node: _node }: ComponentProps<'img'> & { node?: unknown }) {
  const safe = safeImageUrl(src);
  if (!safe) return <span className="fk-markdown__unsafe-image">{alt ? `[${alt}]` : null}</span>;
  return <img src={safe} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />;
}

const components: Components = { a: SafeLink, img: SafeImage };

/** URLs are checked by the link and image components; keep react-markdown from rewriting them first. */
const keepUrl = (url: string) => url;

const Block = memo(function Block({ source }: { source: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={components} urlTransform={keepUrl} skipHtml>
      {source}
    </ReactMarkdown>
  );
});

/**
 * Renders an answer's markdown safely, block by block: completed blocks are memoised and not parsed again while
 * tokens stream; raw HTML is skipped; only http(s) and mailto URLs become links, only http(s) images load.
 */
export const Markdown = memo(function Markdown({ text, streaming = false, className }: MarkdownProps) {
  const blocks = useMemo(() => renderableBlocks(text, streaming), [text, streaming]);
  return (
    <div className={className ? `fk-markdown ${className}` : 'fk-markdown'}>
      {blocks.map((block, index) => (
        <Block key={index} source={block} />
      ))}
    </div>
  );
});
