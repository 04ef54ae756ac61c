import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answerEvents, replayStore } from '../../test-support/streams.js';
import { Composer } from './Composer.js';

describe('Composer', () => {
  it('Enter sends, Shift+Enter does not, and the field clears', () => {
    const store = replayStore(answerEvents(2));
    const send = vi.spyOn(store, 'send');
    render(<Composer store={store} />);
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'Hello' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(send).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(send).toHaveBeenCalledWith('Hello');
    expect((input as HTMLTextAreaElement).value).toBe('');
  });

  it('does not send while an input method is composing', () => {
    const store = replayStore(answerEvents(2));
    const send = vi.spyOn(store, 'send');
    render(<Composer store={store} />);
    const input = screen.getByRole('textbox');
    fireEvent.change(input, { target: { value: 'にほん' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 });
    expect(send).not.toHaveBeenCalled();
  });

  it('Send is disabled when empty; Stop replaces it while answering and stops', async () => {
    const store = replayStore(answerEvents(200, [], 5));
    render(<Composer store={store} />);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const stop = await screen.findByRole('button', { name: 'Stop answering' });
    fireEvent.click(stop);
    expect(store.getState().status).toBe('aborted');
    await screen.findByRole('button', { name: 'Send' });
  });
});
