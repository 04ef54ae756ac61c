import { expect, it, vi } from 'vitest';
import { warmUpFonts } from './font-warm-up.js';

it('lays out a hidden specimen of the answer styles in idle tasks, removes it, and runs once per page', async () => {
  const idle = vi.fn((run: () => void) => setTimeout(run, 5));
  Object.assign(window, { requestIdleCallback: idle });
  const root = document.createElement('section');
  document.body.append(root);
  const specimens: HTMLElement[] = [];
  const append = vi.spyOn(root, 'append').mockImplementation(function (this: HTMLElement, ...nodes) {
    for (const node of nodes) if (node instanceof HTMLElement) specimens.push(node);
    return HTMLElement.prototype.append.apply(this, nodes);
  });
  warmUpFonts(root);
  warmUpFonts(root);
  // Not in the caller's task.
  expect(specimens).toEqual([]);
  await vi.waitFor(() => expect(idle).toHaveBeenCalledTimes(7));
  await vi.waitFor(() => expect(specimens).toHaveLength(6));
  for (const box of specimens) {
    expect(box.className).toBe('fk-font-warm-up');
    expect(box.getAttribute('aria-hidden')).toBe('true');
  }
  // The kit's own classes, so a theme's fonts are the ones warmed: body text, code, headings, the panels.
  const html = specimens.map((box) => box.innerHTML).join('');
  for (const part of [
    'fk-message--assistant',
    '<strong>',
    '<em>',
    'fk-code__lang',
    '<h1>',
    'fk-source-list',
    'fk-tool__name',
  ])
    expect(html).toContain(part);
  expect(html).toContain('🦊');
  // Each specimen is gone by the end of its own task.
  expect(root.children).toHaveLength(0);
  append.mockRestore();
  Reflect.deleteProperty(window, 'requestIdleCallback');
});
