import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MathBlock } from './Formula.js';
import { highlighter, katex } from './lazy.js';
import { Markdown } from './Markdown.js';

const TS = '```ts\nconst answer: number = 42; // the answer\n```';

afterEach(() => vi.restoreAllMocks());

describe('code blocks', () => {
  it('shows the language and the code, highlighted once the fence is closed', async () => {
    const { container } = render(<Markdown text={`Here:\n\n${TS}`} />);
    expect(container.querySelector('.fk-code__lang')?.textContent).toBe('ts');
    await waitFor(() => expect(container.querySelector('.fk-hl-keyword')?.textContent).toBe('const'));
    expect(container.querySelector('.fk-hl-comment')?.textContent).toBe('// the answer');
    expect(container.querySelector('pre code')?.textContent).toBe('const answer: number = 42; // the answer\n');
  });

  it('keeps a block whose fence is still open as plain text, and highlights it when the fence closes', async () => {
    await highlighter.load();
    const view = render(<Markdown text={'```ts\nconst a = 1;\nconst b'} streaming />);
    await waitFor(() => expect(view.container.querySelector('pre code')?.textContent).toContain('const b'));
    expect(view.container.querySelector('[class^="fk-hl-"]')).toBeNull();
    expect(view.container.querySelector('.fk-code')?.getAttribute('data-streaming')).toBe('true');
    view.rerender(<Markdown text={'```ts\nconst a = 1;\nconst b = 2;\n```\n\nAnd more'} streaming />);
    // Highlighted in a task of its own (highlightSoon), not in the render that closed the fence.
    await waitFor(() => expect(view.container.querySelectorAll('.fk-hl-keyword')).toHaveLength(2));
    expect(view.container.querySelector('.fk-code')?.hasAttribute('data-streaming')).toBe(false);
  });

  it('an answer without code never loads the highlighter', () => {
    const load = vi.spyOn(highlighter, 'load');
    render(<Markdown text={'Text, `inline code`, a list:\n\n- one\n\n$x^2$'} />);
    expect(load).not.toHaveBeenCalled();
  });

  it('leaves a language the highlighter does not know, or no language, as plain text', async () => {
    const { container } = render(<Markdown text={'```klingon\nqapla\n```\n\n```\nplain\n```'} />);
    await highlighter.load();
    expect(container.querySelectorAll('pre code')).toHaveLength(2);
    expect(container.querySelector('[class^="fk-hl-"]')).toBeNull();
    expect(container.textContent).toContain('qapla');
  });

  it('copies the code with a button that says and announces "Copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<Markdown text={TS} />);
    const button = screen.getByRole('button', { name: 'Copy ts code' });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith('const answer: number = 42; // the answer');
    expect(screen.getByRole('status').textContent).toBe('Copied');
    vi.unstubAllGlobals();
  });
});

describe('math', () => {
  it('typesets inline and display formulas with KaTeX', async () => {
    const { container } = render(<Markdown text={'Euler: $e^{i\\pi}+1=0$.\n\n$$\n\\int_0^1 x\\,dx\n$$\n'} />);
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(2));
    expect(container.querySelectorAll('.katex-display')).toHaveLength(1);
    expect(container.querySelector('.fk-math__source')).toBeNull();
    expect(container.querySelector('.katex-mathml annotation')?.textContent).toBe('e^{i\\pi}+1=0');
  });

  it('leaves prices as prose', () => {
    const { container } = render(<Markdown text={'It costs $5 and $10, or $15/$20.'} />);
    expect(container.querySelector('.fk-math')).toBeNull();
    expect(container.textContent).toBe('It costs $5 and $10, or $15/$20.');
  });

  it('shows a formula still being written as text, and typesets it when it closes', async () => {
    const view = render(<Markdown text={'So $$\\frac{a}{b'} streaming />);
    await waitFor(() => expect(view.container.textContent).toContain('$$\\frac{a}{b'));
    expect(view.container.querySelector('.fk-math')).toBeNull();
    view.rerender(<Markdown text={'So $$\\frac{a}{b}$$ holds'} streaming />);
    await waitFor(() => expect(view.container.querySelector('.katex')).not.toBeNull());
  });

  it('shows a formula KaTeX rejects as its source, without an exception', async () => {
    await katex.load();
    const { container } = render(<Markdown text={'Bad: $\\notacommand{x}$ and $x^{$.'} />);
    expect(container.querySelector('.fk-math__source')?.textContent).toBe('$\\notacommand{x}$');
    expect(container.querySelector('.katex')).toBeNull();
  });

  it('never turns a formula into a link, a style or an attribute (trust: false)', async () => {
    await katex.load();
    const { container } = render(
      <Markdown
        text={
          '$\\href{javascript:alert(1)}{click}$ $\\url{javascript:alert(2)}$ $\\htmlClass{x}{y}$ $\\htmlData{onclick=alert(3)}{z}$ $\\includegraphics{https://example.com/x.png}$'
        }
      />,
    );
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(5));
    expect(container.querySelector('a, img, [onclick], [data-onclick], [href], [src]')).toBeNull();
    const attributes = [...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
    expect(attributes.filter((value) => /javascript|alert|example\.com/.test(value))).toEqual([]);
  });

  it('renders a latex artifact with MathBlock, and its source on the server', async () => {
    expect(renderToString(<MathBlock tex="\sum_{i=1}^n i" />)).toContain('\\sum_{i=1}^n i');
    const { container } = render(<MathBlock tex="\sum_{i=1}^n i" className="artifact" />);
    await act(() => katex.load());
    await waitFor(() => expect(container.querySelector('.artifact .katex-display')).not.toBeNull());
  });
});

describe('tables', () => {
  it('puts a table in its own scrolling box, with the alignment from the GFM syntax', () => {
    const { container } = render(<Markdown text={'| name | price |\n|:--|--:|\n| tea | $5 |'} />);
    const box = container.querySelector('.fk-markdown__table');
    expect(box?.firstElementChild?.tagName).toBe('TABLE');
    expect((container.querySelector('td:last-child') as HTMLElement).style.textAlign).toBe('right');
    expect((container.querySelector('th:first-child') as HTMLElement).style.textAlign).toBe('left');
  });
});

describe('on the server', () => {
  it('renders code and formulas as their text', () => {
    const html = renderToString(<Markdown text={`${TS}\n\n$x^2$`} />).replace(/<[^>]+>/g, '');
    expect(html).toContain('const answer: number = 42;');
    expect(html).toContain('$x^2$');
  });
});
