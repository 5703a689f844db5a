import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../store/playgroundStore';
import { LANGUAGES, setLanguage, type Language } from '../ui/i18n';
import { PlaybackControls } from '../ui/controls/PlaybackControls';
import { exampleScenarios } from './exampleList';
import { loadKoreanFontFaces } from './koreanFont';
import { openExample } from './runLoader';
import { writeHashNow } from './share/useHashSync';
import { ExportMenu } from './ExportMenu';
import { THEMES, type Theme } from './theme';

interface Props {
  theme: Theme;
  onTheme: (t: Theme) => void;
  projector: boolean;
  onProjector: () => void;
  onHelp: () => void;
  onErrors: (errors: string[]) => void;
}

/** Korean needs its font faces declared before its text is laid out (see koreanFont.ts). */
async function switchLanguage(lang: Language): Promise<void> {
  if (lang === 'ko') await loadKoreanFontFaces();
  setLanguage(lang);
}

export function TopBar({ theme, onTheme, projector, onProjector, onHelp, onErrors }: Props) {
  const { t, i18n } = useTranslation();
  const scenarioName = usePlayground((s) => s.scenario?.spec.name ?? '');
  const [copied, setCopied] = useState<string | null>(null);
  const known = exampleScenarios.some((e) => e.id === scenarioName);

  const copyLink = async () => {
    await writeHashNow();
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('app.linkCopied'));
    } catch {
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
          value={known ? scenarioName : ''}
          onChange={(e) => {
            void openExample(e.target.value).then((r) => onErrors(r.ok ? [] : r.errors));
          }}
        >
          {!known && <option value="">{scenarioName || '—'}</option>}
          {exampleScenarios.map((e) => (
            <option key={e.id} value={e.id}>
              {e.id}
            </option>
          ))}
        </select>
      </label>
      <PlaybackControls />
      <div className="spacer" />
      <button type="button" onClick={() => void copyLink()} data-testid="copy-link">
        {t('app.copyLink')}
      </button>
      {copied && (
        <span className="toast" role="status" data-testid="copy-status">
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
      <button type="button" aria-label={t('app.help')} onClick={onHelp}>
        ?
      </button>
    </header>
  );
}
