import { FlowiseError, NO_UPLOADS, type FileUpload } from '@flowise-kit/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answerEvents, replayStore } from '../../test-support/streams.js';
import { Composer } from './Composer.js';

const RAG = { fileTypes: ['text/plain', '.md'], maxUploadSize: 1 };

function storeWith(offered: boolean) {
  const store = replayStore(answerEvents(2));
  const uploadsConfig = {
    ...NO_UPLOADS,
    isRAGFileUploadAllowed: true,
    fileUploadSizeAndTypes: [RAG],
    isRAGFileUploadOffered: offered,
  };
  store.setState({ ...store.getState(), uploadsConfig });
  return store;
}
const notes = () => new File(['The heron counts the reeds.'], 'notes.txt', { type: 'text/plain' });
const ragUpload: FileUpload = {
  type: 'file:rag',
  name: 'notes.txt',
  mime: 'text/plain',
  data: 'data:text/plain;base64,VA==',
};

function pick(files: File[]) {
  const input = document.querySelector<HTMLInputElement>('form.fk-composer input[type=file]')!;
  fireEvent.change(input, { target: { files } });
}

describe('Composer: RAG files', () => {
  it('offers no attachments when the chatflow allows RAG files but the store cannot upsert (no key, no proxy)', () => {
    render(<Composer store={storeWith(false)} />);
    expect(screen.queryByRole('button', { name: 'Attach files' })).toBeNull();
  });

  it('upserts first, with a progress line, then sends the question with the file:rag upload', async () => {
    const store = storeWith(true);
    let finish: (uploads: FileUpload[]) => void = () => undefined;
    const upsert = vi.spyOn(store, 'upsertFiles').mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const send = vi.spyOn(store, 'send');
    render(<Composer store={store} />);
    pick([notes()]);
    await screen.findByText(/notes\.txt/);
    expect(screen.getByText(/to knowledge base/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Who counts?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Adding a file to the knowledge base…');
    // A second Enter while the upsert runs does nothing.
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    expect(upsert).toHaveBeenCalledTimes(1);
    expect(upsert.mock.calls[0]![0]).toHaveLength(1);
    finish([ragUpload]);
    await waitFor(() => expect(send).toHaveBeenCalledWith('Who counts?', { uploads: [ragUpload] }));
    await waitFor(() => expect(screen.queryByText('Adding a file to the knowledge base…')).toBeNull());
  });

  it('a refused upsert keeps the question and the file, shows the typed message, sends nothing', async () => {
    const store = storeWith(true);
    const refusal = new FlowiseError({ kind: 'auth', status: 401, message: 'Adding files needs a workspace API key.' });
    const upsert = vi.spyOn(store, 'upsertFiles').mockRejectedValueOnce(refusal).mockResolvedValueOnce([ragUpload]);
    const send = vi.spyOn(store, 'send');
    render(<Composer store={store} />);
    pick([notes()]);
    await screen.findByText(/notes\.txt/);
    const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'Who counts?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Adding files needs a workspace API key.');
    expect(send).not.toHaveBeenCalled();
    expect(input.value).toBe('Who counts?');
    expect(screen.getByText(/notes\.txt/)).toBeTruthy();
    // Retry: upserted once more (the first never went in), then sent once.
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(upsert).toHaveBeenCalledTimes(2);
  });

  it('a file upserted before a later failure is not upserted again on retry', async () => {
    const store = replayStore(answerEvents(2));
    store.setState({
      ...store.getState(),
      uploadsConfig: {
        ...NO_UPLOADS,
        isRAGFileUploadAllowed: true,
        isRAGFileUploadOffered: true,
        fileUploadSizeAndTypes: [RAG],
        isFullFileUploadAllowed: true,
        fullFileUploadTypes: ['text/csv'],
      },
    });
    const upsert = vi.spyOn(store, 'upsertFiles').mockResolvedValue([ragUpload]);
    const full: FileUpload = { type: 'file:full', name: 'people.csv', mime: 'text/csv', data: 'a,b' };
    const upload = vi
      .spyOn(store, 'uploadFiles')
      .mockRejectedValueOnce(new FlowiseError({ kind: 'network', message: 'Could not reach Flowise.' }))
      .mockResolvedValueOnce([full]);
    const send = vi.spyOn(store, 'send');
    render(<Composer store={store} />);
    pick([notes(), new File(['a,b'], 'people.csv', { type: 'text/csv' })]);
    await screen.findByText(/people\.csv/);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Could not reach Flowise.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(upsert).toHaveBeenCalledTimes(1);
    expect(upload).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[0]![1]!.uploads).toEqual(expect.arrayContaining([ragUpload, full]));
  });

  it('refuses a RAG file of another type or over the size, saying why', async () => {
    render(<Composer store={storeWith(true)} />);
    pick([
      new File(['x'], 'tool.exe', { type: 'application/x-msdownload' }),
      new File([new Uint8Array(1024 * 1024 + 1)], 'big.txt', { type: 'text/plain' }),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      '“tool.exe” (application/x-msdownload) cannot be sent: allowed types are text/plain, .md',
    );
    expect(alert.textContent).toContain('“big.txt” is 1.0 MB: the largest allowed is 1 MB.');
  });
});
