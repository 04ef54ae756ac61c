import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SOURCES, answerEvents, replayStore } from '../../test-support/streams.js';
import { SourceList } from './SourceList.js';

describe('SourceList', () => {
  it('renders nothing without sources', async () => {
    const store = replayStore(answerEvents(2));
    const { container } = render(<SourceList store={store} />);
    await act(() => store.send('Q'));
    expect(container.innerHTML).toBe('');
  });

  it('shows count, titles, safe links only, excerpts and the full text on demand', async () => {
    const store = replayStore(answerEvents(2, [{ event: 'sourceDocuments', data: SOURCES }]));
    render(<SourceList store={store} excerptLength={50} />);
    await act(() => store.send('Q'));
    expect(screen.getByLabelText('2 sources').textContent).toBe('2');
    const link = screen.getByRole('link', { name: 'Doc A' });
    expect(link.getAttribute('href')).toBe('https://example.com/a');
    expect(link.getAttribute('rel')).toContain('noopener');
    // the javascript: source is shown as text, never as a link
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
    const summary = screen.getByText('Show full text');
    fireEvent.click(summary);
    expect(screen.getByText('x'.repeat(400))).toBeTruthy();
  });
});
