import { describe, expect, it } from 'vitest';
import { initialHpaControllerState, reconcileHpa, type ReconcileHpaInput } from './reconcile';
import { cpuMetric, externalAverageMetric, fakeMetricsClient, makeHpa, readyPod, type FakeMetrics } from './testFixtures';
import type { HorizontalPodAutoscaler } from './types';
import { en, ko } from '../../../testing/messages';

const T = 1000;

function sync(hpa: HorizontalPodAutoscaler, replicas: number, fake: FakeMetrics, extra: Partial<ReconcileHpaInput> = {}) {
  return reconcileHpa({
    hpa,
    state: initialHpaControllerState(),
    nowSeconds: T,
    scale: { specReplicas: replicas, statusReplicas: replicas, selector: 'run=php-apache' },
    metrics: fakeMetricsClient(fake),
    ...extra,
  });
}

const cpuPods = (n: number, usage: number) => Array.from({ length: n }, (_, i) => readyPod(`php-apache-${i}`, 200, usage, T));

describe('reconcileHpa', () => {
  it('scales up with the real event, conditions and explanation', () => {
    const out = sync(makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] }), 3, { pods: cpuPods(3, 156) });
    expect(out.rescale).toBe(true);
    expect(out.desiredReplicas).toBe(5);
    expect(out.events).toEqual([
      { type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target' },
    ]);
    const byType = Object.fromEntries((out.status.conditions ?? []).map((c) => [c.type, c]));
    expect(byType.AbleToScale).toMatchObject({ status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 5' });
    expect(byType.ScalingActive).toMatchObject({
      status: 'True',
      reason: 'ValidMetricFound',
      message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
    });
    expect(byType.ScalingLimited).toMatchObject({ status: 'False', reason: 'DesiredWithinRange' });
    expect(out.status.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 78, averageValue: '156m' } } }]);
    expect(out.status).toMatchObject({ currentReplicas: 3, desiredReplicas: 5, lastScaleTime: T });
    const lines = out.explanation.map(en);
    expect(lines).toContain('cpu: utilization 78% of request (avg 156m / 200m over 3 pods with samples); target 50%');
    expect(lines).toContain('desired = ceil(3 × 78% / 50%) = 5');
    // The same decision in Korean: the formula reads the same, the words around it are Korean.
    const kor = out.explanation.map(ko);
    expect(kor).toContain('원하는 레플리카 수 = ceil(3 × 78% / 50%) = 5');
    expect(kor).toContain('cpu: 요청량 대비 사용률 78% (샘플이 있는 파드 3개 평균 156m / 200m), 목표 50%');
    expect(out.machineState).toBe('scalingUp');
  });

  it('does not rescale at 53% against 50%', () => {
    const out = sync(makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] }), 2, { pods: cpuPods(2, 106) });
    expect(out.rescale).toBe(false);
    expect(out.events).toEqual([]);
    expect(out.status.conditions?.find((c) => c.type === 'AbleToScale')?.reason).toBe('ReadyForNewScale');
    expect(out.machineState).toBe('stable');
  });

  it('reports a missing metrics API the way kube-controller-manager does', () => {
    const out = sync(makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] }), 1, { pods: [readyPod('p', 200, undefined, T)] });
    expect(out.rescale).toBe(false);
    expect(out.events).toEqual([
      { type: 'Warning', reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API' },
      {
        type: 'Warning',
        reason: 'FailedComputeMetricsReplicas',
        message:
          'invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      },
    ]);
    expect(out.status.conditions?.find((c) => c.type === 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    });
    expect(out.status.currentMetrics).toEqual([{ type: '' }]);
    expect(out.status.desiredReplicas).toBe(0);
    expect(out.machineState).toBe('unableToCompute');
  });

  it('never scales down while another metric is broken, but still scales up', () => {
    const hpa = makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50), externalAverageMetric('queue', '10')] });
    const down = sync(hpa, 5, { pods: cpuPods(5, 20) });
    expect(down.rescale).toBe(false);
    expect(down.events.map((e) => e.reason)).toEqual(['FailedGetExternalMetric', 'FailedComputeMetricsReplicas']);
    const up = sync(hpa, 2, { pods: cpuPods(2, 200) });
    expect(up).toMatchObject({ rescale: true, desiredReplicas: 4 });
    expect(up.events.map((e) => e.reason)).toEqual(['FailedGetExternalMetric', 'SuccessfulRescale']);
    expect(up.status.currentMetrics?.[1]).toEqual({ type: '' });
  });

  it('takes the max over metrics and names it in the rescale reason', () => {
    const hpa = makeHpa({ maxReplicas: 20, metrics: [cpuMetric(50), externalAverageMetric('queue', '10')] });
    const out = sync(hpa, 2, { pods: cpuPods(2, 100), external: { queue: [40000, 30000] } });
    expect(out.desiredReplicas).toBe(4); // legacy limit max(2×2, 4) caps 7
    expect(out.events[0].message).toBe('New size: 4; reason: external metric queue(nil) above target');
    expect(out.status.conditions?.find((c) => c.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
  });

  it('applies the guards before any metric math', () => {
    const hpa = makeHpa({ minReplicas: 3, maxReplicas: 10 });
    const broken = { resourceError: 'should not be read' };
    expect(sync(hpa, 0, broken)).toMatchObject({ rescale: false, desiredReplicas: 0, machineState: 'disabled' });
    expect(sync(hpa, 0, broken).status.conditions?.find((c) => c.type === 'ScalingActive')?.reason).toBe('ScalingDisabled');
    const above = sync(hpa, 12, broken);
    expect(above).toMatchObject({ rescale: true, desiredReplicas: 10 });
    expect(above.events[0].message).toBe('New size: 10; reason: Current number of replicas above Spec.MaxReplicas');
    expect(sync(hpa, 1, broken).events[0].message).toBe('New size: 3; reason: Current number of replicas below Spec.MinReplicas');
  });

  it('holds a scale-down through the stabilization window, then releases it', () => {
    let hpa = makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] });
    let state = initialHpaControllerState();
    const states: string[] = [];
    let replicas = 4;
    for (let t = 0; t <= 420; t += 15) {
      const usage = t < 60 ? 100 : 10;
      const out = reconcileHpa({
        hpa,
        state,
        nowSeconds: t,
        scale: { specReplicas: replicas, statusReplicas: replicas, selector: 'x' },
        metrics: fakeMetricsClient({ pods: Array.from({ length: replicas }, (_, i) => readyPod(`p${i}`, 200, usage, t)) }),
      });
      hpa = { ...hpa, status: out.status };
      state = out.state;
      states.push(out.machineState);
      if (out.rescale) replicas = out.desiredReplicas;
    }
    expect(states.slice(0, 4)).toEqual(['stable', 'stable', 'stable', 'stable']);
    expect(states[5]).toBe('scaleDownStabilized');
    expect(replicas).toBe(1);
    expect(states.at(-1)).toBe('stable');
    // The last recommendation of 4 (t=45) leaves the 300s window after t=345.
    expect(states[23]).toBe('scaleDownStabilized');
    expect(states[24]).toBe('scalingDown');
  });

  it('keeps lastTransitionTime when a condition status does not flip', () => {
    const hpa = makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] });
    const first = sync(hpa, 2, { pods: cpuPods(2, 100) });
    const second = reconcileHpa({
      hpa: { ...hpa, status: first.status },
      state: first.state,
      nowSeconds: T + 15,
      scale: { specReplicas: 2, statusReplicas: 2, selector: 'x' },
      metrics: fakeMetricsClient({ pods: cpuPods(2, 100) }),
    });
    expect(second.status.conditions?.every((c) => c.lastTransitionTime === T)).toBe(true);
  });

  it('reports a failed scale write and the missing scale subresource', () => {
    const hpa = makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] });
    const failed = sync(hpa, 2, { pods: cpuPods(2, 200) }, { scaleUpdateError: 'conflict' });
    expect(failed.rescale).toBe(false);
    expect(failed.events.at(-1)).toEqual({ type: 'Warning', reason: 'FailedRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target; error: conflict' });
    expect(failed.machineState).toBe('unableToCompute');
    const noScale = sync(hpa, 2, {}, { scale: { error: 'deployments.apps "php-apache" not found' } });
    expect(noScale.status.conditions?.[0]).toMatchObject({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale' });
  });

  it('uses behavior policies and records scale events', () => {
    const hpa = makeHpa({ maxReplicas: 100, metrics: [cpuMetric(50)], behavior: { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } });
    const out = sync(hpa, 2, { pods: cpuPods(2, 200) });
    expect(out.desiredReplicas).toBe(3);
    expect(out.state.scaleUpEvents).toEqual([{ replicaChange: 1, timestampSeconds: T, outdated: false }]);
    const next = reconcileHpa({
      hpa: { ...hpa, status: out.status },
      state: out.state,
      nowSeconds: T + 15,
      scale: { specReplicas: 3, statusReplicas: 3, selector: 'x' },
      metrics: fakeMetricsClient({ pods: cpuPods(3, 200) }),
    });
    expect(next.rescale).toBe(false);
    expect(next.machineState).toBe('rateLimited');
  });

  it('scales from zero on an object metric when minReplicas is 0', () => {
    const hpa = makeHpa({
      minReplicas: 0,
      maxReplicas: 10,
      metrics: [{ type: 'Object', object: { describedObject: { kind: 'Service', name: 'web' }, metric: { name: 'rps' }, target: { type: 'Value', value: '1' } } }],
    });
    const out = sync(hpa, 0, { object: { rps: 1500 } });
    expect(out).toMatchObject({ rescale: true, desiredReplicas: 2 });
    expect(out.events[0].message).toBe('New size: 2; reason: Service metric rps above target');
  });
  it('shares the previous conditions only while none changes, and never edits the previous status', () => {
    const hpa = makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)] });
    const first = sync(hpa, 2, { pods: cpuPods(2, 106) });
    const firstConditions = first.status.conditions!;
    const firstCopy = structuredClone(firstConditions);
    // The same readings 15 s later: every condition is what it was, so the list is the same one.
    const same = sync({ ...hpa, status: first.status }, 2, { pods: cpuPods(2, 106) }, { nowSeconds: T + 15 });
    expect(same.status.conditions).toBe(firstConditions);
    // Nothing else changed either: the status read is the status written, the same object.
    expect(same.status).toBe(first.status);
    const firstStatusCopy = structuredClone(first.status);
    // A scale-up changes AbleToScale (reason and message, not its status): a new list, the old one untouched.
    const up = sync({ ...hpa, status: same.status }, 2, { pods: cpuPods(2, 190) }, { nowSeconds: T + 30 });
    expect(up.status.conditions).not.toBe(firstConditions);
    expect(firstConditions).toEqual(firstCopy);
    expect(first.status).toEqual(firstStatusCopy);
    const able = up.status.conditions!.find((c) => c.type === 'AbleToScale')!;
    expect(able).toEqual({ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 4', lastTransitionTime: T });
    // The unchanged conditions are carried over as they were.
    expect(up.status.conditions!.find((c) => c.type === 'ScalingActive')).toBe(firstConditions.find((c) => c.type === 'ScalingActive'));
    // A failed scale read flips AbleToScale to False: its transition time moves, and the status
    // passed in (returned as the new status on this path) is copied, not edited.
    const before = structuredClone(up.status);
    const failed = reconcileHpa({ hpa: { ...hpa, status: up.status }, state: initialHpaControllerState(), nowSeconds: T + 45, scale: { error: 'not found' }, metrics: fakeMetricsClient({}) });
    expect(up.status).toEqual(before);
    expect(failed.status.conditions!.find((c) => c.type === 'AbleToScale')).toMatchObject({ status: 'False', reason: 'FailedGetScale', lastTransitionTime: T + 45 });
  });
});
