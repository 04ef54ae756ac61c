import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('styles/all.css', () => {
  it("imports every component's stylesheet (the widget's shadow root gets only this file)", () => {
    const components = join(import.meta.dirname, '../components');
    const sheets = readdirSync(components, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.css'))
      .map((file) => `../components/${file.replaceAll('\\', '/')}`);
    const all = readFileSync(join(import.meta.dirname, 'all.css'), 'utf8');
    expect(sheets.length).toBeGreaterThan(5);
    for (const sheet of sheets) expect(all, sheet).toContain(`@import '${sheet}';`);
  });
});
