import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addSample,
  bucketStart,
  CPU_HISTOGRAM_OPTIONS,
  emptyHistogram,
  findBucket,
  isHistogramEmpty,
  MEMORY_HISTOGRAM_OPTIONS,
  percentile,
  subtractSample,
} from './histogram';

const DAY = 86400;

describe('exponential buckets', () => {
  it('has the upstream bucket count and boundaries', () => {
    expect(CPU_HISTOGRAM_OPTIONS.numBuckets).toBe(176);
    expect(MEMORY_HISTOGRAM_OPTIONS.numBuckets).toBe(176);
    expect(bucketStart(CPU_HISTOGRAM_OPTIONS, 0)).toBe(0);
    expect(bucketStart(CPU_HISTOGRAM_OPTIONS, 1)).toBeCloseTo(0.01, 12);
    expect(bucketStart(CPU_HISTOGRAM_OPTIONS, 2)).toBeCloseTo(0.01 + 0.0105, 12);
  });

  it('finds the bucket whose range holds a value, clamping at both ends', () => {
    expect(findBucket(CPU_HISTOGRAM_OPTIONS, 0.005)).toBe(0);
    expect(findBucket(CPU_HISTOGRAM_OPTIONS, 1e9)).toBe(175);
    const b = findBucket(CPU_HISTOGRAM_OPTIONS, 1.0);
    expect(bucketStart(CPU_HISTOGRAM_OPTIONS, b)).toBeLessThanOrEqual(1.0);
    expect(bucketStart(CPU_HISTOGRAM_OPTIONS, b + 1)).toBeGreaterThan(1.0);
  });
});

describe('percentile', () => {
  it('returns the end of the bucket reaching p × total (vpa-percentile-histogram)', () => {
    let cpu = emptyHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    let mem = emptyHistogram(MEMORY_HISTOGRAM_OPTIONS, DAY);
    for (const v of [1, 2, 3]) cpu = addSample(CPU_HISTOGRAM_OPTIONS, cpu, v, 1, 0);
    for (const v of [1e9, 2e9, 3e9]) mem = addSample(MEMORY_HISTOGRAM_OPTIONS, mem, v, 1, 0);
    expect(percentile(CPU_HISTOGRAM_OPTIONS, cpu, 0.2)).toBeCloseTo(1.016281, 6);
    expect(percentile(MEMORY_HISTOGRAM_OPTIONS, mem, 0.5)).toBeCloseTo(2093479957.2, 0);
  });

  it('is 0 for an empty histogram', () => {
    const h = emptyHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    expect(isHistogramEmpty(CPU_HISTOGRAM_OPTIONS, h)).toBe(true);
    expect(percentile(CPU_HISTOGRAM_OPTIONS, h, 0.9)).toBe(0);
  });

  it('is non-decreasing in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p1, p2) => {
          let h = emptyHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
          values.forEach((v, i) => (h = addSample(CPU_HISTOGRAM_OPTIONS, h, v, 1, i * 60)));
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          expect(percentile(CPU_HISTOGRAM_OPTIONS, h, lo)).toBeLessThanOrEqual(percentile(CPU_HISTOGRAM_OPTIONS, h, hi));
        },
      ),
    );
  });
});

describe('decay', () => {
  it('gives a sample one half-life newer twice the weight', () => {
    let h = emptyHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    h = addSample(CPU_HISTOGRAM_OPTIONS, h, 1, 1, 0);
    h = addSample(CPU_HISTOGRAM_OPTIONS, h, 2, 1, DAY);
    const b1 = findBucket(CPU_HISTOGRAM_OPTIONS, 1);
    const b2 = findBucket(CPU_HISTOGRAM_OPTIONS, 2);
    expect(h.bucketWeights[b2] / h.bucketWeights[b1]).toBeCloseTo(2, 12);
    // With 2/3 of the weight on the newer sample, the median sits in its bucket.
    expect(percentile(CPU_HISTOGRAM_OPTIONS, h, 0.5)).toBe(bucketStart(CPU_HISTOGRAM_OPTIONS, b2 + 1));
  });

  it('re-bases the reference time far in the future without overflow or changing ratios', () => {
    let h = emptyHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    h = addSample(CPU_HISTOGRAM_OPTIONS, h, 1, 1, 0);
    const late = 150 * DAY;
    h = addSample(CPU_HISTOGRAM_OPTIONS, h, 2, 1, late);
    expect(h.referenceSeconds).toBe(late);
    expect(Number.isFinite(h.totalWeight)).toBe(true);
    // The old sample decayed by 2^-150: below epsilon, so only the new one counts.
    expect(percentile(CPU_HISTOGRAM_OPTIONS, h, 0.01)).toBe(
      bucketStart(CPU_HISTOGRAM_OPTIONS, findBucket(CPU_HISTOGRAM_OPTIONS, 2) + 1),
    );
  });

  it('subtracts a sample back out and never goes negative', () => {
    let h = emptyHistogram(MEMORY_HISTOGRAM_OPTIONS, DAY);
    h = addSample(MEMORY_HISTOGRAM_OPTIONS, h, 5e8, 1, 100);
    h = subtractSample(MEMORY_HISTOGRAM_OPTIONS, h, 5e8, 2, 100);
    expect(isHistogramEmpty(MEMORY_HISTOGRAM_OPTIONS, h)).toBe(true);
    expect(h.totalWeight).toBeGreaterThanOrEqual(0);
  });

  it('does not mutate its input (world state stays immutable)', () => {
    const h = emptyHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    addSample(CPU_HISTOGRAM_OPTIONS, h, 1, 1, 0);
    expect(h.totalWeight).toBe(0);
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
  });
});
