/** A deadline of one phase of a request: `onExpire` runs once when `ms` pass without a {@link Deadline.touch}. */
export interface Deadline {
  /** Something happened (bytes arrived): the wait starts again. */
  touch(): void;
  /** The phase is over: the deadline never fires. */
  cancel(): void;
}

const NONE: Deadline = { touch() {}, cancel() {} };

/**
 * Starts a deadline; `ms <= 0` is none. A touch does not re-arm the timer (a token stream touches it thousands of
 * times): when the timer fires it looks at the last touch and, if there was one meanwhile, waits for what is left.
 */
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  if (ms <= 0) return NONE;
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
