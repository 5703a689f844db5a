import type { TraceSample } from '../trace/trace';
import { capacityEpisodes } from './episodes';
import { DEFAULT_SLO_MS, type Better, type Figure, type FigureId, type FigureUnit, type Scorecard, type ScorecardOptions } from './types';

/** What the scorecard reads: a trace file (docs/trace.md) or a session's chart history. */
export interface ScorecardInput {
  scenario: string;
  seed: number;
  durationSeconds?: number;
  samples: readonly TraceSample[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Each sample stands for the interval up to the next one (a left Riemann sum): the trace records the
 * state at t, and the state holds until the next sample. The last sample covers no time.
 */
export function sampleWeights(samples: readonly { t: number }[]): number[] {
  return samples.map((s, i) => (i + 1 < samples.length ? Math.max(0, samples[i + 1].t - s.t) : 0));
}

function figure(id: FigureId, unit: FigureUnit, better: Better, value: number | null, atSeconds: number | null, note?: string): Figure {
  return note === undefined ? { id, unit, better, value, atSeconds } : { id, unit, better, value, atSeconds, note };
}

/** Index of the sample maximising `f` (first one on ties), or -1 when none has f > floor. */
function argMax(samples: readonly TraceSample[], f: (s: TraceSample) => number, floor = -Infinity): number {
  let best = -1;
  let bestValue = floor;
  samples.forEach((s, i) => {
    const v = f(s);
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  });
  return best;
}

const sumLoad = (s: TraceSample, key: 'offeredRps' | 'servedRps' | 'droppedRps') =>
  Object.values(s.load).reduce((acc, l) => acc + l[key], 0);
const maxP95 = (s: TraceSample) => Object.values(s.load).reduce((acc, l) => Math.max(acc, l.p95LatencyMs), 0);

/** First sample at which a running total rose above its value at the first sample. */
function firstRise(samples: readonly TraceSample[], total: (s: TraceSample) => number | undefined): number | null {
  const base = total(samples[0]);
  if (base === undefined) return null;
  for (const s of samples) if ((total(s) ?? base) > base) return s.t;
  return null;
}

function loadFigures(samples: readonly TraceSample[], w: number[], sloMs: number): Figure[] {
  const hasLoad = samples.some((s) => Object.keys(s.load).length > 0);
  if (!hasLoad) {
    const none = (id: FigureId, unit: FigureUnit, better: Better) => figure(id, unit, better, null, null, 'noLoad');
    return [
      none('offeredRequests', 'requests', 'neither'),
      none('servedRequests', 'requests', 'higher'),
      none('droppedRequests', 'requests', 'lower'),
      none('servedPercent', 'percent', 'higher'),
      none('timeAboveSlo', 'seconds', 'lower'),
      none('worstP95', 'ms', 'lower'),
    ];
  }
  let offered = 0;
  let served = 0;
  let dropped = 0;
  let above = 0;
  let firstAbove: number | null = null;
  samples.forEach((s, i) => {
    offered += sumLoad(s, 'offeredRps') * w[i];
    served += sumLoad(s, 'servedRps') * w[i];
    dropped += sumLoad(s, 'droppedRps') * w[i];
    if (maxP95(s) > sloMs) {
      above += w[i];
      if (firstAbove === null && w[i] > 0) firstAbove = s.t;
    }
  });
  const peakOffered = argMax(samples, (s) => sumLoad(s, 'offeredRps'));
  const peakServed = argMax(samples, (s) => sumLoad(s, 'servedRps'));
  const worstDrop = argMax(samples, (s) => sumLoad(s, 'droppedRps'), 0);
  // The worst moment for the served share: the lowest served/offered among samples with load.
  const worstShare = argMax(samples, (s) => {
    const o = sumLoad(s, 'offeredRps');
    return o > 0 ? 1 - sumLoad(s, 'servedRps') / o : -1;
  }, 0);
  const worstP95 = argMax(samples, maxP95);
  const at = (i: number) => (i >= 0 ? samples[i].t : null);
  return [
    figure('offeredRequests', 'requests', 'neither', Math.round(offered), at(peakOffered)),
    figure('servedRequests', 'requests', 'higher', Math.round(served), at(peakServed)),
    figure('droppedRequests', 'requests', 'lower', Math.round(dropped), at(worstDrop)),
    figure('servedPercent', 'percent', 'higher', offered > 0 ? round((100 * served) / offered, 2) : null, at(worstShare), offered > 0 ? undefined : 'noLoad'),
    figure('timeAboveSlo', 'seconds', 'lower', above, firstAbove),
    figure('worstP95', 'ms', 'lower', round(maxP95(samples[worstP95]), 1), at(worstP95)),
  ];
}

function capacityFigures(samples: readonly TraceSample[], w: number[]): Figure[] {
  const withCapacity = samples.filter((s) => s.nodes.allocatable && s.nodes.requested);
  if (withCapacity.length === 0) {
    return [figure('cpuRequestedPercent', 'percent', 'higher', null, null, 'notInTrace'), figure('memoryRequestedPercent', 'percent', 'higher', null, null, 'notInTrace')];
  }
  // Time-weighted mean of requested/allocatable over the samples that had nodes.
  const ratio = (s: TraceSample, r: 'cpuMillis' | 'memoryMiB') => {
    const alloc = s.nodes.allocatable?.[r] ?? 0;
    return alloc > 0 ? (s.nodes.requested?.[r] ?? 0) / alloc : null;
  };
  const mean = (r: 'cpuMillis' | 'memoryMiB'): Figure => {
    const id: FigureId = r === 'cpuMillis' ? 'cpuRequestedPercent' : 'memoryRequestedPercent';
    let weighted = 0;
    let time = 0;
    let lowest = -1;
    samples.forEach((s, i) => {
      const x = ratio(s, r);
      if (x === null) return;
      weighted += x * w[i];
      time += w[i];
      if (w[i] > 0 && (lowest < 0 || x < (ratio(samples[lowest], r) ?? Infinity))) lowest = i;
    });
    if (time === 0) return figure(id, 'percent', 'higher', null, null, 'noNodes');
    return figure(id, 'percent', 'higher', round((100 * weighted) / time, 1), lowest >= 0 ? samples[lowest].t : null);
  };
  return [mean('cpuMillis'), mean('memoryMiB')];
}

function totalFigure(samples: readonly TraceSample[], id: FigureId, total: (s: TraceSample) => number | undefined): Figure {
  const first = total(samples[0]);
  const last = total(samples[samples.length - 1]);
  if (first === undefined || last === undefined) return figure(id, 'count', 'lower', null, null, 'notInTrace');
  return figure(id, 'count', id === 'nodesLaunched' ? 'neither' : 'lower', last - first, firstRise(samples, total));
}

/** The scorecard of one run (docs/scorecard.md has the definitions). */
export function computeScorecard(input: ScorecardInput, opts: ScorecardOptions = {}): Scorecard {
  const sloMs = opts.sloMs ?? DEFAULT_SLO_MS;
  const samples = input.samples;
  const durationSeconds = input.durationSeconds ?? (samples.length > 0 ? samples[samples.length - 1].t : 0);
  if (samples.length === 0) return { scenario: input.scenario, seed: input.seed, durationSeconds, sloMs, figures: [], episodes: [] };
  const w = sampleWeights(samples);

  let pendingPodSeconds = 0;
  let cost = 0;
  samples.forEach((s, i) => {
    pendingPodSeconds += s.pods.pending * w[i];
    cost += (s.costPerHour * w[i]) / 3600;
  });
  const mostPending = argMax(samples, (s) => s.pods.pending, 0);
  const peakCost = argMax(samples, (s) => s.costPerHour);

  const episodes = capacityEpisodes(samples, sloMs);
  let worst = -1;
  episodes.forEach((e, i) => {
    const worse = worst < 0 || (!e.reached && episodes[worst].reached) || (e.reached === episodes[worst].reached && e.seconds > episodes[worst].seconds);
    if (worse) worst = i;
  });
  const ttc =
    worst < 0
      ? figure('timeToCapacity', 'seconds', 'lower', null, null, 'noDemandStep')
      : figure('timeToCapacity', 'seconds', 'lower', episodes[worst].seconds, episodes[worst].stepSeconds, episodes[worst].reached ? undefined : 'notReached');

  return {
    scenario: input.scenario,
    seed: input.seed,
    durationSeconds,
    sloMs,
    figures: [
      ...loadFigures(samples, w, sloMs),
      figure('pendingPodSeconds', 'podSeconds', 'lower', Math.round(pendingPodSeconds), mostPending >= 0 ? samples[mostPending].t : null),
      ttc,
      figure('totalCost', 'usd', 'lower', round(cost, 4), samples[samples.length - 1].t),
      figure('peakCostPerHour', 'usdPerHour', 'lower', round(samples[peakCost].costPerHour, 4), samples[peakCost].t),
      ...capacityFigures(samples, w),
      totalFigure(samples, 'evictions', (s) => s.pods.evictedTotal),
      totalFigure(samples, 'nodesLaunched', (s) => s.nodes.launchedTotal),
      totalFigure(samples, 'nodesTerminated', (s) => s.nodes.terminatedTotal),
    ],
    episodes,
  };
}

export function scorecardFigure(card: Scorecard, id: FigureId): Figure | undefined {
  return card.figures.find((f) => f.id === id);
}
