import { describe, it, expect } from 'vitest';
import { planScaleUp, type ScaleUpGroup, type ScaleUpInput } from './scaleUp';
import { DEFAULT_CA_OPTIONS } from './flags';
import { templateForInstanceType } from './template';
import type { CaNode, CaPod, DaemonSetSpec } from './types';
import { en } from '../../../testing/messages';
import { t3Node } from './engineFixtures';

const t3 = templateForInstanceType('t3.medium')!;
const daemonSets: DaemonSetSpec[] = [
  { name: 'aws-node', namespace: 'kube-system', requests: { cpuMillis: 25, memoryMiB: 0 } },
  { name: 'kube-proxy', namespace: 'kube-system', requests: { cpuMillis: 100, memoryMiB: 0 } },
];

function node(i: number): CaNode {
  return t3Node(`ip-192-168-1-${10 + i}`);
}
const dsPods = (n: CaNode): CaPod[] =>
  daemonSets.map((ds) => ({
    name: `${ds.name}-${n.name}`,
    namespace: 'kube-system',
    ownerKind: 'DaemonSet',
    isDaemonSet: true,
    requests: ds.requests,
    nodeName: n.name,
  }));
const nginx = (i: number, nodeName?: string): CaPod => ({
  name: `nginx-to-scaleout-${i}`,
  namespace: 'default',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis: 500, memoryMiB: 512 },
  nodeName,
  createdAtSeconds: nodeName ? undefined : 60,
});
const coredns = (i: number, nodeName: string): CaPod => ({
  name: `coredns-${i}`,
  namespace: 'kube-system',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis: 100, memoryMiB: 70 },
  nodeName,
});

/** The seed's run: 3 t3.medium, coredns on two, 15 nginx of 500m/512Mi; the scheduler placed what fits. */
function seedWorld(): Omit<ScaleUpInput, 'groups'> & { nodes: CaNode[] } {
  const nodes = [0, 1, 2].map(node);
  const bound: CaPod[] = [...nodes.flatMap(dsPods), coredns(0, nodes[0].name), coredns(1, nodes[1].name)];
  const pending: CaPod[] = [];
  let i = 0;
  // 1930 - 125 (DS) = 1805 m free: three 500m pods per node even with coredns (1705 m).
  for (const n of nodes) for (let k = 0; k < 3; k++) bound.push(nginx(i++, n.name));
  while (i < 15) pending.push(nginx(i++));
  return {
    nowSeconds: 70,
    pendingPods: pending,
    nodes,
    boundPods: bound,
    daemonSets,
    options: { ...DEFAULT_CA_OPTIONS },
    backoff: {},
    rng: () => 0,
  };
}
const ng1 = (target = 3, registered = 3): ScaleUpGroup => ({
  name: 'ng1',
  minSize: 3,
  maxSize: 6,
  targetSize: target,
  registeredNodes: registered,
  instanceType: 't3.medium',
  template: t3,
});

describe('planScaleUp: the seed run (15 nginx on t3.medium)', () => {
  it('needs 2 more nodes beyond 3 given DaemonSet overhead and coredns', () => {
    const r = planScaleUp({ ...seedWorld(), groups: [ng1()] });
    expect(r.result).toBe('Successful');
    expect(r.increases).toEqual([{ group: 'ng1', currentSize: 3, newSize: 5, maxSize: 6 }]);
    expect(r.triggeringPods).toHaveLength(6);
    const ev = r.events.find((e) => e.reason === 'TriggeredScaleUp')!;
    expect(ev.message).toBe('pod triggered scale-up: [{ng1 3->5 (max: 6)}]');
    expect(r.logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'Best option to resize: ng1',
        'Estimated 2 nodes needed in ng1',
        'Scale-up: setting group ng1 size to 5',
      ]),
    );
    expect(r.events.find((e) => e.reason === 'ScaledUpGroup')?.message).toBe(
      'Scale-up: setting group ng1 size to 5 instead of 3 (max: 6)',
    );
    expect(en(r.explanation[0])).toMatch(/^ng1: 2 node\(s\) of t3\.medium would fit 6 pod\(s\), waste 0\.\d\d$/);
  });

  it('does not scale again while the 2 nodes are on their way', () => {
    const r = planScaleUp({ ...seedWorld(), groups: [ng1(5, 3)] });
    expect(r.result).toBe('NotNeeded');
    expect(r.awaitingPods).toHaveLength(6);
    expect(r.increases).toEqual([]);
  });

  it('caps at the group max and says why the rest did not trigger', () => {
    const world = seedWorld();
    const r = planScaleUp({ ...world, groups: [{ ...ng1(), maxSize: 4 }] });
    expect(r.increases).toEqual([{ group: 'ng1', currentSize: 3, newSize: 4, maxSize: 4 }]);
    expect(r.triggeringPods).toHaveLength(3);
    const next = planScaleUp({
      ...world,
      groups: [{ ...ng1(4, 4), maxSize: 4 }],
      nodes: [...world.nodes, node(3)],
      boundPods: [
        ...world.boundPods,
        ...dsPods(node(3)),
        nginx(9, node(3).name),
        nginx(10, node(3).name),
        nginx(11, node(3).name),
      ],
      pendingPods: [nginx(12), nginx(13), nginx(14)],
    });
    expect(next.result).toBe('NoOptionsAvailable');
    expect(next.events[0]).toMatchObject({
      reason: 'NotTriggerScaleUp',
      message: "pod didn't trigger scale-up: 1 max node group size reached",
    });
  });

  it('respects --max-nodes-total', () => {
    const r = planScaleUp({
      ...seedWorld(),
      groups: [ng1()],
      options: { ...DEFAULT_CA_OPTIONS, maxNodesTotal: 4 },
    });
    expect(r.increases[0].newSize).toBe(4);
    const none = planScaleUp({
      ...seedWorld(),
      groups: [ng1()],
      options: { ...DEFAULT_CA_OPTIONS, maxNodesTotal: 3 },
    });
    expect(none.result).toBe('Error');
    expect(none.error).toBe('max node total count already reached');
  });

  it('skips a backed-off group', () => {
    const r = planScaleUp({
      ...seedWorld(),
      groups: [ng1()],
      backoff: {
        ng1: { durationSeconds: 300, untilSeconds: 1000, lastFailedAtSeconds: 0, reason: 'timeout' },
      },
    });
    expect(r.result).toBe('NoOptionsAvailable');
    expect(r.remainingPods[0].reasons).toBe('1 in backoff after failed scale-up');
  });

  it('ignores pods younger than --new-pod-scale-up-delay and expendable pods', () => {
    const r = planScaleUp({
      ...seedWorld(),
      groups: [ng1()],
      nowSeconds: 65,
      options: { ...DEFAULT_CA_OPTIONS, newPodScaleUpDelaySeconds: 10 },
    });
    expect(r.tooNewPods).toHaveLength(6);
    expect(r.result).toBe('NotNeeded');
    const w = seedWorld();
    const low = planScaleUp({
      ...w,
      groups: [ng1()],
      pendingPods: w.pendingPods.map((p) => ({ ...p, priority: -100 })),
    });
    expect(low.expendablePods).toHaveLength(6);
    expect(low.result).toBe('NotNeeded');
  });

  it('reports predicate reasons when no group fits a pod', () => {
    const huge: CaPod = { ...nginx(99), requests: { cpuMillis: 4000, memoryMiB: 100 } };
    const picky: CaPod = { ...nginx(98), nodeSelector: { disk: 'ssd' } };
    const r = planScaleUp({ ...seedWorld(), groups: [ng1()], pendingPods: [huge, picky] });
    expect(r.result).toBe('NoOptionsAvailable');
    expect(r.remainingPods.map((p) => p.reasons)).toEqual([
      '1 Insufficient cpu',
      "1 node(s) didn't match Pod's node affinity/selector",
    ]);
  });

  it('picks the least-waste group and balances similar groups when asked', () => {
    const m5 = templateForInstanceType('m5.xlarge')!;
    const big: ScaleUpGroup = {
      name: 'ng-m5',
      minSize: 0,
      maxSize: 10,
      targetSize: 0,
      registeredNodes: 0,
      instanceType: 'm5.xlarge',
      template: m5,
    };
    const r = planScaleUp({ ...seedWorld(), groups: [ng1(), big] });
    expect(r.increases[0].group).toBe('ng1');
    expect(r.options.map((o) => o.group).sort()).toEqual(['ng-m5', 'ng1']);
    const twin: ScaleUpGroup = { ...ng1(), name: 'ng1-b' };
    const bal = planScaleUp({
      ...seedWorld(),
      groups: [ng1(), twin],
      options: { ...DEFAULT_CA_OPTIONS, balanceSimilarNodeGroups: true },
    });
    expect(bal.increases).toEqual([
      { group: 'ng1', currentSize: 3, newSize: 4, maxSize: 6 },
      { group: 'ng1-b', currentSize: 3, newSize: 4, maxSize: 6 },
    ]);
  });
});
