import type { ChatMessage, ChatState, FileUpload } from '@flowise-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageAdapter, withoutUploadData } from './persistence.js';

const photo = `data:image/png;base64,${'A'.repeat(2000)}`;
const turn = (n: number, uploads?: FileUpload[]): ChatMessage[] => [
  { id: `q${n}`, role: 'user', text: `Question ${n}`, createdAt: n, ...(uploads ? { uploads } : {}) },
  { id: `a${n}`, role: 'assistant', status: 'done', text: `Answer ${n} ${'x'.repeat(300)}` } as ChatMessage,
];
const state = (messages: ChatMessage[]): ChatState => ({ chatId: 'c1', status: 'done', messages, diagnostics: [] });

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('localStorageAdapter', () => {
  it("saves an upload's name, type and URL but never its inline data", () => {
    const uploads = [
      { type: 'file', name: 'cat.png', mime: 'image/png', data: photo },
      { type: 'url', name: 'dog.png', mime: 'image/png', data: 'https://example.com/dog.png' },
    ];
    localStorageAdapter.save('k', state(turn(1, uploads)));
    const raw = localStorage.getItem('k')!;
    expect(raw).not.toContain('base64');
    const saved = localStorageAdapter.load('k')!;
    expect((saved.messages![0] as { uploads: unknown[] }).uploads).toEqual([
      { type: 'file', name: 'cat.png', mime: 'image/png' },
      { type: 'url', name: 'dog.png', mime: 'image/png', data: 'https://example.com/dog.png' },
    ]);
    expect(withoutUploadData(turn(2))).toEqual(turn(2));
  });

  it('leaves out the audio an answer streamed (tts_data), keeping its other events', () => {
    const answer = {
      ...turn(1)[1],
      extraEvents: [
        { name: 'tts_start', data: { format: 'mp3' } },
        { name: 'tts_data', data: { audioChunk: 'SUQz'.repeat(500) } },
        { name: 'tts_end', data: {} },
      ],
    } as ChatMessage;
    const [saved] = withoutUploadData([answer]) as unknown as [{ extraEvents: { name: string }[] }];
    expect(saved.extraEvents.map((e) => e.name)).toEqual(['tts_start', 'tts_end']);
  });

  it('a full quota keeps the newest turns that fit, warns once, and never throws', () => {
    const stored = new Map<string, string>();
    vi.spyOn(localStorage, 'setItem').mockImplementation((key: string, value: string) => {
      if (value.length > 1500) throw new DOMException('full', 'QuotaExceededError');
      stored.set(key, value);
    });
    vi.spyOn(localStorage, 'getItem').mockImplementation((key: string) => stored.get(key) ?? null);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const messages = [1, 2, 3, 4, 5, 6].flatMap((n) => turn(n));
    expect(() => localStorageAdapter.save('full', state(messages))).not.toThrow();
    const saved = localStorageAdapter.load('full')!;
    expect(saved.messages!.length).toBeGreaterThan(0);
    expect(saved.messages!.at(-1)!.id).toBe('a6');
    expect(saved.messages![0]!.role).toBe('user');
    localStorageAdapter.save('full', state(messages));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/too large for the storage quota/);
  });
});
