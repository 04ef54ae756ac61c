import { describe, expect, it } from 'vitest';
import { afterThisTask } from './next-task.js';

describe('afterThisTask', () => {
  it('runs callbacks after the current task, in order, and a throwing one does not hold back the next', async () => {
    const ran: string[] = [];
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      afterThisTask(() => ran.push('a'));
      afterThisTask(() => {
        ran.push('b');
        throw new Error('boom');
      });
      afterThisTask(() => ran.push('c'));
      await Promise.resolve();
      expect(ran).toEqual([]); // not a microtask: the current task (and its microtasks) finish first
      await new Promise<void>((done) => afterThisTask(done));
      expect(ran).toEqual(['a', 'b', 'c']);
      expect(errors).toEqual([new Error('boom')]); // the throw still surfaces, as any task's would
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});
