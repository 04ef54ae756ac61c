import { schedulerFor } from '@flowise-kit/core';
import { Lexer, type Tokens } from 'marked';
import { memo, useEffect, useMemo, useState } from 'react';
import { createUnitSplitter, renderableUnits, toBlocks, type ListBlock, type RenderBlock } from './blocks.js';
import { renderBlocks, renderListItem } from './tokens.js';
import '../../styles/theme.css';
import './Markdown.css';

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** Untrusted markdown (model output). Raw HTML in it is never rendered. */
  text: string;
  /** While true the last block is completed before rendering (unclosed emphasis, fences, links). */
  streaming?: boolean;
  /** Added to the root element's class. */
  className?: string;
}

/** One top-level block, parsed and rendered only when its own text changes. */
const Block = memo(function Block({ source }: { source: string }) {
  return <>{renderBlocks(Lexer.lex(source, { gfm: true }))}</>;
});

/**
 * One item of a top-level list, parsed and rendered only when its own text, its place (last or not) or the list's
 * looseness changes. An item that is not the last is lexed with a stand-in item after it: marked trims the end of
 * a list's last item (the spaces of an indented code line, the blank lines of an open fence), not of the others.
 */
const ListItem = memo(function ListItem({ source, marker, last, loose }: { source: string; marker: string; last: boolean; loose: boolean }) {
  const list = Lexer.lex(last ? source : `${source}${marker} .\n`, { gfm: true }).find((token): token is Tokens.List => token.type === 'list');
  const item = list?.items[0];
  return item ? renderListItem(item, loose, 0) : <li>{source}</li>;
});

const sameItems = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);
const sameList = (a: ListBlock, b: ListBlock) => a.delimiter === b.delimiter && a.start === b.start && a.loose === b.loose && sameItems(a.items, b.items);

/** A top-level list: the list element around memoised items, so a growing last item re-renders only itself. */
const List = memo(function List({ list }: { list: ListBlock }) {
  const marker = list.ordered ? `1${list.delimiter}` : list.delimiter;
  const items = list.items.map((source, index) => <ListItem key={index} source={source} marker={marker} last={index === list.items.length - 1} loose={list.loose} />);
  if (!list.ordered) return <ul>{items}</ul>;
  return <ol {...(list.start !== 1 ? { start: list.start } : {})}>{items}</ol>;
}, (a, b) => sameList(a.list, b.list));

function RenderedBlock({ block }: { block: RenderBlock }) {
  return typeof block === 'string' ? <Block source={block} /> : <List list={block} />;
}

/** Settled blocks are rendered in groups of this many. */
const GROUP = 32;

/**
 * When an answer grows by more than this many characters at once (a burst from a fast server, a long answer
 * delivered whole), it shows them about this many a frame. Lexing and rendering cost grows with the text: 120 kB
 * arriving at once (20,000 tokens) were one 200 ms task; 8 kB a frame keep each frame's work to a few milliseconds,
 * and still show 480 kB a second.
 */
const CHARS_PER_FRAME = 8_192;

/**
 * A burst's first frame shows this much, and each next frame twice as much up to {@link CHARS_PER_FRAME}. The first
 * frames of a page's first answer run marked cold (interpreted, its regular expressions not yet compiled): 8 kB then
 * took 50–120 ms where a warm frame takes under 10.
 */
const FIRST_FRAME_CHARS = 1_024;

/** Where a frame's prefix of a burst ends: after the last line break within the budget, else at the budget. */
function cutPoint(text: string, from: number, budget: number): number {
  const limit = from + budget;
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  if (lineEnd >= from + budget / 2) return lineEnd + 1;
  // Never between the two halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

const sameBlock = (a: RenderBlock, b: RenderBlock) => a === b || (typeof a !== 'string' && typeof b !== 'string' && sameList(a, b));
const sameBlocks = (a: { blocks: RenderBlock[] }, b: { blocks: RenderBlock[] }) => a.blocks.length === b.blocks.length && a.blocks.every((block, i) => sameBlock(block, b.blocks[i]!));

/**
 * A run of settled blocks in one box. A long answer is thousands of blocks: as one flat list, every frame made React
 * walk all of them and the browser's layout iterate all of them for the one block that grew; in groups, both walk
 * a group per {@link GROUP} blocks and the unchanged groups are skipped.
 */
const BlockGroup = memo(function BlockGroup({ blocks }: { blocks: RenderBlock[] }) {
  return (
    <div className="fk-markdown__group">
      {blocks.map((block, index) => (
        <RenderedBlock key={index} block={block} />
      ))}
    </div>
  );
}, sameBlocks);

/**
 * Renders an answer's markdown safely, block by block: completed blocks (and completed items of a list) are
 * memoised and not parsed again while tokens stream; raw HTML is dropped; only http(s) and mailto URLs become
 * links, only http(s) images load. Parsing is marked's (CommonMark + GFM: tables, strikethrough, task lists,
 * autolinks); rendering is straight to React elements, never through an HTML string.
 */
export const Markdown = memo(function Markdown({ text, streaming = false, className }: MarkdownProps) {
  // One splitter per rendered answer: it remembers the previous units so a growing answer is re-lexed from its
  // last units only.
  const [split] = useState(createUnitSplitter);
  // React renders a store update in one synchronous task, and lexing grows with the new text: a burst of 20,000
  // tokens was one 200 ms task. A burst is shown CHARS_PER_FRAME a frame, as growing prefixes (the splitter takes
  // any prefix, and an unfinished prefix is completed like a streaming one). A settled text shows whole on its first
  // render (server rendering, a conversation restored); a streaming one can mount with a burst already in it (the
  // first commit of a fast server's answer), so it starts from nothing; so does one that remounts while streaming
  // (a widget panel closed and opened), which then fills in again. `shown.length`: what the last render showed;
  // `shown.budget`: how much more this frame may show (see FIRST_FRAME_CHARS).
  const [shown, setShown] = useState(() => ({ length: streaming ? 0 : text.length, budget: FIRST_FRAME_CHARS }));
  const capped = text.length > shown.length + shown.budget;
  const end = capped ? cutPoint(text, shown.length, shown.budget) : text.length;
  if (!capped && (end !== shown.length || shown.budget !== FIRST_FRAME_CHARS)) setShown({ length: end, budget: FIRST_FRAME_CHARS });
  const nextBudget = Math.min(CHARS_PER_FRAME, shown.budget * 2);
  useEffect(() => {
    if (!capped) return;
    // The store's own frame scheduler: the next animation frame, with a timer where frames do not come.
    return schedulerFor('frame')!(() => setShown({ length: end, budget: nextBudget }));
  }, [capped, end, nextBudget]);
  const visible = capped ? text.slice(0, end) : text;
  const units = useMemo(() => renderableUnits(visible, streaming || capped, split), [visible, streaming, capped, split]);
  const blocks = useMemo(() => toBlocks(units), [units]);
  // The last two blocks can still change while streaming; whole groups of the blocks before them are settled.
  const settled = Math.max(0, Math.floor((blocks.length - 2) / GROUP) * GROUP);
  const groups: RenderBlock[][] = [];
  for (let start = 0; start < settled; start += GROUP) groups.push(blocks.slice(start, start + GROUP));
  return (
    <div className={className ? `fk-markdown ${className}` : 'fk-markdown'}>
      {groups.map((group, index) => (
        <BlockGroup key={`g${index}`} blocks={group} />
      ))}
      {blocks.slice(settled).map((block, index) => (
        <RenderedBlock key={settled + index} block={block} />
      ))}
    </div>
  );
});
