import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQuantity, formatMilliQuantity, formatMilliQuantityBig, parseQuantity, quantityToFloat, quantityToMilli } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['100m', 100],
    ['1', 1000],
    ['1.5', 1500],
    ['.5', 500],
    ['2k', 2_000_000],
    ['1Ki', 1_024_000],
    ['512Mi', 512 * 1024 * 1024 * 1000],
    ['1e3', 1_000_000],
    ['-250m', -250],
    [20, 20_000],
  ])('%s → %d milli', (text, milli) => {
    expect(quantityToMilli(text)).toBe(milli);
  });

  it('rounds sub-milli values up like MilliValue()', () => {
    expect(quantityToMilli('1u')).toBe(1);
    expect(quantityToMilli('1500u')).toBe(2);
  });

  it('keeps the exact value for tolerances', () => {
    expect(quantityToFloat('0.0005')).toBeCloseTo(0.0005, 12);
    expect(quantityToFloat('50m')).toBeCloseTo(0.05, 12);
  });

  it('rejects garbage', () => {
    expect(() => parseQuantity('ten')).toThrow(/quantities must match/);
    expect(() => parseQuantity('1.2.3')).toThrow();
  });
});

describe('formatMilliQuantity / canonicalQuantity', () => {
  it.each([
    [0, '0'],
    [1, '1m'],
    [1000, '1'],
    [1500, '1500m'],
    [2867, '2867m'],
    [20_000, '20'],
    [2_000_000, '2k'],
    [1_500_000, '1500'],
  ])('%d milli → %s', (milli, text) => {
    expect(formatMilliQuantity(milli)).toBe(text);
  });

  it('prints every safe integer as the BigInt reference does, signs, suffixes and fractions included', () => {
    const mantissa = fc.integer({ min: -9_999_999, max: 9_999_999 });
    const power = fc.integer({ min: 0, max: 9 });
    const milli = fc.oneof(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      // Whole multiples of powers of ten reach every suffix (k, M, G, …) up to 2^53.
      fc.tuple(mantissa, power).map(([m, p]) => m * 10 ** p),
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
    );
    fc.assert(fc.property(milli, (v) => formatMilliQuantity(v) === formatMilliQuantityBig(v)), { numRuns: 5000 });
  });

  it('re-prints manifest values the way the API server stores them', () => {
    expect(canonicalQuantity('0.5')).toBe('500m');
    expect(canonicalQuantity('1000m')).toBe('1');
    expect(canonicalQuantity('1024Mi')).toBe('1Gi');
    expect(canonicalQuantity('1536Mi')).toBe('1536Mi');
    expect(canonicalQuantity('100')).toBe('100');
  });
});
