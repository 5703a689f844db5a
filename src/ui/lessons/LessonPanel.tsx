import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessons } from '../../store/lessonStore';
import type { Message } from '../../sim/core/message';
import { renderMessage } from '../i18n/message';
import { usePlayground } from '../../store/playgroundStore';
import { useSessionVersion } from '../common/useSession';
import { langOf } from './lang';
import { Markdown } from './Markdown';
import { Questions } from './Questions';
import { Catalog } from './Catalog';
import { InstructorTools } from './InstructorTools';
import { cancelRunUntil, closeLesson, currentStatus, jumpToStep, nextStep, openLesson, previousStep, runUntilHolds, showMe } from './lessonRunner';
import { CheckWhat, StepCheck } from './StepCheck';
import { StepDots } from './StepDots';
import './lessons.css';
import './lessonGuide.css';

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

function FileErrors({ errors }: { errors: Message[] }) {
  const { t } = useTranslation();
  return (
    <div className="lesson-errors" role="alert" data-testid="lesson-file-errors">
      <div className="lesson-row">
        <strong>{t('lessons.file.errorsTitle')}</strong>
        <button type="button" className="tiny" onClick={() => useLessons.getState().set({ fileErrors: [] })}>
          {t('app.dismiss')}
        </button>
      </div>
      {/* Focusable: the list scrolls inside the capped box, also by keyboard. */}
      <pre tabIndex={0} aria-label={t('lessons.file.errorsTitle')} data-testid="lesson-file-errors-list">
        {errors.map((e) => renderMessage(t, e)).join('\n')}
      </pre>
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
  const backConfirm = useLessons((s) => s.backConfirm);
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
    <div className="lesson-body lesson-active">
      <header className="lesson-head">
        <div className="lesson-title" data-testid="lesson-title">
          {lesson.title[lang]}
        </div>
        <div className="lesson-head-buttons">
          <button type="button" className="tiny" onClick={() => useLessons.getState().set({ catalogOpen: true })}>
            {t('lessons.catalog.open')}
          </button>
          <button type="button" className="tiny" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={closeLesson}>
            ×
          </button>
        </div>
      </header>
      {/* The step's text scrolls inside the panel; the check and the buttons below it stay on screen. */}
      <div className="lesson-scroll" data-testid="lesson-scroll">
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
              <StepDots n={n} step={step} />
            </div>
            <div className="lesson-text" data-testid="lesson-text">
              <Markdown text={s.text[lang]} />
            </div>
            <CheckWhat step={s} />
            {s.hint && hintFor === hintKey && <HintText text={s.hint[lang]} />}
          </>
        )}
        <InstructorTools />
      </div>
      {!left && (
        <div className="lesson-footer" data-testid="lesson-footer">
          {/* The check and the note give way (they scroll here) before the step text does; the buttons never do. */}
          {(!onQuestions || note) && (
            <div className="lesson-footer-info" data-testid="lesson-footer-info">
              {/* The note first: it answers what the person just did (Run until, opening a file). */}
              {note && <p className="lesson-note warn">{t(note.key, note.values)}</p>}
              {!onQuestions && <StepCheck step={s} status={status} stepStartMs={stepStartMs} />}
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
          {backConfirm ? (
            <BackConfirm />
          ) : onQuestions ? (
            <div className="lesson-nav">
              <button type="button" onClick={() => void previousStep()} disabled={busy !== null} data-testid="lesson-back">
                {t('lessons.back')}
              </button>
              <button type="button" onClick={() => useLessons.getState().set({ catalogOpen: true })}>
                {t('lessons.catalog.more')}
              </button>
            </div>
          ) : (
            <>
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
                <button type="button" onClick={() => void previousStep()} disabled={step === 0 || busy !== null} data-testid="lesson-back">
                  {t('lessons.back')}
                </button>
                {s.hint && (
                  <button type="button" className="linklike" aria-expanded={hintFor === hintKey} onClick={() => setHintFor(hintFor === hintKey ? null : hintKey)} data-testid="lesson-hint-button">
                    {t('lessons.hint')}
                  </button>
                )}
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
        </div>
      )}
    </div>
  );
}

/** The hint opens below the step text and scrolls itself into the panel's view. */
function HintText({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // A block body: Chromium 150's scrollIntoView returns a Promise, which React would keep as the
  // effect's cleanup and call on unmount (the panel failed with "l is not a function").
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <div className="lesson-hint-text" data-testid="lesson-hint" ref={ref}>
      <Markdown text={text} />
    </div>
  );
}

/** Back (or the instructor's jump to a step) would drop commands the person ran themselves: say so, and go only when they confirm. */
function BackConfirm() {
  const { t } = useTranslation();
  const confirm = useLessons((s) => s.backConfirm);
  if (!confirm) return null;
  const values = { count: confirm.commands.length, first: confirm.commands[0], step: confirm.step + 1 };
  return (
    <div className="lesson-confirm" role="alertdialog" aria-labelledby="lesson-back-diverged" data-testid="lesson-back-confirm">
      <p id="lesson-back-diverged" className="lesson-note warn">
        {t(confirm.jump ? 'lessons.guide.jumpDiverged' : 'lessons.backDiverged', values)}
      </p>
      <div className="lesson-nav">
        <button type="button" onClick={() => useLessons.getState().set({ backConfirm: null })} data-testid="lesson-back-stay">
          {t('lessons.backStay')}
        </button>
        <button type="button" className="primary" onClick={() => void (confirm.jump ? jumpToStep(confirm.step, true) : previousStep(true))} data-testid="lesson-back-anyway">
          {t(confirm.jump ? 'lessons.guide.jumpAnyway' : 'lessons.backAnyway', { step: confirm.step + 1 })}
        </button>
      </div>
    </div>
  );
}

export default LessonPanel;
