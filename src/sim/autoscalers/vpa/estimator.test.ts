import { describe, expect, it } from 'vitest';
import {
  applyConfidence,
  atLeast,
  estimateFromPercentiles,
  historyConfidence,
  podMinimumPerContainer,
  resourceAmountFromFloat,
  withMargin,
} from './estimator';

describe('confidence multiplier', () => {
  const history = { firstSampleSeconds: 0, lastSampleSeconds: 960, totalSamplesCount: 9 };
  it('uses min(lifespan, samples) in days (vpa-confidence-24h)', () => {
    const conf = historyConfidence(history);
    expect(conf).toBeCloseTo(0.00625, 12);
    expect(applyConfidence(3140, conf, 0.1, 2)).toBe(907460);
    expect(applyConfidence(3140000000, conf, 0.1, 2)).toBe(907460000000);
  });
  it('scales with a custom interval and truncates (vpa-confidence-custom-interval)', () => {
    const conf = historyConfidence(history, 1080);
    expect(conf).toBe(0.5);
    expect(applyConfidence(3140, conf, 0.1, 2)).toBe(4521);
    expect(applyConfidence(3140000000, conf, 0.1, 2)).toBe(4521600000);
  });
  it('gives an unbounded upper and a zero lower bound with no history', () => {
    const conf = historyConfidence({ firstSampleSeconds: null, lastSampleSeconds: null, totalSamplesCount: 0 });
    expect(conf).toBe(0);
    expect(applyConfidence(3140, conf, 1, 1)).toBe(1e14);
    expect(applyConfidence(3140, conf, 1, -1)).toBe(0);
  });
});

describe('margin, minimums and truncation', () => {
  it('adds a truncated margin', () => {
    expect(withMargin(3140, 0.1)).toBe(3454);
    expect(withMargin(400, 0.15)).toBe(460);
    expect(withMargin(511, 0.15)).toBe(587);
  });
  it('splits the pod minimum across containers', () => {
    expect(podMinimumPerContainer(1)).toEqual({ cpu: 25, memory: 262144000 });
    expect(podMinimumPerContainer(2)).toEqual({ cpu: 12, memory: 131072000 });
    expect(podMinimumPerContainer(0)).toEqual({ cpu: 25, memory: 262144000 });
  });
  it('raises to the minimum but never lowers', () => {
    expect(atLeast({ cpu: 3140, memory: 4e8 }, { cpu: 200, memory: 2e7 })).toEqual({ cpu: 3140, memory: 4e8 });
    expect(atLeast({ cpu: 1, memory: 1e6 }, { cpu: 25, memory: 262144000 })).toEqual({ cpu: 25, memory: 262144000 });
  });
  it('clamps amounts to [0, 1e14]', () => {
    expect(resourceAmountFromFloat(-5)).toBe(0);
    expect(resourceAmountFromFloat(Number.POSITIVE_INFINITY)).toBe(1e14);
    expect(resourceAmountFromFloat(Number.NaN)).toBe(0);
    expect(resourceAmountFromFloat(12.9)).toBe(12);
  });
});

describe('default chain (vpa-default-pipeline)', () => {
  it('computes target, lower and upper from p90/p50/p95 with one day of history', () => {
    const steps = estimateFromPercentiles(
      { target: { cpu: 400, memory: 0 }, lower: { cpu: 200, memory: 0 }, upper: { cpu: 500, memory: 0 } },
      1.0,
      1,
    );
    expect(steps.final.target.cpu).toBe(460);
    expect(steps.final.lowerBound.cpu).toBe(229);
    expect(steps.final.upperBound.cpu).toBe(1150);
    // Memory had no data, so the pod minimum applies.
    expect(steps.final.target.memory).toBe(262144000);
  });
  it('lets the upper bound shrink as history grows', () => {
    const p = { target: { cpu: 400, memory: 0 }, lower: { cpu: 200, memory: 0 }, upper: { cpu: 500, memory: 0 } };
    const halfDay = estimateFromPercentiles(p, 0.5, 1).final.upperBound.cpu;
    const week = estimateFromPercentiles(p, 7, 1).final.upperBound.cpu;
    expect(halfDay).toBe(1725);
    expect(week).toBe(657);
  });
});
