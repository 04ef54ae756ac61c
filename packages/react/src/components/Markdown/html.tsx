import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { safeImageUrl, safeLinkUrl } from './safe-url.js';

/** Whether HTML in markdown is rendered (through the allow-list below) or dropped; dropped by default. */
export const RenderHtmlContext = createContext(false);

/** Elements kept, with their children. Anything else is unwrapped (its text stays), except {@link DROPPED}. */
const ALLOWED = new Set(
  'a abbr b blockquote br caption code dd del details div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td tfoot th thead tr u ul'.split(
    ' ',
  ),
);
/** Elements removed with everything in them: code, styles, embedded documents, forms and foreign markup. */
const DROPPED = new Set(
  'script style template iframe frame frameset object embed noscript textarea select option button input form svg math link meta base head title'.split(
    ' ',
  ),
);

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === 3) return node.textContent;
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const tag = element.localName;
  if (DROPPED.has(tag)) return null;
  const children = Array.from(element.childNodes, convert);
  if (!ALLOWED.has(tag)) return children.length ? createElement('span', { key }, children) : null;
  const props: Record<string, unknown> = { key };
  const title = element.getAttribute('title');
  if (title) props.title = title;
  if (tag === 'a') {
    const href = safeLinkUrl(element.getAttribute('href'));
    if (href) Object.assign(props, { href, target: '_blank', rel: 'noopener noreferrer' });
  } else if (tag === 'img') {
    const src = safeImageUrl(element.getAttribute('src'));
    if (!src) return null;
    Object.assign(props, {
      src,
      alt: element.getAttribute('alt') ?? '',
      loading: 'lazy',
      referrerPolicy: 'no-referrer',
    });
  } else if (tag === 'td' || tag === 'th') {
    for (const name of ['colspan', 'rowspan'] as const) {
      const value = Number(element.getAttribute(name));
      if (Number.isInteger(value) && value > 1 && value < 100)
        props[name === 'colspan' ? 'colSpan' : 'rowSpan'] = value;
    }
  }
  return tag === 'br' || tag === 'hr' || tag === 'img'
    ? createElement(tag, props)
    : createElement(tag, props, children.length ? children : undefined);
}

/**
 * HTML from model output as React elements, never as an HTML string: parsed by the browser's `DOMParser` (an inert
 * document: no script runs, no image loads), then rebuilt from an allow-list of elements with no attributes but
 * safe `href`/`src` (safe-url.ts), `alt`, `title` and table spans. No styles, classes, ids or event handlers survive.
 * Without a DOM (server rendering) nothing is rendered.
 */
export function sanitizedHtml(html: string): ReactNode[] | null {
  if (typeof DOMParser === 'undefined') return null;
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return Array.from(body.childNodes, convert);
}

/** A run of HTML in markdown: rendered through {@link sanitizedHtml} when allowed, else `fallback` (default nothing). */
export function HtmlRun({ html, fallback = null }: { html: string; fallback?: ReactNode }) {
  const allowed = useContext(RenderHtmlContext);
  const nodes = useMemo(() => (allowed ? sanitizedHtml(html) : null), [allowed, html]);
  return <>{nodes ?? fallback}</>;
}
