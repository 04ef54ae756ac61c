import { waitFor } from '@testing-library/react';
import { Lexer } from 'marked';
import { expect, it, vi } from 'vitest';
import { warmUpMarkdown } from './warm-up.js';

it('runs the renderer over its sample in idle tasks, once per page', async () => {
  const lex = vi.spyOn(Lexer, 'lex');
  // happy-dom has no requestIdleCallback (the warm-up falls back to a timer there); a stand-in counts the idle tasks.
  const idle = vi.fn((run: () => void) => setTimeout(run, 10));
  Object.assign(window, { requestIdleCallback: idle });
  warmUpMarkdown();
  warmUpMarkdown();
  // Not in the caller's task: it waits for idle time.
  expect(lex).not.toHaveBeenCalled();
  // The whole sample first, then the streaming path over its prefixes (the unfinished end completed by remend),
  // then each block and list item alone, as <Markdown> lexes them to build elements.
  // All of it twice: with Latin-1 text only, and with wider characters (V8 compiles a regular expression apart for
  // each kind of string).
  await waitFor(() => expect(lex.mock.calls.filter(([source]) => source === '2. second **item**\n\n')).toHaveLength(2));
  const sources = lex.mock.calls.map(([source]) => source);
  expect(sources[0]).toContain('| a | b |');
  expect(sources).toContain('The end is **still**');
  expect(sources.filter((source) => source.includes('🦊 *emphasis*'))).not.toHaveLength(0);
  // One idle task per step, so no step waits behind another in one long task.
  expect(idle).toHaveBeenCalledTimes(6);
  const calls = lex.mock.calls.length;
  warmUpMarkdown();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(lex).toHaveBeenCalledTimes(calls);
  lex.mockRestore();
  Reflect.deleteProperty(window, 'requestIdleCallback');
});
