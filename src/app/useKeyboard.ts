import { useEffect } from 'react';
import { usePlayground } from '../store/playgroundStore';
import { engine } from '../store/engine';

export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return (target as HTMLInputElement).type !== 'range';
  return false;
}

/** Space play/pause, → step (Shift: 10), ← back 10 s, ? help. Ignored while typing in a field. */
export function useKeyboard(toggleHelp: () => void, closeHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return closeHelp();
      // composedPath: inside the YAML editor's shadow root e.target is only its host element.
      if (typingInto(e.composedPath()[0] ?? e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      // A focused slider owns its arrow keys.
      if (e.key.startsWith('Arrow') && e.target instanceof HTMLInputElement && e.target.type === 'range') return;
      const store = usePlayground.getState();
      if (e.key === '?') {
        e.preventDefault();
        toggleHelp();
      } else if (e.key === ' ') {
        // A focused button would also be "clicked" by space: take the key over.
        e.preventDefault();
        store.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        if (!store.session || store.seekProgress !== null) return;
        if (e.shiftKey) {
          engine().advance(store.session, store.session.world.tickMs * 10);
          usePlayground.setState({ version: store.version + 1 });
        } else store.stepOnce();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        if (!store.session || store.seekProgress !== null) return;
        store.seekTo(Math.max(0, store.session.world.timeMs - 10_000));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp, closeHelp]);
}
