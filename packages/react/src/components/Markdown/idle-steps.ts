/**
 * Runs `steps` one per idle task (a timer where the browser has no `requestIdleCallback`), so warming a cold path
 * never makes a long task of its own. Used by the markdown and font warm-ups.
 */
export function runInIdleSteps(steps: (() => void)[]): void {
  const idle = (run: () => void) =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run, { timeout: 2_000 })
      : setTimeout(run, 200);
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) idle(next);
  };
  idle(next);
}
