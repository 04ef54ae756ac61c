import type { TokenizerExtension } from 'marked';

/** A formula found in markdown: its TeX source, display or inline. */
export type MathToken = {
  type: 'math';
  /** The markdown it was written as, delimiters included. */
  raw: string;
  /** The TeX between the delimiters. */
  text: string;
  /** `$$…$$` and `\[…\]`: a display formula; `$…$` and `\(…\)`: inline. */
  display: boolean;
};

/*
 * The rules are remark-math's and pandoc's, strict so that prices stay prose ("$5 and $10" is no formula):
 * `$…$` only when the `$` that opens is followed by a non-space and the `$` that closes follows a non-space and is
 * not followed by a digit or another `$`; no line break, no unescaped `$` inside. `$$…$$`, `\(…\)` and `\[…\]` may hold line breaks
 * but never a blank line, so a formula never spans two of the renderer's blocks, and an unclosed one (still
 * streaming) is no formula at all: it shows as the text it is until its closing delimiter arrives.
 */
// One character of a formula that may span lines: an escaped character (`\$` closes nothing), or any other except
// the start of a blank line.
const NO_BLANK_LINE = String.raw`(?:\\[^\n]|(?!\n[ \t]*\n)[^\\])`;
const INLINE_DOLLAR = /^\$(?![\s$])((?:\\[^\n]|[^\\$\n])*?(?:\\\S|[^\s\\$]))\$(?![\d$])/;
const INLINE_DISPLAY = new RegExp(String.raw`^\$\$(?!\$)(${NO_BLANK_LINE}+?)\$\$(?!\$)`);
const INLINE_PAREN = new RegExp(String.raw`^\\\((${NO_BLANK_LINE}+?)\\\)`);
const INLINE_BRACKET = new RegExp(String.raw`^\\\[(${NO_BLANK_LINE}+?)\\\]`);
const BLOCK_DOLLAR = new RegExp(String.raw`^ {0,3}\$\$(${NO_BLANK_LINE}+?)\$\$[ \t]*(?:\n|$)`);
const BLOCK_BRACKET = new RegExp(String.raw`^ {0,3}\\\[(${NO_BLANK_LINE}+?)\\\][ \t]*(?:\n|$)`);
const BLOCK_START = /^ {0,3}(?:\$\$|\\\[)/gm;

const token = (raw: string, tex: string, display: boolean): MathToken | undefined =>
  tex.trim() ? { type: 'math', raw, text: tex.trim(), display } : undefined;

/**
 * The formula at the start of `src` inside a paragraph, if one starts there. `before`: the inline tokens before it; a
 * `$` right after another `$` (or after `\$`) opens nothing, as in remark-math, where `$$x$` is no formula.
 */
export function inlineMathAt(src: string, before: readonly { raw: string }[] = []): MathToken | undefined {
  if (src[0] === '$') {
    if (before.at(-1)?.raw.endsWith('$')) return undefined;
    const display = INLINE_DISPLAY.exec(src);
    if (display) return token(display[0], display[1]!, true);
    if (src[1] === '$') return undefined;
    const inline = INLINE_DOLLAR.exec(src);
    return inline ? token(inline[0], inline[1]!, false) : undefined;
  }
  if (src[0] !== '\\') return undefined;
  const paren = INLINE_PAREN.exec(src);
  if (paren) return token(paren[0], paren[1]!, false);
  const bracket = INLINE_BRACKET.exec(src);
  return bracket ? token(bracket[0], bracket[1]!, true) : undefined;
}

/** The display formula that starts a block at the start of `src`: `$$` or `\[` first on its line, closed. */
export function blockMathAt(src: string): MathToken | undefined {
  const match = BLOCK_DOLLAR.exec(src) ?? BLOCK_BRACKET.exec(src);
  return match ? token(match[0], match[1]!, true) : undefined;
}

/** Where in `src` a closed display formula starts a line (so it interrupts the paragraph before it). */
function blockMathStart(src: string): number | undefined {
  for (const match of src.matchAll(BLOCK_START)) {
    if (blockMathAt(src.slice(match.index))) return match.index;
  }
  return undefined;
}

/** Where in `src` a formula may start (marked cuts its plain text there and asks {@link inlineMathAt}). */
function inlineMathStart(src: string): number | undefined {
  const index = src.search(/\$|\\[([]/);
  return index < 0 ? undefined : index;
}

/** marked extensions: display formulas as blocks, and formulas inside paragraphs, as {@link MathToken}s. */
export const mathExtensions: TokenizerExtension[] = [
  { name: 'math', level: 'block', start: blockMathStart, tokenizer: blockMathAt },
  { name: 'math', level: 'inline', start: inlineMathStart, tokenizer: (src, before) => inlineMathAt(src, before) },
];
