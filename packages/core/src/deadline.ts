/** A deadline of one phase of a request: `onExpire` runs once when `ms` pass without a {@link Deadline.touch}. */
export interface Deadline {
  /** Something happened (bytes arrived): the wait starts again. */
  touch(): void;
  /** The phase is over: the deadline never fires. */
  cancel(): void;
}

const NONE: Deadline = { touch() {}, cancel() {} };
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Starts a deadline; `ms <= 0` (or beyond a timer's range) is none. A touch does not re-arm the timer (a token stream
 * touches it thousands of
 * times): when the timer fires it looks at the last touch and, if there was one meanwhile, waits for what is left.
 */
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  // Beyond setTimeout's range (about 24.8 days, or Infinity) a timer would fire at once: that is no deadline.
  if (!(ms > 0) || ms > MAX_TIMER_MS) return NONE;
  let lastTouch = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const quiet = Date.now() - lastTouch;
    if (quiet < ms) {
      timer = setTimeout(check, ms - quiet);
      return;
    }
    timer = undefined;
    onExpire();
  };
  timer = setTimeout(check, ms);
  return {
    touch() {
      lastTouch = Date.now();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
