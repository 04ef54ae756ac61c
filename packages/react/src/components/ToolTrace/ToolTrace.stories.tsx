import type { ReplayEvent } from '@flowise-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useReplayStore, type ReplaySpec } from '../../story-support/useReplayStore.js';
import { ToolTrace, type FlowView } from './ToolTrace.js';

function Replay(props: ReplaySpec & { jsonLimit?: number; defaultFlowView?: FlowView }) {
  const store = useReplayStore(props);
  return <ToolTrace store={store} jsonLimit={props.jsonLimit} defaultFlowView={props.defaultFlowView} />;
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

export const AgentflowGraph: Story = {
  args: { source: 'agentflow', question: 'Tell me a story' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Translator')).toBeVisible());
    await userEvent.click(canvas.getByRole('button', { name: 'Graph' }));
    await expect(canvas.getByRole('button', { name: 'Graph' })).toHaveAttribute('aria-pressed', 'true');
    const graph = await canvas.findByRole('region', { name: 'Flow graph' });
    const boxes = within(graph).getAllByRole('listitem');
    await expect(boxes.map((box) => box.textContent)).toEqual([
      expect.stringMatching(/^Startfinished$/),
      expect.stringMatching(/^Translatorfinished\d+ ms, after Start$/),
    ]);
    await userEvent.click(canvas.getByRole('button', { name: 'Timeline' }));
    await expect(canvas.queryByRole('region', { name: 'Flow graph' })).toBeNull();
  },
};

const node = (nodeId: string, nodeLabel: string, status: string) => ({ nodeId, nodeLabel, status });
const ran = (id: string, label: string, after: string[], status = 'FINISHED', ms?: number) => ({
  ...node(id, label, status),
  previousNodeIds: after,
  data: ms === undefined ? {} : { output: { timeMetadata: { start: 0, end: ms, delta: ms } } },
});
const BRANCHING: ReplayEvent[] = [
  { event: 'agentFlowEvent', data: 'INPROGRESS' },
  { event: 'nextAgentFlow', data: node('start', 'Start', 'FINISHED') },
  { event: 'nextAgentFlow', data: node('route', 'Route the question', 'FINISHED') },
  { event: 'nextAgentFlow', data: node('search', 'Search the knowledge base', 'FINISHED') },
  { event: 'nextAgentFlow', data: node('web', 'Web researcher with a very long label indeed', 'ERROR') },
  { event: 'nextAgentFlow', data: node('write', 'Writer', 'INPROGRESS') },
  {
    event: 'agentFlowExecutedData',
    data: [
      ran('start', 'Start', []),
      ran('route', 'Route the question', ['start'], 'FINISHED', 12),
      ran('search', 'Search the knowledge base', ['route'], 'FINISHED', 1840),
      ran('web', 'Web researcher with a very long label indeed', ['route'], 'ERROR', 30250),
    ],
  },
  { event: 'token', data: 'Drafting…', delayMs: 60_000 },
];

export const BranchingAgentflowGraph: Story = {
  args: { source: BRANCHING, question: 'Compare the sources', defaultFlowView: 'graph' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const graph = await canvas.findByRole('region', { name: 'Flow graph' });
    await waitFor(() => expect(within(graph).getByText('Writer')).toBeVisible());
    await expect(within(graph).getByText('1.8 s')).toBeVisible();
    await expect(within(graph).getByText('30 s')).toBeVisible();
    await expect(within(graph).getByText('error')).toBeVisible();
    const long = within(graph).getByText('Web researcher with a very long label indeed');
    await expect(long).toHaveAttribute('title', 'Web researcher with a very long label indeed');
    await expect(within(graph).getAllByText(', after Route the question')).toHaveLength(2);
  },
};
