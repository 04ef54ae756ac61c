/**
 * Another step starts in the same idle period only while at least this much of it is left (of at most 50 ms): a step
 * takes a few milliseconds, several times that cold or on a slow CPU, and the period's work stays a short task.
 */
const STEP_MS = 30;

/**
 * Runs `steps` in the page's idle periods (a timer where the browser has no `requestIdleCallback`), as many per
 * period as fit, so warming a cold path never makes a long task of its own yet is done soon after the page settles
 * (a step per idle period took the fourteen steps of the markdown and font warm-ups most of a second). Used by the
 * markdown warm-up.
 */
export function runInIdleSteps(steps: (() => void)[]): void {
  const idle = (run: (deadline?: IdleDeadline) => void) =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run, { timeout: 2_000 })
      : setTimeout(run, 200);
  const next = (deadline?: IdleDeadline) => {
    do steps.shift()?.();
    while (steps.length > 0 && deadline && !deadline.didTimeout && deadline.timeRemaining() > STEP_MS);
    if (steps.length > 0) idle(next);
  };
  idle(next);
}
