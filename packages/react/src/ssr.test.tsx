// @vitest-environment node
import { createChatStore } from '@flowise-kit/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatWindow } from './components/ChatWindow/ChatWindow.js';

describe('server rendering', () => {
  it('renders a chat window with history without touching window or document', () => {
    expect(typeof window).toBe('undefined');
    const store = createChatStore({
      apiHost: 'http://127.0.0.1:1',
      chatflowId: 'x',
      initialState: { messages: [{ id: 'u', role: 'user', text: 'Hello from the server', createdAt: 1 }] },
    });
    const html = renderToString(<ChatWindow store={store} title="Support" />);
    expect(html).toContain('Hello from the server');
    expect(html).toContain('Support');
    expect(html).toContain('aria-label="Message"');
  });

  it('an owned store renders too (persistence is skipped on the server)', () => {
    const html = renderToString(<ChatWindow apiHost="http://127.0.0.1:1" chatflowId="x" persistKey="k" />);
    expect(html).toContain('Ask anything to start.');
  });
});
