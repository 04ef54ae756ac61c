import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { MathBlock } from './Formula.js';
import { Markdown } from './Markdown.js';

const meta = { title: 'Components/Markdown', component: Markdown } satisfies Meta<typeof Markdown>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Complete: Story = {
  args: {
    text: '### Heading\n\nText with **bold**, `code` and a [link](https://example.com).\n\n- one\n- two\n\n```sh\npnpm test\n```',
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'link' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow',
    );
  },
};

export const IncompleteEmphasis: Story = {
  name: 'Incomplete emphasis while streaming',
  args: { text: 'A finished paragraph.\n\nStill typing a **bold phra', streaming: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('strong')).toHaveTextContent('bold phra');
    await expect(canvasElement).not.toHaveTextContent('**');
  },
};

export const IncompleteFence: Story = {
  name: 'Incomplete code fence while streaming',
  args: { text: 'Here is the code:\n\n```ts\nconst answer = 4', streaming: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('pre code')).toHaveTextContent('const answer = 4');
    await expect(canvasElement).not.toHaveTextContent('```');
  },
};

export const Hostile: Story = {
  args: {
    text: 'Raw <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> [click me](javascript:alert(1)) [data](data:text/html,hi) ![pixel](data:image/png;base64,AAAA) [ok](https://example.com)',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    await expect(canvas.getAllByRole('link')).toHaveLength(1);
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  },
};

/** Tokens arriving one by one: the layout stays steady as emphasis and fences open and close. */
function Typing({ text }: { text: string }) {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setLength((n) => (n >= text.length ? n : n + 3)), 30);
    return () => clearInterval(timer);
  }, [text]);
  return <Markdown text={text.slice(0, length)} streaming={length < text.length} />;
}

export const Typewriter: StoryObj<typeof Typing> = {
  render: (args) => <Typing {...args} />,
  args: {
    text: 'Streaming **markdown** with `inline code`, a list:\n\n- first\n- second\n\nand a block:\n\n```js\nconsole.log("done");\n```',
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('pre code')).toHaveTextContent('console.log("done");'), {
      timeout: 5000,
    });
  },
};

const CODE =
  'Read the file and retry:\n\n```ts\nimport { readFile } from "node:fs/promises";\n\n/** Lines of a file, retried on failure. */\nexport async function load(path: string, retries = 3): Promise<string[]> {\n  for (let attempt = 0; attempt < retries; attempt++) {\n    try {\n      return (await readFile(path, "utf8")).split("\\n"); // a long comment that makes this line wider than any chat bubble on a phone\n    } catch (error) {\n      console.warn(`attempt ${attempt} failed`, error);\n    }\n  }\n  throw new Error("unreachable");\n}\n```\n\n```sh\npnpm add @flowise-kit/react\n```';

/** A fenced block: language label, copy button, highlighted once the highlighter has loaded; long lines scroll. */
export const CodeBlocks: Story = {
  args: { text: CODE },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Copy ts code' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Copy sh code' })).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelector('.fk-hl-keyword')).not.toBeNull(), { timeout: 5000 });
    await expect(canvasElement.querySelector('.fk-code__lang')).toHaveTextContent('ts');
  },
};

/** A fence still open while streaming: plain text, no highlighting until it closes. */
export const StreamingCode: Story = {
  name: 'Code block still streaming',
  args: { text: 'Here it comes:\n\n```ts\nconst answer = 42;\nfunction half(', streaming: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('pre code')).toHaveTextContent('function half('));
    await expect(canvasElement.querySelector('.fk-code')).toHaveAttribute('data-streaming', 'true');
    await expect(canvasElement.querySelector('[class^="fk-hl-"]')).toBeNull();
  },
};

const MATH =
  'The roots of $ax^2 + bx + c = 0$ are\n\n$$\nx = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n$$\n\nand Euler wrote \\(e^{i\\pi} + 1 = 0\\). A sum:\n\n\\[\n\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\n\\]\n\nPrices stay prose: it costs $5 and $10. A formula KaTeX rejects shows its source: $\\frac{1}{$.';

/** Formulas in the four notations, typeset by KaTeX; dollar amounts stay text; a rejected formula shows its source. */
export const Formulas: Story = {
  args: { text: MATH },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.katex')).toHaveLength(4), { timeout: 5000 });
    await expect(canvasElement.querySelectorAll('.katex-display')).toHaveLength(2);
    await expect(canvasElement).toHaveTextContent('it costs $5 and $10.');
    await expect(canvasElement.querySelector('.fk-math__source')).toHaveTextContent('$\\frac{1}{$');
  },
};

/** A Flowise `latex` artifact, rendered on its own. */
export const LatexArtifact: StoryObj<typeof MathBlock> = {
  render: (args) => <MathBlock {...args} />,
  args: { tex: '\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.katex-display')).not.toBeNull(), { timeout: 5000 });
  },
};

const TABLE =
  '| Model | Context | Input $/M | Output $/M | Notes |\n|:--|--:|--:|--:|:--|\n| gpt-4o-mini | 128k | 0.15 | 0.60 | cheap, fast, good enough for most routing and extraction work |\n| claude-sonnet | 200k | 3.00 | 15.00 | strong at code and long documents |\n| llama-3.1-70b | 128k | 0.88 | 0.88 | open weights, self-hosted |';

/** A table wider than the bubble scrolls in its own box; the first column stays in view; GFM alignment. */
export const WideTable: Story = {
  args: { text: `Prices per million tokens:\n\n${TABLE}\n\nAfter the table.` },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('.fk-markdown__table')!;
    await expect(box.querySelector('table')).not.toBeNull();
    await expect(box.querySelector('td:nth-child(2)')).toHaveStyle({ textAlign: 'right' });
  },
};

/** Math and code as attack surfaces: KaTeX's trust is off, so `\href`, `\url`, `\htmlData` make no link or attribute. */
export const HostileMathAndCode: Story = {
  args: {
    text: '$\\href{javascript:window.__pwned=1}{click}$ $\\url{javascript:alert(1)}$ $\\htmlData{onclick=alert(1)}{x}$ $\\includegraphics{https://example.com/x.png}$\n\n```html\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\n```\n\n```<img src=x onerror=alert(1)>\ncode\n```',
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.katex')).toHaveLength(4), { timeout: 5000 });
    await waitFor(() => expect(canvasElement.querySelector('.fk-hl-keyword, .fk-hl-title')).not.toBeNull());
    await expect(canvasElement.querySelector('a, img, script, [onclick], [onerror]')).toBeNull();
    await expect(canvasElement.querySelector('pre code')).toHaveTextContent('<script>window.__pwned=1</script>');
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  },
};
