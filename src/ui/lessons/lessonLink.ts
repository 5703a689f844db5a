import { usePlayground } from '../../store/playgroundStore';
import { useLessons } from '../../store/lessonStore';
import { wholeStep, type LessonLinkRequest, type StartupOutcome } from '../../app/runLoader';
import { LESSON_FILE_PARAM } from '../../app/share/lessonFileLink';
import { hashParam } from '../../app/share/hashParams';

/** `#lesson=ID&step=N` (N counted from 1, as the panel shows it). */
export function lessonHash(id: string, step: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step + 1}`;
}

/** The address for the lesson on screen, or null when none is (then the run's own link applies). */
export function activeLessonHash(): string | null {
  const { active, step, onQuestions, linkedFile } = useLessons.getState();
  if (!active || active.session !== usePlayground.getState().session) return null;
  const k = onQuestions ? active.lesson.steps.length - 1 : step;
  if (active.source === 'bundled') return lessonHash(active.lesson.id, k);
  // A lesson from a file travels whole in its link.
  return linkedFile?.lesson === active.lesson ? `#${LESSON_FILE_PARAM}=${linkedFile.param}&step=${k + 1}` : null;
}

/** Does the address ask for a lesson (bundled or carried in the link)? */
export function isLessonAddress(hash: string): boolean {
  return hashParam(hash, 'lesson') !== undefined || hashParam(hash, LESSON_FILE_PARAM) !== undefined;
}

/** Longest `step=` text quoted back in the notice: a damaged link can carry anything. */
const ASKED_SHOWN_CHARS = 24;

/**
 * The notice for a link whose `step=` names no step of the lesson (past its last, 0, or not a
 * number): students open an instructor's link, and a silently different step would have them
 * follow the wrong text. Null when the step exists or the link names none.
 */
export function missingStepNotice(req: LessonLinkRequest, stepCount: number): StartupOutcome['notice'] {
  if (req.asked === undefined) return null;
  const n = wholeStep(req.asked);
  if (n !== undefined && n <= stepCount) return null;
  const asked = req.asked.length > ASKED_SHOWN_CHARS ? `${req.asked.slice(0, ASKED_SHOWN_CHARS)}…` : req.asked;
  // The lesson opens its last step for a number past it, else its first (openLesson clamps).
  const opened = Math.min(req.step, stepCount - 1) + 1;
  return { kind: 'info', key: 'lessons.linkStepMissing', values: { asked, id: req.id, last: stepCount, opened } };
}
