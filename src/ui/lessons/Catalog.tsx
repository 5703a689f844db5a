import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessons } from '../../store/lessonStore';
import { exampleMeta, exampleScenarios } from '../../app/exampleList';
import { openExample } from '../../app/runLoader';
import { closeLesson, openLesson } from './lessonRunner';
import { LessonFileButton } from './LessonFileButton';
import { InstructorTools } from './InstructorTools';
import { langOf } from './lang';

/**
 * The start screen: lessons first (title, summary, where the student left off), then the example
 * scenarios with their titles and one-line descriptions, in the current language.
 */
export function Catalog() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const catalog = useLessons((s) => s.catalog);
  const catalogLoaded = useLessons((s) => s.catalogLoaded);
  const progress = useLessons((s) => s.progress);
  const active = useLessons((s) => s.active);
  const examples = useMemo(
    () =>
      exampleScenarios.map((e) => {
        const m = exampleMeta(e.id);
        return { id: e.id, title: m.title?.[lang] ?? e.id, description: m.description?.[lang] ?? '' };
      }),
    [lang],
  );

  return (
    <div className="lesson-body lesson-catalog" data-testid="lesson-catalog">
      <header className="lesson-head">
        <div className="lesson-title">{t('lessons.catalog.title')}</div>
        <div className="lesson-head-buttons">
          {active && (
            <button type="button" className="tiny" onClick={() => useLessons.getState().set({ catalogOpen: false })}>
              {t('lessons.catalog.back')}
            </button>
          )}
          <button
            type="button"
            className="tiny"
            aria-label={t('lessons.close')}
            title={t('lessons.close')}
            onClick={() => {
              useLessons.getState().set({ catalogOpen: false });
              if (!active) closeLesson();
            }}
          >
            ×
          </button>
        </div>
      </header>
      <p className="muted small">{t('lessons.catalog.intro')}</p>
      <h3>{t('lessons.catalog.lessons')}</h3>
      <ul className="catalog-list" aria-busy={!catalogLoaded}>
        {!catalogLoaded && (
          <li className="muted small catalog-loading" data-testid="catalog-loading">
            {t('lessons.catalog.loading')}
          </li>
        )}
        {catalogLoaded && catalog.length === 0 && <li className="muted small">{t('lessons.catalog.none')}</li>}
        {catalog.map((e) => {
          const p = progress[e.id];
          const label = p?.done ? t('lessons.catalog.done') : p ? t('lessons.catalog.continue', { step: p.step + 1 }) : t('lessons.catalog.start');
          return (
            <li key={e.id} className={p ? 'catalog-with-restart' : undefined}>
              <button type="button" className="catalog-item" data-testid={`catalog-lesson-${e.id}`} onClick={() => void openLesson(e.lesson, e.scenarioText, 'bundled', p && !p.done ? p.step : 0)}>
                <span className="catalog-name">{e.lesson.title[lang]}</span>
                <span className="catalog-desc">{e.lesson.summary[lang]}</span>
                <span className="catalog-badge">{label}</span>
              </button>
              {p && (
                <button
                  type="button"
                  className="tiny catalog-restart"
                  aria-label={t('lessons.guide.startOverLabel', { title: e.lesson.title[lang] })}
                  data-testid={`catalog-restart-${e.id}`}
                  onClick={() => {
                    // Answers and "Completed" go too: the lesson opens at step 1 as on a first visit.
                    useLessons.getState().clearProgress(e.id);
                    void openLesson(e.lesson, e.scenarioText, 'bundled', 0);
                  }}
                >
                  {t('lessons.guide.startOver')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <LessonFileButton />
      <h3>{t('lessons.catalog.scenarios')}</h3>
      <ul className="catalog-list">
        {examples.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="catalog-item"
              data-testid={`catalog-scenario-${e.id}`}
              onClick={() => {
                closeLesson();
                useLessons.getState().set({ catalogOpen: false });
                void openExample(e.id);
              }}
            >
              <span className="catalog-name">{e.title}</span>
              {e.description && <span className="catalog-desc">{e.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      <InstructorTools />
    </div>
  );
}
