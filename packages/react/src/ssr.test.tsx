// @vitest-environment node
/**
 * Server rendering (Next.js, Remix …): the kit renders a conversation to HTML in Node, where there is no window,
 * document or storage. Any access to them at render throws here (ReferenceError), so a passing render proves none.
 */
import type { AssistantMessage, ChatMessage } from '@flowise-kit/core';
import { createAssistantMessage } from '@flowise-kit/core/internal';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatStream } from './components/ChatStream/ChatStream.js';
import { ChatWindow } from './components/ChatWindow/ChatWindow.js';
import { FlowiseChatProvider } from './context.js';
import type { PersistenceAdapter } from './persistence.js';
import { useFlowisePrediction, type UseFlowisePredictionOptions } from './useFlowisePrediction.js';

const answer: AssistantMessage = {
  ...createAssistantMessage('a1', 1),
  status: 'done',
  text: 'The answer is **42**.',
  followUpPrompts: ['Why 42?'],
  timings: { requestedAt: 1, endedAt: 2 },
};
const history: ChatMessage[] = [{ id: 'u1', role: 'user', text: 'What is 6 times 7?', createdAt: 1 }, answer];
const options = {
  apiHost: 'http://127.0.0.1:1',
  chatflowId: 'x',
  initialMessages: history,
} satisfies UseFlowisePredictionOptions;

/** What a page composes: the hook's store shared through the provider with the conversation. */
function Conversation(props: Partial<UseFlowisePredictionOptions>) {
  const chat = useFlowisePrediction({ ...options, ...props });
  return (
    <FlowiseChatProvider store={chat.store}>
      <ChatStream />
    </FlowiseChatProvider>
  );
}

/** renderToString, failing on any React warning (e.g. useLayoutEffect on the server). */
function serverRender(element: ReactElement): string {
  const warnings = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const html = renderToString(element);
  expect(
    warnings.mock.calls.map((call) => String(call[0])),
    'React warnings',
  ).toEqual([]);
  return html;
}

afterEach(() => vi.restoreAllMocks());

describe('server rendering', () => {
  it('runs in Node, without window or document', () => {
    // Guards the rest: under a DOM environment a render touching window would pass unnoticed.
    expect([typeof window, typeof document]).toEqual(['undefined', 'undefined']);
  });

  it('renders useFlowisePrediction + FlowiseChatProvider + ChatStream with the initial messages in order', () => {
    const html = serverRender(<Conversation />);
    expect(html).toContain('aria-label="Conversation"');
    expect(html).toMatch(/<article [^>]*aria-label="Question"[^>]*><p [^>]*>What is 6 times 7\?<\/p>/);
    expect(html).toMatch(/<article [^>]*aria-label="Answer"[^>]*data-status="done"/);
    expect(html).toContain('The answer is <strong>42</strong>.');
    expect(html.indexOf('What is 6 times 7?')).toBeLessThan(html.indexOf('The answer is'));
    // the latest finished answer offers copy and its follow-up prompts
    expect(html).toContain('aria-label="Copy answer"');
    expect(html).toMatch(/aria-label="Follow-up questions"[^>]*><button [^>]*>Why 42\?<\/button>/);
  });

  it('renders a ChatWindow that owns its store, with a persistKey, without crashing', () => {
    const html = serverRender(<ChatWindow {...options} title="Support" persistKey="support-chat" />);
    expect(html).toMatch(/<header [^>]*>Support<\/header>/);
    expect(html).toContain('What is 6 times 7?');
    expect(html).toContain('The answer is <strong>42</strong>.');
    expect(html).toContain('aria-label="Message"');
    expect(html).not.toContain('Ask anything to start.');
  });

  it('leaves persisted history for after mount: the server HTML shows the initial messages', () => {
    const saved: ChatMessage[] = [{ id: 's1', role: 'user', text: 'A saved question', createdAt: 1 }];
    const persistence: PersistenceAdapter = {
      load: vi.fn(() => ({ messages: saved })),
      save: vi.fn(),
      remove: vi.fn(),
    };
    const html = serverRender(<Conversation persistKey="support-chat" persistence={persistence} />);
    expect(html).toContain('What is 6 times 7?');
    expect(html).not.toContain('A saved question');
    expect(persistence.load).not.toHaveBeenCalled();
    expect(persistence.save).not.toHaveBeenCalled();
  });
});
