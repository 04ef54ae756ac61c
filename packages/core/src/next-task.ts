/**
 * A task right after the current one, through one shared MessageChannel.
 *
 * Called from an animation-frame callback or a scroll event (both run inside a frame's rendering steps), the task
 * runs after that frame's style, layout and paint: where reading layout is free and where a frame's cost can be
 * measured to. A timer is no substitute (nested timers are clamped to 4 ms, and an animation frame first, as the
 * kit used, costs a frame of its own). One channel for the page, not one per call: on a 4x-throttled CPU creating a
 * MessageChannel per commit was a measurable share of the main thread (issue 18).
 */
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Runs `callback` in a task after the current one (after the frame's rendering, when called from inside a frame). */
export function afterThisTask(callback: () => void): void {
  if (typeof MessageChannel !== 'function') return void setTimeout(callback, 0);
  if (!channel) {
    channel = new MessageChannel();
    // One message per callback, in order; a callback that throws does not hold back the next.
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node keeps a process alive while a port listens; nothing here should.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  waiting.push(callback);
  channel.port2.postMessage(undefined);
}
