/**
 * Loaded lazily (lazy.ts), on the first finished code block with a language. lowlight runs highlight.js's grammars
 * and returns a syntax tree; the tree becomes React elements here (spans and text), never an HTML string. highlight.js's
 * many scopes are reduced to six kinds, `fk-hl-keyword` … `fk-hl-comment`, coloured in Markdown.css from the theme's
 * `--fk-code-*` properties (so the stylesheet every page loads stays small).
 */
import { afterThisTask } from '@flowise-kit/core/internal';
import { common, createLowlight } from 'lowlight';
import { createElement, type ReactNode } from 'react';

const lowlight = createLowlight();

/** Grammars are registered for about this many milliseconds per task. */
const SLICE_MS = 4;

/**
 * Resolves once highlight.js's common grammars are registered. Registering runs each grammar's definition: all 37 at
 * once were one task of about 40 ms on a laptop and 150 ms on a phone-class CPU, in the middle of an answer (the
 * first finished code block loads this module). They are registered a few milliseconds' worth per task instead;
 * lazy.ts hands the module out only after this.
 */
export const ready: Promise<void> = (async () => {
  const pending = Object.entries(common);
  while (pending.length > 0) {
    const started = performance.now();
    while (pending.length > 0 && performance.now() - started < SLICE_MS) {
      const [name, grammar] = pending.shift()!;
      lowlight.register(name, grammar);
    }
    if (pending.length > 0) await new Promise<void>((resolve) => afterThisTask(resolve));
  }
})();

type Root = ReturnType<typeof lowlight.highlight>;
type Child = Root['children'][number];

/** Highlighted code, by language and code: a block that remounts (moved into a settled group) is not highlighted again. */
const cache = new Map<string, ReactNode>();
const CACHE_SIZE = 200;

const KINDS: Record<string, string> = {};
const kinds = {
  keyword: 'keyword selector-tag doctag template-tag',
  string: 'string regexp addition char.escape',
  number: 'number literal attr attribute variable template-variable property selector-attr selector-class selector-id',
  title: 'title section name title.function_',
  type: 'type built_in title.class_ params symbol bullet',
  comment: 'comment quote meta deletion',
};
for (const [kind, scopes] of Object.entries(kinds))
  for (const scope of scopes.split(' ')) KINDS[scope] = `fk-hl-${kind}`;

/** `['hljs-title', 'class_']` → `title.class_` → its kind's class, or none (the text keeps its parent's colour). */
function kindOf(names: unknown): string | undefined {
  if (!Array.isArray(names)) return undefined;
  const [first, ...rest] = names.map(String);
  const scope = first?.replace(/^hljs-/, '');
  if (!scope) return undefined;
  return KINDS[[scope, ...rest].join('.')] ?? KINDS[scope];
}

function toReact(node: Child, key: number): ReactNode {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return null;
  return createElement('span', { key, className: kindOf(node.properties['className']) }, node.children.map(toReact));
}

/** The cache's key of a block. */
const keyOf = (code: string, lang: string) => `${lang}\n${code}`;

/** `code` highlighted as `lang` (a highlight.js name or alias), or `undefined` for a language it does not know. */
export function highlight(code: string, lang: string): ReactNode | undefined {
  const key = keyOf(code, lang);
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

/** A block's highlighting, if it is done: `{ nodes }` (`nodes` undefined for a language it does not know). */
export function highlighted(code: string, lang: string): { nodes: ReactNode | undefined } | undefined {
  const key = keyOf(code, lang);
  return cache.has(key) ? { nodes: cache.get(key) } : undefined;
}

interface Job {
  code: string;
  lang: string;
  done: (nodes: ReactNode | undefined) => void;
}
const queue: Job[] = [];
let scheduled = false;

function work(): void {
  const started = performance.now();
  for (let job = queue.shift(); job; job = performance.now() - started < SLICE_MS ? queue.shift() : undefined)
    job.done(highlight(job.code, job.lang));
  scheduled = queue.length > 0;
  if (scheduled) afterThisTask(work);
}

/**
 * Highlights `code` in a later task and hands the result to `done`; returns a function that cancels it. Blocks are
 * highlighted a few milliseconds' worth per task, in the order asked: a conversation restored with a hundred code
 * blocks, or the highlighter arriving when a dozen blocks have closed, no longer highlights them all in one render
 * (and a language's first block, which compiles its grammar, runs in a task of its own as far as it can).
 */
export function highlightSoon(code: string, lang: string, done: Job['done']): () => void {
  const job: Job = { code, lang, done };
  queue.push(job);
  if (!scheduled) afterThisTask(work);
  scheduled = true;
  return () => {
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
  };
}
