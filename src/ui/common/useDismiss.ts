import { useLayoutEffect, type RefObject } from 'react';

/**
 * A popup closes the way people expect from one: on Escape, or on a press anywhere outside it.
 * `inside` lists what counts as the popup, its opening button included (a press on the button
 * toggles it; closing it here first would reopen it). Escape hands focus back to `returnFocus`,
 * so a keyboard user stays where they were. A layout effect: the listeners are in place before the
 * popup is painted, so an Escape pressed the moment it shows is heard.
 */
export function useDismiss(open: boolean, close: () => void, inside: readonly RefObject<HTMLElement | null>[], returnFocus?: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      close();
      returnFocus?.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (inside.some((r) => r.current && target && r.current.contains(target))) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open, close, inside, returnFocus]);
}
