import type { Tokens } from 'marked';
import { createUnitSplitter, renderableUnits, toBlocks, type RenderBlock } from './blocks.js';
import { runInIdleSteps } from './idle-steps.js';
import { lex } from './lexer.js';
import { renderBlocks, renderListItem } from './tokens.js';

/**
 * Markdown that takes the renderer through its common paths: a heading, emphasis, a link, inline math, tight and
 * loose lists, a fence, a table, a quote, and an unfinished end (an open `**`) for the streaming completion.
 */
const SAMPLE =
  '# Title\n\nSome *emphasis*, **bold**, $x^2$ and `code` with a [link](https://example.com).\n\n- one\n- two\n  continued\n\n1. first\n\n2. second **item**\n\n```js\nconst a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\nThe end is **still';

/**
 * The sample again with characters beyond Latin-1 (a dash, curly quotes, an emoji, as most answers have). V8 keeps a
 * string of only Latin-1 characters in one byte per character and compiles each regular expression separately for
 * one-byte and two-byte strings: warmed on the first kind only, marked's expressions were compiled again, mid-answer,
 * by the first answer's first frames (13 ms at 1×, 40–60 ms at 4× CPU throttling).
 */
const WIDE = SAMPLE.replace('Some', 'Some — “quoted” 🦊');

let warmed = false;

/** A block's elements, as `<Markdown>` builds them (lexed alone; a list item by item). Not mounted. */
function elementsOf(block: RenderBlock): void {
  if (typeof block === 'string') return void renderBlocks(lex(block));
  block.items.forEach((source, index) => {
    const list = lex(source).find((token): token is Tokens.List => token.type === 'list');
    if (list?.items[0]) renderListItem(list.items[0], block.loose, index);
  });
}

/**
 * The warm-up's steps, run in idle periods as many as fit (`runInIdleSteps`): cold, each costs a few milliseconds,
 * several times that on a slow phone, and all in one task could make a long task of their own.
 */
function steps(sample: string): (() => void)[] {
  const split = createUnitSplitter();
  let blocks: RenderBlock[] = [];
  return [
    () => void lex(sample),
    // A streaming answer's path: the incremental splitter over a growing text, the unfinished end completed.
    () => {
      for (const end of [sample.length >> 1, sample.length - 4, sample.length])
        blocks = toBlocks(renderableUnits(sample.slice(0, end), true, split));
    },
    () => blocks.forEach(elementsOf),
  ];
}

/**
 * Runs the markdown renderer once over a small sample, in the page's idle time, once per page. Without it the first
 * answer pays for V8 compiling the renderer (marked's regular expressions and lexer, remend, the splitter, the
 * element builders): its first commits cost several times a warm one, which on a phone-class CPU made the start of
 * an answer its only long tasks (issue 18). Nothing is mounted; React's own code is warmed by the page's first
 * render. Called when a conversation mounts, long before a question is answered; a no-op on the server and after
 * the first call.
 */
export function warmUpMarkdown(): void {
  if (warmed || typeof window === 'undefined') return;
  warmed = true;
  runInIdleSteps([...steps(SAMPLE), ...steps(WIDE)]);
}
