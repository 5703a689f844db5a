/**
 * Spreading an array into a call (`a.push(...b)`, `Math.max(...b)`) puts every element on the
 * stack: past ~100,000 elements it throws "Maximum call stack size exceeded" (issue #12: the
 * Cluster Autoscaler with 200,000 pending pods). These loop instead; lint bans the spread forms.
 */
export function pushAll<T>(target: T[], ...sources: readonly (readonly T[])[]): T[] {
  for (const source of sources) for (const item of source) target.push(item);
  return target;
}

/** Math.max over a list: -Infinity for an empty one, as Math.max() is. */
export function maxOf(values: Iterable<number>): number {
  let best = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v > best) best = v;
  }
  return best;
}

/** Math.min over a list: Infinity for an empty one, as Math.min() is. */
export function minOf(values: Iterable<number>): number {
  let best = Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v < best) best = v;
  }
  return best;
}
