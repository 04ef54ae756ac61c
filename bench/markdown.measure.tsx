/**
 * How much does rendering a streaming markdown answer cost, per renderer? The same 5,000-token answer (a word per
 * token, a list item every 60 tokens, a code block every 500) is committed every 20 tokens (250 commits, as frame
 * batching would at 1,000 tokens/s), and the total time of all commits is measured. happy-dom, not a browser: the
 * figures compare renderers with each other; the browser benchmarks (BENCHMARKS.md) give absolute numbers.
 */
import { Markdown } from '@flowise-kit/react';
import { act, cleanup, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Streamdown } from 'streamdown';
import { it } from 'vitest';

const TOKENS = 5000;
const STEP = 20;
const tokens = Array.from({ length: TOKENS }, (_, i) =>
  i % 500 === 499
    ? '\n\n```js\nconst x = 1;\n```\n\n'
    : i % 60 === 0 && i > 0
      ? `\n- item ${i / 60}:`
      : ` word${i % 97}`,
);

const renderers: Record<string, ComponentType<{ text: string; streaming: boolean }>> = {
  'flowise-kit Markdown (blocks memoised, remend)': ({ text, streaming }) => (
    <Markdown text={text} streaming={streaming} />
  ),
  'react-markdown + remark-gfm, whole text each commit': ({ text }) => (
    <ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>
  ),
  'streamdown 2.7': ({ text, streaming }) => <Streamdown isAnimating={streaming}>{text}</Streamdown>,
};

async function measure(Renderer: ComponentType<{ text: string; streaming: boolean }>): Promise<number> {
  let text = '';
  const view = render(<Renderer text="" streaming />);
  const started = performance.now();
  for (let i = 0; i < TOKENS; i += STEP) {
    text += tokens.slice(i, i + STEP).join('');
    await act(async () => view.rerender(<Renderer text={text} streaming={i + STEP < TOKENS} />));
  }
  const elapsed = performance.now() - started;
  cleanup();
  return elapsed;
}

it('markdown render cost while streaming', async () => {
  const rows: string[] = [];
  for (const [name, Renderer] of Object.entries(renderers)) {
    await measure(Renderer); // warm-up
    const runs = [await measure(Renderer), await measure(Renderer), await measure(Renderer)].sort((a, b) => a - b);
    rows.push(`| ${name} | ${Math.round(runs[1]!)} ms | ${Math.round(runs[0]!)}–${Math.round(runs[2]!)} ms |`);
  }
  console.log(['| renderer | median of 3 (250 commits) | min–max |', '|---|---|---|', ...rows].join('\n'));
});
