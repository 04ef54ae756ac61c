import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up by itself only with vitest globals on; we keep globals off.
afterEach(() => cleanup());

// `waitFor` and `findBy*` give up after 1 s by default: too close on a loaded 2-core CI machine (see vitest.shared.ts).
configure({ asyncUtilTimeout: 5_000 });

// happy-dom has no `document.compatMode`; KaTeX reads it when it loads and refuses to render in quirks mode. Our
// pages, like every browser page with `<!doctype html>`, are in standards mode.
if (typeof document !== 'undefined' && document.compatMode === undefined)
  Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat' });
