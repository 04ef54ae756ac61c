import type * as Highlighter from './highlight.js';
import type * as Katex from './katex.js';
import type * as Sanitizer from './sanitize-html.js';

/**
 * A module loaded on first use, once per page: the highlighter on the first finished code block with a language, KaTeX
 * on the first formula, so an answer without code or math pays nothing. `current()` is the module once it has loaded,
 * so a block that mounts later (a settled block moved into a group, a conversation restored) renders at once.
 * A failed load (offline, a script build copied without its chunks) is not retried: the text stays plain.
 */
function lazyModule<T>(load: () => Promise<T>): { current: () => T | undefined; load: () => Promise<T> } {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    current: () => loaded,
    load: () =>
      (pending ??= load().then((module) => {
        loaded = module;
        return module;
      })),
  };
}

/** The code highlighter (lowlight, highlight.js's grammars), once its grammars are registered: see `highlight.ts`. */
export const highlighter = lazyModule<typeof Highlighter>(() =>
  import('./highlight.js').then(async (module) => {
    await module.ready;
    return module;
  }),
);

/** KaTeX and its stylesheet: see `katex.ts`. */
export const katex = lazyModule<typeof Katex>(() => import('./katex.js'));

/** DOMPurify, for HTML artifacts: see `sanitize-html.ts`. */
export const sanitizer = lazyModule<typeof Sanitizer>(() => import('./sanitize-html.js'));
