import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import { ToolTrace } from './ToolTrace.js';

function Replay(props: ReplaySpec & { jsonLimit?: number }) {
  const store = useReplayStore(props);
  return <ToolTrace store={store} jsonLimit={props.jsonLimit} />;
}

const meta = { title: 'Components/ToolTrace', component: Replay } satisfies Meta<typeof Replay>;
export default meta;
type Story = StoryObj<typeof meta>;

export const UsedTools: Story = {
  args: { source: 'toolAgent', question: 'What is 6 times 7?' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByText('calculator'));
    await expect(canvas.getByText('42')).toBeVisible();
  },
};

export const AgentflowTimeline: Story = {
  args: { source: 'agentTools', question: 'What time is it?' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Email Reply Agent')).toBeVisible());
    await expect(canvas.getByText('current_date_time')).toBeVisible();
    await expect(canvas.getAllByText('finished').length).toBeGreaterThanOrEqual(2);
  },
};

export const AbortedAgentflow: Story = {
  args: { source: 'agentflowAborted', question: 'SLOW story please' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Error in LLM node: This operation was aborted')).toBeVisible());
  },
};

export const NestedAgents: Story = {
  args: {
    question: 'Research foxes',
    jsonLimit: 300,
    source: [
      { event: 'start', data: '' },
      {
        event: 'agentReasoning',
        data: [
          { agentName: 'Supervisor', messages: ['The researcher should look this up.'], next: 'Researcher' },
          {
            agentName: 'Researcher',
            messages: ['Searched the notes and computed a total.'],
            usedTools: [
              {
                tool: 'search',
                toolInput: { query: 'fox habits' },
                toolOutput: JSON.stringify({
                  results: Array.from({ length: 30 }, (_, i) => ({ id: i, title: `Result ${i}` })),
                }),
              },
              { tool: 'calculator', toolInput: { input: '6*7' }, toolOutput: '42' },
            ],
          },
          { agentName: 'Writer', messages: ['Wrote the summary.'] },
        ],
      },
      { event: 'calledTools', data: [{ tool: 'send_email', toolInput: { to: 'team@example.com' }, toolOutput: '' }] },
      { event: 'token', data: 'Done.' },
      { event: 'end', data: '[DONE]' },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Writer')).toBeVisible());
    await expect(canvas.getByText('running…')).toBeVisible();
    await userEvent.click(canvas.getByText('search'));
    await expect(canvas.getByText(/more characters/)).toBeVisible();
  },
};
