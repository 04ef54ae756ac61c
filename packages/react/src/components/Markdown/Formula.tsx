import { memo, useRef, useState } from 'react';
import { useClientLayoutEffect } from '../../client-layout-effect.js';
import { katex } from './lazy.js';
import '../../styles/theme.css';
import './Markdown.css';

// The formula is typeset before the first paint when KaTeX has loaded already; on the server there is no layout.
/** Props of {@link MathBlock}. */
export interface MathBlockProps {
  /** TeX source, without delimiters (`\frac{a}{b}`): untrusted, like all model output. */
  tex: string;
  /** A display formula (centred, on its own line); `false`: inline. Default `true`. */
  display?: boolean;
  /** Added to the root element's class. */
  className?: string;
}

/**
 * A formula: typeset by KaTeX (loaded on first use, with its stylesheet), shown as `source` until then, on the
 * server, and when KaTeX rejects it, never an exception.
 */
export const Formula = memo(function Formula({
  tex,
  display,
  source,
  className,
}: {
  tex: string;
  display: boolean;
  source: string;
  className?: string | undefined;
}) {
  const target = useRef<HTMLSpanElement>(null);
  const [rendered, setRendered] = useState(false);
  useClientLayoutEffect(() => {
    let live = true;
    const draw = (module: NonNullable<ReturnType<typeof katex.current>>) => {
      if (live && target.current) setRendered(module.renderFormula(tex, display, target.current));
    };
    const loaded = katex.current();
    if (loaded) draw(loaded);
    else
      katex.load().then(draw, () => {
        if (live) setRendered(false);
      });
    return () => {
      live = false;
    };
  }, [tex, display]);
  const classes = `fk-math${display ? ' fk-math--display' : ''}${className ? ` ${className}` : ''}`;
  return (
    <span className={classes} data-formula={rendered ? 'rendered' : 'source'}>
      {/* KaTeX's output: filled by renderFormula, never by React. */}
      <span ref={target} className="fk-math__output" hidden={!rendered} />
      {rendered ? null : <code className="fk-math__source">{source}</code>}
    </span>
  );
});

/**
 * A TeX formula typeset with KaTeX, for formulas outside markdown: a Flowise `latex` artifact is
 * `<MathBlock tex={artifact.data} />`. Safe for untrusted input (see the package README); a formula KaTeX rejects
 * shows as its source.
 */
export const MathBlock = memo(function MathBlock({ tex, display = true, className }: MathBlockProps) {
  return <Formula tex={tex} display={display} source={tex} className={className} />;
});
