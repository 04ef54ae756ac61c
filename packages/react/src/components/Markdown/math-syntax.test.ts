import fc from 'fast-check';
import type { Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';
import type { MathToken } from './math-syntax.js';

/** Every formula marked finds in `markdown`, in order, at any depth. */
function formulas(markdown: string): MathToken[] {
  const found: MathToken[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'math') found.push(token as MathToken);
      if ('tokens' in token && token.tokens) walk(token.tokens);
      if (token.type === 'list') for (const item of token.items as { tokens: Token[] }[]) walk(item.tokens);
    }
  };
  walk(lex(markdown));
  return found;
}

const tex = (markdown: string) => formulas(markdown).map((f) => [f.text, f.display]);

describe('math delimiters', () => {
  it('finds inline and display formulas in every notation', () => {
    expect(tex('Euler: $e^{i\\pi} + 1 = 0$, and \\(a^2\\).')).toEqual([
      ['e^{i\\pi} + 1 = 0', false],
      ['a^2', false],
    ]);
    expect(tex('$$\n\\int_0^1 x\\,dx\n$$\n\n\\[\nx = \\frac{-b}{2a}\n\\]\n')).toEqual([
      ['\\int_0^1 x\\,dx', true],
      ['x = \\frac{-b}{2a}', true],
    ]);
    expect(tex('Where $$E = mc^2$$ holds.')).toEqual([['E = mc^2', true]]);
    expect(tex('A paragraph\n$$\nx\n$$\nafter')).toEqual([['x', true]]);
  });

  it('leaves prices and other dollars as prose', () => {
    for (const prose of [
      'It costs $5 and $10.',
      'From $5 to $10, or $15/$20.',
      'Between $5-$10 per month.',
      'Pay $ 5 now, $ 10 later $',
      'A lone $ sign, and \\$escaped$ text',
      'Budget: $1,000 - $2,000 (about $1.5k)',
      'Code `$x$` and `\\(y\\)` is code',
    ])
      expect({ prose, math: tex(prose) }).toEqual({ prose, math: [] });
  });

  it('shows a formula still being written as text: no formula until its closing delimiter', () => {
    for (const partial of ['Now $x^2 + y', 'Now $$\\frac{a}{b', 'Now \\(a +', '\\[\n\\sum_i x_i\n', '$$\nx\n\ny\n$$'])
      expect({ partial, math: tex(partial) }).toEqual({ partial, math: [] });
  });

  it('property: prose with prices (amounts after $, spaces around) never contains a formula', () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('', '.99', 'k', ',000', 'm'))
      .map(([n, tail]) => `$${n}${tail}`);
    const word = fc.constantFrom('costs', 'and', 'or', 'to', 'per', 'month', 'about', '(', ')', 'is', '-', '/');
    const prose = fc.array(fc.oneof(amount, word), { minLength: 1, maxLength: 20 }).chain((parts) =>
      fc
        .array(fc.constantFrom(' ', ', ', '. ', ' - ', '\n'), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
    );
    fc.assert(
      fc.property(prose, (text) => {
        expect(tex(text)).toEqual([]);
      }),
      { numRuns: 300, ...(process.env.CI ? { seed: 20261202 } : {}) },
    );
  });

  it('property: a formula in any notation is found whole, and none of its prefixes is a formula', () => {
    const body = fc
      .array(fc.constantFrom('x', 'y', '^2', '_i', '\\frac{a}{b}', '+', ' ', '{', '}', '\\$', '\\alpha', '='), {
        minLength: 1,
        maxLength: 12,
      })
      .map((parts) => parts.join('').trim())
      .filter((s) => s.length > 0 && !s.endsWith('\\'));
    const notation = fc.constantFrom(['$', '$'], ['$$', '$$'], ['\\(', '\\)'], ['\\[', '\\]']);
    fc.assert(
      fc.property(body, notation, fc.constantFrom('', 'See ', 'A list:\n\n- '), (formula, [open, close], before) => {
        const written = `${before}${open}${formula}${close}`;
        const found = formulas(written);
        expect(found.map((f) => f.text)).toEqual([formula]);
        expect(found[0]!.display).toBe(open === '$$' || open === '\\[');
        for (let end = before.length; end < written.length; end++) {
          expect({ prefix: written.slice(0, end), math: tex(written.slice(0, end)) }).toEqual({
            prefix: written.slice(0, end),
            math: [],
          });
        }
      }),
      { numRuns: 300, ...(process.env.CI ? { seed: 20261202 } : {}) },
    );
  });
});
