import { describe, expect, it } from 'vitest';
import { emptyHistory, RETENTION_MS, SCRAPE_INTERVAL_MS, recordPromHistory, withHistory } from './promHistory';
import { evaluatePromQl, type PromSeries } from './promql';

/**
 * Range functions over kept samples, as prometheus/prometheus promql/functions.go defines them:
 * rate = per-second increase between the first and last samples in (now − range, now] (with regular
 * scrapes the extrapolation to the range edges gives the same rate), increase = rate × range,
 * irate = the last two samples, avg_over_time = mean of the samples in range; fewer than two
 * samples give rate no result.
 */
function run(untilSeconds: number) {
  const h = emptyHistory();
  let series: PromSeries = {};
  for (let t = 1; t <= untilSeconds; t++) {
    // A counter at 0/s until 120 s, then 40/s; a gauge at 1 until 120 s, then 5.
    series = { c: [{ labels: {}, value: t > 120 ? 40 : 0, counter: true }], g: [{ labels: {}, value: t > 120 ? 5 : 1 }] };
    recordPromHistory(h, series, t * 1000, 1000);
  }
  const q = (query: string) => {
    const r = evaluatePromQl(query, withHistory(series, h, untilSeconds * 1000));
    return r.ok ? r.value : r.error;
  };
  return { h, q };
}

describe('PromQL range functions honour their window', () => {
  const { q } = run(180);

  it('rate and increase over 1m and 5m differ after a step', () => {
    expect(q('rate(c[1m])')).toBeCloseTo(40, 9);
    // The first scrape is at 1 s (the first second), then every 15 s: samples 1 s … 180 s, 0 → 2400.
    expect(q('rate(c[5m])')).toBeCloseTo(2400 / 179, 9);
    expect(q('increase(c[5m])')).toBeCloseTo((2400 / 179) * 300, 6);
    expect(q('irate(c[5m])')).toBeCloseTo(40, 9);
  });

  it('avg_over_time averages the gauge samples in range', () => {
    expect(q('avg_over_time(g[1m])')).toBe(5);
    expect(q('avg_over_time(g[3m])')).toBeCloseTo((9 * 1 + 4 * 5) / 13, 9); // samples at 1, 15, …, 120 s (1) and 135 … 180 s (5)
  });

  it('a window holding one sample gives rate no result (KEDA: no data)', () => {
    expect(q('rate(c[10s])')).toBeUndefined();
  });

  it('keeps at most RETENTION / SCRAPE_INTERVAL samples per series', () => {
    const { h } = run(2 * 3600);
    for (const s of Object.values(h.samples)) expect(s.t.length).toBeLessThanOrEqual(RETENTION_MS / SCRAPE_INTERVAL_MS);
  });
});
