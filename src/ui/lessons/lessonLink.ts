import { usePlayground } from '../../store/playgroundStore';
import { useLessons } from '../../store/lessonStore';

/** `#lesson=ID&step=N` (N counted from 1, as the panel shows it). */
export function lessonHash(id: string, step: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step + 1}`;
}

/** The address for the lesson on screen, or null when none is (then the run's own link applies). */
export function activeLessonHash(): string | null {
  const { active, step, onQuestions } = useLessons.getState();
  if (!active || active.source !== 'bundled' || active.session !== usePlayground.getState().session) return null;
  return lessonHash(active.lesson.id, onQuestions ? active.lesson.steps.length - 1 : step);
}
