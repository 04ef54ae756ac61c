/**
 * The entries of `values` that are not `undefined`: for options passed on with `...`, so an unset option stays
 * absent instead of becoming a key whose value is `undefined` (which would override a default).
 */
export function defined<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
