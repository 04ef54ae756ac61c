import { memo, useEffect, useState, type ReactNode } from 'react';
import { highlighter } from './lazy.js';
import { fillLabel, useLabels } from '../../labels.js';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** The code, as the model wrote it. */
  code: string;
  /** The fence's language (`ts`, `python` …), already reduced to safe characters. */
  lang?: string | undefined;
  /** The fence is still open: the code is plain text until it closes, so it is highlighted once, not per token. */
  streaming?: boolean;
}

/** The loaded highlighter, loading it on first need. */
function useHighlighter(needed: boolean) {
  const [module, setModule] = useState(highlighter.current);
  useEffect(() => {
    if (!needed || module) return;
    let live = true;
    highlighter.load().then(
      (loaded) => live && setModule(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [needed, module]);
  return module;
}

/**
 * `code` highlighted as `lang` once `enabled`, or `undefined` until then (and for a language the highlighter does not
 * know). A block highlighted before (a remount) shows highlighted at once; a new one is highlighted in a later task
 * (see `highlightSoon`), so many blocks are never highlighted in one render.
 */
function useHighlighted(code: string, lang: string | undefined, enabled: boolean): ReactNode | undefined {
  const module = useHighlighter(enabled && lang !== undefined);
  // The highlighter and the language, once both are there and the fence has closed.
  const ready = module && lang && enabled ? { module, lang } : undefined;
  const key = `${lang}\n${code}`;
  const [later, setLater] = useState<{ key: string; nodes: ReactNode | undefined }>();
  const done = ready && (ready.module.highlighted(code, ready.lang) ?? (later?.key === key ? later : undefined));
  const waiting = ready !== undefined && done === undefined;
  useEffect(() => {
    if (!waiting || !module || !lang) return;
    return module.highlightSoon(code, lang, (nodes) => setLater({ key, nodes }));
  }, [waiting, module, code, lang, key]);
  return done?.nodes;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies the block's code; says "Copied" on the button and to screen readers (a polite status). */
function CopyCode({ code, lang }: { code: string; lang: string | undefined }) {
  const [state, setState] = useState<CopyState>('idle');
  const labels = useLabels();
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) return setState('failed');
    clipboard.writeText(code).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  const label = state === 'copied' ? labels.copied : state === 'failed' ? labels.copyFailed : labels.copy;
  return (
    <>
      <button
        type="button"
        className="fk-code__copy"
        onClick={copy}
        aria-label={state === 'idle' ? fillLabel(labels.copyCode, { lang: lang ? `${lang} ` : '' }) : label}
      >
        {label}
      </button>
      <span className="fk-sr-only" role="status">
        {state === 'idle' ? '' : label}
      </span>
    </>
  );
}

/**
 * A fenced code block: its language, a copy button, and the code, highlighted once its fence has closed (the
 * highlighter loads on the first such block). Long lines scroll inside the block.
 */
export const CodeBlock = memo(function CodeBlock({ code, lang, streaming = false }: CodeBlockProps) {
  const highlighted = useHighlighted(code, lang, !streaming);
  return (
    <div className="fk-code" data-streaming={streaming || undefined}>
      <div className="fk-code__bar">
        <span className="fk-code__lang">{lang}</span>
        <CopyCode code={code} lang={lang} />
      </div>
      <pre>
        <code className={lang ? `language-${lang}` : undefined}>
          {highlighted ?? code}
          {'\n'}
        </code>
      </pre>
    </div>
  );
});
