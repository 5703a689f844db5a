import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessons } from '../../store/lessonStore';
import { usePlayground } from '../../store/playgroundStore';
import { useSessionVersion } from '../common/useSession';
import { formatSeconds } from '../charts/geometry';
import { langOf } from './lang';
import { Markdown } from './Markdown';
import { Questions } from './Questions';
import { Catalog } from './Catalog';
import { InstructorTools } from './InstructorTools';
import { cancelRunUntil, closeLesson, currentStatus, nextStep, openLesson, previousStep, runUntilHolds, showMe } from './lessonRunner';
import './lessons.css';

/** Workshop mode's side panel: the lesson's step, its live check, and the buttons that move on. */
export function LessonPanel() {
  const { t } = useTranslation();
  const active = useLessons((s) => s.active);
  const catalogOpen = useLessons((s) => s.catalogOpen);
  const fileErrors = useLessons((s) => s.fileErrors);
  return (
    <aside className="lesson-panel" aria-label={t('lessons.panel')} data-testid="lesson-panel">
      {fileErrors.length > 0 && <FileErrors errors={fileErrors} />}
      {catalogOpen || !active ? <Catalog /> : <ActiveLesson />}
    </aside>
  );
}

function FileErrors({ errors }: { errors: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="lesson-errors" role="alert" data-testid="lesson-file-errors">
      <div className="lesson-row">
        <strong>{t('lessons.file.errorsTitle')}</strong>
        <button type="button" className="tiny" onClick={() => useLessons.getState().set({ fileErrors: [] })}>
          {t('app.dismiss')}
        </button>
      </div>
      <pre>{errors.join('\n')}</pre>
    </div>
  );
}

function ActiveLesson() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const active = useLessons((s) => s.active)!;
  const step = useLessons((s) => s.step);
  const onQuestions = useLessons((s) => s.onQuestions);
  const busy = useLessons((s) => s.busy);
  const note = useLessons((s) => s.note);
  const instructor = useLessons((s) => s.instructor);
  const stepStartMs = useLessons((s) => s.stepStartMs);
  const [hintFor, setHintFor] = useState<string | null>(null);
  const { session } = useSessionVersion();
  const seeking = usePlayground((s) => s.seekProgress !== null);
  const { lesson } = active;
  const n = lesson.steps.length;
  const left = session !== active.session;
  const status = left ? null : currentStatus();
  const s = lesson.steps[step];
  const hintKey = `${lesson.id}:${step}`;

  return (
    <div className="lesson-body">
      <header className="lesson-head">
        <div className="lesson-title" data-testid="lesson-title">
          {lesson.title[lang]}
        </div>
        <button type="button" className="tiny" onClick={() => useLessons.getState().set({ catalogOpen: true })}>
          {t('lessons.catalog.open')}
        </button>
        <button type="button" className="tiny" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={closeLesson}>
          ×
        </button>
      </header>
      {left ? (
        <div className="lesson-note" role="status">
          <p>{t('lessons.left')}</p>
          <button type="button" onClick={() => void openLesson(lesson, active.scenarioText, active.source, step)}>
            {t('lessons.resume', { step: step + 1 })}
          </button>
        </div>
      ) : onQuestions ? (
        <Questions lesson={lesson} lang={lang} />
      ) : (
        <>
          <div className="lesson-progress" data-testid="lesson-step">
            {t('lessons.stepOf', { k: step + 1, n })}
            <span className="lesson-dots" aria-hidden="true">
              {lesson.steps.map((_, i) => (
                <span key={i} className={i < step ? 'dot done' : i === step ? 'dot now' : 'dot'} />
              ))}
            </span>
          </div>
          <div className="lesson-text" data-testid="lesson-text">
            <Markdown text={s.text[lang]} />
          </div>
          <div className={status?.held ? 'lesson-check held' : 'lesson-check'} data-testid="lesson-check" data-held={status?.held ? 'true' : 'false'} role="status">
            <span className="mark" aria-hidden="true">
              {status?.held ? '✓' : '○'}
            </span>
            <span>
              {status?.held
                ? t('lessons.check.held', { time: formatSeconds((status.heldAtMs ?? 0) / 1000) })
                : t('lessons.check.waiting', { budget: formatSeconds(s.withinMs / 1000), since: formatSeconds(stepStartMs / 1000) })}
              {!status?.held && status?.observed !== undefined && <span className="muted"> · {t('lessons.check.observed', { value: round(status.observed) })}</span>}
            </span>
          </div>
          {s.hint && (
            <div className="lesson-hint">
              {hintFor === hintKey ? (
                <div className="lesson-hint-text" data-testid="lesson-hint">
                  <Markdown text={s.hint[lang]} />
                </div>
              ) : (
                <button type="button" className="linklike" onClick={() => setHintFor(hintKey)}>
                  {t('lessons.hint')}
                </button>
              )}
            </div>
          )}
          {busy && (
            <div className="lesson-busy" role="status">
              <span>{t(busy.kind === 'prepare' ? 'lessons.preparing' : 'lessons.running')}</span>
              <progress max={1} value={busy.progress} aria-label={t('lessons.progress')} />
              {busy.kind === 'runUntil' && (
                <button type="button" className="tiny" onClick={cancelRunUntil}>
                  {t('lessons.stop')}
                </button>
              )}
            </div>
          )}
          {note && <p className="lesson-note warn">{t(note.key, note.values)}</p>}
          <div className="lesson-actions">
            {s.action && (
              <button type="button" onClick={() => void showMe(s)} disabled={busy !== null || seeking} data-testid="lesson-show-me">
                {t('lessons.showMe')}
              </button>
            )}
            <button type="button" onClick={() => void runUntilHolds()} disabled={busy !== null || seeking || status?.held === true} data-testid="lesson-run-until">
              {t('lessons.runUntil')}
            </button>
          </div>
          <div className="lesson-nav">
            <button type="button" onClick={previousStep} disabled={step === 0 || busy !== null}>
              {t('lessons.back')}
            </button>
            {instructor && !status?.held && (
              <button type="button" onClick={nextStep} disabled={busy !== null} data-testid="lesson-skip">
                {t('lessons.skip')}
              </button>
            )}
            <button type="button" className="primary" onClick={nextStep} disabled={!status?.held || busy !== null} data-testid="lesson-next">
              {step + 1 < n ? t('lessons.next') : t('lessons.toQuestions')}
            </button>
          </div>
        </>
      )}
      <InstructorTools />
    </div>
  );
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

export default LessonPanel;
