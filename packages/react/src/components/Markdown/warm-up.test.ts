import { waitFor } from '@testing-library/react';
import { Lexer } from 'marked';
import { expect, it, vi } from 'vitest';
import { warmUpMarkdown } from './warm-up.js';

it('lexes its sample once per page, when the browser is idle', async () => {
  const lex = vi.spyOn(Lexer, 'lex');
  warmUpMarkdown();
  warmUpMarkdown();
  // Not in the caller's task: it waits for idle time.
  expect(lex).not.toHaveBeenCalled();
  await waitFor(() => expect(lex).toHaveBeenCalledTimes(1));
  expect(lex.mock.calls[0]![0]).toContain('| a | b |');
  warmUpMarkdown();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(lex).toHaveBeenCalledTimes(1);
  lex.mockRestore();
});
