import { lex } from './lexer.js';

/** Markdown that takes marked through its common paths: a heading, emphasis, a link, a tight list, a fence, a table. */
const SAMPLE =
  '# Title\n\nSome *emphasis*, **bold** and `code` with a [link](https://example.com).\n\n- one\n- two\n  continued\n\n1. first\n\n```js\nconst a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n';

let warmed = false;

/**
 * Lexes a small sample once per page while the browser is idle. The page's first answer otherwise pays for V8
 * compiling marked (its regular expressions, its lexer), several times the cost of a warm lexer. Called when a
 * conversation mounts, long before a question is answered; a no-op on the server and after the first call.
 */
export function warmUpMarkdown(): void {
  if (warmed || typeof window === 'undefined') return;
  warmed = true;
  const run = () => void lex(SAMPLE);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 200);
}
