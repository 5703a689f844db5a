import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { formatClock } from '../../app/time';
import { cancelReplay } from '../../store/replayCancel';
import { AchievedSpeed } from './AchievedSpeed';

/**
 * A slider over [0, horizon]: releasing it seeks (replay from the nearest checkpoint), with the
 * replay's progress shown while it runs. Dragging only moves the thumb.
 */
export function TimeScrubber() {
  const { t } = useTranslation();
  usePlayground((s) => s.version);
  const session = usePlayground((s) => s.session);
  const progress = usePlayground((s) => s.seekProgress);
  const seekAtMs = usePlayground((s) => s.seekAtMs);
  const seekTargetMs = usePlayground((s) => s.seekTargetMs);
  const [dragMs, setDragMs] = useState<number | null>(null);
  if (!session) return null;
  const now = session.world.timeMs;
  const replaying = progress !== null;
  // A replay (a scrub, or a share link hours long) ends at its target: the scale reaches it.
  const horizon = Math.max(session.horizonMs, now, 1000, replaying ? (seekTargetMs ?? 0) : 0);
  // Where the running seek goes: arrow presses while it runs step on from there, not from the old time.
  const value = dragMs ?? (replaying && seekTargetMs !== null ? seekTargetMs : now);
  // The clock reads the replay's own time as it runs (the page's world stays put until the replay
  // hands it over), as the progress label does; while dragging, the time under the thumb.
  const clockMs = dragMs ?? (replaying ? (seekAtMs ?? now) : now);
  const commit = () => {
    if (dragMs === null) return;
    const target = dragMs;
    setDragMs(null);
    if (target === now && progress === null) return;
    usePlayground.getState().seekTo(target);
  };
  return (
    <div className="scrubber">
      <input
        type="range"
        aria-label={t('app.scrubber')}
        data-testid="scrubber"
        min={0}
        max={horizon}
        step={1000}
        value={value}
        aria-valuetext={formatClock(value)}
        onChange={(e) => setDragMs(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <span className={replaying ? 'scrubber-label replaying' : 'scrubber-label'} data-testid="clock" data-replaying={replaying || undefined}>
        {formatClock(clockMs)}
      </span>
      <span className="muted">/ {formatClock(horizon)}</span>
      <AchievedSpeed />
      {progress !== null && (
        <>
          <progress data-testid="seek-progress" max={1} value={progress} aria-label={t('app.replaying', { percent: Math.round(progress * 100) })} />
          <span className="muted" data-testid="seek-percent">
            {/* The replay's own time: the page's world (and `now`) stays put until the replay hands it over. */}
            {t('hardening.replayingAt', { percent: Math.round(progress * 100), time: formatClock(seekAtMs ?? now) })}
          </span>
          <button type="button" className="tiny" data-testid="seek-cancel" onClick={cancelReplay}>
            {t('hardening.cancelReplay')}
          </button>
        </>
      )}
    </div>
  );
}
