import { Lexer } from 'marked';
import remend from 'remend';

/**
 * Splits markdown into top-level blocks (paragraphs, lists, fences, tables ...) so each block renders as its own
 * memoised component: while an answer streams only the last block changes, and completed blocks are not parsed
 * again on every token.
 */
export function splitBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const token of Lexer.lex(markdown, { gfm: true })) {
    if (token.type === 'space' && blocks.length > 0) {
      blocks[blocks.length - 1] += token.raw;
    } else {
      blocks.push(token.raw);
    }
  }
  return blocks;
}

/**
 * A block splitter for text that only grows (a streaming answer): it re-lexes from the start of the second-to-last
 * block instead of from the beginning, so a frame costs the size of the last blocks, not of the whole answer
 * (lexing the whole of a 35 kB answer at every frame was the largest script cost while streaming). Appending text
 * can change only the last block or two (a list or paragraph continued, a setext underline, a fence closed); when
 * the new text does not extend the previous one, it starts over.
 */
export function createBlockSplitter(): (markdown: string) => string[] {
  let previousText = '';
  let previousBlocks: string[] = [];
  return (markdown) => {
    if (!markdown.startsWith(previousText) || previousBlocks.length < 3) {
      previousBlocks = splitBlocks(markdown);
    } else {
      const stable = previousBlocks.slice(0, -2);
      let offset = 0;
      for (const block of stable) offset += block.length;
      previousBlocks = [...stable, ...splitBlocks(markdown.slice(offset))];
    }
    previousText = markdown;
    return previousBlocks;
  };
}

/**
 * The blocks to render for an answer. While it streams, the last block is completed (an unclosed `**`, code fence
 * or link is closed) so the half-written markdown renders as what it will become instead of flickering.
 */
export function renderableBlocks(markdown: string, streaming: boolean, split: (markdown: string) => string[] = splitBlocks): string[] {
  const blocks = split(markdown).slice();
  if (streaming && blocks.length > 0) blocks[blocks.length - 1] = remend(blocks[blocks.length - 1]!);
  return blocks;
}
