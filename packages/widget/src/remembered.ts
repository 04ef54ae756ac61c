/**
 * What the widget remembers on this site (an accepted disclaimer, a given lead) in `localStorage`. Every access is
 * guarded: without storage (a sandboxed iframe, storage disabled) nothing is remembered and the widget asks again.
 */
export function recall(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `value` under `key`, when storage allows. */
export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // no storage: asked again next visit
  }
}

/** Forgets what is remembered under `key`, when storage allows. */
export function forget(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // no storage: nothing was remembered
  }
}
