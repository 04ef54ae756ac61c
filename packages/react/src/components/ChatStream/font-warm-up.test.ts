import { afterEach, expect, it, vi } from 'vitest';
import { warmUpFonts } from './font-warm-up.js';

/** Records what is appended to `root` (the specimens' boxes). */
function recordAppends(root: HTMLElement): HTMLElement[] {
  const boxes: HTMLElement[] = [];
  vi.spyOn(root, 'append').mockImplementation(function (this: HTMLElement, ...nodes) {
    for (const node of nodes) if (node instanceof HTMLElement) boxes.push(node);
    return HTMLElement.prototype.append.apply(this, nodes);
  });
  return boxes;
}

/** happy-dom lays nothing out: every element is as wide as this. */
const layOut = (width: number) =>
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ width } as DOMRect);

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, 'requestIdleCallback');
});

it('stops when the conversation is not rendered, and tries again when it next mounts', async () => {
  Object.assign(window, { requestIdleCallback: (run: () => void) => setTimeout(run, 5) });
  layOut(0);
  const root = document.body.appendChild(document.createElement('section'));
  const boxes = recordAppends(root);
  warmUpFonts(root);
  await vi.waitFor(() => expect(boxes).toHaveLength(1));
  await vi.waitFor(() => expect(root.children).toHaveLength(0));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(boxes).toHaveLength(1);
});

it('shows a hidden specimen of the answer styles per idle period, each removed after a frame, once per page', async () => {
  const idle = vi.fn((run: () => void) => setTimeout(run, 5));
  Object.assign(window, { requestIdleCallback: idle });
  const frames = vi.spyOn(window, 'requestAnimationFrame');
  layOut(200);
  const root = document.body.appendChild(document.createElement('section'));
  const boxes = recordAppends(root);
  warmUpFonts(root);
  warmUpFonts(root);
  // Not in the caller's task.
  expect(boxes).toEqual([]);
  await vi.waitFor(() => expect(boxes).toHaveLength(6));
  await vi.waitFor(() => expect(root.children).toHaveLength(0));
  // One idle period and one frame each: the browser's own layout shapes the text, nothing forces it.
  expect(idle).toHaveBeenCalledTimes(6);
  expect(frames).toHaveBeenCalledTimes(6);
  for (const box of boxes) {
    expect(box.className).toBe('fk-font-warm-up');
    expect(box.getAttribute('aria-hidden')).toBe('true');
  }
  // The kit's own classes, so a theme's fonts are the ones warmed: body text, code, headings, the panels.
  const html = boxes.map((box) => box.innerHTML).join('');
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
  // Once per page.
  warmUpFonts(document.body.appendChild(document.createElement('section')));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(boxes).toHaveLength(6);
  expect(idle).toHaveBeenCalledTimes(6);
});
