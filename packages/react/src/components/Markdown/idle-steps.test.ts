// @vitest-environment node
import { expect, it, vi } from 'vitest';
import { runInIdleSteps } from './idle-steps.js';

it('runs its steps on timers where there is no window (a warm-up timer that outlived its test environment)', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const ran: number[] = [];
  runInIdleSteps([() => ran.push(1), () => ran.push(2)]);
  expect(ran).toEqual([]);
  await vi.waitFor(() => expect(ran).toEqual([1, 2]), { timeout: 2_000 });
});
