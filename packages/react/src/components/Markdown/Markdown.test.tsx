import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderableBlocks, splitBlocks } from './blocks.js';
import { Markdown } from './Markdown.js';
import { safeImageUrl, safeLinkUrl } from './safe-url.js';

describe('Markdown', () => {
  it('renders markdown: emphasis, lists, fenced code', () => {
    const { container } = render(<Markdown text={'**bold** text\n\n- one\n- two\n\n```js\nconst a = 1;\n```'} />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1;\n');
  });

  it('never renders raw HTML from the model', () => {
    const { container } = render(<Markdown text={'Hi <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> <b>b</b>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('links only http(s) and mailto, with a safe rel; never javascript:, data: or vbscript:', () => {
    const text = '[ok](https://example.com) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [bad2](JaVa\tScript:alert(1)) [d](data:text/html,x) [v](vbscript:x) [rel](/relative)';
    const { container } = render(<Markdown text={text} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com', 'mailto:a@b.c']);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(container.textContent).toContain('bad');
  });

  it('loads only http(s) images', () => {
    const { container } = render(<Markdown text={'![a](https://example.com/a.png) ![b](data:image/png;base64,AAA) ![c](javascript:x)'} />);
    expect([...container.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['https://example.com/a.png']);
  });

  it('closes an unfinished emphasis or fence while streaming so the layout does not flicker', () => {
    const { container, rerender } = render(<Markdown text={'Some **bol'} streaming />);
    expect(container.querySelector('strong')?.textContent).toBe('bol');
    rerender(<Markdown text={'```js\nconst a'} streaming />);
    expect(container.querySelector('pre code')?.textContent).toContain('const a');
  });

  it('renders GFM: tables with alignment, task lists, strikethrough, autolinks, nested lists', () => {
    const text = '| a | b |\n|:-|-:|\n| 1 | **2** |\n\n- [x] done\n- [ ] todo\n\n~~old~~ see https://example.com/x\n\n1. one\n   - inner\n2. two';
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
    const { container } = render(<Markdown text={'Tom &amp; Jerry &lt;b&gt; &#x1F98A; &copy; \\*not em\\* `a &amp; b`'} />);
    expect(container.textContent).toContain('Tom & Jerry <b> 🦊 ©');
    expect(container.textContent).toContain('*not em*');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('code')?.textContent).toBe('a &amp; b');
  });

  it('splits into blocks so completed blocks stay the same strings while the last grows', () => {
    const first = splitBlocks('Para one.\n\n- a\n- b\n\nPara thr');
    const second = splitBlocks('Para one.\n\n- a\n- b\n\nPara three is longer');
    expect(first.slice(0, -1)).toEqual(second.slice(0, -1));
    expect(first.join('')).toBe('Para one.\n\n- a\n- b\n\nPara thr');
    expect(renderableBlocks('a **b', true).at(-1)).toBe('a **b**');
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

describe('the incremental block splitter', () => {
  it('gives the same blocks as a full split for any growing text', async () => {
    const { createBlockSplitter } = await import('./blocks');
    const text =
      'Intro paragraph.\n\n- one\n- two\n  continued\n\n```js\nconst a = 1;\n```\n\nA heading\n===\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n> more\n\n1. x\n2. y\n\nEnd *of* text.';
    const split = createBlockSplitter();
    for (let end = 1; end <= text.length; end++) {
      expect(split(text.slice(0, end))).toEqual(splitBlocks(text.slice(0, end)));
    }
    expect(split('something else')).toEqual(splitBlocks('something else'));
  });
});

describe('a long answer', () => {
  it('renders settled blocks in groups, in order, and keeps their DOM while the answer grows', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Paragraph ${i} of the answer.`);
    const view = render(<Markdown text={paragraphs.join('\n\n')} streaming />);
    const root = view.container.querySelector('.fk-markdown')!;
    expect(root.querySelectorAll('.fk-markdown__group')).toHaveLength(3);
    expect(Array.from(root.querySelectorAll('p'), (p) => p.textContent)).toEqual(paragraphs);
    const first = root.querySelector('p')!;
    view.rerender(<Markdown text={`${paragraphs.join('\n\n')} More words.\n\nA new paragraph`} streaming />);
    expect(root.querySelector('p')).toBe(first);
    expect(root.querySelectorAll('p')).toHaveLength(101);
    expect(root.lastElementChild!.textContent).toBe('A new paragraph');
    expect(Array.from(root.children).at(-2)!.textContent).toBe('Paragraph 99 of the answer. More words.');
  });
});
