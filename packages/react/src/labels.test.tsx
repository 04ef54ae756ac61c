import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Composer } from './components/Composer/Composer.js';
import { createChatStore, NO_UPLOADS } from '@flowise-kit/core';
import { defaultLabels, fillLabel, LabelsProvider, mergeLabels, useLabels } from './labels.js';
import { germanLabels } from './story-support/labels-de.js';

function Probe() {
  return <span data-testid="probe">{useLabels().send}</span>;
}

describe('labels', () => {
  it('are English by default and replaced entry by entry; an inner provider wins', () => {
    render(
      <>
        <Probe />
        <LabelsProvider labels={{ send: 'Senden', stop: 'Stopp' }}>
          <LabelsProvider labels={{ stop: 'Halt', send: undefined }}>
            <Probe />
          </LabelsProvider>
        </LabelsProvider>
      </>,
    );
    expect(screen.getAllByTestId('probe').map((node) => node.textContent)).toEqual(['Send', 'Senden']);
  });

  it('fill their placeholders and keep unknown ones', () => {
    expect(fillLabel(defaultLabels.sourceCount, { count: 3 })).toBe('3 sources');
    expect(fillLabel('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('merge only defined strings', () => {
    expect(mergeLabels(defaultLabels, { send: 'Go', stop: undefined }).stop).toBe('Stop');
  });

  it('reach the composer: placeholder, name, button and the length warning', () => {
    const store = createChatStore({ apiHost: 'http://labels.invalid', chatflowId: 'x' });
    render(
      <LabelsProvider labels={germanLabels}>
        <Composer store={store} maxChars={3} />
      </LabelsProvider>,
    );
    const box = screen.getByRole('textbox', { name: 'Nachricht' });
    expect(box.getAttribute('placeholder')).toBe('Ihre Frage…');
    expect(screen.getByRole('button', { name: 'Senden' })).toBeTruthy();
  });

  it('reach the attachment and recording controls: one provider translates the whole composer', async () => {
    const store = createChatStore({ apiHost: 'http://labels.invalid', chatflowId: 'x', apiKey: 'k' });
    store.setState({
      ...store.getState(),
      uploadsConfig: {
        ...NO_UPLOADS,
        isSpeechToTextEnabled: true,
        isRAGFileUploadAllowed: true,
        isRAGFileUploadOffered: true,
        fileUploadSizeAndTypes: [{ fileTypes: ['text/plain'], maxUploadSize: 1 }],
      },
    });
    render(
      <LabelsProvider labels={germanLabels}>
        <Composer store={store} labels={{ record: 'Sprechen' }} />
      </LabelsProvider>,
    );
    expect(screen.getByRole('button', { name: 'Dateien anhängen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sprechen' })).toBeTruthy();
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    fireEvent.change(input, {
      target: {
        files: [
          new File(['x'], 'a.txt', { type: 'text/plain' }),
          new File(['x'], 'b.zip', { type: 'application/zip' }),
        ],
      },
    });
    const list = await screen.findByRole('list', { name: 'Anhänge' });
    expect(list.textContent).toContain('für die Wissensbasis');
    expect(screen.getByRole('button', { name: 'a.txt entfernen' })).toBeTruthy();
  });

  it('the German set differs from English everywhere a reader could tell', () => {
    const same = Object.keys(defaultLabels).filter(
      (key) => germanLabels[key as keyof typeof germanLabels] === defaultLabels[key as keyof typeof defaultLabels],
    );
    expect(same).toEqual(['errorMessage', 'footerCompany', 'leadName']);
  });
});
