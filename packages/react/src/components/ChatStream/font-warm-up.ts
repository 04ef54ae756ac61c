import { afterThisTask } from '@flowise-kit/core/internal';
import { whenIdle } from '../Markdown/idle-steps.js';

/** Words in the fonts' common paths: Latin with accents, and an emoji (a fallback font: no text font has it). */
const WORDS = 'Aa Üç 🦊';

/**
 * The text styles of an answer and of the panels beside it, as the kit's own elements and classes set them
 * (ChatStream.css, Markdown.css, SourceList.css, ToolTrace.css), so a theme's fonts and sizes are the ones warmed.
 * One specimen per idle task; a specimen is paths of elements (`tag.class>tag`, space-separated), each path ending
 * in {@link WORDS}.
 */
const SPECIMENS = [
  'article.fk-message.fk-message--assistant>div.fk-markdown>p',
  'div.fk-markdown>p>strong div.fk-markdown>p>em div.fk-markdown>p>code',
  'div.fk-markdown>div.fk-code>div.fk-code__bar>span.fk-code__lang div.fk-markdown>div.fk-code>pre>code',
  'div.fk-markdown>h1 div.fk-markdown>h2 div.fk-markdown>h3 p.fk-message__status',
  // The panels beside the conversation show their first words in the same frame as an answer's first token.
  'div.fk-source-list>p.fk-source__title div.fk-source-list>p.fk-source__location',
  'div.fk-tool-trace>p.fk-tool__name div.fk-tool-trace>p.fk-status div.fk-tool-trace>p.fk-payload__body',
];

/** The hidden box holding a specimen's elements. */
function build(specimen: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'fk-font-warm-up';
  box.setAttribute('aria-hidden', 'true');
  for (const path of specimen.split(' ')) {
    let parent: HTMLElement = box;
    for (const step of path.split('>')) {
      const [tag = 'div', ...classes] = step.split('.');
      const element = document.createElement(tag);
      if (classes.length > 0) element.className = classes.join(' ');
      parent.append(element);
      parent = element;
    }
    parent.append(WORDS);
  }
  return box;
}

let warmed = false;

/**
 * Lays out a hidden specimen of an answer's text styles inside the conversation, once per page, one specimen per idle
 * period, each removed after the frame that laid it out. The first use of a font family, size, weight or fallback
 * costs the browser more than the rest of a frame: resolving every name of the font stack, loading the font and
 * asking for its rendering settings (on Linux each a round trip from the sandboxed page to the browser process).
 * Paid by the first answer, it made the first frame of an answer, 56 elements, an 80 ms task at 4× CPU throttling
 * (issue 18); paid here, it is a few milliseconds per frame before any question. The specimen is laid out by the
 * browser's own next frame, never by reading a size: that would also lay out, in this task, whatever else is pending
 * (a restored conversation's first layout). A conversation not rendered (in a closed panel) tries again when it next
 * mounts; in a hidden tab the next specimen waits for a frame. A no-op on the server.
 */
export function warmUpFonts(root: HTMLElement | null): void {
  if (warmed || !root || typeof window === 'undefined') return;
  warmed = true;
  const show = (index: number) =>
    whenIdle(() => {
      if (!root.isConnected) return void (warmed = false);
      const box = build(SPECIMENS[index]!);
      root.append(box);
      requestAnimationFrame(() =>
        afterThisTask(() => {
          // After the frame's layout: reading a size is free now. Zero wide: not rendered (`display: none` above).
          const rendered = (box.firstElementChild?.getBoundingClientRect().width ?? 0) > 0;
          box.remove();
          if (!rendered) warmed = false;
          else if (index + 1 < SPECIMENS.length) show(index + 1);
        }),
      );
    });
  show(0);
}
