/** Another step starts in the same idle period only while at least this much of it is left (a step takes a few). */
const STEP_MS = 10;

/**
 * Runs `steps` in the page's idle periods (a timer where the browser has no `requestIdleCallback`), as many per
 * period as fit, so warming a cold path never makes a long task of its own yet is done soon after the page settles
 * (a step per idle period took the fourteen steps of the markdown and font warm-ups most of a second). Used by the
 * markdown and font warm-ups.
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
