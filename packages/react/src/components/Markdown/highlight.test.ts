import { common } from 'lowlight';
import { afterThisTask } from '@flowise-kit/core/internal';
import { expect, it, vi } from 'vitest';

it('registers the grammars over several tasks, and knows them all once ready', async () => {
  const module = await import('./highlight.js');
  // The import has resolved, but the last grammars wait for a later task (one task for all was a long task).
  expect(module.highlight('key: 1', 'yaml')).toBeUndefined();
  await module.ready;
  for (const name of Object.keys(common))
    expect({ name, known: module.highlight(`x ${name}`, name) !== undefined }).toEqual({ name, known: true });
  // Aliases come with their grammars.
  expect(module.highlight('const a = 1;', 'js')).toBeDefined();
});

it('highlights queued blocks a few milliseconds per task, in order, and never a cancelled one', async () => {
  const module = await import('./highlight.js');
  await module.ready;
  // Every reading of the clock is 10 ms later: a slice (4 ms) holds one block.
  let clock = 0;
  const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
  const done: string[] = [];
  const sources = ['const a = 1;', 'let b = 2;', 'var c = 3;', 'x = 4;'];
  const cancels = sources.map((code) => module.highlightSoon(code, 'js', () => done.push(code)));
  cancels[2]!();
  // Nothing in the caller's task.
  expect(done).toEqual([]);
  await new Promise<void>((resolve) => afterThisTask(resolve));
  expect(done).toEqual(['const a = 1;']);
  await vi.waitFor(() => expect(done).toEqual(['const a = 1;', 'let b = 2;', 'x = 4;']));
  // Done blocks are remembered: a remount shows them at once.
  expect(module.highlighted('let b = 2;', 'js')?.nodes).toBeDefined();
  expect(module.highlighted('never asked', 'js')).toBeUndefined();
  now.mockRestore();
});
