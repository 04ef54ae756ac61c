import { Lexer } from 'marked';
import { memo, useMemo, useState } from 'react';
import { createBlockSplitter, renderableBlocks } from './blocks.js';
import { renderBlocks } from './tokens.js';
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

/** One top-level block, parsed and rendered only when its own text changes. */
const Block = memo(function Block({ source }: { source: string }) {
  return <>{renderBlocks(Lexer.lex(source, { gfm: true }))}</>;
});

/**
 * Renders an answer's markdown safely, block by block: completed blocks are memoised and not parsed again while
 * tokens stream; raw HTML is dropped; only http(s) and mailto URLs become links, only http(s) images load.
 * Parsing is marked's (CommonMark + GFM: tables, strikethrough, task lists, autolinks); rendering is straight to
 * React elements, never through an HTML string.
 */
export const Markdown = memo(function Markdown({ text, streaming = false, className }: MarkdownProps) {
  // One splitter per rendered answer: it remembers the previous blocks so a growing answer is re-lexed from its
  // last blocks only.
  const [split] = useState(createBlockSplitter);
  const blocks = useMemo(() => renderableBlocks(text, streaming, split), [text, streaming, split]);
  return (
    <div className={className ? `fk-markdown ${className}` : 'fk-markdown'}>
      {blocks.map((block, index) => (
        <Block key={index} source={block} />
      ))}
    </div>
  );
});
