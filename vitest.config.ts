import { defineConfig } from 'vitest/config';

// One vitest run covers every package; each package keeps its own config beside its code.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
});
