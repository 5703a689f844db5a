import { useEffect, useRef } from 'react';
import { usePlayground } from '../../store/playgroundStore';
import { confirmDiscard } from '../../store/undoStore';
import { activeLessonHash } from '../../ui/lessons/lessonLink';
import { closeLesson, lessonFileProblems, loadCatalog, startupLesson } from '../../ui/lessons/lessonRunner';
import { LESSON_FILE_PARAM, LINKED_LESSON_FILE, lessonFileLink } from './lessonFileLink';
import { hashParam, hasRunHash } from './hashParams';
import { lessonLink, replayTo, scenarioLoading, startup, wholeStep, type StartupOutcome } from '../runLoader';
import { currentRunHash, writeHashNow } from './useHashSync';
import { compareValue, openCompareFromHash } from './compareLink';

/** The part of a run link that says which run: scenario, seed and log (`s`), and the moment (`t`, `x`). */
function runKey(hash: string): string {
  return ['s', 't', 'x'].map((k) => hashParam(hash, k) ?? '').join('&');
}

/**
 * What a changed address asks for: another lesson or step, another run, another run B beside the
 * run on screen, or nothing new (the language, the grid's filter, or what is already on screen).
 */
export async function linkRequest(hash: string): Promise<'lesson' | 'run' | 'compare' | null> {
  if (hashParam(hash, LESSON_FILE_PARAM) !== undefined) {
    // The lesson on screen at the same step (its own address, with a language or not) is no request.
    const here = activeLessonHash() ?? '';
    const same = [LESSON_FILE_PARAM, 'step'].every((k) => hashParam(here, k) === hashParam(hash, k));
    return same ? null : 'lesson';
  }
  const lesson = lessonLink(hash);
  if (lesson) {
    const here = lessonLink(activeLessonHash() ?? '');
    // A step that is not a step number opens too (its first step, with a notice), even on that step.
    const stepNamed = lesson.asked === undefined || wholeStep(lesson.asked) !== undefined;
    return here?.id === lesson.id && here.step === lesson.step && stepNamed ? null : 'lesson';
  }
  if (!hasRunHash(hash)) return null;
  const current = await currentRunHash();
  if (current === null || runKey(current) !== runKey(hash)) return 'run';
  const cmp = hashParam(hash, 'cmp');
  return cmp !== undefined && cmp !== (await compareValue()) ? 'compare' : null;
}

/**
 * Why a link cannot be opened, or null when it can. Checked before the open page gives up its
 * run: a mistyped link costs nothing but the notice, which says the run stays (a reload's says the
 * default scenario opened instead).
 */
export async function linkProblem(hash: string, kind: 'lesson' | 'run' | 'compare'): Promise<StartupOutcome['notice']> {
  // A damaged run B is reported in the Compare tab, where the link's run A stays (openFromLink).
  if (kind === 'compare') return null;
  const file = lessonFileLink(hash);
  if (file) {
    if (!file.ok) return { kind: 'error', key: 'lessons.fileLink.brokenKept', values: { reason: file.why } };
    // A lesson with errors shows them in its panel, and the run on screen stays.
    return (await lessonFileProblems(file.text, LINKED_LESSON_FILE)) ? { kind: 'error', key: 'lessons.fileLink.errorsKept' } : null;
  }
  if (kind === 'lesson') {
    const id = lessonLink(hash)?.id ?? '';
    const catalog = await loadCatalog();
    return catalog.some((e) => e.id === id) ? null : { kind: 'error', key: 'lessons.linkUnknownKept', values: { id } };
  }
  const { decodeRunHash, parseScenarioText } = await scenarioLoading();
  const r = decodeRunHash(hash);
  if (!r.ok) {
    return r.reason === 'future' ? { kind: 'error', key: 'app.linkFutureKept', values: { version: r.version ?? 0 } } : { kind: 'error', key: 'app.linkBrokenKept', values: { reason: r.msg } };
  }
  const parsed = parseScenarioText(r.run.scenario, 'shared-link.yaml');
  return parsed.ok ? null : { kind: 'error', key: 'app.linkBrokenKept', values: { reason: parsed.errors[0] ?? '' } };
}

/** Put the address back to what is on screen. */
async function restoreAddress(): Promise<void> {
  const lesson = activeLessonHash();
  if (lesson) window.history.replaceState(null, '', lesson);
  else await writeHashNow();
}

/**
 * A link pasted into the address bar of the open page changes only its hash, and the browser does
 * not reload for that: a student who already has the playground open and pastes the instructor's
 * next link would see nothing happen. The page opens it as a reload would, after asking when the
 * run holds commands of the person's own; kept, the address goes back to the run on screen. A link
 * that cannot be opened says why and leaves the run alone (a reload would fall back to an example);
 * a compare link opens its run B too.
 */
export function useHashNavigation(ready: boolean, onNotice: (notice: StartupOutcome['notice']) => void): void {
  const noticeRef = useRef(onNotice);
  noticeRef.current = onNotice;
  useEffect(() => {
    if (!ready) return;
    let busy = false;
    // A link that arrives while another opens is opened after it (the address then holds the newer).
    let again = false;
    const open = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      const hash = window.location.hash;
      const kind = await linkRequest(hash);
      if (kind === null) return;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        const problem = await linkProblem(hash, kind);
        if (problem) {
          noticeRef.current(problem);
          await restoreAddress();
          return;
        }
        if (kind === 'compare') {
          await openCompareFromHash(hash);
          return;
        }
        usePlayground.getState().pause();
        if (!(await confirmDiscard())) {
          await restoreAddress();
          return;
        }
        if (kind === 'run') closeLesson();
        const outcome = await startup(hash);
        noticeRef.current(outcome.notice);
        if (outcome.lesson) {
          const lessonNotice = await startupLesson(outcome.lesson);
          if (lessonNotice) noticeRef.current(lessonNotice);
        } else {
          if (outcome.replayToMs > 0) await replayTo(outcome.replayToMs);
          // A compare link opens its run B beside A, as on a fresh load (useCompareLink).
          await openCompareFromHash(hash);
        }
      } finally {
        busy = false;
        if (again) {
          again = false;
          void open();
        }
      }
    };
    const onHashChange = () => void open();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [ready]);
}
