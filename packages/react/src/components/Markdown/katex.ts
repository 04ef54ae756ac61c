/**
 * Loaded lazily (lazy.ts), on the first formula. KaTeX builds the formula's DOM itself (createElement, no HTML
 * string), into an element React does not manage. The options keep model output inert and bounded: `trust: false`
 * (no `\href`, `\url`, `\includegraphics`, `\htmlClass` …: they render as error-coloured text, never as links or
 * attributes), `maxSize` and `maxExpand` cap sizes and macro expansion, and a formula KaTeX rejects throws, so the
 * caller shows its source instead.
 */
import katex, { type KatexOptions } from 'katex';
import 'katex/dist/katex.min.css';

const options = (displayMode: boolean): KatexOptions => ({
  displayMode,
  output: 'htmlAndMathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 500,
});

/** Rendered formulas: a formula that remounts (moved into a settled group) is cloned, not typeset again. */
const cache = new Map<string, Node | null>();
const CACHE_SIZE = 200;

/** Typesets `tex` into `target` (replacing its children); `false`, and `target` emptied, when KaTeX rejects it. */
export function renderFormula(tex: string, display: boolean, target: HTMLElement): boolean {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let rendered = cache.get(key);
  if (rendered === undefined) {
    const scratch = target.ownerDocument.createElement('span');
    try {
      katex.render(tex, scratch, options(display));
      rendered = scratch;
    } catch {
      rendered = null;
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, rendered);
  }
  target.replaceChildren(...(rendered ? Array.from(rendered.cloneNode(true).childNodes) : []));
  return rendered !== null;
}
