import { nextRevealBudget, PACING, revealEnd, schedulerFor } from '@flowise-kit/core/internal';
import type { Tokens } from 'marked';
import { lex } from './lexer.js';
import { memo, useEffect, useMemo, useState } from 'react';
import { createUnitSplitter, renderableUnits, toBlocks, type ListBlock, type RenderBlock } from './blocks.js';
import { markOpenCode, renderBlocks, renderListItem } from './tokens.js';
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

/** Lexes a block; `open`: its last code fence is still streaming (see {@link markOpenCode}). */
function lexBlock(source: string, open: boolean) {
  const tokens = lex(source);
  if (open) markOpenCode(tokens);
  return tokens;
}

/** One top-level block, parsed and rendered only when its own text changes. */
const Block = memo(function Block({ source, open }: { source: string; open: boolean }) {
  return <>{renderBlocks(lexBlock(source, open))}</>;
});

/**
 * One item of a top-level list, parsed and rendered only when its own text, its place (last or not) or the list's
 * looseness changes. An item that is not the last is lexed with a stand-in item after it: marked trims the end of
 * a list's last item (the spaces of an indented code line, the blank lines of an open fence), not of the others.
 */
const ListItem = memo(function ListItem({
  source,
  marker,
  last,
  loose,
  open,
}: {
  source: string;
  marker: string;
  last: boolean;
  loose: boolean;
  open: boolean;
}) {
  const list = lexBlock(last ? source : `${source}${marker} .\n`, open).find(
    (token): token is Tokens.List => token.type === 'list',
  );
  const item = list?.items[0];
  return item ? renderListItem(item, loose, 0) : <li>{source}</li>;
});

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((s, i) => s === b[i]);
const sameList = (a: ListBlock, b: ListBlock) =>
  a.delimiter === b.delimiter && a.start === b.start && a.loose === b.loose && sameItems(a.items, b.items);

/** A top-level list: the list element around memoised items, so a growing last item re-renders only itself. */
const List = memo(
  function List({ list, open }: { list: ListBlock; open: boolean }) {
    const marker = list.ordered ? `1${list.delimiter}` : list.delimiter;
    const last = list.items.length - 1;
    const items = list.items.map((source, index) => (
      <ListItem
        key={index}
        source={source}
        marker={marker}
        last={index === last}
        loose={list.loose}
        open={open && index === last}
      />
    ));
    if (!list.ordered) return <ul>{items}</ul>;
    return <ol {...(list.start !== 1 ? { start: list.start } : {})}>{items}</ol>;
  },
  (a, b) => a.open === b.open && sameList(a.list, b.list),
);

/** `open`: the answer's last block while a code fence in it is still streaming. */
function RenderedBlock({ block, open = false }: { block: RenderBlock; open?: boolean }) {
  return typeof block === 'string' ? <Block source={block} open={open} /> : <List list={block} open={open} />;
}

/** Settled blocks are rendered in groups of this many. */
const GROUP = 32;

const sameBlock = (a: RenderBlock, b: RenderBlock) =>
  a === b || (typeof a !== 'string' && typeof b !== 'string' && sameList(a, b));
const sameBlocks = (a: { blocks: RenderBlock[] }, b: { blocks: RenderBlock[] }) =>
  a.blocks.length === b.blocks.length && a.blocks.every((block, i) => sameBlock(block, b.blocks[i]!));

/**
 * A run of settled blocks in one box. As one flat list, every frame of a long answer would make React walk all its
 * blocks and the browser's layout iterate all of them for the one block that grew; in groups, both walk a group per
 * {@link GROUP} blocks and skip the unchanged groups.
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
 * autolinks) with math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`); rendering is straight to React elements, never through an
 * HTML string. Code blocks get a language label, a copy button and, once their fence closes, syntax highlighting;
 * formulas are typeset by KaTeX; both load on first use. Wide tables scroll inside their own box.
 */
export const Markdown = memo(function Markdown({ text, streaming = false, className }: MarkdownProps) {
  // One splitter per rendered answer: it remembers the previous units so a growing answer is re-lexed from its
  // last units only.
  const [split] = useState(createUnitSplitter);
  // A store update renders in one synchronous task and lexing grows with the new text, so a burst is revealed over
  // frames as growing prefixes, on core's pacing (PACING.reveal*): the splitter takes any prefix, and an unfinished
  // prefix is completed like a streaming one. A settled text shows whole on its first render (server rendering, a
  // restored conversation); a streaming one starts from nothing, also when it remounts (a widget panel reopened).
  // `shown.length`: what the last render showed; `shown.budget`: how much more this frame may show.
  const first: number = PACING.revealFirstChars;
  const [shown, setShown] = useState(() => ({ length: streaming ? 0 : text.length, budget: first }));
  const capped = text.length > shown.length + shown.budget;
  const end = capped ? revealEnd(text, shown.length, shown.budget) : text.length;
  if (!capped && (end !== shown.length || shown.budget !== first)) setShown({ length: end, budget: first });
  const nextBudget = nextRevealBudget(shown.budget);
  useEffect(() => {
    if (!capped) return;
    return schedulerFor('frame')!(() => setShown({ length: end, budget: nextBudget }));
  }, [capped, end, nextBudget]);
  const visible = capped ? text.slice(0, end) : text;
  const units = useMemo(
    () => renderableUnits(visible, streaming || capped, split),
    [visible, streaming, capped, split],
  );
  const blocks = useMemo(() => toBlocks(units), [units]);
  const open = Boolean(units.at(-1)?.open);
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
        <RenderedBlock key={settled + index} block={block} open={open && settled + index === blocks.length - 1} />
      ))}
    </div>
  );
});
