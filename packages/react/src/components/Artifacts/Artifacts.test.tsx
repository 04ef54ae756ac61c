import { createChatStore, type AssistantMessage } from '@flowise-kit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Artifacts } from './Artifacts.js';

const store = createChatStore({
  apiHost: 'http://flowise.test',
  chatflowId: 'flow-1',
  initialState: { chatId: 'chat-1' },
});
const answer = (artifacts: { type: string; data: string }[]) =>
  ({ id: 'a', role: 'assistant', status: 'done', text: '', artifacts, metadata: {} }) as unknown as AssistantMessage;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('Artifacts', () => {
  it('shows images from base64, an http(s) URL or Flowise’s file storage, and nothing from an unsafe URL', () => {
    const { container } = render(
      <Artifacts
        store={store}
        message={answer([
          { type: 'png', data: `data:image/png;base64,${PNG}` },
          { type: 'jpeg', data: PNG },
          { type: 'png', data: 'FILE-STORAGE::chart 1.png' },
          { type: 'png', data: 'https://example.com/a.png' },
          { type: 'png', data: 'javascript:alert(1)' },
          { type: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
        ])}
      />,
    );
    const sources = [...container.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([
      `data:image/png;base64,${PNG}`,
      `data:image/jpeg;base64,${PNG}`,
      'http://flowise.test/api/v1/get-upload-file?chatflowId=flow-1&chatId=chat-1&fileName=chart+1.png',
      'https://example.com/a.png',
    ]);
  });

  it('shows HTML as text, never as markup, until it is sanitised (happy-dom: DOMPurify fails its canary here)', async () => {
    const html = '<b>hi</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const { container } = render(<Artifacts store={store} message={answer([{ type: 'html', data: html }])} />);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The sanitised frame is proven in Chromium (e2e/hostile); here DOMPurify's canary fails, so the text stays.
    expect(container.querySelector('pre')?.textContent).toBe(html);
    expect(container.querySelector('iframe, img, b, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('renders markdown, LaTeX as a formula, and code as code; plain text stays text', async () => {
    render(
      <Artifacts
        store={store}
        message={answer([
          { type: 'markdown', data: '**bold** <img src=x onerror=alert(1)>' },
          { type: 'json', data: '{"a": 1}' },
          { type: 'text', data: '<i>not markup</i>' },
        ])}
      />,
    );
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<i>not markup</i>').tagName).toBe('PRE');
    expect(document.querySelector('code')?.textContent).toContain('"a": 1');
  });
});
