import { Marked, type TokensList } from 'marked';
import { mathExtensions } from './math-syntax.js';

const markdown = new Marked({ gfm: true, extensions: mathExtensions });

/**
 * marked's lexer with GFM and the math extensions: every part of the renderer (the splitter, the blocks, the items of
 * a list) lexes through this one function, so they agree on where a formula starts and ends.
 */
export function lex(source: string): TokensList {
  return markdown.lexer(source);
}
