/**
 * Fault injection at the React layer (RELIABILITY.md), against the mock Flowise server over real HTTP: many chats in
 * one page, unmounting mid-stream, faults shown in the UI. No React warning may be printed in any of them.
 */
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ChatWindow } from './components/ChatWindow/ChatWindow.js';

let mock: MockFlowise;
let consoleError: MockInstance;
let consoleWarn: MockInstance;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 12 });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.clearRequests();
  localStorage.clear();
  consoleError = vi.spyOn(console, 'error');
  consoleWarn = vi.spyOn(console, 'warn');
});
afterEach(() => {
  // React reports its warnings (act, keys, updates on unmounted trees, hook order) through console.error/warn.
  expect(consoleError).not.toHaveBeenCalled();
  expect(consoleWarn).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

/** Types a question into a chat window's composer and presses Send. */
function ask(window: HTMLElement, question: string) {
  fireEvent.change(within(window).getByRole('textbox'), { target: { value: question } });
  fireEvent.click(within(window).getByRole('button', { name: 'Send' }));
}

const FLOWS = [
  'plain',
  'sources',
  'tools',
  'follow-up',
  'repeat-start',
  'drop',
  'http-500',
  'error-event',
  'malformed',
  'json',
];
const FAILING = new Set(['drop', 'http-500', 'error-event']);

describe('many chats in one page', () => {
  it('50 chat windows stream at once: 50 POSTs, each window gets its own answer or its own error', async () => {
    const COUNT = 50;
    render(
      <div>
        {Array.from({ length: COUNT }, (_, i) => (
          <section key={i} data-testid={`chat-${i}`}>
            <ChatWindow
              apiHost={mock.url}
              chatflowId={FLOWS[i % FLOWS.length]!}
              checkStreamable={false}
              overrideConfig={{ mock: { rate: 400 } }}
            />
          </section>
        ))}
      </div>,
    );
    const windows = Array.from({ length: COUNT }, (_, i) => screen.getByTestId(`chat-${i}`));
    act(() => windows.forEach((window, i) => ask(window, `Question ${i}`)));
    await vi.waitFor(() => expect(document.querySelectorAll('[aria-busy="true"]')).toHaveLength(0), {
      timeout: 15_000,
      interval: 50,
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));

    expect(mock.predictions()).toHaveLength(COUNT);
    const questions = mock.predictions().map((r) => (r.body as { question: string }).question);
    expect(new Set(questions).size).toBe(COUNT);
    const chatIds = mock.predictions().map((r) => (r.body as { chatId: string }).chatId);
    expect(new Set(chatIds).size).toBe(COUNT);
    windows.forEach((window, i) => {
      const flow = FLOWS[i % FLOWS.length]!;
      expect(within(window).getByText(`Question ${i}`)).toBeTruthy();
      const articles = within(window).getAllByRole('article');
      const answer = articles.at(-1)!;
      if (FAILING.has(flow)) expect(within(answer).getByRole('alert').textContent).not.toBe('');
      else {
        expect(within(answer).queryByRole('alert')).toBeNull();
        expect(answer.textContent).toContain('Once upon a time');
      }
    });
  }, 30_000);
});

describe('unmounting', () => {
  it('unmounting a chat mid-stream stops it and leaves no timer and no warning behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const view = render(
      <StrictMode>
        <ChatWindow
          apiHost={mock.url}
          chatflowId="long"
          checkStreamable={false}
          overrideConfig={{ mock: { rate: 200, tokens: 2000 } }}
        />
      </StrictMode>,
    );
    act(() => ask(view.container, 'A long one'));
    await vi.waitFor(() => expect(view.container.textContent).toContain('word3'), { timeout: 5000, interval: 10 });
    view.unmount();
    await vi.waitFor(
      () => expect(mock.requests.some((r) => r.method === 'PUT' && r.path.includes('/chatmessage/abort/'))).toBe(true),
      { timeout: 3000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mock.predictions()).toHaveLength(1);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe('faults in the UI', () => {
  it('a dropped stream shows the partial answer, a readable error and Retry; Retry sends one new request', async () => {
    const view = render(<ChatWindow apiHost={mock.url} chatflowId="plain" checkStreamable={false} />);
    act(() => ask(view.container, 'First'));
    await screen.findAllByText(/Once upon a time/);
    await vi.waitFor(() => expect(view.container.querySelector('[aria-busy="true"]')).toBeNull());
    view.rerender(<ChatWindow apiHost={mock.url} chatflowId="drop" checkStreamable={false} />);
    act(() => ask(view.container, 'Second'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/dropped/i);
    const answers = screen.getAllByRole('article').filter((a) => a.textContent?.includes('Once upon'));
    expect(answers).toHaveLength(2);
    expect(answers[1]!.textContent).toContain(answerTokens(5).join('').trim());
    expect(screen.getByText('First')).toBeTruthy();
    view.rerender(<ChatWindow apiHost={mock.url} chatflowId="plain" checkStreamable={false} />);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await vi.waitFor(() => expect(view.container.querySelector('[aria-busy="true"]')).toBeNull());
    expect(mock.predictions()).toHaveLength(3);
  });
});
