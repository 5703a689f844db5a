import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedFigure, Figure, ScorecardComparison } from '../../sim/scorecard/types';
import { formatClock } from './format';

function value(t: (k: string, o?: Record<string, unknown>) => string, f: Figure | null, unit: Figure['unit'], v: number | null, signed = false): string {
  if (v === null) return f?.note ? t(`compare.missing.${f.note}`) : '–';
  // The sign goes in front of the unit: "-$0.0164", "+2".
  const sign = v < 0 ? '-' : signed && v > 0 ? '+' : '';
  const abs = Math.abs(v);
  return sign + t(`compare.unit.${unit}`, { value: unit === 'usd' || unit === 'usdPerHour' ? abs.toFixed(4) : unit === 'percent' ? abs.toFixed(1) : abs });
}

/** The scorecard: A, B, B − A; every figure with a moment is a button that time-travels there. */
/** Memoised: the Compare tab re-renders on every frame of A; the comparison changes a few times a second. */
export const ScorecardTable = memo(function ScorecardTable({ c, onJump }: { c: ScorecardComparison; onJump: (seconds: number, run: 'a' | 'b') => void }) {
  const { t } = useTranslation();
  const cell = (f: ComparedFigure, run: 'a' | 'b') => {
    const fig = f[run];
    const text = value(t, fig, f.unit, fig.value);
    const note = fig.note === 'notReached' ? ` ${t('compare.missing.notReached')}` : '';
    if (fig.atSeconds === null) return <td>{text}</td>;
    return (
      <td>
        <button type="button" className="link" data-testid={`score-${f.id}-${run}`} data-at={fig.atSeconds} title={t('compare.jumpTo', { time: formatClock(fig.atSeconds) })} onClick={() => onJump(fig.atSeconds!, run)}>
          {text}
          {note} <span className="muted">@{formatClock(fig.atSeconds)}</span>
        </button>
      </td>
    );
  };
  return (
    <table className="scorecard" data-testid="scorecard">
      <thead>
        <tr>
          <th>{t('compare.figure')}</th>
          <th>{t('compare.runA')}</th>
          <th>{t('compare.runB')}</th>
          <th>{t('compare.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {c.figures.map((f) => (
          <tr key={f.id}>
            <th scope="row" title={t(`compare.figureHelp.${f.id}`)}>{t(`compare.figures.${f.id}`)}</th>
            {cell(f, 'a')}
            {cell(f, 'b')}
            <td className={f.winner === 'b' ? 'better' : f.winner === 'a' ? 'worse' : ''}>{value(t, null, f.unit, f.difference, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
