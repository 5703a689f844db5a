import { useCallback, useEffect, useState } from 'react';
import { applyProjector, storedProjector } from './theme';
import { typingInto } from './useKeyboard';

/** Projector mode on/off, remembered in localStorage, toggled by a button or the `p` key. */
export function useProjector(): [boolean, () => void] {
  const [on, setOn] = useState(storedProjector);
  const toggle = useCallback(() => setOn((v) => !v), []);
  useEffect(() => {
    applyProjector(on);
    announceLayoutChange();
  }, [on]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'p' || typingInto(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return [on, toggle];
}

/** Tell views that fit themselves to their box (the node grid) that the page's layout changed. */
export function announceLayoutChange(): void {
  // After the resize observers have seen the new sizes (again later on a busy machine).
  for (const ms of [150, 700]) setTimeout(() => window.dispatchEvent(new Event('playground:layout')), ms);
}
