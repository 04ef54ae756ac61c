import { afterEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from './batching.js';
import { adaptiveInterval, commitCostEstimate, measureCommit, noteCommitCost, resetCommitCost } from './frame-cost.js';
import { PACING, schedulerFor } from './pacing.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetCommitCost();
});

/** Animation frames that run only when the test calls them. */
function stubFrames(): FrameRequestCallback[] {
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  return frames;
}

describe('Batcher', () => {
  it('delivers every item at once when batching is off (0)', () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number>(0, (items) => batches.push(items));
    batcher.push(1);
    batcher.push(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('coalesces a burst into one delivery per interval, in order', () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    const batcher = new Batcher<number>(50, (items) => batches.push(items));
    for (let i = 0; i < 1000; i++) batcher.push(i);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1000);
    expect(batches[0]![999]).toBe(999);
  });

  it('throttles with a leading edge: after a quiet spell the next frame, then at most once per interval', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const batches: number[][] = [];
    const batcher = new Batcher<number>(50, (items) => batches.push(items));
    batcher.push(1);
    expect(frames).toHaveLength(1); // the first item waits for a frame only
    frames.shift()!(0);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(10);
    batcher.push(2);
    batcher.push(3);
    expect(frames).toHaveLength(0); // within the interval: a timer for what is left of it
    vi.advanceTimersByTime(39);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1], [2, 3]]);
    vi.advanceTimersByTime(200); // quiet again: the next item goes out on the next frame
    batcher.push(4);
    frames.shift()!(0);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('only items that throttle start the interval (a lone start event does not hold back the first token)', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const batches: string[][] = [];
    const batcher = new Batcher<string>(
      50,
      (items) => batches.push(items),
      (item) => item.startsWith('token'),
    );
    batcher.push('start');
    frames.shift()!(0);
    vi.advanceTimersByTime(5);
    batcher.push('token 1');
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    expect(batches).toEqual([['start'], ['token 1']]);
    batcher.push('token 2');
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([['start'], ['token 1'], ['token 2']]);
  });

  it('commits at most once per animation frame while tokens stream', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const batches: number[][] = [];
    const batcher = new Batcher<number>('frame', (items) => batches.push(items));
    let token = 0;
    for (let frame = 0; frame < 10; frame++) {
      for (let i = 0; i < 17; i++) batcher.push(token++); // 1,000 tokens/s at 60 fps
      const pending = frames.splice(0);
      expect(pending).toHaveLength(1);
      pending[0]!(frame * 16);
    }
    expect(batches).toHaveLength(10);
    expect(batches.flat()).toEqual(Array.from({ length: 170 }, (_, i) => i));
  });

  it('falls back to a timer when no frame comes (hidden tab)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const batches: number[][] = [];
    const batcher = new Batcher<number>('frame', (items) => batches.push(items));
    batcher.push(1);
    vi.advanceTimersByTime(99);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1]]);
  });

  it('uses a 16 ms timer where there are no frames (Node)', () => {
    vi.useFakeTimers();
    expect(typeof globalThis.requestAnimationFrame).toBe('undefined');
    const batches: number[][] = [];
    const batcher = new Batcher<number>(schedulerFor('frame') ? 'frame' : 0, (items) => batches.push(items));
    batcher.push(1);
    batcher.push(2);
    vi.advanceTimersByTime(16);
    expect(batches).toEqual([[1, 2]]);
  });

  it('flush delivers now and cancels the pending delivery; dispose drops the queue', () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    const batcher = new Batcher<number>(50, (items) => batches.push(items));
    batcher.push(1);
    batcher.flush();
    expect(batches).toEqual([[1]]);
    batcher.push(2);
    batcher.dispose();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[1]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('spaces deliveries further apart on a page whose commits are slow', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const batches: number[][] = [];
    const batcher = new Batcher<number>(50, (items) => batches.push(items));
    noteCommitCost(40); // a phone-class CPU: a commit renders in 40 ms
    expect(adaptiveInterval(50)).toBe(120); // rendering keeps a third of the main thread
    batcher.push(1);
    frames.shift()!(0);
    batcher.push(2);
    vi.advanceTimersByTime(119);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1], [2]]);
  });
});

describe('the commit-cost measure', () => {
  it('keeps the configured interval on a fast page and caps it on a very slow one', () => {
    expect(adaptiveInterval(50)).toBe(50); // nothing measured yet
    noteCommitCost(5);
    expect(adaptiveInterval(50)).toBe(50);
    for (let i = 0; i < 20; i++) noteCommitCost(900);
    expect(adaptiveInterval(50)).toBe(PACING.maxBatchMs);
    expect(adaptiveInterval(0)).toBe(0); // batching off stays off
  });

  it('follows a change within a few commits (a running average)', () => {
    noteCommitCost(90);
    for (let i = 0; i < 4; i++) noteCommitCost(10);
    expect(commitCostEstimate()).toBeLessThan(16);
  });

  it('measures from a delivery to the task after the frame that rendered it, one measurement at a time', async () => {
    const frames = stubFrames();
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    measureCommit(false); // outside a frame: waits for the next one
    measureCommit(false); // ignored while one is in flight
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    busy(30); // the frame's rendering
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(commitCostEstimate()).toBeGreaterThanOrEqual(25);
    measureCommit(true); // inside a frame: rendering follows at once
    expect(frames).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(commitCostEstimate()).toBeLessThan(30);
  });

  it("counts the delivery's own render but not the idle wait for the frame after it", async () => {
    const frames = stubFrames();
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const started = performance.now();
    busy(20); // the delivery: the store update and React's render, in the delivering task
    measureCommit(false, started);
    await Promise.resolve(); // the delivering task's microtasks end
    await new Promise((resolve) => setTimeout(resolve, 15)); // idle until the frame
    frames.shift()!(0);
    busy(10); // the frame's rendering
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 20 + 10 ms of work: the render in the task is not mistaken for the wait, and the idle wait is left out.
    expect(commitCostEstimate()).toBeGreaterThanOrEqual(28);
    expect(commitCostEstimate()).toBeLessThan(42);
  });

  it('measures nothing where there are no frames (Node, a worker)', () => {
    expect(typeof globalThis.requestAnimationFrame).toBe('undefined');
    measureCommit(true);
    expect(commitCostEstimate()).toBe(0);
  });
});
