/**
 * Another step starts in the same idle period only while at least this much of it is left (of at most 50 ms): a step
 * takes a few milliseconds, several times that cold or on a slow CPU, and the period's work stays a short task.
 */
const STEP_MS = 30;

/**
 * `run` in the page's next idle period (a timer where there is no `requestIdleCallback`); never where there is no
 * page. A warm-up's timer can outlive its window (a test environment torn down while a step waits): then the step
 * is dropped, where reading `window` or `document` would have thrown.
 */
export function whenIdle(run: (deadline?: IdleDeadline) => void): void {
  if (typeof window === 'undefined') return;
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(() => typeof window !== 'undefined' && run(), 200);
}

/**
 * Runs `steps` in the page's idle periods, as many per period as fit, so warming a cold path never makes a long task
 * of its own yet is done soon after the page settles (one step per idle period took the markdown warm-up's six
 * steps most of a second). Used by the markdown warm-up; the font warm-up paces itself by frames (`whenIdle`).
 */
export function runInIdleSteps(steps: (() => void)[]): void {
  const next = (deadline?: IdleDeadline) => {
    do steps.shift()?.();
    while (steps.length > 0 && deadline && !deadline.didTimeout && deadline.timeRemaining() > STEP_MS);
    if (steps.length > 0) whenIdle(next);
  };
  whenIdle(next);
}
