/**
 * Okabe–Ito: eight colours that stay distinct under the common colour-vision deficiencies.
 * Series also differ by dash (desired vs current, bounds), so colour is never the only cue.
 */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

export const DASH = {
  solid: [] as number[],
  desired: [6, 3],
  bound: [2, 3],
  target: [8, 4, 2, 4],
};
