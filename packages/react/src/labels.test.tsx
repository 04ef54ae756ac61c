import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Composer } from './components/Composer/Composer.js';
import { createChatStore } from '@flowise-kit/core';
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

  it('the German set differs from English everywhere a reader could tell', () => {
    const same = Object.keys(defaultLabels).filter(
      (key) => germanLabels[key as keyof typeof germanLabels] === defaultLabels[key as keyof typeof defaultLabels],
    );
    expect(same).toEqual(['errorMessage', 'footerCompany', 'leadName']);
  });
});
