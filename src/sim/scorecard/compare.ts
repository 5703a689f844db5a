import type { ComparedFigure, Figure, Scorecard, ScorecardComparison } from './types';

function winner(f: Figure, a: number | null, b: number | null): ComparedFigure['winner'] {
  if (a === null || b === null) return null;
  if (a === b) return 'same';
  if (f.better === 'neither') return null;
  const bBigger = b > a;
  return (f.better === 'higher') === bBigger ? 'b' : 'a';
}

/** Figure by figure: A, B, B − A and which is better. Both cards must use the same SLO. */
export function compareScorecards(a: Scorecard, b: Scorecard): ScorecardComparison {
  const figures: ComparedFigure[] = a.figures.map((fa) => {
    const fb = b.figures.find((f) => f.id === fa.id) ?? { ...fa, value: null, atSeconds: null, note: 'notInTrace' };
    const difference = fa.value === null || fb.value === null ? null : Math.round((fb.value - fa.value) * 1e4) / 1e4;
    return { id: fa.id, unit: fa.unit, better: fa.better, a: fa, b: fb, difference, winner: winner(fa, fa.value, fb.value) };
  });
  return { sloMs: a.sloMs, a, b, figures };
}
