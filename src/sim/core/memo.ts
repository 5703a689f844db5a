/**
 * A pure function's answers kept by key, for work repeated with the same few inputs (parsed
 * schedules, formatted durations and ratios). The cache empties itself when it reaches `limit`
 * entries, so unusual inputs cannot make it grow without bound. Only for pure functions: an answer
 * must not depend on when it was first computed.
 */
export function boundedMemo<K, V>(make: (key: K) => V, limit: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
