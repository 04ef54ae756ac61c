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
 * The blocks to render for an answer. While it streams, the last block is completed (an unclosed `**`, code fence
 * or link is closed) so the half-written markdown renders as what it will become instead of flickering.
 */
export function renderableBlocks(markdown: string, streaming: boolean): string[] {
  const blocks = splitBlocks(markdown);
  if (streaming && blocks.length > 0) blocks[blocks.length - 1] = remend(blocks[blocks.length - 1]!);
  return blocks;
}
