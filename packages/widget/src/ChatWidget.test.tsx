import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWidget } from './ChatWidget.js';
import { themeToStyle } from './embed-theme.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, tokens: 8 });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.clearRequests();
  localStorage.clear();
});

describe('ChatWidget', () => {
  it('opens from the launcher, closes with Escape and gives focus back to the launcher', async () => {
    render(<ChatWidget apiHost={mock.url} chatflowId="plain" title="Help" starterPrompts={[]} />);
    const launcher = screen.getByRole('button', { name: 'Open chat' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(launcher);
    const dialog = screen.getByRole('dialog', { name: 'Help' });
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open chat' }));
  });

  it("offers the chatflow's starter prompts and asks one when clicked", async () => {
    render(<ChatWidget apiHost={mock.url} chatflowId="plain" defaultOpen welcomeMessage="Hi! How can I help?" />);
    expect(screen.getByText('Hi! How can I help?')).toBeTruthy();
    const prompt = await screen.findByRole('button', { name: 'Tell me a story' });
    await act(async () => {
      fireEvent.click(prompt);
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(mock.predictions()[0]!.body).toMatchObject({ question: 'Tell me a story' });
  });

  it('sends feedback for an answer to the feedback endpoint', async () => {
    render(<ChatWidget apiHost={mock.url} chatflowId="plain" defaultOpen starterPrompts={['Q']} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Q' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Good answer' }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    const feedback = mock.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/feedback/plain');
    expect(feedback?.body).toMatchObject({ chatflowid: 'plain', rating: 'THUMBS_UP' });
    expect((feedback?.body as { messageId: string }).messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the conversation per chatflow and clears it on request', async () => {
    const first = render(
      <ChatWidget apiHost={mock.url} chatflowId="plain" defaultOpen starterPrompts={['Remember']} />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remember' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    first.unmount();
    render(<ChatWidget apiHost={mock.url} chatflowId="plain" defaultOpen starterPrompts={[]} />);
    expect(screen.getByRole('article', { name: 'Question' }).textContent).toBe('Remember');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear conversation' })));
    expect(screen.queryByRole('article', { name: 'Question' })).toBeNull();
  });

  it('maps flowise-embed theme keys to custom properties', () => {
    expect(
      themeToStyle({
        button: { backgroundColor: '#ff0000', size: 'large', right: 30 },
        chatWindow: { fontSize: 18, botMessage: { textColor: '#111' } },
      }),
    ).toEqual({
      '--fk-accent': '#ff0000',
      '--fk-launcher-bg': '#ff0000',
      '--fk-font-size': '18px',
      '--fk-assistant-text': '#111',
      '--fk-widget-right': '30px',
      '--fk-launcher-size': '64px',
    });
  });
});
