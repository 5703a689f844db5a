import { useTranslation } from 'react-i18next';
import type { TraceSample } from '../../sim/trace/trace';

/** One figure of A (solid) and B (dashed) over sim time, on a shared y scale. */
export function OverlayChart({ title, a, b, value, format }: { title: string; a: readonly TraceSample[]; b: readonly TraceSample[]; value: (s: TraceSample) => number; format: (v: number) => string }) {
  const { t } = useTranslation();
  const W = 300;
  const H = 90;
  const all = [...a, ...b];
  let tMax = 60;
  let yMax = 1e-9;
  for (const s of all) {
    tMax = Math.max(tMax, s.t);
    yMax = Math.max(yMax, value(s));
  }
  const path = (xs: readonly TraceSample[]) => xs.map((s, i) => `${i === 0 ? 'M' : 'L'}${((s.t / tMax) * W).toFixed(1)},${(H - (value(s) / yMax) * (H - 4)).toFixed(1)}`).join('');
  return (
    <figure className="compare-chart">
      <figcaption>
        {title} <span className="muted">{t('compare.chartMax', { value: format(yMax) })}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={title}>
        <path d={path(a)} className="series-a" />
        <path d={path(b)} className="series-b" />
      </svg>
    </figure>
  );
}
