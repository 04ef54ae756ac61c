import type { Tokens } from 'marked';
import { lex } from './lexer.js';
import remend from 'remend';

/**
 * A piece of an answer that renders on its own: a top-level block (paragraph, fence, table ...), or one item of a
 * top-level list. Lists are split into their items because a model's answer is often one long list: as a single
 * block it would be lexed and rendered whole at every frame (quadratic in the answer's length). The sources of an
 * answer's units, in order, are exactly its text.
 */
export interface Unit {
  readonly source: string;
  /** For a list item: its list marker's kind (`-`, `*`, `+`, `.` or `)`); consecutive items of one kind are one list. */
  readonly bullet?: string;
  /**
   * For a list item: a blank line separates blocks inside the item. This, or a blank line between two items, makes
   * the whole list loose (its items render as paragraphs). Kept per item, not per list: the incremental splitter
   * re-lexes a list's last items alone, and a flag of the whole list would outlive the items it came from.
   */
  readonly loose?: boolean;
  /** For a list item: it starts a list (a list can end and another of the same kind follow, e.g. after an empty item). */
  readonly first?: boolean;
  /** For the last unit of a streaming answer: a code fence in it is not closed yet (its code is still arriving). */
  readonly open?: boolean;
}

/** A top-level list: its items' sources, rendered and memoised one by one. */
export interface ListBlock {
  readonly items: readonly string[];
  readonly ordered: boolean;
  /** The marker's kind: `-`, `*` or `+`, or an ordered list's `.` or `)`. */
  readonly delimiter: string;
  /** The first item's number (ordered lists). */
  readonly start: number;
  readonly loose: boolean;
}

/** What the renderer draws: a block's markdown source, or a list. */
export type RenderBlock = string | ListBlock;

const MARKER = /^ {0,3}(?:([*+-])|(\d{1,9})([.)]))/;

// marked's own tests: a blank line between an item's blocks; an item that ends in a blank line (so the next one
// makes the list loose).
const BLANK_LINE = /\n.*\n/;
const ENDS_WITH_BLANK_LINE = /\n[ \t]*\n[ \t]*$/;

/** A blank line between two of the item's own blocks (trailing blank lines belong between items, see toBlocks). */
function blankInside(item: Tokens.ListItem): boolean {
  let end = item.tokens.length;
  while (end > 0 && item.tokens[end - 1]!.type === 'space') end--;
  return item.tokens.slice(0, end).some((token) => token.type === 'space' && BLANK_LINE.test(token.raw));
}

/**
 * The items of a top-level list starting at `at`, as units. Sources are cut from the text itself, not taken from
 * marked's `raw`: marked writes a trailing empty item (`- `) as `-\n`, and the sources must add up to the text.
 */
function listUnits(list: Tokens.List, markdown: string, at: number, isLastToken: boolean): Unit[] | undefined {
  const units: Unit[] = [];
  let position = at;
  for (const [index, item] of list.items.entries()) {
    const marker = MARKER.exec(item.raw);
    if (!marker) return undefined;
    let source: string;
    if (markdown.startsWith(item.raw, position)) source = item.raw;
    else if (index === list.items.length - 1 && isLastToken) source = markdown.slice(position);
    else return undefined;
    units.push({
      source,
      bullet: marker[1] ?? marker[3]!,
      loose: blankInside(item),
      ...(index === 0 ? { first: true } : {}),
    });
    position += source.length;
  }
  // marked may keep a line break in the list's raw that no item holds.
  const end = markdown.startsWith(list.raw, at) ? at + list.raw.length : position;
  const last = units[units.length - 1];
  if (!last || end < position) return undefined;
  units[units.length - 1] = { ...last, source: last.source + markdown.slice(position, end) };
  return units;
}

/** Lexes markdown into units (blank lines join the unit before them); their sources add up to the text. */
export function splitUnits(markdown: string): Unit[] {
  const units: Unit[] = [];
  const tokens = lex(markdown);
  let position = 0;
  for (const [index, token] of tokens.entries()) {
    const items =
      token.type === 'list'
        ? listUnits(token as Tokens.List, markdown, position, index === tokens.length - 1)
        : undefined;
    if (items) {
      units.push(...items);
      for (const unit of items) position += unit.source.length;
      continue;
    }
    // A token whose raw is not the text at this point (marked normalised it): the rest is one unit.
    if (!markdown.startsWith(token.raw, position)) break;
    const last = units[units.length - 1];
    if (token.type === 'space' && last) units[units.length - 1] = { ...last, source: last.source + token.raw };
    else units.push({ source: token.raw });
    position += token.raw.length;
  }
  if (position < markdown.length) units.push({ source: markdown.slice(position) });
  return units;
}

/**
 * A unit splitter for text that only grows (a streaming answer): it re-lexes from a unit near the end instead of
 * from the beginning, so a frame costs the size of the last units, not of the whole answer.
 *
 * Where it may cut: at least the last two units are lexed again (a paragraph or item continued, a setext
 * underline, a fence closed), and only before a unit that starts in the first column and after one that ends in a
 * blank line or is an item of the same list (see {@link mayCutBetween}). Appending text can re-join blocks that are
 * not separated so (marked reads `para\n2) x\n-` as a
 * paragraph and a setext heading, and `para\n2) x\n- -` as one paragraph again), and an indented line after a
 * blank line still belongs to the list item before it. An item lexed on its own continues the list before it when
 * a full lex would go on with that list (see {@link continuesList}). When the new text does not extend the
 * previous one, it starts over. Known limit, shared with lexing block by block: a link reference definition
 * does not reach links in other blocks.
 */
export function createUnitSplitter(): (markdown: string) => Unit[] {
  let previousText = '';
  let previousUnits: Unit[] = [];
  // The pair of items asked about last, and the answer. While a list's last item grows, the cut stays before the
  // item ahead of it, so every frame asks about the same two settled items: a lex of two units saved per frame.
  let asked: readonly [string, string, boolean] | undefined;
  const continues = (previous: string, next: string) => {
    if (asked?.[0] !== previous || asked[1] !== next) asked = [previous, next, continuesList(previous, next)];
    return asked[2];
  };
  return (markdown) => {
    let cut = markdown.startsWith(previousText) ? Math.max(0, previousUnits.length - 2) : 0;
    while (cut > 0 && !mayCutBetween(previousUnits[cut - 1]!, previousUnits[cut]!)) cut--;
    if (cut === 0) {
      previousUnits = splitUnits(markdown);
    } else {
      const stable = previousUnits.slice(0, cut);
      let offset = 0;
      for (const unit of stable) offset += unit.source.length;
      const next = splitUnits(markdown.slice(offset));
      const [head] = next;
      const before = stable[stable.length - 1]!;
      if (head?.first && head.bullet === before.bullet && continues(before.source, head.source))
        next[0] = { ...head, first: false };
      previousUnits = [...stable, ...next];
    }
    previousText = markdown;
    return previousUnits;
  };
}

/**
 * Whether the splitter may lex from `after` on without `before`: `after` starts in the first column, and either
 * `before` ends in a blank line, or both are items of one tight list (`- a\n- b\n`) and `before` is neither its
 * first item nor empty. A new item at the first column closes the item before it, so nothing appended reaches back
 * into it; without this, an answer that is one long tight list is lexed whole at every frame (quadratic). The two
 * exceptions are marked's: a list's first item, and an empty item, can still turn into paragraph text when a later
 * line changes (`para\n- \n-` is a paragraph and a list of two items, `para\n- \n- -` one paragraph and one item).
 */
function mayCutBetween(before: Unit, after: Unit): boolean {
  if (!/^\S/.test(after.source)) return false;
  if (ENDS_WITH_BLANK_LINE.test(before.source)) return true;
  return (
    before.bullet !== undefined &&
    after.bullet === before.bullet &&
    !after.first &&
    !before.first &&
    NON_EMPTY_ITEM.test(before.source)
  );
}

/** A list item with content after its marker. */
const NON_EMPTY_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S/;

/** Whether item `next` goes on the list of item `previous` (written right before it), as a full lex would see it. */
function continuesList(previous: string, next: string): boolean {
  const [token] = lex(previous + next);
  return token?.type === 'list' && (token as Tokens.List).items.length > 1;
}

/**
 * Consecutive list items of one marker kind become one {@link ListBlock}, up to an item that starts a new list.
 * A list is loose when an item has a blank line between its blocks or an item other than the last ends in a blank
 * line: marked's rule, applied to items that may have been lexed in different pieces.
 */
export function toBlocks(units: readonly Unit[]): RenderBlock[] {
  const blocks: RenderBlock[] = [];
  for (let i = 0; i < units.length;) {
    const unit = units[i]!;
    if (unit.bullet === undefined) {
      blocks.push(unit.source);
      i++;
      continue;
    }
    const items: string[] = [];
    let loose = false;
    for (; i < units.length && units[i]!.bullet === unit.bullet && (items.length === 0 || !units[i]!.first); i++) {
      if (items.length > 0 && ENDS_WITH_BLANK_LINE.test(items[items.length - 1]!)) loose = true;
      items.push(units[i]!.source);
      loose ||= Boolean(units[i]!.loose);
    }
    const number = MARKER.exec(unit.source)?.[2];
    blocks.push({
      items,
      ordered: number !== undefined,
      delimiter: unit.bullet,
      start: number === undefined ? 1 : Number(number),
      loose,
    });
  }
  return blocks;
}

/**
 * remend's completions, but a formula is never closed for it: a half-written formula shows as the text it is until
 * its own closing delimiter arrives (KaTeX would reject most prefixes of a formula, and the rest would jump about).
 */
const REMEND = { katex: false, inlineKatex: false } as const;

const FENCE_LINE = /^(`{3,}|~{3,})(.*)$/;
/** A line's leading indentation, blockquote markers and list marker: a fence may sit inside a quote or an item. */
const LINE_PREFIX = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

/** Whether a code fence in `markdown` is still open at its end (CommonMark's rule, ignoring indentation depth). */
export function hasOpenFence(markdown: string): boolean {
  if (!markdown.includes('```') && !markdown.includes('~~~')) return false;
  let open: string | undefined;
  for (const line of markdown.split('\n')) {
    const fence = FENCE_LINE.exec(line.replace(LINE_PREFIX, ''));
    if (!fence) continue;
    const [, marks, rest] = fence as unknown as [string, string, string];
    if (open === undefined) {
      if (marks[0] !== '`' || !rest.includes('`')) open = marks;
    } else if (marks[0] === open[0] && marks.length >= open.length && !rest.trim()) {
      open = undefined;
    }
  }
  return open !== undefined;
}

/**
 * The units to render for an answer. While it streams, the last unit is completed (an unclosed `**`, code fence
 * or link is closed) so the half-written markdown renders as what it will become instead of flickering; an open
 * code fence marks it `open`, so its code shows as plain text until the fence closes.
 */
export function renderableUnits(
  markdown: string,
  streaming: boolean,
  split: (markdown: string) => readonly Unit[] = splitUnits,
): Unit[] {
  const units = split(markdown).slice();
  const last = units[units.length - 1];
  if (streaming && last)
    units[units.length - 1] = {
      ...last,
      source: remend(last.source, REMEND),
      ...(hasOpenFence(last.source) ? { open: true } : {}),
    };
  return units;
}
