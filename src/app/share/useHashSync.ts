import { useEffect } from 'react';
import { usePlayground } from '../../store/playgroundStore';
import { saveAutosave } from './autosave';
import { activeLessonHash } from '../../ui/lessons/lessonLink';

/** The current run as a link (scenario, seed, log, now); the encoder loads with the validators. */
export async function currentRunHash(): Promise<string | null> {
  const { encodeRunHash } = await import('../scenarioLoading');
  const { session, scenario } = usePlayground.getState();
  if (!session || !scenario) return null;
  return encodeRunHash({ scenario: scenario.text, seed: session.spec.seed, log: session.log, timeMs: session.world.timeMs });
}

export async function writeHashNow(): Promise<string | null> {
  const hash = await currentRunHash();
  if (hash && hash !== window.location.hash) window.history.replaceState(null, '', hash);
  return hash;
}

/**
 * Keep the address bar's hash equal to the run, at most once a second (compressing the scenario
 * costs a few ms, too much for every frame), and autosave the working scenario when it changes.
 */
export function useHashSync(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastKey = '';
    const timer = setInterval(() => {
      const { session, scenario, seekProgress } = usePlayground.getState();
      if (!session || !scenario || seekProgress !== null) return;
      // In a bundled lesson the address is the lesson and its step (#lesson=ID&step=N): a reload
      // comes back to the same step with its prepared state.
      const lesson = activeLessonHash();
      if (lesson) {
        if (lesson !== window.location.hash) window.history.replaceState(null, '', lesson);
        lastKey = '';
        return;
      }
      const key = `${scenario.text.length}:${session.log.length}:${Math.floor(session.world.timeMs / 1000)}`;
      if (key === lastKey) return;
      lastKey = key;
      void writeHashNow();
    }, 1000);
    const unsubscribe = usePlayground.subscribe((s, prev) => {
      if (s.scenario && s.scenario !== prev.scenario) saveAutosave({ text: s.scenario.text, file: s.scenario.file });
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [enabled]);
}
