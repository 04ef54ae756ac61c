import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.js';

const seeded = process.env.CI ? { seed: 20261202 } : {};

/** Producer steps interleaved with the loop's pulls: the loop must see every pushed item, in order, then the end. */
type Step = { push: number } | { pull: true };
const steps = fc.array(fc.oneof(fc.record({ push: fc.integer() }), fc.constant({ pull: true as const })), {
  maxLength: 60,
});

describe('EventQueue', () => {
  it('hands every item to the loop in order, however pushes and pulls interleave, then ends or throws', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.constantFrom('close', 'fail'), async (plan: Step[], ending) => {
        const queue = new EventQueue<number>();
        const loop = queue.iterator(() => undefined);
        const pulls: Promise<IteratorResult<number>>[] = [];
        const pushed: number[] = [];
        for (const step of plan) {
          if ('push' in step) {
            queue.push(step.push);
            pushed.push(step.push);
          } else pulls.push(loop.next());
        }
        const failure = new Error('boom');
        if (ending === 'close') queue.close();
        else queue.fail(failure);
        const seen: number[] = [];
        let ended: 'done' | 'threw' | undefined;
        for (const pull of pulls) {
          const result = await pull.catch(() => 'threw' as const);
          if (result === 'threw') ended ??= 'threw';
          else if (result.done) ended ??= 'done';
          else seen.push(result.value);
        }
        for (;;) {
          const result = await loop.next().catch(() => 'threw' as const);
          if (result === 'threw') {
            ended ??= 'threw';
            break;
          }
          if (result.done) {
            ended ??= 'done';
            break;
          }
          seen.push(result.value);
        }
        expect(seen).toEqual(pushed);
        expect(ended).toBe(ending === 'close' ? 'done' : 'threw');
      }),
      { numRuns: 500, ...seeded },
    );
  });

  it('after a failure nobody pulled, leaving the loop ends it: a later pull is done, not the old error', async () => {
    const queue = new EventQueue<string>();
    const loop = queue.iterator(() => undefined);
    queue.fail(new Error('boom'));
    await loop.return!();
    await expect(loop.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('leaving the loop early runs the return hook and drops what was queued', async () => {
    let returned = 0;
    const queue = new EventQueue<string>();
    const loop = queue.iterator(() => returned++);
    queue.push('a');
    queue.push('b');
    await expect(loop.next()).resolves.toEqual({ value: 'a', done: false });
    await loop.return!();
    queue.push('c');
    await expect(loop.next()).resolves.toEqual({ value: undefined, done: true });
    expect(returned).toBe(1);
  });
});
