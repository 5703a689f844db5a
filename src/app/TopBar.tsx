import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../store/playgroundStore';
import { LANGUAGES, setLanguage, type Language } from '../ui/i18n';
import { PlaybackControls } from '../ui/controls/PlaybackControls';
import { exampleMeta, exampleScenarios } from './exampleList';
import { loadKoreanFontFaces } from './koreanFont';
import { useLessons } from '../store/lessonStore';
import { closeLesson, openBundledLesson } from '../ui/lessons/lessonRunner';
import { langOf } from '../ui/lessons/lang';
import { openExample } from './runLoader';
import { shareUrl } from './share/useHashSync';
import { ExportMenu } from './ExportMenu';
import { THEMES, type Theme } from './theme';
import { confirmDiscard } from '../store/undoStore';
import { refusedInLog } from '../store/controlResults';

interface Props {
  theme: Theme;
  onTheme: (t: Theme) => void;
  projector: boolean;
  onProjector: () => void;
  onHelp: () => void;
  onErrors: (errors: string[]) => void;
}

/** The picker's entry that opens the lesson catalog instead of a run (no lesson or example has this id). */
const CATALOG_OPTION = 'catalog:';

/** Korean needs its font faces declared before its text is laid out (see koreanFont.ts). */
async function switchLanguage(lang: Language): Promise<void> {
  if (lang === 'ko') await loadKoreanFontFaces();
  setLanguage(lang);
}

export function TopBar({ theme, onTheme, projector, onProjector, onHelp, onErrors }: Props) {
  const { t, i18n } = useTranslation();
  const scenarioName = usePlayground((s) => s.scenario?.spec.name ?? '');
  const [copied, setCopied] = useState<string | null>(null);
  const [copiedNote, setCopiedNote] = useState(false);
  const known = exampleScenarios.some((e) => e.id === scenarioName);
  const catalog = useLessons((st) => st.catalog);
  // The picker shows the lesson while its own session is the one on screen.
  const lessonId = useLessons((st) => (st.active && st.active.source === 'bundled' && st.active.session === usePlayground.getState().session ? st.active.lesson.id : null));
  const lang = langOf(i18n.language);
  const lessonTitle = catalog.find((l) => l.id === lessonId)?.lesson.title[lang];
  // The select may cut a long title short at 1280 px: its tooltip keeps it whole.
  const shownTitle = lessonTitle ?? (known ? (exampleMeta(scenarioName).title?.[lang] ?? scenarioName) : scenarioName || '—');

  const copyLink = async () => {
    const url = await shareUrl();
    try {
      if (url === null) throw new Error('no run on screen');
      await navigator.clipboard.writeText(url);
      // Commands the cluster refused stay in the link (a replay must rebuild the run exactly): say so.
      const session = usePlayground.getState().session;
      const refused = session ? refusedInLog(session.world, session.log) : [];
      setCopied(refused.length > 0 ? t('app.linkCopiedRefused', { count: refused.length, command: refused[0].command.input }) : t('app.linkCopied'));
      setCopiedNote(refused.length > 0);
      setTimeout(() => setCopied(null), refused.length > 0 ? 8000 : 2500);
      return;
    } catch {
      setCopiedNote(false);
      setCopied(t('app.linkCopyFailed'));
    }
    setTimeout(() => setCopied(null), 2500);
  };

  return (
    <header className="topbar">
      <h1>{t('app.title')}</h1>
      <label className="picker">
        <span className="sr-only">{t('app.scenario')}</span>
        <select
          aria-label={t('app.scenario')}
          data-testid="scenario-picker"
          title={shownTitle}
          value={lessonId ? `lesson:${lessonId}` : known ? scenarioName : ''}
          onChange={(e) => {
            const v = e.target.value;
            // The start screen (lessons, "Open a lesson file…", instructor tools) opens beside the run, which stays.
            if (v === CATALOG_OPTION) {
              useLessons.getState().set({ catalogOpen: true });
              return;
            }
            // A run with the person's own commands is not thrown away without asking.
            void confirmDiscard().then((discard) => {
              if (!discard) return;
              if (v.startsWith('lesson:')) {
                void openBundledLesson(v.slice('lesson:'.length)).then((r) => onErrors(r.ok ? [] : r.errors));
                return;
              }
              closeLesson();
              void openExample(v).then((r) => onErrors(r.ok ? [] : r.errors));
            });
          }}
        >
          {!known && !lessonId && <option value="">{scenarioName || '—'}</option>}
          {catalog.length > 0 && (
            <optgroup label={t('lessons.picker.lessons')}>
              <option value={CATALOG_OPTION} data-testid="picker-catalog">
                {t('lessons.guide.pickerCatalog')}
              </option>
              {catalog.map((l) => (
                <option key={l.id} value={`lesson:${l.id}`} title={l.lesson.title[lang]}>
                  {l.lesson.title[lang]}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('lessons.picker.scenarios')}>
            {exampleScenarios.map((e) => (
              <option key={e.id} value={e.id} title={exampleMeta(e.id).description?.[lang]}>
                {exampleMeta(e.id).title?.[lang] ?? e.id}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <PlaybackControls />
      <div className="spacer" />
      <button type="button" onClick={() => void copyLink()} data-testid="copy-link">
        {t('app.copyLink')}
      </button>
      {copied && (
        <span className={copiedNote ? 'toast toast-note' : 'toast'} role="status" data-testid="copy-status">
          {copied}
        </span>
      )}
      <ExportMenu />
      <select aria-label={t('app.language')} value={i18n.language} onChange={(e) => void switchLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
      <select aria-label={t('app.theme')} title={t('app.theme')} value={theme} onChange={(e) => onTheme(e.target.value as Theme)} data-testid="theme-picker">
        {THEMES.map((id) => (
          <option key={id} value={id}>
            {t(`lessons.theme.${id}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-pressed={projector}
        title={t('lessons.projector.title')}
        onClick={onProjector}
        data-testid="projector-toggle"
        className={projector ? 'active' : ''}
      >
        {t('lessons.projector.button')}
      </button>
      <button type="button" className="help-button" aria-label={t('app.help')} onClick={onHelp}>
        ?
      </button>
    </header>
  );
}
