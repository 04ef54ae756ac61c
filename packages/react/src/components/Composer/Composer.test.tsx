import { NO_UPLOADS } from '@flowise-kit/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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

describe('Composer: pasted images', () => {
  it('gives each pasted image a name of its own (browsers call them all image.png); named files keep theirs', async () => {
    const store = replayStore(answerEvents(2));
    store.setState({
      ...store.getState(),
      uploadsConfig: {
        ...NO_UPLOADS,
        isImageUploadAllowed: true,
        imgUploadSizeAndTypes: [{ fileTypes: ['image/png'], maxUploadSize: 1 }],
      },
    });
    render(<Composer store={store} />);
    const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(input, { clipboardData: { files: [png('image.png'), png('image.png')] } });
    fireEvent.paste(input, { clipboardData: { files: [png('image.png'), png('cat.png')] } });
    const list = await screen.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(4));
    const names = Array.from(list.querySelectorAll('img'), (img) => img.alt);
    expect(names[3]).toBe('cat.png');
    expect(new Set(names).size).toBe(4);
    for (const name of names.slice(0, 3)) expect(name).toMatch(/^pasted-\d+-\d+\.png$/);
  });
});
