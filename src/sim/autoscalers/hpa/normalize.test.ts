import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateScaleDownLimit,
  calculateScaleUpLimit,
  convertDesiredReplicasLegacy,
  convertDesiredReplicasWithBehaviorRate,
  normalizeDesiredReplicas,
  stabilizeLegacy,
  stabilizeWithBehavior,
  storeScaleEvent,
  type ScaleEvent,
} from './normalize';
import { defaultBehavior } from './defaults';
import type { HorizontalPodAutoscalerBehavior } from './types';
import { enText } from '../../../testing/messages';

const NOW = 10_000;
const ago = (replicas: number, secondsAgo: number) => ({ replicas, timestampSeconds: NOW - secondsAgo });
const ev = (replicaChange: number, secondsAgo: number): ScaleEvent => ({ replicaChange, timestampSeconds: NOW - secondsAgo, outdated: false });

describe('legacy normalization', () => {
  it('keeps the max recommendation inside the downscale window and reuses an aged slot', () => {
    const recs = [ago(10, 600), ago(4, 60), ago(5, 120), ago(9, 540)];
    const result = stabilizeLegacy(recs, 3, NOW, 300);
    expect(result.stabilized).toBe(5);
    expect(result.recommendations).toHaveLength(4);
    expect(result.recommendations[3]).toEqual({ replicas: 3, timestampSeconds: NOW });
  });

  it('counts a recommendation exactly at the window edge', () => {
    expect(stabilizeLegacy([ago(7, 300)], 3, NOW, 300).stabilized).toBe(7);
    expect(stabilizeLegacy([ago(7, 301)], 3, NOW, 300).stabilized).toBe(3);
  });

  it.each([
    [5, 7, 3, 8, 7, 'DesiredWithinRange'],
    [3, 1, 2, 8, 2, 'TooFewReplicas'],
    [3, 1000, 1, 2000, 6, 'ScaleUpLimit'],
    [1, 1000, 1, 10, 4, 'ScaleUpLimit'],
    [8, 20, 1, 10, 10, 'TooManyReplicas'],
  ])('current %d, desired %d in [%d,%d] → %d %s', (current, desired, min, max, replicas, reason) => {
    expect(convertDesiredReplicasLegacy(current, desired, min, max)).toEqual({ replicas, reason });
  });
});

describe('behavior stabilization', () => {
  it('moves only when every recommendation in the window agrees', () => {
    const args = { currentReplicas: 2, desiredReplicas: 3, nowSeconds: NOW, scaleUpWindowSeconds: 300, scaleDownWindowSeconds: 300 };
    expect(stabilizeWithBehavior([ago(2, 6000), ago(1, 180)], args).stabilized).toBe(2);
    expect(stabilizeWithBehavior([ago(100, 6000), ago(4, 120), ago(5, 60)], { ...args, currentReplicas: 1, desiredReplicas: 7 }).stabilized).toBe(4);
  });

  it('stores the unstabilized proposal', () => {
    const r = stabilizeWithBehavior([ago(5, 60)], { currentReplicas: 5, desiredReplicas: 2, nowSeconds: NOW, scaleUpWindowSeconds: 0, scaleDownWindowSeconds: 300 });
    expect(r.stabilized).toBe(5);
    expect(r.reason).toBe('ScaleDownStabilized');
    expect(r.recommendations.at(-1)).toEqual({ replicas: 2, timestampSeconds: NOW });
  });
});

describe('rate limits', () => {
  const rules = (selectPolicy: 'Max' | 'Min' | 'Disabled') => ({
    selectPolicy,
    policies: [
      { type: 'Pods' as const, value: 2, periodSeconds: 60 },
      { type: 'Percent' as const, value: 50, periodSeconds: 60 },
    ],
  });
  const limitArgs = (current: number, r: ReturnType<typeof rules>) => ({ currentReplicas: current, scaleUpEvents: [], scaleDownEvents: [], rules: r, nowSeconds: NOW });

  it('Max takes the largest change, Min the smallest', () => {
    expect(calculateScaleUpLimit(limitArgs(10, rules('Max')))).toBe(15);
    expect(calculateScaleUpLimit(limitArgs(10, rules('Min')))).toBe(12);
    expect(calculateScaleDownLimit(limitArgs(10, rules('Max')))).toBe(5);
    expect(calculateScaleDownLimit(limitArgs(10, rules('Min')))).toBe(8);
  });

  it('selectPolicy Disabled freezes that direction only', () => {
    const behavior: HorizontalPodAutoscalerBehavior = { scaleUp: rules('Disabled'), scaleDown: rules('Max') };
    const base = { minReplicas: 1, maxReplicas: 100, behavior, scaleUpEvents: [], scaleDownEvents: [], nowSeconds: NOW };
    expect(convertDesiredReplicasWithBehaviorRate({ ...base, currentReplicas: 10, desiredReplicas: 30 })).toMatchObject({ replicas: 10, reason: 'ScaleUpLimit' });
    expect(convertDesiredReplicasWithBehaviorRate({ ...base, currentReplicas: 10, desiredReplicas: 2 })).toMatchObject({ replicas: 5, reason: 'ScaleDownLimit' });
  });

  it('counts events strictly younger than the period', () => {
    const r = { selectPolicy: 'Max' as const, policies: [{ type: 'Pods' as const, value: 4, periodSeconds: 60 }] };
    const args = { currentReplicas: 10, scaleDownEvents: [], rules: r, nowSeconds: NOW };
    expect(calculateScaleUpLimit({ ...args, scaleUpEvents: [ev(3, 59)] })).toBe(11);
    expect(calculateScaleUpLimit({ ...args, scaleUpEvents: [ev(3, 60)] })).toBe(14);
  });

  it('reports TooManyReplicas when max binds before the policy', () => {
    const behavior = defaultBehavior({}, 300);
    const r = convertDesiredReplicasWithBehaviorRate({ currentReplicas: 9, desiredReplicas: 50, minReplicas: 1, maxReplicas: 10, behavior, scaleUpEvents: [], scaleDownEvents: [], nowSeconds: NOW });
    expect(r).toMatchObject({ replicas: 10, reason: 'TooManyReplicas' });
  });

  it('reuses the slot of an outdated event', () => {
    const behavior = defaultBehavior({ scaleUp: { policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] } }, 300);
    const stored = storeScaleEvent(behavior, { scaleUpEvents: [ev(4, 100), ev(2, 5)], scaleDownEvents: [] }, 6, 9, NOW);
    expect(stored.scaleUpEvents).toHaveLength(2);
    expect(stored.scaleUpEvents[0]).toEqual({ replicaChange: 3, timestampSeconds: NOW, outdated: false });
    expect(storeScaleEvent(undefined, { scaleUpEvents: [], scaleDownEvents: [] }, 1, 5, NOW).scaleUpEvents).toEqual([]);
  });
});

describe('normalizeDesiredReplicas conditions', () => {
  const base = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [], nowSeconds: NOW, downscaleStabilizationSeconds: 300, minReplicas: 1, maxReplicas: 10 };

  it('legacy: ScaleDownStabilized while a higher recommendation is in the window', () => {
    const r = normalizeDesiredReplicas({ ...base, currentReplicas: 6, proposal: 2, recommendations: [ago(6, 100)] });
    expect(r.desiredReplicas).toBe(6);
    expect(r.ableToScale.reason).toBe('ScaleDownStabilized');
    expect(r.scalingLimited).toMatchObject({ status: 'False', reason: 'DesiredWithinRange' });
  });

  it('behavior: ScaleUpLimit is True only when the policy changed the value', () => {
    const behavior = defaultBehavior({}, 300);
    const r = normalizeDesiredReplicas({ ...base, maxReplicas: 100, currentReplicas: 2, proposal: 50, behavior });
    expect(r.desiredReplicas).toBe(6);
    expect(r.scalingLimited).toEqual({ status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
    expect(enText(r.explanation)).toMatch(/allows 6; limits to 6/);
  });
});

// The policy bounds each change against the count at the start of its 60s period (upstream nets
// scale-ups and scale-downs inside the period), so that is the invariant checked.
describe('property: a policy of 1 pod per 60s is never exceeded', () => {
  const behavior = defaultBehavior(
    {
      scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
      scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
    },
    300,
  );

  it('holds over long series of syncs with arbitrary proposals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (proposals, start) => {
        let current = start;
        let state = { recommendations: [] as { replicas: number; timestampSeconds: number }[], scaleUpEvents: [] as ScaleEvent[], scaleDownEvents: [] as ScaleEvent[] };
        const changes: { t: number; delta: number }[] = [];
        proposals.forEach((proposal, i) => {
          const t = 15 * (i + 1);
          const r = normalizeDesiredReplicas({ ...state, currentReplicas: current, proposal, minReplicas: 1, maxReplicas: 50, behavior, nowSeconds: t, downscaleStabilizationSeconds: 300 });
          state = { ...state, recommendations: r.recommendations };
          if (r.desiredReplicas !== current) {
            state = { ...state, ...storeScaleEvent(behavior, state, current, r.desiredReplicas, t) };
            changes.push({ t, delta: r.desiredReplicas - current });
            current = r.desiredReplicas;
          }
          expect(current).toBeGreaterThanOrEqual(1);
          expect(current).toBeLessThanOrEqual(50);
        });
        // Count after every change at or before time x (the count the period starts from).
        const countAt = (x: number) => changes.filter((c) => c.t <= x).reduce((n, c) => n + c.delta, start);
        for (const c of changes) {
          const after = countAt(c.t);
          const periodStart = countAt(c.t - 60);
          if (c.delta > 0) expect(after - periodStart).toBeLessThanOrEqual(1);
          else expect(periodStart - after).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
