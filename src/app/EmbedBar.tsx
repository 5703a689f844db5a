import { useTranslation } from 'react-i18next';
import { usePlayground } from '../store/playgroundStore';
import { StatusSummary } from './StatusSummary';

/** Embed mode's whole chrome: play/pause, the status line, and a link to open the full playground. */
export function EmbedBar() {
  const { t } = useTranslation();
  const playing = usePlayground((s) => s.playing);
  const full = window.location.href.replace(/&?embed=1/, '');
  return (
    <header className="embed-bar" data-testid="embed-bar">
      <button type="button" className="primary" data-testid="play" onClick={() => usePlayground.getState().togglePlay()}>
        {playing ? t('views.embed.pause') : t('views.embed.play')}
      </button>
      <StatusSummary />
      <a href={full} target="_blank" rel="noopener noreferrer" className="small">
        {t('views.embed.openFull')}
      </a>
    </header>
  );
}
