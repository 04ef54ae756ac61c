/** ChatWindow with what a chatflow's chatbot config asks for, against the mock Flowise server over real HTTP. */
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWindow } from './ChatWindow.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 5 });
});
afterAll(() => mock.close());
beforeEach(() => mock.clearRequests());

describe('ChatWindow and a start form', () => {
  it("shows the agentflow's form first, sends it as `form`, then chats with questions", async () => {
    render(<ChatWindow apiHost={mock.url} chatflowId="start-form" />);
    const form = await screen.findByRole('form', { name: 'Book a table' });
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    fireEvent.change(within(form).getByLabelText('Your name'), { target: { value: ' Ada ' } });
    fireEvent.change(within(form).getByLabelText('Guests'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByRole('article', { name: 'Answer' }).dataset.status).toBe('done'));
    expect(mock.predictions().map((r) => r.body)).toEqual([
      expect.objectContaining({ question: '', form: { name: 'Ada', guests: 3, room: 'Garden', vegetarian: false } }),
    ]);
    expect(screen.queryByRole('form', { name: 'Book a table' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', false);
  });

  it('startForm={false} shows the empty state and never reads the config for it', async () => {
    render(<ChatWindow apiHost={mock.url} chatflowId="start-form" startForm={false} />);
    await screen.findByText('Ask anything to start.');
    expect(mock.requests.some((r) => r.path.includes('public-chatbotConfig'))).toBe(false);
  });
});
