import { useTranslation } from 'react-i18next';
import { SPEEDS, usePlayground } from '../../store/playgroundStore';

/** Play/Pause, Step and the Speed slider (1×–1000× over the store's speed steps). */
export function PlaybackControls() {
  const { t } = useTranslation();
  const playing = usePlayground((s) => s.playing);
  const speed = usePlayground((s) => s.speed);
  const busy = usePlayground((s) => s.seekProgress !== null);
  const togglePlay = () => usePlayground.getState().togglePlay();
  const stepOnce = () => usePlayground.getState().stepOnce();
  const setSpeed = (s: number) => usePlayground.getState().setSpeed(s);
  const index = Math.max(0, SPEEDS.findIndex((s) => s >= speed));
  return (
    <div className="playback">
      <button type="button" data-testid="play" className="primary" onClick={togglePlay} disabled={busy} aria-keyshortcuts="Space">
        {playing ? `❚❚ ${t('app.pause')}` : `▶ ${t('app.play')}`}
      </button>
      <button type="button" data-testid="step" onClick={stepOnce} disabled={busy || playing} aria-keyshortcuts="ArrowRight">
        {t('app.step')}
      </button>
      <label className="speed">
        <span>{t('app.speed')}</span>
        <input
          type="range"
          aria-label={t('app.speed')}
          data-testid="speed"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={index}
          aria-valuetext={`${SPEEDS[index]}×`}
          onChange={(e) => setSpeed(SPEEDS[Number(e.target.value)])}
        />
        <span data-testid="speed-value">{t('app.speedValue', { speed: SPEEDS[index] })}</span>
      </label>
    </div>
  );
}
