import { render, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { lex } from './lexer.js';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createUnitSplitter, renderableUnits, splitUnits, toBlocks } from './blocks.js';
import { Markdown } from './Markdown.js';
import { renderBlocks } from './tokens.js';
import { safeImageUrl, safeLinkUrl } from './safe-url.js';

describe('Markdown', () => {
  it('renders markdown: emphasis, lists, fenced code', () => {
    const { container } = render(<Markdown text={'**bold** text\n\n- one\n- two\n\n```js\nconst a = 1;\n```'} />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1;\n');
  });

  it('never renders raw HTML from the model', () => {
    const { container } = render(
      <Markdown text={'Hi <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> <b>b</b>'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('links only http(s) and mailto, with a safe rel; never javascript:, data: or vbscript:', () => {
    const text =
      '[ok](https://example.com) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [bad2](JaVa\tScript:alert(1)) [d](data:text/html,x) [v](vbscript:x) [rel](/relative)';
    const { container } = render(<Markdown text={text} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com', 'mailto:a@b.c']);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(container.textContent).toContain('bad');
  });

  it('loads only http(s) images', () => {
    const { container } = render(
      <Markdown text={'![a](https://example.com/a.png) ![b](data:image/png;base64,AAA) ![c](javascript:x)'} />,
    );
    expect([...container.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      'https://example.com/a.png',
    ]);
  });

  it('closes an unfinished emphasis or fence while streaming so the layout does not flicker', () => {
    const { container, rerender } = render(<Markdown text={'Some **bol'} streaming />);
    expect(container.querySelector('strong')?.textContent).toBe('bol');
    rerender(<Markdown text={'```js\nconst a'} streaming />);
    expect(container.querySelector('pre code')?.textContent).toContain('const a');
  });

  it('renders GFM: tables with alignment, task lists, strikethrough, autolinks, nested lists', () => {
    const text =
      '| a | b |\n|:-|-:|\n| 1 | **2** |\n\n- [x] done\n- [ ] todo\n\n~~old~~ see https://example.com/x\n\n1. one\n   - inner\n2. two';
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelectorAll('th')).toHaveLength(2);
    expect((container.querySelector('td:last-child') as HTMLElement).style.textAlign).toBe('right');
    expect(container.querySelector('td strong')?.textContent).toBe('2');
    const boxes = [...container.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(container.querySelector('del')?.textContent).toBe('old');
    expect(container.querySelector('a[href="https://example.com/x"]')).not.toBeNull();
    expect(container.querySelector('ol li ul li')?.textContent).toBe('inner');
  });

  it('decodes character references into text, and escapes stay literal', () => {
    const { container } = render(
      <Markdown text={'Tom &amp; Jerry &lt;b&gt; &#x1F98A; &copy; \\*not em\\* `a &amp; b`'} />,
    );
    expect(container.textContent).toContain('Tom & Jerry <b> 🦊 ©');
    expect(container.textContent).toContain('*not em*');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('code')?.textContent).toBe('a &amp; b');
  });

  it('splits into units so completed ones stay the same strings while the last grows', () => {
    const first = splitUnits('Para one.\n\n- a\n- b\n\nPara thr').map((u) => u.source);
    const second = splitUnits('Para one.\n\n- a\n- b\n\nPara three is longer').map((u) => u.source);
    expect(first).toEqual(['Para one.\n\n', '- a\n', '- b\n\n', 'Para thr']);
    expect(first.slice(0, -1)).toEqual(second.slice(0, -1));
    expect(toBlocks(renderableUnits('a **b', true)).at(-1)).toBe('a **b**');
  });

  it('renders a top-level list as one list whose items are memoised one by one', () => {
    const items = Array.from({ length: 40 }, (_, i) => `- item **${i}** words`);
    const view = render(<Markdown text={`Intro.\n\n${items.join('\n\n')}`} streaming />);
    const lists = view.container.querySelectorAll('ul');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.children).toHaveLength(40);
    // A loose list: every item's text is a paragraph, as marked renders it.
    expect(lists[0]!.querySelectorAll('li > p')).toHaveLength(40);
    const firstItem = lists[0]!.firstElementChild;
    view.rerender(<Markdown text={`Intro.\n\n${items.join('\n\n')} and more\n\n- item **40**`} streaming />);
    expect(view.container.querySelector('ul')!.firstElementChild).toBe(firstItem);
    expect(view.container.querySelector('ul')!.children).toHaveLength(41);
    expect(view.container.querySelector('ul')!.children[39]!.textContent).toBe('item 39 words and more');
  });
});

describe('safe URLs', () => {
  it('accepts http(s)/mailto only, after stripping control characters', () => {
    expect(safeLinkUrl('https://a.b')).toBe('https://a.b');
    expect(safeLinkUrl(' javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('jav\u0000ascript:x')).toBeUndefined();
    expect(safeLinkUrl(42)).toBeUndefined();
    expect(safeImageUrl('mailto:a@b.c')).toBeUndefined();
  });
});

/** Markdown built from pieces that stress the splitter: lists of every marker kind, tight and loose, nested
 * and task items, paragraphs they interrupt or not, fences, tables, quotes, setext headings, rules and formulas. */
const PIECES = [
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '10. ',
  '  - ',
  '    ',
  '- [x] ',
  '- [ ] ',
  '> ',
  '```\n',
  '~~~\n',
  '| a | b |\n|---|---|\n',
  '***',
  '- - -',
  '===',
  '---',
  'word',
  '**bold',
  'more words',
  '`code`',
  '[link](https://a.b)',
  '\n',
  '\n',
  '\n',
  '\n\n',
  '\n\n',
  ' \n',
  // Math delimiters, closed and not: a formula never spans two blocks, and one that opens must not confuse the cuts.
  '$',
  '$$',
  '$x^2$',
  '$$\n\\frac{a}{b}\n$$\n',
  '\\(',
  '\\)',
  '\\[',
  '\\]',
  '$5 and $10',
];
const markdownText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

/**
 * The reference: marked's lex of the whole text, rendered without splitting. Compared as the browser shows it:
 * outside `<pre>`, a run of spaces and newlines is one space, and spaces before the end of a paragraph or item are
 * not compared. An item lexed on its own has its end trimmed where inside the whole list it is not, and marked gives
 * a paragraph followed by a rejected setext underline a different text: `"…\n    - \n- "` makes the paragraph's
 * last line `-` in the whole text and `    -` in its unit alone (found by an unseeded run on 2026-12-01).
 */
const invisibleSpace = (html: string) =>
  html
    .split(/(<pre[^>]*>[\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[ \t\n]+/g, ' ').replace(/ (?=<\/(?:p|span|li)>)/g, '')))
    .join('');
/** Markup as the DOM serialises it (both sides go through it, so `<hr/>` and `<hr>` compare equal). */
const parsed = (markup: string) => {
  const box = document.createElement('div');
  box.innerHTML = markup;
  return box;
};
const reference = (text: string) =>
  invisibleSpace(parsed(renderToStaticMarkup(<div className="fk-markdown">{renderBlocks(lex(text))}</div>)).innerHTML);
/** The markup of `<Markdown>` without its group boxes (BlockGroup), which the reference does not have. */
const rendered = (text: string) => {
  const box = parsed(renderToStaticMarkup(<Markdown text={text} />));
  for (const group of box.querySelectorAll('.fk-markdown__group')) group.replaceWith(...group.childNodes);
  return invisibleSpace(box.innerHTML);
};

describe('the incremental unit splitter', () => {
  it('gives the same blocks as a full split for any growing text', () => {
    const text =
      'Intro paragraph.\n\n- one\n- two\n  continued\n\n```js\nconst a = 1;\n```\n\nA heading\n===\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n> more\n\n1. x\n2. y\n\n3) z\n\n- a\n\n- b\n- c\n\nEnd *of* text.';
    const split = createUnitSplitter();
    for (let end = 1; end <= text.length; end++) {
      expect(toBlocks(split(text.slice(0, end)))).toEqual(toBlocks(splitUnits(text.slice(0, end))));
    }
    expect(split('something else')).toEqual(splitUnits('something else'));
  });

  it('cuts inside tight lists only where nothing appended can reach back (what a review suspected)', () => {
    const cases = [
      '- a\n- b\n- c\n- d\n--',
      '- a\n- b\n- c\n- d\n---',
      '- a\n- b\n- c\n- d\n===',
      '* a\n* b\n* c\n* * *\n* d',
      '1. a\n2. b\n3. c\n4) d\n5) e',
      '- a\n- b\n- c\n- d\n\n- e',
      '- a\n- b\n- c\n| x | y |\n|---|---|\n- d',
      '- a\n- b\n- c\n    code\n- d\n- e',
      '- a\n- b\n  ```\n- c\n- d\n  ```\n- e',
      '- a\n- -\n- c\n- d',
      '- a\n- [ ]\n- c\n- d',
      '- a\n- b\n- c\n> q\n- d',
      '1. a\n1. b\n1. c\n10. d\n- e',
      'para\n- \n- -',
      'para\n- a\n- \n- -',
      // The counterexample that an unseeded property run found for a cut after a list's first item:
      '---| a | b |\n|---|---|\n- \n- - ',
    ];
    for (const text of cases) {
      for (const step of [1, 2, 3]) {
        const split = createUnitSplitter();
        for (let end = 0; end < text.length;) {
          end = Math.min(text.length, end + step);
          expect({ text, end, blocks: toBlocks(split(text.slice(0, end))) }).toEqual({
            text,
            end,
            blocks: toBlocks(splitUnits(text.slice(0, end))),
          });
        }
      }
      expect({ text, html: rendered(text) }).toEqual({ text, html: reference(text) });
    }
  });

  it('property: fed any text in any chunks, it gives the blocks of a full split, and they render as marked lexes the whole', () => {
    fc.assert(
      fc.property(
        markdownText,
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 40 }),
        (text, steps) => {
          const split = createUnitSplitter();
          let end = 0;
          for (let i = 0; end < text.length; i++) {
            end = Math.min(text.length, end + steps[i % steps.length]!);
            const prefix = text.slice(0, end);
            const units = split(prefix);
            expect(units.map((u) => u.source).join('')).toBe(prefix);
            expect(toBlocks(units)).toEqual(toBlocks(splitUnits(prefix)));
          }
          expect(rendered(text)).toBe(reference(text));
        },
      ),
      // Unseeded on a developer's machine, as fast-check runs by default (a failure prints its seed and path to
      // replay); seeded in CI, so a rare counterexample cannot fail a landing at random. 200,000 unseeded runs passed
      // on 2026-12-01 after the quirks above were handled.
      { numRuns: 400, ...(process.env.CI ? { seed: 20261201 } : {}) },
    );
  });
});

describe('a long answer', () => {
  it('shows a burst of new text 1 kB, then 2, 4 and 8 kB a frame, cut at line ends, after a first render that shows everything', async () => {
    // "Paragraph 123 of a long answer **in bold**.\n\n": about 50 characters each.
    const paragraphs = (n: number) =>
      Array.from({ length: n }, (_, i) => `Paragraph ${i} of a long answer **in bold**.`).join('\n\n');
    // A settled text shows whole on its first render.
    const view = render(<Markdown text={paragraphs(50)} />);
    expect(view.container.querySelectorAll('p')).toHaveLength(50);
    const counts: number[] = [];
    const observer = new MutationObserver(() => counts.push(view.container.querySelectorAll('p').length));
    observer.observe(view.container, { childList: true, subtree: true });
    // Not streaming any more: the prefixes shown on the way are still completed (no stray `**`).
    view.rerender(<Markdown text={paragraphs(2000)} />);
    const first = view.container.querySelectorAll('p').length;
    expect(first).toBeGreaterThan(50 + 10);
    expect(first).toBeLessThanOrEqual(50 + Math.ceil(1024 / 44));
    expect(view.container.textContent).not.toContain('**');
    await waitFor(() => expect(view.container.querySelectorAll('p')).toHaveLength(2000), { timeout: 5000 });
    observer.disconnect();
    // Shown over several frames, each cut at a line end: every paragraph in full, none cut off.
    expect(new Set(counts).size).toBeGreaterThan(5);
    expect(Array.from(view.container.querySelectorAll('p')).at(-1)!.textContent).toBe(
      'Paragraph 1999 of a long answer in bold.',
    );
    expect(view.container.querySelectorAll('strong')).toHaveLength(2000);
  });

  it('renders blocks in groups, in order, and keeps the DOM of every block while the answer grows', async () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Paragraph ${i} of the answer.`);
    const view = render(<Markdown text={paragraphs.join('\n\n')} streaming />);
    const root = view.container.querySelector('.fk-markdown')!;
    // Mounted streaming with 3 kB already in it: shown over a few frames (see the burst test).
    await waitFor(() => expect(root.querySelectorAll('p')).toHaveLength(100));
    // Groups of 32: three full, and the one the answer grows in.
    expect(root.querySelectorAll('.fk-markdown__group')).toHaveLength(4);
    expect(Array.from(root.querySelectorAll('p'), (p) => p.textContent)).toEqual(paragraphs);
    const first = root.querySelector('p')!;
    const tail = root.querySelectorAll('p')[97]!;
    view.rerender(<Markdown text={`${paragraphs.join('\n\n')} More words.\n\nA new paragraph`} streaming />);
    expect(root.querySelector('p')).toBe(first);
    expect(root.querySelectorAll('p')).toHaveLength(101);
    expect(root.querySelectorAll('p')[100]!.textContent).toBe('A new paragraph');
    expect(root.querySelectorAll('p')[99]!.textContent).toBe('Paragraph 99 of the answer. More words.');
    // Grown to 140 blocks: the group that paragraph 97 is in fills up, and the paragraph keeps its element.
    const more = Array.from({ length: 40 }, (_, i) => `Later ${i}.`).join('\n\n');
    view.rerender(<Markdown text={`${paragraphs.join('\n\n')}\n\n${more}`} streaming />);
    await waitFor(() => expect(root.querySelectorAll('p')).toHaveLength(140));
    expect(root.querySelectorAll('.fk-markdown__group')).toHaveLength(5);
    expect(root.querySelectorAll('p')[97]).toBe(tail);
    expect(tail.parentElement!.children).toHaveLength(32);
  });
});
