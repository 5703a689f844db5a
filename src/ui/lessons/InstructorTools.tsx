import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberInstructor, useLessons } from '../../store/lessonStore';
import { usePlayground } from '../../store/playgroundStore';
import { exampleScenarios } from '../../app/exampleList';
import { parseCommandLine } from '../../scenario/commandLine';
import { downloadText } from '../common/download';
import { activeLessonHash } from './lessonLink';
import { langOf } from './lang';
import { lessonDraftText, type RecordedCommand } from './draft';
import { LessonFileButton } from './LessonFileButton';

/** Does the console reproduce this logged command from its text? Then a lesson step can `run` it. */
function hasCommandLine(input: string): boolean {
  const r = parseCommandLine(input);
  return r.ok;
}

/** The instructor's drawer: Skip, Copy lesson link, open a lesson file, record a lesson draft. */
export function InstructorTools() {
  const { t, i18n } = useTranslation();
  const instructor = useLessons((s) => s.instructor);
  const step = useLessons((s) => s.step);
  const recording = useLessons((s) => s.recording);
  const [copied, setCopied] = useState<string | null>(null);
  const linkable = useLessons((s) => s.active !== null && (s.active.source === 'bundled' || s.linkedFile?.lesson === s.active.lesson));

  const copyLessonLink = async () => {
    const hash = activeLessonHash();
    if (!hash) return;
    // The class opens it in the language the instructor teaches in.
    const url = `${window.location.origin}${window.location.pathname}${hash}&lang=${langOf(i18n.language)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('lessons.instructor.copied'));
    } catch {
      setCopied(url);
    }
    setTimeout(() => setCopied(null), 4000);
  };

  const startRecording = () => {
    const { session, scenario } = usePlayground.getState();
    if (!session || !scenario) return;
    useLessons.getState().set({ recording: { startMs: session.world.timeMs, logStart: session.log.length, scenarioText: scenario.text, scenarioFile: scenario.file } });
  };

  const stopRecording = async () => {
    const { session } = usePlayground.getState();
    const rec = useLessons.getState().recording;
    useLessons.getState().set({ recording: null });
    if (!session || !rec) return;
    const example = exampleScenarios.find((e) => e.text === rec.scenarioText);
    const toRecorded = (c: { atMs: number; input: string }): RecordedCommand => ({ atMs: c.atMs, input: c.input });
    const logged = session.log.slice(rec.logStart).filter((c) => c.atMs >= rec.startMs);
    const usable = logged.filter((c) => hasCommandLine(c.input));
    const before = example ? [...session.spec.timeline, ...session.log.slice(0, rec.logStart)].filter((c) => hasCommandLine(c.input)).map(toRecorded).sort((a, b) => a.atMs - b.atMs) : [];
    const text = await lessonDraftText({
      scenario: example ? { example: example.id } : { yaml: rec.scenarioText },
      before,
      startMs: rec.startMs,
      endMs: session.world.timeMs,
      commands: usable.map(toRecorded),
      leftOut: logged.filter((c) => !hasCommandLine(c.input)).map((c) => c.input),
    });
    downloadText(text, 'lesson-draft.yaml', 'text/yaml');
  };

  return (
    <details
      className="lesson-instructor"
      open={instructor}
      onToggle={(e) => {
        const open = e.currentTarget.open;
        if (open !== useLessons.getState().instructor) {
          rememberInstructor(open);
          useLessons.getState().set({ instructor: open });
        }
      }}
    >
      <summary data-testid="lesson-instructor">{t('lessons.instructor.title')}</summary>
      <div className="lesson-instructor-body">
        {/* A bundled lesson by its name, a lesson from a file with the file in the link. */}
        {linkable && (
          <div className="lesson-row">
            <button type="button" onClick={() => void copyLessonLink()} data-testid="lesson-copy-link">
              {t('lessons.instructor.copyLink', { step: step + 1 })}
            </button>
            {copied && (
              <span className="toast small" role="status">
                {copied}
              </span>
            )}
          </div>
        )}
        <LessonFileButton />
        <div className="lesson-row">
          {recording ? (
            <button type="button" className="recording" onClick={() => void stopRecording()} data-testid="lesson-record-stop">
              ● {t('lessons.instructor.stopRecording')}
            </button>
          ) : (
            <button type="button" onClick={startRecording} data-testid="lesson-record">
              {t('lessons.instructor.record')}
            </button>
          )}
          <span className="muted small">{recording ? t('lessons.instructor.recordingHint') : t('lessons.instructor.recordHint')}</span>
        </div>
      </div>
    </details>
  );
}
