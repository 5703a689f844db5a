import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hpaWithStatus, keysAre, samePlainData, scaledStatus, statusUnlessSame, statusWith } from './statusCopy';
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerStatus, MetricStatus } from './types';

/** An object with some of `keys` (and sometimes a stranger), in any order, values of any kind. */
function objectOf(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.shuffledSubarray([...keys, 'observedGeneration', 'extra']), fc.array(fc.oneof(fc.integer(), fc.constant(undefined), fc.string(), fc.object()), { minLength: 7, maxLength: 7 }))
    .map(([chosen, values]) => {
      const o: Record<string, unknown> = {};
      chosen.forEach((k, i) => (o[k] = values[i]));
      return o;
    });
}

/** Same keys in the same order, same values (the same objects, not copies). */
function expectSameAs(got: object, want: object): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const k of Object.keys(want)) expect((got as Record<string, unknown>)[k]).toBe((want as Record<string, unknown>)[k]);
}

const HPA_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const STATUS_KEYS = ['currentReplicas', 'desiredReplicas', 'currentMetrics', 'conditions', 'lastScaleTime'];
// The shapes the engine builds, so the literal paths run, beside arbitrary ones.
const engineStatus = fc.constantFrom(STATUS_KEYS.slice(0, 4), STATUS_KEYS).map((keys) => Object.fromEntries(keys.map((k, i) => [k, i])));
const engineHpa = fc.constantFrom(HPA_KEYS.slice(0, 4), HPA_KEYS).map((keys) => Object.fromEntries(keys.map((k) => [k, { k }])));

describe('statusCopy: the literals give what the spreads give', () => {
  it('keysAre', () => {
    expect(keysAre({ a: 1, b: 2 }, ['a', 'b'])).toBe(true);
    expect(keysAre({ b: 2, a: 1 }, ['a', 'b'])).toBe(false);
    expect(keysAre({ a: 1 }, ['a', 'b'])).toBe(false);
    expect(keysAre({ a: 1, b: 2, c: 3 }, ['a', 'b'])).toBe(false);
  });

  it('hpaWithStatus is { ...hpa, status }', () => {
    fc.assert(
      fc.property(fc.oneof(objectOf(HPA_KEYS), engineHpa), fc.object(), (hpa, status) => {
        const h = hpa as unknown as HorizontalPodAutoscaler;
        const s = status as unknown as HorizontalPodAutoscalerStatus;
        expectSameAs(hpaWithStatus(h, s), { ...h, status: s });
      }),
      { numRuns: 500 },
    );
  });

  it('statusWith and scaledStatus are the spreads reconcileHpa wrote', () => {
    fc.assert(
      fc.property(
        fc.oneof(objectOf(STATUS_KEYS), engineStatus),
        fc.integer(),
        fc.integer(),
        fc.option(fc.array(fc.object()), { nil: undefined }),
        fc.integer(),
        (previous, current, desired, metrics, now) => {
          const p = previous as unknown as HorizontalPodAutoscalerStatus;
          const m = metrics as unknown as MetricStatus[] | undefined;
          expectSameAs(statusWith(p, current, desired, m), { ...p, currentReplicas: current, desiredReplicas: desired, currentMetrics: m });
          expectSameAs(scaledStatus(p, current, desired, m, now), { ...p, currentReplicas: current, desiredReplicas: desired, currentMetrics: m, lastScaleTime: now });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('statusUnlessSame is previous only when it reads as the spread, else that spread', () => {
    const metrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '100m' } } }] as MetricStatus[];
    fc.assert(
      fc.property(
        fc.oneof(objectOf(STATUS_KEYS), engineStatus),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(undefined, metrics),
        (previous, current, desired, m) => {
          const p = { ...previous, currentMetrics: previous.currentMetrics === 2 ? metrics : previous.currentMetrics } as unknown as HorizontalPodAutoscalerStatus;
          const got = statusUnlessSame(p, current, desired, m);
          const spread = { ...p, currentReplicas: current, desiredReplicas: desired, currentMetrics: m };
          expectSameAs(got, spread);
          if (got === p) expect(samePlainData(p, spread)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
    const steady = { currentReplicas: 2, desiredReplicas: 2, currentMetrics: metrics, conditions: [] };
    expect(statusUnlessSame(steady, 2, 2, metrics)).toBe(steady);
    expect(statusUnlessSame(steady, 2, 3, metrics)).not.toBe(steady);
    expect(statusUnlessSame(steady, 2, 2, [...metrics])).not.toBe(steady);
  });

  it('samePlainData: equal values with keys in the same order, nested', () => {
    expect(samePlainData({ a: 1, b: [{ c: 'x' }] }, { a: 1, b: [{ c: 'x' }] })).toBe(true);
    expect(samePlainData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(samePlainData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(samePlainData({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(samePlainData([1, 2], [1, 2, 3])).toBe(false);
    expect(samePlainData([1], { 0: 1 })).toBe(false);
    expect(samePlainData({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(samePlainData(a, structuredClone(a))).toBe(true);
        if (samePlainData(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });
});
