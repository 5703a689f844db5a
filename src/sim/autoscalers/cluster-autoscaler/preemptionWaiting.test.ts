import { describe, expect, it } from 'vitest';
import { planScaleUp, type ScaleUpGroup } from './scaleUp';
import { DEFAULT_CA_OPTIONS } from './flags';
import { templateForInstanceType } from './template';
import type { CaPod } from './types';
import { t3Node } from './engineFixtures';

/**
 * cluster-autoscaler/core/utils/expendable.go FilterOutExpendableAndSplit (called by
 * core/podlistprocessor/filter_out_expendable.go): a pod whose preemption nominated a node that still
 * exists waits there, and is force-added to that node in the snapshot, not a reason to scale up.
 * The cases follow expendable_test.go's (TestFilterOutExpendableAndSplit).
 */
const nodes = [t3Node('ip-192-168-1-10'), t3Node('ip-192-168-1-11')];
const group: ScaleUpGroup = { name: 'ng1', minSize: 2, maxSize: 6, targetSize: 2, registeredNodes: 2, instanceType: 't3.medium', template: templateForInstanceType('t3.medium')! };
// No DaemonSets here: 1900m of a t3.medium's 1930m allocatable fills each node.
const bound: CaPod[] = nodes.map((n, i) => ({ name: `big-${i}`, namespace: 'default', ownerKind: 'ReplicaSet', requests: { cpuMillis: 1900, memoryMiB: 0 }, nodeName: n.name }));
const waiting = (nominated?: string): CaPod => ({
  name: 'web-1',
  namespace: 'default',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis: 500, memoryMiB: 0 },
  createdAtSeconds: 0,
  nominatedNodeName: nominated,
});
const plan = (pending: CaPod[]) =>
  planScaleUp({ nowSeconds: 60, pendingPods: pending, nodes, boundPods: bound, groups: [group], daemonSets: [], options: { ...DEFAULT_CA_OPTIONS }, backoff: {}, rng: () => 0 });

describe('CA scale-up and pods waiting for preemption', () => {
  it('a pod nominated to an existing node does not trigger a scale-up (V4 log says why)', () => {
    const r = plan([waiting('ip-192-168-1-10')]);
    expect(r.result).toBe('NotNeeded');
    expect(r.increases).toEqual([]);
    expect(r.logs.map((l) => l.message)).toContain('Pod web-1 will be scheduled after low priority pods are preempted on ip-192-168-1-10. Ignoring in scale up.');
  });

  it('the same pod without a nomination, or nominated to a node that is gone, does', () => {
    expect(plan([waiting()]).increases).toEqual([{ group: 'ng1', currentSize: 2, newSize: 3, maxSize: 6 }]);
    expect(plan([waiting('ip-192-168-9-99')]).increases).toHaveLength(1);
  });

  it('the waiting pod takes its room on the nominated node: a second pod that needs that room scales up', () => {
    const other: CaPod = { ...waiting(), name: 'web-2' };
    const roomy = bound.map((p, i) => (i === 0 ? { ...p, requests: { cpuMillis: 1000, memoryMiB: 0 } } : p));
    const r = planScaleUp({ nowSeconds: 60, pendingPods: [waiting('ip-192-168-1-10'), other], nodes, boundPods: roomy, groups: [group], daemonSets: [], options: { ...DEFAULT_CA_OPTIONS }, backoff: {}, rng: () => 0 });
    // 1930 − 1000 = 930m free on the first node: web-1 (500m) is put there, so web-2 (500m) no longer fits.
    expect(r.triggeringPods).toEqual(['default/web-2']);
  });
});
