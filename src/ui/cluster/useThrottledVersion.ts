import { useEffect, useState } from 'react';
import { usePlayground } from '../../store/playgroundStore';

/**
 * The store's `version`, but changing at most once per `minIntervalMs` (the last change always
 * lands). Playing at 60× bumps the version every frame; re-laying out 5,000 tiles that often buys
 * nothing a person can see and costs frame time the engine needs.
 */
export function useThrottledVersion(minIntervalMs: number): number {
  const [version, setVersion] = useState(() => usePlayground.getState().version);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      setVersion(usePlayground.getState().version);
    };
    const unsubscribe = usePlayground.subscribe((state, prev) => {
      if (state.version === prev.version || timer) return;
      const wait = minIntervalMs - (performance.now() - last);
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [minIntervalMs]);
  return version;
}
