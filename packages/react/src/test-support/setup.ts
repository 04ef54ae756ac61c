import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up by itself only with vitest globals on; we keep globals off.
afterEach(() => cleanup());

// `waitFor` and `findBy*` give up after 1 s by default: too close on a loaded 2-core CI machine (see vitest.shared.ts).
configure({ asyncUtilTimeout: 5_000 });
