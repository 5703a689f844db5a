import { describe, expect, it } from 'vitest';
import {
  canEvictAnother,
  inPlaceOrEvict,
  maxEvictionsThisLoop,
  podUpdatePriority,
  sortByUpdatePriority,
  updateQueue,
  updateVerdict,
} from './updater';

describe('podUpdatePriority (priority_processor_test cases)', () => {
  const one = (req: number, target: number, lower?: number, upper?: number) =>
    podUpdatePriority([
      {
        requests: { cpu: req },
        recommendation: {
          target: { cpu: target },
          ...(lower !== undefined ? { lowerBound: { cpu: lower } } : {}),
          ...(upper !== undefined ? { upperBound: { cpu: upper } } : {}),
        },
      },
    ]);
  it('scale up / down / no diff', () => {
    expect(one(2000, 10000)).toEqual({ resourceDiff: 4, scaleUp: true, outsideRecommendedRange: false });
    expect(one(4000, 2000)).toEqual({ resourceDiff: 0.5, scaleUp: false, outsideRecommendedRange: false });
    expect(one(2000, 2000)).toEqual({ resourceDiff: 0, scaleUp: false, outsideRecommendedRange: false });
  });
  it('outside the recommended range', () => {
    expect(one(4000, 10000, 6000, 14000)).toEqual({ resourceDiff: 1.5, scaleUp: true, outsideRecommendedRange: true });
    expect(one(8000, 2000, 1000, 3000)).toEqual({ resourceDiff: 0.75, scaleUp: false, outsideRecommendedRange: true });
  });
  it('sums per resource across containers', () => {
    expect(
      podUpdatePriority([
        { requests: { cpu: 3000, memory: 10e9 }, recommendation: { target: { cpu: 6000, memory: 20e9 } } },
      ]).resourceDiff,
    ).toBe(2);
    expect(
      podUpdatePriority([
        { requests: { cpu: 3000 }, recommendation: { target: { cpu: 1000 } } },
        { requests: { cpu: 7000 }, recommendation: { target: { cpu: 2000 } } },
      ]).resourceDiff,
    ).toBeCloseTo(0.7, 12);
  });
  it('treats a missing request as scale-up and out of range', () => {
    expect(podUpdatePriority([{ requests: {}, recommendation: { target: { cpu: 100 } } }])).toEqual({
      resourceDiff: 99,
      scaleUp: true,
      outsideRecommendedRange: true,
    });
  });
  it('ignores containers without a recommendation', () => {
    expect(podUpdatePriority([{ requests: { cpu: 100 } }]).resourceDiff).toBe(0);
  });
});

describe('update queue', () => {
  const pods = [
    { name: 'POD1', priority: { outsideRecommendedRange: false, scaleUp: true, resourceDiff: 0.25 } },
    { name: 'POD2', priority: { outsideRecommendedRange: false, scaleUp: true, resourceDiff: 4.0 } },
    { name: 'POD3', priority: { outsideRecommendedRange: true, scaleUp: false, resourceDiff: 0.25 } },
  ];
  const cfg = { minChangePriority: 0.5, podLifetimeUpdateThresholdSeconds: 12 * 3600, evictAfterOomThresholdSeconds: 600 };
  it('updates long-lived pods far from target, and any pod outside range', () => {
    const q = updateQueue(pods.map((p) => ({ ...p, ageSeconds: 13 * 3600 })), cfg);
    expect(q.map((p) => p.name)).toEqual(['POD2', 'POD3']);
  });
  it('only updates short-lived pods outside the range', () => {
    const q = updateQueue(pods.map((p) => ({ ...p, ageSeconds: 11 * 3600 })), cfg);
    expect(q.map((p) => p.name)).toEqual(['POD3']);
  });
  it('admits a quick OOM only when resources would change', () => {
    const base = { name: 'p', ageSeconds: 60, lastOomRunSeconds: 120 };
    expect(updateVerdict({ ...base, priority: { outsideRecommendedRange: false, scaleUp: true, resourceDiff: 0.2 } })).toEqual({
      admitted: true,
      reason: 'quickOOM',
    });
    expect(updateVerdict({ ...base, priority: { outsideRecommendedRange: false, scaleUp: false, resourceDiff: 0 } }).admitted).toBe(false);
    expect(
      updateVerdict({ ...base, lastOomRunSeconds: 601, priority: { outsideRecommendedRange: false, scaleUp: true, resourceDiff: 0.2 } }),
    ).toEqual({ admitted: false, reason: 'shortLivedWithinRange' });
  });
  it('skips pods without a start time unless outside range', () => {
    expect(updateVerdict({ name: 'p', ageSeconds: null, priority: { outsideRecommendedRange: false, scaleUp: true, resourceDiff: 5 } }).admitted).toBe(false);
  });
  it('sorts scale-up first, then larger diff', () => {
    const sorted = sortByUpdatePriority([
      { name: 'POD1', priority: { scaleUp: true, resourceDiff: 0.25 } },
      { name: 'POD2', priority: { scaleUp: false, resourceDiff: 0.25 } },
      { name: 'POD3', priority: { scaleUp: false, resourceDiff: 0.5 } },
    ]);
    expect(sorted.map((p) => p.name)).toEqual(['POD1', 'POD3', 'POD2']);
  });
});

describe('eviction budget', () => {
  it('lets half of a 10-replica group go per loop', () => {
    expect(maxEvictionsThisLoop({ configured: 10, livePods: 10, running: 10 })).toBe(5);
  });
  it('never evicts a group below --min-replicas', () => {
    expect(maxEvictionsThisLoop({ configured: 1, livePods: 1, running: 1 })).toBe(0);
  });
  it('lets exactly one of two hamster replicas go (tolerance 1)', () => {
    expect(maxEvictionsThisLoop({ configured: 2, livePods: 2, running: 2 })).toBe(1);
    expect(canEvictAnother({ configured: 2, livePods: 2, running: 2 }, 1)).toBe(false);
  });
  it('allows one eviction when tolerance truncates to 0 and all pods run', () => {
    expect(maxEvictionsThisLoop({ configured: 3, livePods: 3, running: 3 }, { minReplicas: 2, evictionToleranceFraction: 0.1 })).toBe(1);
    expect(maxEvictionsThisLoop({ configured: 3, livePods: 3, running: 2 }, { minReplicas: 2, evictionToleranceFraction: 0.1 })).toBe(0);
  });
});

describe('in-place or evict', () => {
  it('resizes when the node has room, counting what the pod holds', () => {
    expect(
      inPlaceOrEvict({
        nodeFree: { cpuMillis: 400, memoryBytes: 1e9 },
        currentPodRequests: { cpuMillis: 100, memoryBytes: 5e7 },
        newPodRequests: { cpuMillis: 500, memoryBytes: 2.6e8 },
      }),
    ).toEqual({ action: 'resizeInPlace' });
  });
  it('evicts when it does not fit', () => {
    const d = inPlaceOrEvict({
      nodeFree: { cpuMillis: 100, memoryBytes: 1e9 },
      currentPodRequests: { cpuMillis: 100, memoryBytes: 5e7 },
      newPodRequests: { cpuMillis: 500, memoryBytes: 2.6e8 },
    });
    expect(d.action).toBe('evict');
  });
});
