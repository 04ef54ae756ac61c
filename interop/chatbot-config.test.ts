/**
 * The widget's script build against a real Flowise whose chatflow has a chatbot config set through Flowise's API, as
 * its "Share chatbot" screen saves it: the disclaimer, the lead form, the starter prompts and feedback. Afterwards
 * Flowise's own API holds one lead and one feedback record for the answer (read back as an admin).
 */
import { resolve } from 'node:path';
import { REPO, build, launchChromium, serveDirectory, type ServedDirectory } from '@flowise-kit/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FlowiseAdmin } from './admin';
import { modelAnswer } from './model-server';

const { url, flows } = inject('flowise');
let browser: Browser;
let site: ServedDirectory;
beforeAll(async () => {
  const dist = resolve(REPO, 'packages/widget/dist');
  build(resolve(dist, 'web.js'), '--filter', '@flowise-kit/widget', 'build');
  [site, browser] = await Promise.all([
    // The page and Flowise on one origin, as behind a site's reverse proxy: Flowise answers leads and feedback
    // cross-origin only when its CORS_ORIGINS allows the page (protocol §10), predictions either way.
    serveDirectory(dist, { '/widget.html': resolve(REPO, 'e2e/pages/widget.html') }, { proxy: { '/api/': url } }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

describe('the chatbot config, honoured against a real Flowise', () => {
  it('disclaimer, lead form, starter prompt, rating with a comment: one lead and one feedback record', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/widget.html?apiHost=${encodeURIComponent(site.url)}&flow=${flows.configured}`);
    await page.getByRole('button', { name: 'Open chat' }).click();

    await page.getByRole('alertdialog', { name: 'Please note' }).getByRole('button', { name: 'Accept' }).click();
    const form = page.getByRole('form', { name: 'Your details' });
    await form.getByText('Who are you?').waitFor({ timeout: 15_000 });
    await form.getByLabel('Name').fill('Ada Lovelace');
    await form.getByLabel('E-mail').fill('ada@example.com');
    await form.getByRole('button', { name: 'Start chatting' }).click();
    await page.getByText('Thank you!').waitFor();

    await page.getByRole('button', { name: 'What do foxes count? [[starter]]' }).click();
    const answer = page.locator('article[aria-label="Answer"]').last();
    await page.locator('article[aria-label="Answer"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await answer.locator('.fk-markdown').first().innerText()).toBe(modelAnswer('[[starter]]'));
    await page.getByRole('button', { name: 'Good answer' }).click();
    await page.getByRole('textbox', { name: 'Tell us more (optional)' }).fill('Spot on');
    await page.getByRole('form', { name: 'Feedback comment' }).getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Bad answer' }).click();
    await expect
      .poll(() => answer.getByRole('button', { name: 'Bad answer' }).getAttribute('aria-pressed'))
      .toBe('true');

    const saved = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { chatId?: string },
      `flowise-kit:${flows.configured}`,
    );
    expect(saved.chatId).toEqual(expect.any(String));
    const admin = new FlowiseAdmin(url);
    await admin.login();
    const leads = await admin.get<{ name?: string; email?: string }[]>(`/leads/${flows.configured}`);
    expect(leads).toEqual([expect.objectContaining({ name: 'Ada Lovelace', email: 'ada@example.com' })]);
    await expect
      .poll(async () =>
        admin.get<{ rating: string; content?: string }[]>(`/feedback/${flows.configured}?chatId=${saved.chatId}`),
      )
      .toEqual([expect.objectContaining({ rating: 'THUMBS_DOWN', content: 'Spot on' })]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
