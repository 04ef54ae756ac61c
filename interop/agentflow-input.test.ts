/**
 * Agentflow v2 input besides a question, against a real Flowise 3.1.4: a Start node that takes a form (read from the
 * chatbot config's `flowData`, sent as `form`, its values reaching the model through `$form`), and Human Input's
 * feedback text. Through the store, and through the widget's script build in Chromium.
 */
import { resolve } from 'node:path';
import { createChatStore, startFormOf, type AssistantMessage, type ChatStore } from '@flowise-kit/core';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { START_FORM } from './flows';
import { modelAnswer } from './model-server';

const { url, flows } = inject('flowise');
const stores: ChatStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});
function chat(chatflowId: string): ChatStore {
  const store = createChatStore({ apiHost: url, chatflowId });
  stores.push(store);
  return store;
}
const answer = (store: ChatStore): AssistantMessage => {
  const last = store.getState().messages.at(-1);
  if (last?.role !== 'assistant') throw new Error('no answer');
  return last;
};

describe('an agentflow that starts with a form', () => {
  it('reads the form from the chatbot config and sends it: the values reach the model', async () => {
    const store = chat(flows.startForm);
    const form = startFormOf(await store.loadChatbotConfig());
    expect(form).toEqual({
      title: START_FORM.formTitle,
      description: START_FORM.formDescription,
      fields: [
        { name: 'visitor', label: 'Your name', type: 'string' },
        { name: 'guests', label: 'Guests', type: 'number' },
        { name: 'room', label: 'Room', type: 'options', options: ['Garden', 'Library'] },
        { name: 'vegetarian', label: 'Vegetarian', type: 'boolean' },
      ],
    });
    await store.send('', { form: { visitor: '[[ada]]', guests: 3, room: 'Library', vegetarian: true } });
    expect(answer(store)).toMatchObject({ status: 'done', text: modelAnswer('[[ada]]') });
    // A chatflow starts with a question: no form.
    expect(startFormOf(await chat(flows.conversation).loadChatbotConfig())).toBeUndefined();
  });
});

describe('human input with feedback text', () => {
  it('the typed feedback goes on with the decision and reaches the next step', async () => {
    const store = chat(flows.humanFeedback);
    await store.send('Plan it [[hitl]]');
    const startNodeId = String(answer(store).action?.data?.nodeId);
    await store.send('', { humanInput: { type: 'proceed', startNodeId, feedback: 'Cheaper please [[fb]]' } });
    expect(answer(store)).toMatchObject({ status: 'done', text: modelAnswer('[[fb]]') });
  });
});

describe('in the widget (Chromium)', () => {
  let browser: Browser;
  let site: ServedDirectory;
  beforeAll(async () => {
    const dist = resolve(REPO, 'packages/widget/dist');
    build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
    [site, browser] = await Promise.all([
      serveDirectory(dist, { '/widget.html': resolve(REPO, 'e2e/pages/widget.html') }, { proxy: { '/api/': url } }),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });

  it('shows the start form, and the answer to what was filled in', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(site.url)}&flow=${flows.startForm}`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const form = page.getByRole('form', { name: START_FORM.formTitle });
    await form.getByLabel('Your name').fill('[[grace]]');
    await form.getByLabel('Guests').fill('2');
    await form.getByRole('button', { name: 'Start' }).click();
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor({ timeout: 30_000 });
    const text = await page.locator('article[aria-label="Answer"] .fk-markdown').first().innerText();
    expect(text).toBe(modelAnswer('[[grace]]'));
    await page.close();
  }, 120_000);
});
