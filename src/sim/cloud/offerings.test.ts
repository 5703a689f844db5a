import { describe, expect, it } from 'vitest';
import { findInstanceType, type InstanceType } from './catalog';
import {
  isOfferingUnavailable,
  markOfferingUnavailable,
  offeringsFor,
  pruneUnavailableOfferings,
  UNAVAILABLE_OFFERING_TTL_SECONDS,
  zonesForRegion,
} from './offerings';
import { SPOT_FRACTION_MAX, SPOT_FRACTION_MIN, spotFraction, spotPrice } from './spotPrices';

const m5large = findInstanceType('m5.large') as InstanceType;

describe('spot price model', () => {
  it('stays within 25–45 % of on-demand for many families and zones', () => {
    for (const fam of ['m5', 'c5', 'r6i', 'c6i', 't3']) {
      for (const zone of zonesForRegion('us-east-1')) {
        const f = spotFraction(7, 'us-east-1', fam, zone);
        expect(f).toBeGreaterThanOrEqual(SPOT_FRACTION_MIN);
        expect(f).toBeLessThan(SPOT_FRACTION_MAX);
      }
    }
  });
  it('is stable for a seed and changes with the seed', () => {
    expect(spotPrice(m5large, 'ap-northeast-2', 'ap-northeast-2a', 1)).toBe(spotPrice(m5large, 'ap-northeast-2', 'ap-northeast-2a', 1));
    const prices = [1, 2, 3, 4].map((s) => spotPrice(m5large, 'ap-northeast-2', 'ap-northeast-2a', s));
    expect(new Set(prices).size).toBeGreaterThan(1);
  });
});

describe('offerings', () => {
  it('offers every zone × capacity type of the region', () => {
    const offers = offeringsFor(m5large, { region: 'ap-northeast-2', seed: 1 });
    expect(offers).toHaveLength(8);
    expect(offers.filter((o) => o.capacityType === 'on-demand').every((o) => o.price === 0.118)).toBe(true);
    expect(offers.filter((o) => o.capacityType === 'spot').every((o) => o.price < 0.118 * 0.46)).toBe(true);
    expect(zonesForRegion('us-east-1')).toHaveLength(6);
  });
  it('offers nothing for a type not priced (not sold) in a catalog region', () => {
    const m7i = findInstanceType('m7i.large') as InstanceType;
    expect(offeringsFor(m7i, { region: 'ap-northeast-2', seed: 1 })).toEqual([]);
    expect(offeringsFor(m7i, { region: 'us-east-1', seed: 1 }).length).toBeGreaterThan(0);
  });
  it('keeps an interrupted offering unavailable for 3 minutes', () => {
    const key = { instanceType: 'm5.large', zone: 'ap-northeast-2a', capacityType: 'spot' as const };
    const cache = markOfferingUnavailable([], key, 100);
    expect(isOfferingUnavailable(cache, key, 100 + UNAVAILABLE_OFFERING_TTL_SECONDS - 1)).toBe(true);
    expect(isOfferingUnavailable(cache, key, 100 + UNAVAILABLE_OFFERING_TTL_SECONDS)).toBe(false);
    expect(isOfferingUnavailable(cache, { ...key, zone: 'ap-northeast-2b' }, 101)).toBe(false);
    const offers = offeringsFor(m5large, { region: 'ap-northeast-2', seed: 1, unavailable: cache, nowSeconds: 150 });
    expect(offers.filter((o) => !o.available)).toEqual([expect.objectContaining({ zone: 'ap-northeast-2a', capacityType: 'spot' })]);
    expect(pruneUnavailableOfferings(cache, 1000)).toEqual([]);
    expect(markOfferingUnavailable(cache, key, 200)).toHaveLength(1);
  });
});
