import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
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
