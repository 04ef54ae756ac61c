/** Every mock scenario through the chat store into the state: real HTTP to the mock Flowise server. */
import { answerTokens, type MockFlowise } from '@flowise-kit/mock-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastAnswer } from './test-support/events.js';
import { useMockStores } from './test-support/mock-stores.js';

const { mock: server, chat } = useMockStores({ rate: 0, tokens: 30 });
let mock: MockFlowise;
beforeAll(() => {
  mock = server();
});

describe('every mock scenario reaches the state', () => {
  it('sources, tools, agent reasoning, artifacts and follow-up prompts', async () => {
    const sources = chat('sources');
    await sources.send('Hi');
    expect(lastAnswer(sources.getState()).sourceDocuments).toHaveLength(3);

    const tools = chat('tools');
    await tools.send('Hi');
    expect(lastAnswer(tools.getState()).usedTools).toEqual([
      { tool: 'calculator', toolInput: { input: '6*7' }, toolOutput: '42' },
    ]);

    const agents = chat('agent-reasoning');
    await agents.send('Hi');
    const reasoning = lastAnswer(agents.getState());
    expect(reasoning.agentReasoning.map((step) => step.agentName)).toEqual(['Supervisor', 'Researcher']);
    expect(reasoning.nextAgent).toBe('Researcher');

    const artifacts = chat('artifacts');
    await artifacts.send('Hi');
    expect(lastAnswer(artifacts.getState()).artifacts.map((a) => a.type)).toEqual(['png', 'html']);

    const followUp = chat('follow-up');
    await followUp.send('Hi');
    expect(lastAnswer(followUp.getState()).followUpPrompts.length).toBeGreaterThan(1);
  });

  it('an agentflow with reasoning and tools', async () => {
    const flow = chat('agentflow');
    await flow.send('Hi');
    const answer = lastAnswer(flow.getState());
    expect(answer.status).toBe('done');
    expect(answer.agentFlow?.status).toBe('FINISHED');
    expect(answer.agentFlow?.nodes.length).toBeGreaterThanOrEqual(2);
    expect(answer.reasoning.length).toBeGreaterThan(0);
    expect(answer.reasoningDuration).toBe(2);
    expect(answer.usage.length).toBeGreaterThan(0);

    const tools = chat('agent-tools');
    await tools.send('Hi');
    expect(lastAnswer(tools.getState())).toMatchObject({ calledTools: [], status: 'done' });
    expect(lastAnswer(tools.getState()).usedTools.length).toBe(1);
  });

  it('human in the loop: the action arrives, approving it resumes the run with the same chatId', async () => {
    const store = chat('hitl');
    await store.send('Book it');
    const waiting = lastAnswer(store.getState());
    expect(waiting.action?.mapping).toEqual({ approve: 'Proceed', reject: 'Reject' });
    const startNodeId = (waiting.action?.data as { nodeId: string }).nodeId;
    await store.send('Proceed', { humanInput: { type: 'proceed', startNodeId, feedback: '' } });
    expect(lastAnswer(store.getState()).status).toBe('done');
    expect(lastAnswer(store.getState()).text.length).toBeGreaterThan(0);
    const [first, second] = mock.predictions().map((r) => r.body as { chatId: string; humanInput?: unknown });
    expect(second!.chatId).toBe(first!.chatId);
    expect(second!.humanInput).toEqual({ type: 'proceed', startNodeId, feedback: '' });
  });

  it('a streaming:false store gets the same answer from JSON', async () => {
    const store = chat('sources', { streaming: false });
    await store.send('Hi');
    const answer = lastAnswer(store.getState());
    expect(answer.status).toBe('done');
    expect(answer.text).toBe(answerTokens(30).join(''));
    expect(answer.sourceDocuments).toHaveLength(3);
    expect(mock.requests.some((r) => r.path.startsWith('/api/v1/chatflows-streaming/'))).toBe(false);
  });

  it('a missing API key (200 stream with an error event) is an authentication error', async () => {
    const store = chat('auth-error');
    await store.send('Hi');
    expect(store.getState().error?.kind).toBe('auth');
  });
});
