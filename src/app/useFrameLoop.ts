import { useEffect } from 'react';
import { usePlayground } from '../store/playgroundStore';

/** Drive the engine from requestAnimationFrame, spending at most ~12 ms of each frame on it. */
export function useFrameLoop(): void {
  useEffect(() => {
    let last = performance.now();
    let handle = 0;
    const loop = (now: number) => {
      usePlayground.getState().frame(now - last, 12);
      last = now;
      handle = requestAnimationFrame(loop);
    };
    handle = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(handle);
  }, []);
}
