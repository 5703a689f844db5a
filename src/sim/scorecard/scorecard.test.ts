import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loadScenario';
import { createWorld } from '../bootstrap';
import { runTrace } from '../trace/runTrace';
import type { Trace, TraceSample } from '../trace/trace';
import { emptySample } from '../testing/fixtures';
import { capacityEpisodes, compareScorecards, comparisonCsv, computeScorecard, formatComparison, scorecardFigure, type FigureId, type Scorecard } from './index';

function runExample(name: string): Trace {
  const text = readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8');
  const loaded = loadScenario(text, `examples/${name}.yaml`);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return runTrace(createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), loaded.spec.durationMs);
}

const fig = (card: Scorecard, id: FigureId) => {
  const f = scorecardFigure(card, id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

describe('scorecard of examples/ca-nginx-scaleout.yaml (3 × t3.medium, scaled to 15 at 1m, deleted at 5m)', () => {
  const trace = runExample('ca-nginx-scaleout');
  const card = computeScorecard(trace);

  it('counts pending pod-seconds from the 15 s samples: 6 pods for 60 s, then 3 for 15 s', () => {
    // Samples at 60, 75, 90 and 105 s show 6 Pending pods (the CA's two nodes are still booting), 120 s shows 3.
    expect(trace.samples.filter((s) => s.pods.pending > 0).map((s) => [s.t, s.pods.pending])).toEqual([[60, 6], [75, 6], [90, 6], [105, 6], [120, 3]]);
    expect(fig(card, 'pendingPodSeconds')).toMatchObject({ value: 4 * 6 * 15 + 3 * 15, atSeconds: 60 });
  });

  it('measures the scale command at 1m to all 15 replicas Ready at 2m30s', () => {
    expect(card.episodes).toEqual([{ stepSeconds: 60, reachedSeconds: 150, seconds: 90, reached: true }]);
    expect(fig(card, 'timeToCapacity')).toMatchObject({ value: 90, atSeconds: 60 });
  });

  it('bills 3 × $0.052/h, 5 from 1m15s to 15m15s, 4 for one sample, then 3 again', () => {
    // t3.medium in ap-northeast-2 is $0.052/h on demand. Seconds at each hourly rate from the samples:
    // 0.156 for 0..75 s, 0.26 for 75..930 s, 0.208 for 930..945 s, 0.156 for 945..1800 s.
    const expected = (0.156 * 75 + 0.26 * 855 + 0.208 * 15 + 0.156 * 855) / 3600;
    expect(fig(card, 'totalCost').value).toBeCloseTo(expected, 4);
    expect(fig(card, 'peakCostPerHour')).toMatchObject({ value: 0.26, atSeconds: 75 });
  });

  it('counts the two nodes the CA added and removed (launch seen at 1m15s, removal at 15m30s) and no evictions', () => {
    expect(fig(card, 'nodesLaunched')).toMatchObject({ value: 2, atSeconds: 75 });
    expect(fig(card, 'nodesTerminated')).toMatchObject({ value: 2, atSeconds: 930 });
    expect(fig(card, 'evictions')).toMatchObject({ value: 0, atSeconds: null });
  });

  it('has no load figures (the example has no load generator) and says why', () => {
    for (const id of ['offeredRequests', 'servedPercent', 'timeAboveSlo'] as const) expect(fig(card, id)).toMatchObject({ value: null, note: 'noLoad' });
  });

  it('averages requested/allocatable CPU over time, weighting each sample by 15 s', () => {
    const w = trace.samples.slice(0, -1);
    const mean = w.reduce((acc, s) => acc + s.nodes.requested!.cpuMillis / s.nodes.allocatable!.cpuMillis, 0) / w.length;
    expect(fig(card, 'cpuRequestedPercent').value).toBeCloseTo(100 * mean, 1);
    // 15 nginx pods at 500m on 5 nodes: 8425m of 9650m, the busiest moment; the average is far lower.
    expect(trace.samples.find((s) => s.t === 150)!.nodes.requested!.cpuMillis).toBe(8425);
    expect(fig(card, 'cpuRequestedPercent').value!).toBeLessThan(30);
  });
});

describe('scorecard of examples/vpa-hamster.yaml', () => {
  it('counts the VPA updater evictions and points at the first one', () => {
    const trace = runExample('vpa-hamster');
    const card = computeScorecard(trace);
    const evictedEvents = trace.events.filter((e) => e.reason === 'EvictedByVPA');
    expect(evictedEvents.length).toBeGreaterThan(0);
    const f = fig(card, 'evictions');
    expect(f.value).toBe(evictedEvents.length);
    // The first eviction shows in the first sample at or after its event.
    expect(f.atSeconds).toBe(Math.ceil(evictedEvents[0].t / 15) * 15);
  });
});

/** A hand-made trace: load in rps and p95 per sample, 10 s apart. */
function loadTrace(rows: [offered: number, served: number, dropped: number, p95: number, desired: number, ready: number][]): { scenario: string; seed: number; samples: TraceSample[] } {
  return {
    scenario: 'hand',
    seed: 1,
    samples: rows.map(([offered, served, dropped, p95, desired, ready], i) => ({
      ...emptySample(i * 10),
      workloads: { web: { desired, replicas: desired, ready, pending: desired - ready, cpuRequestMillis: 0, cpuUsageMillis: 0, cpuUtilization: 0 } },
      load: { web: { offeredRps: offered, servedRps: served, droppedRps: dropped, p95LatencyMs: p95 } },
      costPerHour: 0.36,
    })),
  };
}

describe('scorecard definitions on a hand-made trace', () => {
  const trace = loadTrace([
    [10, 10, 0, 100, 2, 2], // t=0
    [50, 30, 20, 900, 2, 2], // t=10: load step; drops, p95 over the SLO
    [50, 40, 10, 700, 4, 2], // t=20: the HPA asks for 4
    [50, 50, 0, 300, 4, 4], // t=30: enough again
    [50, 50, 0, 300, 4, 4], // t=40: the last sample covers no time
  ]);

  it('integrates rates over the time each sample stands for', () => {
    const card = computeScorecard(trace);
    expect(fig(card, 'offeredRequests').value).toBe(10 * 10 + 50 * 30);
    expect(fig(card, 'servedRequests').value).toBe(100 + 300 + 400 + 500);
    expect(fig(card, 'droppedRequests')).toMatchObject({ value: 300, atSeconds: 10 });
    expect(fig(card, 'servedPercent')).toMatchObject({ value: 81.25, atSeconds: 10 });
    expect(fig(card, 'totalCost').value).toBeCloseTo((0.36 * 40) / 3600, 6);
  });

  it('counts time above the SLO with the threshold the user sets', () => {
    expect(fig(computeScorecard(trace), 'timeAboveSlo')).toMatchObject({ value: 20, atSeconds: 10 });
    expect(fig(computeScorecard(trace, { sloMs: 800 }), 'timeAboveSlo')).toMatchObject({ value: 10, atSeconds: 10 });
    expect(fig(computeScorecard(trace, { sloMs: 1000 }), 'timeAboveSlo')).toMatchObject({ value: 0, atSeconds: null });
    expect(fig(computeScorecard(trace), 'worstP95')).toMatchObject({ value: 900, atSeconds: 10 });
  });

  it('merges the HPA scale-up into the load step episode', () => {
    expect(capacityEpisodes(trace.samples, 500)).toEqual([{ stepSeconds: 10, reachedSeconds: 30, seconds: 20, reached: true }]);
  });

  it('reports an episode still open at the end as not reached, and ranks it worst', () => {
    const open = loadTrace([
      [10, 10, 0, 100, 2, 2],
      [11, 11, 0, 100, 3, 3], // a step that is met at once: 0 s
      [50, 30, 20, 900, 3, 3], // never recovers
      [50, 30, 20, 900, 3, 3],
    ]);
    const card = computeScorecard(open);
    expect(card.episodes).toEqual([
      { stepSeconds: 10, reachedSeconds: 10, seconds: 0, reached: true },
      { stepSeconds: 20, reachedSeconds: null, seconds: 10, reached: false },
    ]);
    expect(fig(card, 'timeToCapacity')).toMatchObject({ value: 10, atSeconds: 20, note: 'notReached' });
  });

  it('compares B with A figure by figure in the direction that is better', () => {
    const better = loadTrace([
      [10, 10, 0, 100, 2, 2],
      [50, 50, 0, 200, 2, 2],
      [50, 50, 0, 200, 2, 2],
    ]);
    const c = compareScorecards(computeScorecard(trace), computeScorecard({ ...better, scenario: 'b' }));
    const dropped = c.figures.find((f) => f.id === 'droppedRequests')!;
    expect(dropped).toMatchObject({ difference: -300, winner: 'b' });
    expect(c.figures.find((f) => f.id === 'offeredRequests')!.winner).toBe(null);
    expect(formatComparison(c)).toMatch(/dropped requests\s+300 @0:10\s+0\s+-300\s+B/);
    expect(comparisonCsv(c).split('\n')[3]).toBe('droppedRequests,requests,300,10,,0,,,-300,b');
  });
});
