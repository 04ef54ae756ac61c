// @vitest-environment node
import { expect, it } from 'vitest';
import { runInIdleSteps } from './idle-steps.js';

it('runs nothing and throws nothing where there is no page (a warm-up timer that outlived its test environment)', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const ran: number[] = [];
  expect(() => runInIdleSteps([() => ran.push(1), () => ran.push(2)])).not.toThrow();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(ran).toEqual([]);
});
