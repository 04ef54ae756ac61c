/**
 * The work the incremental splitter does per frame, counted in calls to the lexer: the splitter is what keeps a
 * long streaming answer linear, and each lex it saves is saved at every frame of every answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Lexer from './lexer.js';

const lexed = vi.hoisted(() => ({ sources: [] as string[] }));
vi.mock('./lexer.js', async (importOriginal) => {
  const real = await importOriginal<typeof Lexer>();
  return {
    lex: (source: string) => {
      lexed.sources.push(source);
      return real.lex(source);
    },
  };
});

const { createUnitSplitter, splitUnits, toBlocks } = await import('./blocks.js');

beforeEach(() => {
  lexed.sources.length = 0;
});

describe('the incremental splitter, per frame', () => {
  it('lexes once, and only the last two items, while the last item of a long tight list grows', () => {
    const items = Array.from({ length: 50 }, (_, i) => `- item ${i} with a few words\n`).join('');
    const split = createUnitSplitter();
    let text = `${items}- the last item`;
    split(text);
    split((text += ' grows'));
    for (let word = 0; word < 20; word++) {
      lexed.sources.length = 0;
      text += ` word${word}`;
      const units = split(text);
      expect(toBlocks(units)).toEqual(toBlocks(splitUnits(text)));
      // splitUnits above lexed the whole text once more; the splitter's own work is what came before it.
      const own = lexed.sources.slice(0, -1);
      expect(own).toEqual([`- item 49 with a few words\n- the last item grows${text.split('grows')[1]}`]);
    }
  });

  it('asks again whether a new item continues the list when the items before the cut change', () => {
    const split = createUnitSplitter();
    split('- a\n- b\n- c\n- d');
    lexed.sources.length = 0;
    split('- a\n- b\n- c\n- d\n- e');
    // The cut moved on by an item: the items after it are lexed, and the new pair at the cut is asked about.
    expect(lexed.sources).toEqual(['- c\n- d\n- e', '- b\n- c\n']);
  });
});
