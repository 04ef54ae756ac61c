import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { render, screen } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowiseChatProvider } from './context.js';
import { useStarterPrompts } from './starter-prompts.js';
import { useFlowisePrediction } from './useFlowisePrediction.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.clearRequests());

function Prompts({ chatflowId, given }: { chatflowId?: string; given?: string[] }) {
  const prompts = useStarterPrompts({ prompts: given, ...(chatflowId ? { chatflowId } : {}) });
  return <p data-testid="prompts">{prompts.join(' | ') || '(none)'}</p>;
}

/** The hook in a child, as an app composes it: the parent owns the store and its chatflow. */
function Chat({ apiHost, chatflowId, given }: { apiHost: string; chatflowId: string; given?: string[] }) {
  const chat = useFlowisePrediction({ apiHost, chatflowId, checkStreamable: false });
  return (
    <FlowiseChatProvider store={chat.store}>
      <Prompts chatflowId={chatflowId} {...(given ? { given } : {})} />
    </FlowiseChatProvider>
  );
}

// GETs only: the page's origin differs from the mock's, so each GET comes after a CORS preflight.
const configRequests = () =>
  mock.requests
    .filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/public-chatbotConfig/'))
    .map((r) => r.path);

describe('useStarterPrompts', () => {
  it("shows the chatflow's starter prompts from its chatbot config", async () => {
    render(<Chat apiHost={mock.url} chatflowId="plain" />);
    expect((await screen.findByText(/Tell me a story/)).textContent).toBe(
      'Tell me a story | What is 6 times 7? | Which sources do you use?',
    );
  });

  it('follows a change of chatflow, and drops the old prompts when the new chatflow has none', async () => {
    const view = render(<Chat apiHost={mock.url} chatflowId="plain" />);
    await screen.findByText(/Tell me a story/);
    view.rerender(<Chat apiHost={mock.url} chatflowId="unknown-flow" />);
    await screen.findByText('(none)');
    await vi.waitFor(() =>
      expect(configRequests()).toEqual([
        '/api/v1/public-chatbotConfig/plain',
        '/api/v1/public-chatbotConfig/unknown-flow',
      ]),
    );
    expect(screen.getByTestId('prompts').textContent).toBe('(none)');
  });

  it('uses prompts given to it and fetches nothing', async () => {
    render(<Chat apiHost={mock.url} chatflowId="plain" given={['Mine']} />);
    expect(screen.getByTestId('prompts').textContent).toBe('Mine');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(configRequests()).toEqual([]);
  });
});
