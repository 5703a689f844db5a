/**
 * The Prometheus server's memory of the playground's series, so range functions honour their
 * window: every second each counter's cumulative value grows by its current per-second rate, and
 * every SCRAPE_INTERVAL the value of every series is stored as a sample (counters: the cumulative
 * count; gauges: the value). Samples older than RETENTION are dropped, which bounds memory
 * (RETENTION / SCRAPE_INTERVAL = 240 samples per series). Only kept while some ScaledObject has a
 * prometheus trigger. Plain data in world state: checkpoints clone it.
 */
import type { PromSeries } from './promql';

export const SCRAPE_INTERVAL_MS = 15_000;
export const RETENTION_MS = 3_600_000;

export interface PromHistory {
  lastScrapeMs: number;
  /** Cumulative counts of counter series, by series key. */
  counters: Record<string, number>;
  /** Samples by series key: times in ms and values. */
  samples: Record<string, { t: number[]; v: number[] }>;
}

export function seriesKey(name: string, labels: Readonly<Record<string, string>>): string {
  return `${name}{${Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`).join(',')}}`;
}

export function emptyHistory(): PromHistory {
  return { lastScrapeMs: Number.MIN_SAFE_INTEGER, counters: {}, samples: {} };
}

/** One engine second: integrate counters; on a scrape boundary, store a sample of every series. */
export function recordPromHistory(history: PromHistory, series: PromSeries, nowMs: number, dtMs: number): void {
  for (const name of Object.keys(series)) {
    for (const s of series[name]) {
      if (!s.counter) continue;
      const key = seriesKey(name, s.labels);
      history.counters[key] = (history.counters[key] ?? 0) + (s.value * dtMs) / 1000;
    }
  }
  // Scrapes land on multiples of the interval (Prometheus spreads targets over it; one target here).
  if (Math.floor(nowMs / SCRAPE_INTERVAL_MS) <= Math.floor(history.lastScrapeMs / SCRAPE_INTERVAL_MS)) return;
  history.lastScrapeMs = nowMs;
  for (const name of Object.keys(series)) {
    for (const s of series[name]) {
      const key = seriesKey(name, s.labels);
      const h = (history.samples[key] ??= { t: [], v: [] });
      h.t.push(nowMs);
      h.v.push(s.counter ? (history.counters[key] ?? 0) : s.value);
      let drop = 0;
      while (drop < h.t.length && h.t[drop] <= nowMs - RETENTION_MS) drop++;
      if (drop > 0) {
        h.t.splice(0, drop);
        h.v.splice(0, drop);
      }
    }
  }
}

/** Attach each series' kept samples, for the range functions (promql.ts). */
export function withHistory(series: PromSeries, history: PromHistory | undefined, nowMs: number): PromSeries {
  if (!history) return series;
  const out: PromSeries = {};
  for (const name of Object.keys(series)) {
    out[name] = series[name].map((s) => {
      const h = history.samples[seriesKey(name, s.labels)];
      return h ? { ...s, history: { t: h.t, v: h.v, nowMs } } : s;
    });
  }
  return out;
}
