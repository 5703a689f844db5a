import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonStep } from '../../lessons/types';
import { engine } from '../../store/engine';
import { formatSeconds } from '../charts/geometry';
import { renderMessage } from '../i18n/message';
import { observedText, type StepStatus } from './lessonRunner';

/**
 * What the step's check waits for, in words ("Check: HPA php-apache: current replicas ≥ 3", from the
 * engine's describer). It sits under the step text and scrolls with it: on a projector the footer
 * keeps its room for the status and the buttons.
 */
export function CheckWhat({ step }: { step: LessonStep }) {
  const { t } = useTranslation();
  const condition = useMemo(() => engine().describeCheck(step.check), [step.check]);
  return (
    <p className="lesson-check-what" data-testid="lesson-check-what">
      {t('lessons.guide.checkWhat', { condition: renderMessage(t, condition) })}
    </p>
  );
}

/**
 * The step's check in the footer: whether it held, the number it reads, and why it cannot hold when
 * an object it names does not exist (a typo in the lesson, or one the student has yet to create).
 */
export function StepCheck({ step, status, stepStartMs }: { step: LessonStep; status: StepStatus | null; stepStartMs: number }) {
  const { t } = useTranslation();
  const held = status?.held === true;
  return (
    <div className={held ? 'lesson-check held' : 'lesson-check'} data-testid="lesson-check" data-held={held ? 'true' : 'false'} role="status">
      <span className="mark" aria-hidden="true">
        {held ? '✓' : '○'}
      </span>
      <span>
        {held ? t('lessons.check.held', { time: formatSeconds((status.heldAtMs ?? 0) / 1000) }) : t('lessons.check.waiting', { budget: formatSeconds(step.withinMs / 1000), since: formatSeconds(stepStartMs / 1000) })}
        {!held && status?.observed !== undefined && <span className="muted"> · {t('lessons.check.observed', { value: observedText(status.observed, status.observedUnit) })}</span>}
      </span>
      {!held && status?.reason && (
        <span className="lesson-check-why" data-testid="lesson-check-why">
          {renderMessage(t, status.reason)}
        </span>
      )}
    </div>
  );
}
