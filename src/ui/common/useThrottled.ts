import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most every `ms`: the latest value always shows, at the latest `ms`
 * after it arrived. For data that arrives faster than a person reads it (compare mode's run B
 * answers up to every frame while A plays) and is costly to turn into a view. For the playground
 * store's own `version`, useThrottledVersion (ui/cluster) subscribes without a render per frame.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const show = () => {
      lastAt.current = performance.now();
      setShown(value);
    };
    const wait = lastAt.current + ms - performance.now();
    if (wait <= 0) return show();
    const id = setTimeout(show, wait);
    return () => clearTimeout(id);
  }, [value, shown, ms]);
  return shown;
}
