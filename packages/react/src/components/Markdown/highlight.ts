/**
 * Loaded lazily (lazy.ts), on the first finished code block with a language. lowlight runs highlight.js's grammars
 * and returns a syntax tree; the tree becomes React elements here (spans with highlight.js's class names, and text),
 * never an HTML string. Colours: Markdown.css, from the theme's `--fk-code-*` properties.
 */
import { common, createLowlight } from 'lowlight';
import { createElement, type ReactNode } from 'react';

const lowlight = createLowlight(common);

type Root = ReturnType<typeof lowlight.highlight>;
type Child = Root['children'][number];

/** Highlighted code, by language and code: a block that remounts (moved into a settled group) is not highlighted again. */
const cache = new Map<string, ReactNode>();
const CACHE_SIZE = 200;

const SAFE_CLASS = /^[\w-]+$/;

function toReact(node: Child, key: number): ReactNode {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return null;
  const names = node.properties['className'];
  const className = Array.isArray(names) ? names.filter((n) => SAFE_CLASS.test(String(n))).join(' ') : undefined;
  return createElement('span', { key, className }, node.children.map(toReact));
}

/** `code` highlighted as `lang` (a highlight.js name or alias), or `undefined` for a language it does not know. */
export function highlight(code: string, lang: string): ReactNode | undefined {
  const key = `${lang}\n${code}`;
  if (cache.has(key)) return cache.get(key);
  let tree: Root | undefined;
  try {
    tree = lowlight.registered(lang) ? lowlight.highlight(lang, code) : undefined;
  } catch {
    tree = undefined;
  }
  const result = tree ? tree.children.map(toReact) : undefined;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}
