import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, Lesson } from '../../lessons/types';
import { useLessons } from '../../store/lessonStore';
import { Markdown } from './Markdown';

/**
 * The closing questions: the student picks a choice and checks it; the answer is marked right or
 * wrong with its explanation. Answers are kept with the lesson's progress (they survive reload).
 */
export function Questions({ lesson, lang }: { lesson: Lesson; lang: Lang }) {
  const { t } = useTranslation();
  const progress = useLessons((s) => s.progress[lesson.id]);
  const answers = progress?.answers ?? {};
  const [picked, setPicked] = useState<Record<number, number>>({});
  const allRight = lesson.questions.every((q, i) => answers[i] === q.answer);
  const save = (i: number, choice: number) => useLessons.getState().saveProgress(lesson.id, { answers: { ...answers, [i]: choice }, done: lesson.questions.every((q, j) => (j === i ? choice : answers[j]) === q.answer) });

  return (
    <div className="lesson-questions" data-testid="lesson-questions">
      <div className="lesson-progress">{t('lessons.questions.title', { count: lesson.questions.length })}</div>
      {lesson.questions.map((q, i) => {
        const answered = answers[i];
        const choice = picked[i] ?? answered;
        const checked = answered !== undefined && answered === choice;
        const right = checked && answered === q.answer;
        return (
          <fieldset key={i} className="lesson-question" data-testid={`lesson-question-${i}`}>
            <legend>
              <Markdown text={q.question[lang]} />
            </legend>
            {/* Scoped state classes: the app's layout has a global `.right` (a flex column) that broke the line. */}
            {q.choices.map((c, j) => (
              <label key={j} className={checked && j === q.answer ? 'choice choice-right' : checked && j === answered ? 'choice choice-wrong' : 'choice'}>
                <input type="radio" name={`q-${lesson.id}-${i}`} checked={choice === j} onChange={() => setPicked({ ...picked, [i]: j })} />
                <span>{c[lang]}</span>
              </label>
            ))}
            <div className="lesson-row">
              <button type="button" disabled={choice === undefined || checked} onClick={() => choice !== undefined && save(i, choice)} data-testid={`lesson-answer-${i}`}>
                {t('lessons.questions.check')}
              </button>
              {checked && (
                <span className={right ? 'ok' : 'err'} role="status" data-testid={`lesson-verdict-${i}`}>
                  {right ? t('lessons.questions.right') : t('lessons.questions.wrong')}
                </span>
              )}
            </div>
            {checked && (
              <div className="lesson-explanation">
                <Markdown text={q.explanation[lang]} />
              </div>
            )}
          </fieldset>
        );
      })}
      {allRight && (
        <p className="lesson-done ok" role="status" data-testid="lesson-done">
          {t('lessons.questions.done')}
        </p>
      )}
    </div>
  );
}
