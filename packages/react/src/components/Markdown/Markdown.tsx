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

/** Settled blocks are rendered in groups of this many. */
const GROUP = 32;

const sameSources = (a: { sources: string[] }, b: { sources: string[] }) => a.sources.length === b.sources.length && a.sources.every((s, i) => s === b.sources[i]);

/**
 * A run of settled blocks in one box. A long answer is thousands of blocks: as one flat list, every frame made React
 * walk all of them and the browser's layout iterate all of them for the one block that grew; in groups, both walk
 * a group per {@link GROUP} blocks and the unchanged groups are skipped.
 */
const BlockGroup = memo(function BlockGroup({ sources }: { sources: string[] }) {
  return (
    <div className="fk-markdown__group">
      {sources.map((source, index) => (
        <Block key={index} source={source} />
      ))}
    </div>
  );
}, sameSources);

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
  // The last two blocks can still change while streaming; whole groups of the blocks before them are settled.
  const settled = Math.max(0, Math.floor((blocks.length - 2) / GROUP) * GROUP);
  const groups: string[][] = [];
  for (let start = 0; start < settled; start += GROUP) groups.push(blocks.slice(start, start + GROUP));
  return (
    <div className={className ? `fk-markdown ${className}` : 'fk-markdown'}>
      {groups.map((sources, index) => (
        <BlockGroup key={`g${index}`} sources={sources} />
      ))}
      {blocks.slice(settled).map((block, index) => (
        <Block key={settled + index} source={block} />
      ))}
    </div>
  );
});
