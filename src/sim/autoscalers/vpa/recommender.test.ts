import { describe, expect, it } from 'vitest';
import { addCpuSample, addMemoryPeak, emptyAggregateState, oomBumpBytes, recordOom } from './aggregateState';
import { MEMORY_HISTOGRAM_OPTIONS, percentile } from './histogram';
import { capToPolicy, mergeConditions, recommend } from './recommender';
import type { VerticalPodAutoscalerSpec } from './types';
import { en } from '../../../testing/messages';

const MiB = 1024 * 1024;
const spec: VerticalPodAutoscalerSpec = {
  targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hamster' },
  updatePolicy: { updateMode: 'Auto' },
};

/** A hamster-like container: ~500m CPU, 50Mi memory, one sample a minute. */
function hamsterHistory(minutes: number, requestMillis = 100) {
  let s = emptyAggregateState();
  for (let m = 0; m < minutes; m++) {
    const usage = m % 2 === 0 ? 480 : 520;
    s = addCpuSample(s, { usageMillis: usage, requestMillis, atSeconds: m * 60 });
    s = addMemoryPeak(s, { usageBytes: 50 * MiB, atSeconds: m * 60 });
  }
  return s;
}

describe('aggregate state', () => {
  it('records the OOM bump max(used + 100MiB, used × 1.2) (vpa-oom-bump)', () => {
    expect(oomBumpBytes(1073741824, 943718400)).toBe(1288490188);
    expect(oomBumpBytes(100 * MiB, 50 * MiB)).toBe(200 * MiB);
  });

  it('keeps one memory peak per 24h window', () => {
    let s = emptyAggregateState();
    s = addMemoryPeak(s, { usageBytes: 100 * MiB, atSeconds: 0 });
    s = addMemoryPeak(s, { usageBytes: 300 * MiB, atSeconds: 600 });
    s = addMemoryPeak(s, { usageBytes: 200 * MiB, atSeconds: 1200 });
    // Only the 300Mi peak counts in this window.
    expect(s.memoryPeakBytes).toBe(300 * MiB);
    expect(s.memoryPeaks.totalWeight).toBeCloseTo(2, 9); // stamped at window end (t=86400): weight 2^1
    const p = percentile(MEMORY_HISTOGRAM_OPTIONS, s.memoryPeaks, 0.01);
    expect(p).toBeGreaterThan(300 * MiB);
    expect(p).toBeLessThan(300 * MiB * 1.06);
    // The next window starts a fresh peak.
    s = addMemoryPeak(s, { usageBytes: 10 * MiB, atSeconds: 86400 + 5 });
    expect(s.memoryWindowEndSeconds).toBe(2 * 86400);
    expect(s.memoryPeakBytes).toBe(10 * MiB);
  });

  it('drops out-of-order memory samples', () => {
    let s = addMemoryPeak(emptyAggregateState(), { usageBytes: 10 * MiB, atSeconds: 100 });
    s = addMemoryPeak(s, { usageBytes: 900 * MiB, atSeconds: 50 });
    expect(s.memoryPeakBytes).toBe(10 * MiB);
  });

  it('adds an OOM sample above the request', () => {
    let s = addMemoryPeak(emptyAggregateState(), { usageBytes: 60 * MiB, atSeconds: 0 });
    s = recordOom(s, { atSeconds: 30, memoryRequestBytes: 50 * MiB });
    expect(s.oomPeakBytes).toBe(160 * MiB);
  });

  it('weights CPU samples by request (min 0.1 core)', () => {
    const a = addCpuSample(emptyAggregateState(), { usageMillis: 100, requestMillis: 50, atSeconds: 0 });
    const b = addCpuSample(emptyAggregateState(), { usageMillis: 100, requestMillis: 2000, atSeconds: 0 });
    expect(a.cpuUsage.totalWeight).toBeCloseTo(0.1, 12);
    expect(b.cpuUsage.totalWeight).toBeCloseTo(2, 12);
    expect(a.totalSamplesCount).toBe(1);
  });
});

describe('recommend', () => {
  it('settles the hamster target near usage × 1.15 and explains it', () => {
    const r = recommend({ hamster: hamsterHistory(60) }, spec, 3600);
    const rec = r.recommendation.containerRecommendations[0];
    expect(rec.containerName).toBe('hamster');
    expect(rec.target.cpu).toBeGreaterThan(520 * 1.15 * 0.95);
    expect(rec.target.cpu).toBeLessThan(520 * 1.15 * 1.06);
    expect(rec.target.memory).toBe(262144000); // 50Mi is below the 250Mi pod minimum
    expect(rec.lowerBound.cpu!).toBeLessThanOrEqual(rec.target.cpu!);
    expect(rec.upperBound.cpu!).toBeGreaterThan(rec.target.cpu! * 10); // one hour of history: wide upper bound
    expect(en(r.details[0].explanation[0])).toMatch(/^target cpu \d+m = p90 \d+m × 1\.15$/);
    expect(r.conditions[0]).toMatchObject({ type: 'RecommendationProvided', status: 'True' });
  });

  it('applies min/maxAllowed, controlledResources and mode Off', () => {
    const states = { hamster: hamsterHistory(60), sidecar: hamsterHistory(60) };
    const capped = recommend(states, {
      ...spec,
      resourcePolicy: {
        containerPolicies: [
          { containerName: '*', maxAllowed: { cpu: 300 }, controlledResources: ['cpu'] },
          { containerName: 'sidecar', mode: 'Off' },
        ],
      },
    }, 3600);
    expect(capped.recommendation.containerRecommendations).toHaveLength(1);
    const rec = capped.recommendation.containerRecommendations[0];
    expect(rec.target).toEqual({ cpu: 300 });
    expect(rec.uncappedTarget.cpu).toBeGreaterThan(300);
    expect(rec.target.memory).toBeUndefined();
    expect(en(capped.details[0].explanation[0])).toContain('capped by policy to 300m');
  });

  it('splits the pod minimum across all containers', () => {
    let idle = emptyAggregateState();
    idle = addCpuSample(idle, { usageMillis: 1, requestMillis: 10, atSeconds: 0 });
    const r = recommend({ a: idle, b: idle }, spec, 60);
    expect(r.recommendation.containerRecommendations.map((c) => c.target.cpu)).toEqual([12, 12]);
  });

  it('provides nothing without samples', () => {
    const r = recommend({ hamster: emptyAggregateState() }, spec, 0);
    expect(r.recommendation.containerRecommendations).toEqual([]);
    expect(r.conditions[0].status).toBe('False');
    expect(recommend({}, spec, 0).conditions.map((c) => c.type)).toContain('NoPodsMatched');
  });

  it('caps to policy only where values exist', () => {
    expect(capToPolicy({ cpu: 10, memory: 5 }, { containerName: '*', minAllowed: { cpu: 100 } })).toEqual({ cpu: 100, memory: 5 });
  });

  it('keeps a condition transition time while its status holds', () => {
    const a = [{ type: 'RecommendationProvided' as const, status: 'True' as const, lastTransitionTime: 60 }];
    const b = [{ type: 'RecommendationProvided' as const, status: 'True' as const, lastTransitionTime: 120 }];
    expect(mergeConditions(a, b)[0].lastTransitionTime).toBe(60);
  });
});
