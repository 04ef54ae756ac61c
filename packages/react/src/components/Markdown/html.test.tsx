import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RenderHtmlContext } from './html.js';
import { Markdown } from './Markdown.js';

const show = (text: string, allowed: boolean) =>
  render(
    <RenderHtmlContext.Provider value={allowed}>
      <Markdown text={text} />
    </RenderHtmlContext.Provider>,
  ).container;

describe('HTML in markdown', () => {
  it('is dropped by default, its text kept', () => {
    const root = show('Hello <b>bold</b> world', false);
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toBe('Hello bold world');
  });

  it('renders the allowed elements when asked, inline and as a block', () => {
    const root = show(
      'Hello <b>bold</b> and <a href="https://example.com" onclick="x()">a link</a>\n\n<table><tr><td colspan="2">cell</td></tr></table>',
      true,
    );
    expect(root.querySelector('b')?.textContent).toBe('bold');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com');
    expect(link.getAttribute('onclick')).toBeNull();
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('td')?.getAttribute('colspan')).toBe('2');
  });

  it('keeps no script, style, handler, frame or unsafe URL', () => {
    const root = show(
      '<div style="color:red" class="x" id="y" onmouseover="x()"><script>x()</script><style>*{}</style>' +
        '<iframe src="https://evil.example"></iframe><img src="javascript:x()" onerror="x()"><a href="javascript:x()">js</a>' +
        '<svg onload="x()"><circle/></svg><form action="/"><input></form><p>kept</p></div>',
      true,
    );
    expect(root.querySelectorAll('script, style, iframe, img, svg, form, input')).toHaveLength(0);
    for (const element of root.querySelectorAll('*'))
      for (const name of element.getAttributeNames()) expect(['class', 'href', 'target', 'rel']).toContain(name);
    expect(root.querySelector('.fk-markdown a')?.hasAttribute('href')).toBe(false);
    expect(root.textContent).toContain('kept');
  });

  it('never lets an event handler, a style or a javascript: URL through, whatever the markup', () => {
    const tag = fc.constantFrom('a', 'b', 'div', 'img', 'script', 'iframe', 'p', 'svg', 'details', 'td', 'span');
    const attribute = fc.constantFrom(
      'onclick="x()"',
      'style="x"',
      'href="javascript:x()"',
      'src="javascript:x()"',
      'href="https://a.example"',
      'id="i"',
    );
    const element = fc
      .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.string({ maxLength: 8 }))
      .map(([name, attributes, text]) => `<${name} ${attributes.join(' ')}>${text}</${name}>`);
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 5 }), (parts) => {
        const root = show(parts.join(''), true);
        for (const node of root.querySelectorAll('*')) {
          for (const name of node.getAttributeNames())
            expect(name.startsWith('on') || name === 'style' || name === 'id').toBe(false);
          for (const name of ['href', 'src']) expect(node.getAttribute(name) ?? '').not.toMatch(/^javascript:/i);
          expect(['script', 'iframe', 'svg']).not.toContain(node.localName);
        }
      }),
      { numRuns: 60 },
    );
  });
});
