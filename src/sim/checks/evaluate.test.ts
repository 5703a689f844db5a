import { describe, expect, it } from 'vitest';
import { compare, evaluateCheck, newScope } from './evaluate';
import type { Check } from './types';
import { exampleSession, runTo } from './testSessions';
import type { Session } from '../session';

/** Evaluate with a scope attached at the start of the run (events from t=0 count). */
const holds = (s: Session, check: Check) => evaluateCheck(check, s.world, { startMs: 0, startEventCount: 0, scans: {} });

describe('compare', () => {
  it('implements every operator', () => {
    expect([compare(5, '>=', 5), compare(4, '>=', 5)]).toEqual([true, false]);
    expect([compare(5, '<=', 5), compare(6, '<=', 5)]).toEqual([true, false]);
    expect([compare(5, '=', 5), compare(4, '=', 5)]).toEqual([true, false]);
    expect([compare(4, '!=', 5), compare(5, '!=', 5)]).toEqual([true, false]);
    expect([compare(6, '>', 5), compare(5, '>', 5)]).toEqual([true, false]);
    expect([compare(4, '<', 5), compare(5, '<', 5)]).toEqual([true, false]);
  });
});

describe('checks on the examples', () => {
  it('hpa: php-apache scales up under the load generator (examples/hpa-php-apache.yaml)', () => {
    const s = exampleSession('hpa-php-apache');
    // Before the timeline's `kubectl autoscale` at 30s the HPA does not exist, and the check says so.
    expect(holds(s, { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 1 })).toMatchObject({ holds: false, reason: { key: 'engine.check.missing' } });
    runTo(s, 40);
    expect(holds(s, { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '=', value: 1 })).toEqual({ holds: true, observed: 1 });
    runTo(s, 6 * 60);
    const current = holds(s, { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 5 });
    expect(current.holds).toBe(true);
    expect(current.observed).toBeLessThanOrEqual(10);
    expect(holds(s, { type: 'hpa', name: 'php-apache', field: 'desiredReplicas', op: '<', value: 5 }).holds).toBe(false);
    expect(holds(s, { type: 'hpa', name: 'php-apache', field: 'cpuUtilizationPercent', op: '>', value: 0 }).holds).toBe(true);
    expect(holds(s, { type: 'hpa', name: 'nope', field: 'currentReplicas', op: '>=', value: 0 }).holds).toBe(false);
  });

  it('deployment and pods: nine of fifteen nginx pods fit, six are Pending (examples/nginx-to-scaleout.yaml)', () => {
    const s = runTo(exampleSession('nginx-to-scaleout'), 3 * 60);
    expect(holds(s, { type: 'deployment', name: 'nginx-to-scaleout', field: 'replicas', op: '=', value: 15 })).toEqual({ holds: true, observed: 15 });
    expect(holds(s, { type: 'deployment', name: 'nginx-to-scaleout', field: 'ready', op: '=', value: 9 })).toEqual({ holds: true, observed: 9 });
    expect(holds(s, { type: 'deployment', name: 'nginx-to-scaleout', field: 'pending', op: '=', value: 6 })).toEqual({ holds: true, observed: 6 });
    expect(holds(s, { type: 'deployment', name: 'nginx-to-scaleout', field: 'pods', op: '=', value: 15 }).holds).toBe(true);
    expect(holds(s, { type: 'deployment', name: 'nginx-to-scaleout', namespace: 'kube-system', field: 'replicas', op: '>=', value: 0 }).holds).toBe(false);
    expect(holds(s, { type: 'pods', phase: 'Pending', op: '=', value: 6 })).toEqual({ holds: true, observed: 6 });
    expect(holds(s, { type: 'pods', phase: 'Running', deployment: 'nginx-to-scaleout', op: '=', value: 9 }).holds).toBe(true);
    expect(holds(s, { type: 'pods', phase: 'Ready', deployment: 'nginx-to-scaleout', op: '=', value: 9 }).holds).toBe(true);
    // kube-system (coredns, aws-node, kube-proxy) only when asked for.
    expect(holds(s, { type: 'pods', phase: 'Running', namespace: 'kube-system', op: '>=', value: 8 }).holds).toBe(true);
  });

  it('nodes and event: the Cluster Autoscaler raises ng1 from 3 to 5 (examples/ca-nginx-scaleout.yaml)', () => {
    const s = exampleSession('ca-nginx-scaleout');
    expect(holds(s, { type: 'nodes', nodeGroup: 'ng1', op: '=', value: 3 }).holds).toBe(true);
    expect(holds(s, { type: 'event', reason: 'TriggeredScaleUp' }).holds).toBe(false);
    runTo(s, 5 * 60);
    expect(holds(s, { type: 'nodes', nodeGroup: 'ng1', op: '=', value: 5 })).toEqual({ holds: true, observed: 5 });
    expect(holds(s, { type: 'nodes', nodeGroup: 'ng1', capacityType: 'on-demand', instanceType: 't3.medium', ready: true, op: '=', value: 5 }).holds).toBe(true);
    expect(holds(s, { type: 'nodes', capacityType: 'spot', op: '=', value: 0 }).holds).toBe(true);
    expect(holds(s, { type: 'nodes', nodePool: 'ng1', op: '=', value: 0 }).holds).toBe(true);
    expect(holds(s, { type: 'event', reason: 'TriggeredScaleUp', kind: 'Pod' }).holds).toBe(true);
    expect(holds(s, { type: 'event', reason: 'TriggeredScaleUp', kind: 'Node' }).holds).toBe(false);
    expect(holds(s, { type: 'event', reason: 'TriggeredScaleUp', message: 'ng1' }).holds).toBe(true);
    expect(holds(s, { type: 'event', reason: 'FailedScheduling', eventType: 'Warning' }).holds).toBe(true);
    // The cost of five t3.medium nodes, more than of three.
    const cost = holds(s, { type: 'cost', op: '>', value: 0 });
    const three = holds(runTo(exampleSession('ca-nginx-scaleout'), 30), { type: 'cost', op: '>', value: 0 });
    expect(cost.observed! / three.observed!).toBeCloseTo(5 / 3, 5);
    // After scale-down-unneeded-time the group is back at 3.
    runTo(s, 20 * 60);
    expect(holds(s, { type: 'nodes', nodeGroup: 'ng1', op: '=', value: 3 }).holds).toBe(true);
  });

  it('event: only events after the scope began count, found however many ticks later', () => {
    const s = runTo(exampleSession('ca-nginx-scaleout'), 3 * 60);
    const scope = newScope(s.world);
    const check: Check = { type: 'event', reason: 'TriggeredScaleUp' };
    expect(evaluateCheck(check, s.world, scope).holds).toBe(false);
    // The CA's scale-down after the deletion at 5m: an event the scope did see begin.
    const down: Check = { type: 'event', reason: 'ScaleDown', kind: 'Node' };
    runTo(s, 18 * 60);
    expect(evaluateCheck(check, s.world, scope).holds).toBe(false);
    expect(evaluateCheck(down, s.world, scope, 'down').holds).toBe(true);
    expect(scope.scans.down.cursor).toBe(s.world.eventCount);
  });

  it('nodeClaim: Karpenter launches one spot NodeClaim for five inflate pods (examples/karpenter-inflate.yaml)', () => {
    const s = exampleSession('karpenter-inflate');
    const spot: Check = { type: 'nodeClaim', capacityType: 'spot', op: '>=', value: 1 };
    expect(holds(s, spot).holds).toBe(false);
    runTo(s, 3 * 60);
    expect(holds(s, spot)).toEqual({ holds: true, observed: 1 });
    expect(holds(s, { type: 'nodeClaim', capacityType: 'on-demand', op: '>=', value: 1 }).holds).toBe(false);
    expect(holds(s, { type: 'nodeClaim', nodePool: 'default', registered: true, op: '=', value: 1 }).holds).toBe(true);
    expect(holds(s, { type: 'nodes', nodePool: 'default', capacityType: 'spot', op: '=', value: 1 }).holds).toBe(true);
    // Emptied at 8m and deleted by the disruption controller: the claim is deleting.
    runTo(s, 9 * 60);
    expect(holds(s, spot).holds).toBe(false);
  });

  it('vpa: the hamster recommendation targets more than 400m CPU (examples/vpa-hamster.yaml)', () => {
    const s = exampleSession('vpa-hamster');
    expect(holds(s, { type: 'vpa', name: 'hamster-vpa', resource: 'cpu', bound: 'target', op: '>=', value: 400 }).holds).toBe(false);
    runTo(s, 5 * 60);
    expect(holds(s, { type: 'vpa', name: 'hamster-vpa', resource: 'cpu', bound: 'target', op: '>=', value: 400 })).toEqual({ holds: true, observed: 587 });
    expect(holds(s, { type: 'vpa', name: 'hamster-vpa', resource: 'memory', bound: 'target', op: '=', value: 250 }).holds).toBe(true);
    expect(holds(s, { type: 'vpa', name: 'hamster-vpa', resource: 'cpu', bound: 'upperBound', op: '>', value: 587 }).holds).toBe(true);
    expect(holds(s, { type: 'vpa', name: 'hamster-vpa', resource: 'cpu', bound: 'lowerBound', op: '<', value: 587 }).holds).toBe(true);
  });

  it('scaledObject: active:false needs KEDA to have reported Active=False, not the Unknown before its first poll', () => {
    const s = exampleSession('keda-cron');
    const so = (s.world.autoscalers.keda as { objects: Record<string, { so: { status?: { conditions: { type: string; status: string }[] } } }> }).objects['default/php-apache-cron'].so;
    expect(so.status?.conditions.find((c) => c.type === 'Active')?.status).toBe('Unknown');
    expect(holds(s, { type: 'scaledObject', name: 'php-apache-cron', active: false }).holds).toBe(false);
    expect(holds(s, { type: 'scaledObject', name: 'php-apache-cron', active: true }).holds).toBe(false);
    runTo(s, 60);
    expect(so.status?.conditions.find((c) => c.type === 'Active')?.status).toBe('False');
    expect(holds(s, { type: 'scaledObject', name: 'php-apache-cron', active: false }).holds).toBe(true);
  });

  it('scaledObject: the cron window opens at 09:45 KST, sim 5m (examples/keda-cron.yaml)', () => {
    const s = runTo(exampleSession('keda-cron'), 60);
    expect(holds(s, { type: 'scaledObject', name: 'php-apache-cron', active: false }).holds).toBe(true);
    expect(holds(s, { type: 'scaledObject', name: 'php-apache-cron', active: true }).holds).toBe(false);
    runTo(s, 330);
    expect(holds(s, { type: 'scaledObject', name: 'php-apache-cron', active: true }).holds).toBe(true);
    expect(holds(s, { type: 'hpa', name: 'keda-hpa-php-apache-cron', field: 'desiredReplicas', op: '=', value: 1 }).holds).toBe(true);
    expect(holds(s, { type: 'scaledObject', name: 'missing', active: false }).holds).toBe(false);
  });

  it('queue: orders pile up, then drain (examples/keda-sqs-queue.yaml)', () => {
    const s = exampleSession('keda-sqs-queue');
    expect(holds(s, { type: 'queue', name: 'orders', field: 'depth', op: '=', value: 0 }).holds).toBe(true);
    runTo(s, 150);
    expect(holds(s, { type: 'queue', name: 'orders', field: 'depth', op: '>', value: 100 }).holds).toBe(true);
    expect(holds(s, { type: 'queue', name: 'orders', field: 'inFlight', op: '>', value: 0 }).holds).toBe(true);
    expect(holds(s, { type: 'queue', name: 'orders', field: 'visible', op: '>', value: 0 }).holds).toBe(true);
    expect(holds(s, { type: 'queue', name: 'nope', field: 'depth', op: '>=', value: 0 }).holds).toBe(false);
  });

  it('time, elapsed and the combinators', () => {
    const s = runTo(exampleSession('nginx-to-scaleout'), 90);
    const scope = { startMs: 60_000, startEventCount: 0, scans: {} };
    expect(evaluateCheck({ type: 'time', op: '>=', value: 90_000 }, s.world, scope)).toEqual({ holds: true, observed: 90_000, observedUnit: 'ms' });
    expect(evaluateCheck({ type: 'elapsed', op: '>=', value: 30_000 }, s.world, scope)).toEqual({ holds: true, observed: 30_000, observedUnit: 'ms' });
    expect(evaluateCheck({ type: 'elapsed', op: '>', value: 30_000 }, s.world, scope).holds).toBe(false);
    const pending: Check = { type: 'pods', phase: 'Pending', op: '>', value: 0 };
    const none: Check = { type: 'nodes', capacityType: 'spot', op: '>', value: 0 };
    expect(evaluateCheck({ type: 'all', checks: [pending, none] }, s.world, scope).holds).toBe(false);
    expect(evaluateCheck({ type: 'any', checks: [pending, none] }, s.world, scope).holds).toBe(true);
    expect(evaluateCheck({ type: 'not', check: none }, s.world, scope).holds).toBe(true);
    expect(evaluateCheck({ type: 'all', checks: [pending, { type: 'not', check: none }] }, s.world, scope).holds).toBe(true);
  });
});
