import { useTranslation } from 'react-i18next';
import { useLessons } from '../../store/lessonStore';
import { jumpToStep } from './lessonRunner';

/**
 * The step dots beside "Step k of n". For a student they only show progress (hidden from screen
 * readers: the text says it). In instructor mode each is a button that opens its step prepared as
 * the lesson prepares it, so an instructor can follow a class that is ahead or behind.
 */
export function StepDots({ n, step }: { n: number; step: number }) {
  const { t } = useTranslation();
  const instructor = useLessons((s) => s.instructor);
  const busy = useLessons((s) => s.busy);
  const cls = (i: number) => (i < step ? 'dot done' : i === step ? 'dot now' : 'dot');
  if (!instructor) {
    return (
      <span className="lesson-dots" aria-hidden="true">
        {Array.from({ length: n }, (_, i) => (
          <span key={i} className={cls(i)} />
        ))}
      </span>
    );
  }
  return (
    <span className="lesson-dots jump" role="group" aria-label={t('lessons.guide.jumpGroup')} data-testid="lesson-dots">
      {Array.from({ length: n }, (_, i) => (
        <button
          key={i}
          type="button"
          className={cls(i)}
          aria-label={t('lessons.guide.jumpTo', { step: i + 1, n })}
          title={t('lessons.guide.jumpTo', { step: i + 1, n })}
          aria-current={i === step ? 'step' : undefined}
          disabled={busy !== null}
          onClick={() => void jumpToStep(i)}
          data-testid={`lesson-jump-${i + 1}`}
        />
      ))}
    </span>
  );
}
