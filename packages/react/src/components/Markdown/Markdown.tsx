import { nextRevealBudget, PACING, revealEnd, schedulerFor } from '@flowise-kit/core/internal';
import type { Tokens } from 'marked';
import { lex } from './lexer.js';
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
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

/** Blocks are rendered in groups of this many. */
const GROUP = 32;

const sameBlock = (a: RenderBlock, b: RenderBlock) =>
  a === b || (typeof a !== 'string' && typeof b !== 'string' && sameList(a, b));

interface GroupProps {
  blocks: RenderBlock[];
  /** Its last block is the answer's, with a code fence still streaming. */
  open: boolean;
}
const sameGroup = (a: GroupProps, b: GroupProps) =>
  a.open === b.open &&
  a.blocks.length === b.blocks.length &&
  a.blocks.every((block, i) => sameBlock(block, b.blocks[i]!));

/**
 * A group's size class for its height before the browser has laid it out once (Markdown.css): off screen a group is
 * not laid out, and a conversation restored with the view at its end would otherwise give every answer above it the
 * same guess. By its characters: up to 400, 1,600, 6,400, or more; `auto` then keeps the real height.
 */
function sizeClass(blocks: readonly RenderBlock[]): 's' | 'm' | 'l' | 'xl' {
  let characters = 0;
  for (const block of blocks) characters += typeof block === 'string' ? block.length : block.items.join('').length;
  return characters <= 400 ? 's' : characters <= 1_600 ? 'm' : characters <= 6_400 ? 'l' : 'xl';
}

/**
 * A run of {@link GROUP} blocks in one box. As one flat list, every frame of a long answer would make React walk all
 * its blocks and the browser's layout iterate all of them for the one block that grew; in groups, both walk a group
 * per {@link GROUP} blocks and skip the unchanged groups. Every block is in its group from the start, so a block
 * keeps its DOM for the answer's life (moving settled blocks into a group once 32 had settled remounted them all: a
 * long task on a phone each time, and on a code block a second highlighting).
 */
const BlockGroup = memo(function BlockGroup({ blocks, open }: GroupProps) {
  const last = blocks.length - 1;
  return (
    <div className={`fk-markdown__group fk-markdown__group--${sizeClass(blocks)}`}>
      {blocks.map((block, index) => (
        <RenderedBlock key={index} block={block} open={open && index === last} />
      ))}
    </div>
  );
}, sameGroup);

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
  // Only the groups that hold the last two blocks (the ones that can still change while streaming) render again.
  const groups: ReactNode[] = [];
  for (let start = 0; start < blocks.length; start += GROUP) {
    const stop = Math.min(blocks.length, start + GROUP);
    groups.push(<BlockGroup key={start} blocks={blocks.slice(start, stop)} open={open && stop === blocks.length} />);
  }
  return <div className={className ? `fk-markdown ${className}` : 'fk-markdown'}>{groups}</div>;
});
