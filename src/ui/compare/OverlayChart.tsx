import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceSample } from '../../sim/trace/trace';

/**
 * One figure of A (solid) and B (dashed) over sim time, on a shared y scale. Memoised: its paths walk
 * both histories (hours of samples), and the Compare tab re-renders on every frame of A; callers
 * pass stable `value`/`format` functions and histories that change only when B's time does.
 */
export const OverlayChart = memo(function OverlayChart({ title, a, b, value, format }: { title: string; a: readonly TraceSample[]; b: readonly TraceSample[]; value: (s: TraceSample) => number; format: (v: number) => string }) {
  const { t } = useTranslation();
  const W = 300;
  const H = 90;
  const all = [...a, ...b];
  let tMax = 60;
  let seen = 0;
  for (const s of all) {
    tMax = Math.max(tMax, s.t);
    seen = Math.max(seen, value(s));
  }
  // The caption says the real maximum (0 when nothing was pending); the scale only avoids a division by zero.
  const yMax = seen > 0 ? seen : 1;
  const path = (xs: readonly TraceSample[]) => xs.map((s, i) => `${i === 0 ? 'M' : 'L'}${((s.t / tMax) * W).toFixed(1)},${(H - (value(s) / yMax) * (H - 4)).toFixed(1)}`).join('');
  return (
    <figure className="compare-chart">
      <figcaption>
        {title} <span className="muted">{t('compare.chartMax', { value: format(seen) })}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={title}>
        <path d={path(a)} className="series-a" />
        <path d={path(b)} className="series-b" />
      </svg>
    </figure>
  );
});
