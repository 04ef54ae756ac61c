/** A push-to-pull queue: a producer pushes, one `for await` loop pulls. */
export class EventQueue<T> {
  private items: T[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  /** Pulls waiting for an item, oldest first (a `for await` loop has at most one). */
  private waiters: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }[] = [];

  /** Adds an item; ignored once the queue is closed. */
  push(item: T): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve({ value: item, done: false });
    else this.items.push(item);
  }

  /** No more items: the loop ends after those queued, or at once (and without them) when `discard` is set. */
  close(discard = false): void {
    if (discard) {
      this.items = [];
      this.failure = undefined;
    }
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
  }

  /** No more items: the loop throws `error` after those queued. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.failure = { error };
    this.closed = true;
    const [first, ...rest] = this.waiters.splice(0);
    if (!first) return;
    this.failure = undefined;
    first.reject(error);
    for (const waiter of rest) waiter.resolve({ value: undefined, done: true });
  }

  /** The iterator of the one loop; `onReturn` runs when the loop is left early (`break`, `return`, a throw). */
  iterator(onReturn: () => void): AsyncIterableIterator<T> {
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
        if (this.failure) {
          const { error } = this.failure;
          this.failure = undefined;
          return Promise.reject(error);
        }
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
      },
      return: () => {
        onReturn();
        this.close(true);
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
