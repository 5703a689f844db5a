import { describe, expect, it } from 'vitest';
import { podsFromVectorStates, VECTOR_NOW, type VectorPod } from './fidelityPods';
import { classifyPod, type HpaPodInfo } from './podGrouping';
import { plainMetricReplicas, resourceUtilizationReplicas } from './replicaCalculator';
import { averageValueMetricReplicas, valueMetricReplicas } from './valueMetricCalculator';
import { enText } from '../../../testing/messages';

const TOL = { scaleDown: 0.1, scaleUp: 0.1 };

function cpu(pods: VectorPod[], currentReplicas: number, target: number, tolerances = TOL) {
  const result = resourceUtilizationReplicas({
    currentReplicas,
    pods: podsFromVectorStates(pods),
    tolerances,
    nowSeconds: VECTOR_NOW,
    cpuInitializationPeriodSeconds: 300,
    initialReadinessDelaySeconds: 30,
    metricLabel: 'cpu',
    resource: 'cpu',
    targetUtilization: target,
  });
  if (!result.ok) throw new Error(result.error);
  return result;
}

const p = (name: string, request: number, usage: number | null, state = 'ready'): VectorPod => ({ name, request, usage, state });

describe('resource utilization (GetResourceReplicas)', () => {
  it('scales up by ceil(ready × utilization / target)', () => {
    const r = cpu([p('a', 2000, 600), p('b', 2000, 1000), p('c', 2000, 1400)], 3, 30);
    expect([r.replicas, r.utilizationPercent, r.averageMilli]).toEqual([5, 50, 1000]);
    expect(enText(r.explanation)).toContain('desired = ceil(3 × 50% / 30%) = 5');
  });

  it('53% against 50% stays inside the default tolerance: no rescale', () => {
    const r = cpu([p('a', 200, 106), p('b', 200, 106)], 2, 50);
    expect(r.utilizationPercent).toBe(53);
    expect(r.replicas).toBe(2);
    expect(r.decision).toBe('withinTolerance');
  });

  it('uses the per-direction tolerances independently', () => {
    const pods = [p('a', 1000, 1090), p('b', 1000, 1090), p('c', 1000, 1090)];
    expect(cpu(pods, 3, 100).replicas).toBe(3); // 1.09 inside 10%
    expect(cpu(pods, 3, 100, { scaleDown: 0.1, scaleUp: 0.05 }).replicas).toBe(4);
    const low = [p('a', 1000, 750), p('b', 1000, 750), p('c', 1000, 750), p('d', 1000, 750)];
    expect(cpu(low, 4, 100).replicas).toBe(3); // 0.75 outside 10% → ceil(4 × 0.75)
    expect(cpu(low, 4, 100, { scaleDown: 0.3, scaleUp: 0.1 }).replicas).toBe(4);
  });

  it('treats missing pods as at their request on scale-down', () => {
    const r = cpu([p('a', 2000, 800), p('b', 2000, 190), p('c', 2000, null), p('d', 2000, null)], 4, 100);
    expect(r.replicas).toBe(3);
    expect(r.missingPods).toEqual(['c', 'd']);
    expect(r.newUsageRatio).toBeCloseTo(0.62, 10);
  });

  it('refuses a scale-down that the fill-ins turn into a scale-up', () => {
    const r = cpu([p('a', 2000, 1200), p('b', 2000, null)], 2, 100);
    expect(r.replicas).toBe(2);
  });

  it('counts unready pods at 0 only when scaling up', () => {
    const up = cpu([p('a', 2000, 600, 'unready'), p('b', 2000, 1000), p('c', 2000, 1400)], 3, 30);
    expect(up.replicas).toBe(4);
    const down = cpu([p('a', 2000, 200), p('b', 2000, 600), p('c', 2000, 1000), p('d', 2000, 500, 'unready'), p('e', 2000, 500, 'unready')], 5, 50);
    expect(down.replicas).toBe(2);
  });

  it('gives each calculation its own grouping, whatever ran before it (the groups list is reused)', () => {
    // A long list with every group, then a short one whose pods sit where the long list had
    // missing and unready pods: a stale group carried over would count them differently.
    const long = [p('a', 2000, 600, 'unready'), p('b', 2000, null), p('c', 2000, 1000), p('d', 2000, 1400), p('e', 2000, 300, 'pending')];
    const short = [p('x', 2000, 1800), p('y', 2000, 1600)];
    const shortAlone = cpu(short, 2, 50);
    const longAlone = cpu(long, 5, 50);
    const shortAfterLong = cpu(short, 2, 50);
    const longAfterShort = cpu(long, 5, 50);
    expect(shortAfterLong).toEqual(shortAlone);
    expect(longAfterShort).toEqual(longAlone);
    expect([shortAlone.readyPodCount, shortAlone.replicas, shortAlone.decision]).toEqual([2, 4, 'scaled']);
    expect([longAlone.readyPodCount, longAlone.unreadyPods, longAlone.missingPods]).toEqual([2, ['a', 'e'], ['b']]);
  });

  it('errors when no ready pod reports, or a request is missing', () => {
    const pods = podsFromVectorStates([p('a', 2000, 600, 'pending')]);
    const base = { currentReplicas: 1, tolerances: TOL, nowSeconds: VECTOR_NOW, cpuInitializationPeriodSeconds: 300, initialReadinessDelaySeconds: 30, metricLabel: 'cpu', resource: 'cpu', targetUtilization: 50 };
    expect(resourceUtilizationReplicas({ ...base, pods })).toEqual({ ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' });
    expect(resourceUtilizationReplicas({ ...base, pods: [] })).toEqual({ ok: false, error: 'no pods returned by selector while calculating replica count' });
    const noRequest: HpaPodInfo = { ...podsFromVectorStates([p('web-1', 0, 100)])[0], requestMilli: undefined, missingRequestContainer: 'php-apache' };
    const r = resourceUtilizationReplicas({ ...base, pods: [noRequest] });
    expect(r).toEqual({ ok: false, error: 'missing request for cpu in container php-apache of Pod web-1' });
  });
});

describe('CPU readiness during initialization (classifyPod)', () => {
  const opts = { cpuReadinessChecks: true, nowSeconds: 1000, cpuInitializationPeriodSeconds: 300, initialReadinessDelaySeconds: 30 };
  const pod = (start: number, ready: 'True' | 'False', transition: number, sampleAt = 1000, window = 30): HpaPodInfo => ({
    name: 'x',
    phase: 'Running',
    startTimeSeconds: start,
    readyStatus: ready,
    readyTransitionSeconds: transition,
    requestMilli: 100,
    sampleMilli: 50,
    sampleTimestampSeconds: sampleAt,
    sampleWindowSeconds: window,
  });

  it('ignores a sample that started before the pod became ready', () => {
    expect(classifyPod(pod(900, 'True', 980), opts)).toBe('unready');
    expect(classifyPod(pod(900, 'True', 960), opts)).toBe('ready');
  });

  it('after the period, ignores only pods that never became ready', () => {
    expect(classifyPod(pod(0, 'False', 20), opts)).toBe('unready');
    expect(classifyPod(pod(0, 'False', 600), opts)).toBe('ready');
    expect(classifyPod(pod(0, 'False', 30), opts)).toBe('ready');
  });

  it('skips readiness entirely for non-CPU metrics', () => {
    expect(classifyPod(pod(900, 'False', 990), { ...opts, cpuReadinessChecks: false })).toBe('ready');
  });
});

describe('plain per-pod metrics (calcPlainMetricReplicas)', () => {
  const plain = (pods: VectorPod[], current: number, target: number, resource?: string) => {
    const r = plainMetricReplicas({
      currentReplicas: current,
      pods: podsFromVectorStates(pods),
      tolerances: TOL,
      nowSeconds: VECTOR_NOW,
      cpuInitializationPeriodSeconds: 300,
      initialReadinessDelaySeconds: 30,
      metricLabel: 'qps',
      targetAverageMilli: target,
      resource,
    });
    if (!r.ok) throw new Error(r.error);
    return r;
  };

  it('integer-divides the average', () => {
    const r = plain([p('a', 0, 50000, 'unready'), p('b', 0, 15000), p('c', 0, 30000, 'unready')], 3, 15000);
    expect([r.replicas, r.averageMilli]).toEqual([7, 31666]);
  });

  it('applies CPU readiness when the resource is cpu (AverageValue target)', () => {
    const r = plain([p('a', 0, 900, 'unready'), p('b', 0, 300), p('c', 0, 300)], 3, 200, 'cpu');
    expect(r.averageMilli).toBe(300);
    expect(r.unreadyPods).toEqual(['a']);
  });

  it('fills missing pods with the target on scale-down', () => {
    const r = plain([p('a', 0, 1000), p('b', 0, 1000), p('c', 0, null), p('d', 0, null)], 4, 10000);
    // (1000+1000+10000+10000)/4 / 10000 = 0.55 → ceil(2.2) = 3
    expect(r.replicas).toBe(3);
  });
});

describe('Object/External values', () => {
  it('multiplies by ready running pods, or ceil(ratio) from zero', () => {
    expect(valueMetricReplicas({ currentReplicas: 3, valueMilli: 50000, targetValueMilli: 10000, readyRunningPods: 1, tolerances: TOL, metricLabel: 'm' }).replicas).toBe(5);
    const zero = valueMetricReplicas({ currentReplicas: 0, valueMilli: 1010, targetValueMilli: 1000, readyRunningPods: 0, tolerances: TOL, metricLabel: 'm' });
    expect(zero).toMatchObject({ replicas: 2, decision: 'fromZero' });
  });

  it('AverageValue divides the total by the target and reports ceil(total/status)', () => {
    const r = averageValueMetricReplicas({ statusReplicas: 3, totalMilli: 8600, targetAverageMilli: 2150, tolerances: TOL, metricLabel: 'queue' });
    expect([r.replicas, r.averageMilli]).toEqual([4, 2867]);
    const inside = averageValueMetricReplicas({ statusReplicas: 3, totalMilli: 8600, targetAverageMilli: 2900, tolerances: TOL, metricLabel: 'queue' });
    expect(inside.replicas).toBe(3);
  });
});
