import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedOptions, optionTable } from './embed-options.js';
import { embedOptionPaths } from './embed-types.js';

const embed = embedOptionPaths();
// A key with keys below it (`theme.chatWindow`) is a group: its leaves are what a site sets.
const leaves = embed.options.filter((key) => !embed.options.some((other) => other.startsWith(`${key}.`)));

describe(`flowise-embed ${embed.version}'s options, read from its type definitions`, () => {
  it('finds the options it declares (the reader works)', () => {
    expect(leaves).toContain('theme.chatWindow.footer.company');
    expect(leaves).toContain('observersConfig.observeMessages');
    expect(leaves.length).toBeGreaterThan(80);
  });

  it('says for every one of them whether the widget honours it (how) or not (why)', () => {
    const unlisted = leaves.filter((key) => !(key in embedOptions));
    expect(unlisted, 'flowise-embed options missing from src/embed-options.ts').toEqual([]);
    for (const [key, coverage] of Object.entries(embedOptions))
      expect(Object.values(coverage)[0]!.length, key).toBeGreaterThan(8);
  });

  it('lists no option flowise-embed does not have', () => {
    expect(Object.keys(embedOptions).filter((key) => !leaves.includes(key))).toEqual([]);
  });

  it('has every function of its Chatbot object (in web.tsx; e2e calls them on window.Chatbot)', () => {
    const source = readFileSync(join(import.meta.dirname, 'web.tsx'), 'utf8');
    const members = /const Chatbot = \{([^}]*)\}/
      .exec(source)![1]!
      .split(',')
      .map((name) => name.trim());
    expect(embed.functions.filter((name) => !members.includes(name))).toEqual([]);
  });

  it("is the README's option table, word for word", () => {
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
    expect(readme).toContain(optionTable());
  });
});
