import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { openLessonFile } from './lessonRunner';
import { useLessons } from '../../store/lessonStore';
import { confirmDiscard } from '../../store/undoStore';
import { msg } from '../../sim/core/message';

const MAX_BYTES = 512 * 1024;

/** Read a dropped or picked file as a lesson; a bad one shows located errors and changes nothing else. */
export async function openDroppedFile(file: File): Promise<void> {
  if (file.size > MAX_BYTES) {
    // Located like every lesson error (FILE:LINE:COL), in the reader's language.
    const why = msg('lessons.file.tooBig', { kb: Math.round(file.size / 1024), max: MAX_BYTES / 1024 });
    useLessons.getState().set({ fileErrors: [msg('scenarioError.at', { file: file.name, line: 1, col: 1, what: why })] });
    return;
  }
  await openLessonFile(await file.text(), file.name, confirmDiscard);
}

/** "Open a lesson file…": a file picker for YAML lessons. */
export function LessonFileButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="lesson-row">
      <button type="button" onClick={() => input.current?.click()} data-testid="lesson-open-file">
        {t('lessons.file.open')}
      </button>
      <span className="muted small">{t('lessons.file.drop')}</span>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.md,text/yaml"
        hidden
        data-testid="lesson-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openDroppedFile(f);
        }}
      />
    </div>
  );
}

/** Dropping a .yaml lesson anywhere on the page opens it (the page otherwise ignores drops). */
export function useLessonDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      e.preventDefault();
      void openDroppedFile(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
