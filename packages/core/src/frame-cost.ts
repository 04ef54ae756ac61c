/**
 * The page's cost of a commit, measured, so the store's batch interval can grow on a slow CPU.
 *
 * Why: each commit of a growing answer costs the browser a render (React, style, layout, paint). On a laptop that is
 * a few milliseconds and a commit every 50 ms leaves the main thread mostly idle; on a phone-class CPU (Chromium at
 * 4x throttling) it is 30–100 ms, so a fixed 50 ms interval keeps the main thread busy rendering for the whole
 * stream and taps and scrolls wait behind it. Measuring what a commit actually costs and spacing commits so that
 * rendering takes at most {@link PACING}.renderShare of the time keeps a slow page responsive, and costs a fast page
 * nothing (its interval stays the configured one). The figures are in BENCHMARKS.md (issue 18).
 *
 * The measure: from a delivery to the first task after the frame that rendered it (a message posted from that
 * frame's animation-frame callback runs after its style, layout and paint). It counts everything the main thread did
 * meanwhile, which is what a reader feels; a delivery made outside a frame waits for the next one, and that wait
 * (from the end of the delivering task, its React render included, to the frame) is not counted.
 */
import { afterThisTask } from './next-task.js';
import { busyClock, PACING } from './pacing.js';

let estimate = 0;
let measuring = false;
/** Bumped by {@link resetCommitCost}: a measurement begun before a reset is dropped. */
let generation = 0;

/** Whether this environment can measure frames (a browser page: animation frames and a MessageChannel). */
function canMeasure(): boolean {
  return typeof globalThis.requestAnimationFrame === 'function' && typeof globalThis.MessageChannel === 'function';
}

/** Notes one measured commit cost (ms); a running average that follows a change within a few commits. */
export function noteCommitCost(ms: number): void {
  estimate = estimate === 0 ? ms : estimate * 0.5 + ms * 0.5;
}

/**
 * Measures the commit just delivered. Call it right after the delivery, in the delivering task. `inFrame`: the
 * delivery ran inside an animation-frame callback (its rendering follows in the same frame); `started`: when the
 * delivery began. One measurement at a time; a hidden page (no frames) measures nothing.
 */
export function measureCommit(inFrame: boolean, started: number = busyClock()): void {
  if (measuring || !canMeasure()) return;
  measuring = true;
  const begun = generation;
  const done = (waited: number) => {
    if (begun !== generation) return;
    measuring = false;
    noteCommitCost(Math.max(0, busyClock() - started - waited));
  };
  if (inFrame) return afterThisTask(() => done(0));
  // The end of the delivering task: React renders a store update in a microtask queued during the delivery, so a
  // microtask queued now runs after that render. From there to the frame the page was idle (or busy with something
  // else): not the commit's. (Counting up to a frame's wait from the delivery's start, as before, took up to 16 ms
  // of the delivery's own render for the wait: on a slow CPU, where that render is long, the estimate fell short.)
  let delivered = started;
  queueMicrotask(() => (delivered = busyClock()));
  requestAnimationFrame(() => {
    const waited = Math.max(0, busyClock() - delivered);
    afterThisTask(() => done(waited));
  });
}

/**
 * The interval between commits: `base`, or longer when commits are slow enough that rendering would take more than
 * {@link PACING}.renderShare of the main thread, up to {@link PACING}.maxBatchMs.
 */
export function adaptiveInterval(base: number): number {
  if (base <= 0) return base;
  return Math.max(base, Math.min(PACING.maxBatchMs, estimate / PACING.renderShare));
}

/** The current estimate of a commit's cost, ms (0 before any was measured). For tests and diagnostics. */
export function commitCostEstimate(): number {
  return estimate;
}

/** Forgets what was measured (tests). */
export function resetCommitCost(): void {
  estimate = 0;
  measuring = false;
  generation++;
}
