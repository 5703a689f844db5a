import { useEffect } from 'react';
import { usePlayground } from '../../store/playgroundStore';
import { saveAutosave } from './autosave';
import { activeLessonHash, isLessonAddress } from '../../ui/lessons/lessonLink';
import { LESSON_FILE_PARAM } from './lessonFileLink';
import { gridViewHashParams, useGridView } from '../../store/gridViewStore';

/**
 * The keys a run hash replaces: the run's own (`s`, `t`, `x`) and the grid's view (`q`, `sort`,
 * `group`), written afresh. Anything else in the hash (lang, embed, cmp, …) is somebody's view state and stays.
 */
const REPLACED_KEYS: ReadonlySet<string> = new Set(['s', 't', 'x', 'q', 'sort', 'group']);
/**
 * A link to the run alone also drops the lesson link's keys (#lesson=ID&step=N), which a reload
 * would open instead of any run beside them.
 */
export const RUN_ONLY_KEYS: ReadonlySet<string> = new Set([...REPLACED_KEYS, 'lesson', LESSON_FILE_PARAM, 'step']);

/** The run's hash plus the view parameters: the grid's filter/sort/grouping and whatever else the address carried, less the `dropped` keys. */
export function withViewParams(runHash: string, currentHash: string, dropped: ReadonlySet<string> = REPLACED_KEYS): string {
  const body = currentHash.startsWith('#') ? currentHash.slice(1) : currentHash;
  const kept = body.split('&').filter((part) => part !== '' && !dropped.has(part.split('=')[0]));
  return [runHash, ...kept, ...gridViewHashParams(useGridView.getState())].join('&');
}

/** The current run as a link (scenario, seed, log, now); the encoder loads with the validators. */
export async function currentRunHash(dropped: ReadonlySet<string> = REPLACED_KEYS): Promise<string | null> {
  const { encodeRunHash } = await import('../scenarioLoading');
  const { session, scenario } = usePlayground.getState();
  if (!session || !scenario) return null;
  const run = encodeRunHash({ scenario: scenario.text, seed: session.spec.seed, log: session.log, timeMs: session.world.timeMs });
  return withViewParams(run, typeof window === 'undefined' ? '' : window.location.hash, dropped);
}

/**
 * What Copy link copies: the run on screen, to replay exactly. Inside a lesson the address is the
 * lesson's step, which a reload prepares afresh; a link carrying it would open that step and drop
 * the student's own commands and time. So there the link is the run alone, and the address stays
 * the lesson's (its own instructor link is in the lesson panel).
 */
export async function shareUrl(): Promise<string | null> {
  if (!activeLessonHash()) {
    await writeHashNow();
    return window.location.href;
  }
  const run = await currentRunHash(RUN_ONLY_KEYS);
  if (run === null) return null;
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${run}`;
}

/**
 * Put the run on screen in the address. No lesson is open when this runs (a lesson's address is its
 * step), so a lesson link's keys go: left beside the run, a reload would open that lesson instead.
 */
export async function writeHashNow(): Promise<string | null> {
  const asked = window.location.hash;
  const hash = await currentRunHash(RUN_ONLY_KEYS);
  const here = window.location.hash;
  // The address changed while the run was encoded: a link pasted or clicked meanwhile, whose
  // hashchange may not have been handled yet. Written over, it would be lost, and
  // useHashNavigation would find the run's own address and open nothing.
  if (here !== asked) return null;
  if (hash && hash !== here) window.history.replaceState(null, '', hash);
  return hash;
}

/**
 * Keep the address bar's hash equal to the run, at most once a second (compressing the scenario
 * costs a few ms, too much for every frame), and autosave the working scenario when it changes.
 * While playing, `t=` is stale again a moment after any write, so the address follows only every
 * PLAYING_WRITE_MS (compressing and `history.replaceState` were a visible slice of the page's
 * long tasks while playing, docs/performance.md); a pause brings it up to date within a second,
 * and Copy link always writes the current run (writeHashNow).
 */
const PLAYING_WRITE_MS = 5000;

/**
 * What the address should become while a lesson is open: `lesson` (its step) over an address this
 * page wrote or opened with; null (leave it) when it already is the step, or when another lesson
 * link arrived since (pasted, or a link clicked), which stands while useHashNavigation opens it.
 */
export function lessonAddressToWrite(here: string, lesson: string, lastWritten: string): string | null {
  if (here === lesson) return null;
  if (here !== lastWritten && isLessonAddress(here)) return null;
  return lesson;
}
export function useHashSync(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastKey = '';
    // The address the page opened with counts as written: a link pasted before the first write
    // (within a second of opening a lesson) is somebody's, not a stale step of ours.
    let lastAddress = window.location.hash;
    let lastWrite = -Infinity;
    const timer = setInterval(() => {
      const { session, scenario, seekProgress, playing } = usePlayground.getState();
      if (!session || !scenario || seekProgress !== null) return;
      if (playing && performance.now() - lastWrite < PLAYING_WRITE_MS) return;
      // In a bundled lesson the address is the lesson and its step (#lesson=ID&step=N): a reload
      // comes back to the same step with its prepared state.
      const lesson = activeLessonHash();
      if (lesson) {
        const write = lessonAddressToWrite(window.location.hash, lesson, lastAddress);
        if (write !== null) window.history.replaceState(null, '', write);
        lastAddress = lesson;
        lastKey = '';
        return;
      }
      // A lesson link that arrived since the last write stands while useHashNavigation opens it.
      const here = window.location.hash;
      if (here !== lastAddress && isLessonAddress(here)) return;
      const g = useGridView.getState();
      const key = `${scenario.text.length}:${session.log.length}:${Math.floor(session.world.timeMs / 1000)}:${g.query}:${g.sortBy}:${g.groupBy}`;
      if (key === lastKey) return;
      lastKey = key;
      lastWrite = performance.now();
      void writeHashNow().then((written) => {
        if (written !== null) lastAddress = written;
      });
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
