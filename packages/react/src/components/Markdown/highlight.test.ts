import { common } from 'lowlight';
import { expect, it } from 'vitest';

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
