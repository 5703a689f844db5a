import type { Band } from './series';

export interface BandRun {
  /** Sim seconds. */
  from: number;
  to: number;
}

/**
 * Stretches where a band is on, clipped to [t0, t1]. A sample's state holds until the next sample,
 * so a run ends at the first sample where the band is off (or at the last sample).
 */
export function bandRuns(band: Band, times: readonly number[], t0: number, t1: number): BandRun[] {
  const runs: BandRun[] = [];
  let start: number | null = null;
  for (let i = 0; i < times.length; i++) {
    const on = band.on[i] === true;
    if (on && start === null) start = times[i];
    if (!on && start !== null) {
      runs.push({ from: start, to: times[i] });
      start = null;
    }
  }
  if (start !== null && times.length > 0) runs.push({ from: start, to: times[times.length - 1] });
  return runs
    .filter((r) => r.to >= t0 && r.from <= t1)
    .map((r) => ({ from: Math.max(r.from, t0), to: Math.min(r.to, t1) }));
}
