import { describe, it, expect } from 'vitest';
import { planScaleDown, type ScaleDownInput } from './scaleDown';
import { DEFAULT_CA_OPTIONS } from './flags';
import type { CaNode, CaPod } from './types';
import { en } from '../../../testing/messages';
import { t3Node } from './engineFixtures';

const node = (i: number, extra: Partial<CaNode> = {}): CaNode => t3Node(`ip-192-168-1-${10 + i}`, extra);
const ds = (n: CaNode): CaPod[] => [
  {
    name: `aws-node-${n.name}`,
    namespace: 'kube-system',
    ownerKind: 'DaemonSet',
    isDaemonSet: true,
    requests: { cpuMillis: 25, memoryMiB: 0 },
    nodeName: n.name,
  },
  {
    name: `kube-proxy-${n.name}`,
    namespace: 'kube-system',
    ownerKind: 'DaemonSet',
    isDaemonSet: true,
    requests: { cpuMillis: 100, memoryMiB: 0 },
    nodeName: n.name,
  },
];
const app = (name: string, nodeName: string, cpu = 500, extra: Partial<CaPod> = {}): CaPod => ({
  name,
  namespace: 'default',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis: cpu, memoryMiB: 512 },
  nodeName,
  ...extra,
});

/** After `kubectl delete deployment nginx-to-scaleout`: 5 nodes, only DaemonSets + coredns left. */
function afterDelete(now: number, since: Record<string, number> = {}): ScaleDownInput {
  const nodes = [0, 1, 2, 3, 4].map((i) => node(i));
  const pods = [
    ...nodes.flatMap(ds),
    app('coredns-1', nodes[0].name, 100, { namespace: 'kube-system', pdbName: 'coredns' }),
    app('coredns-2', nodes[1].name, 100, { namespace: 'kube-system', pdbName: 'coredns' }),
  ];
  return {
    nowSeconds: now,
    nodes,
    pods,
    groups: [{ name: 'ng1', minSize: 3, targetSize: 5 }],
    pdbs: [{ name: 'coredns', namespace: 'kube-system', disruptionsAllowed: 1 }],
    options: { ...DEFAULT_CA_OPTIONS },
    unneededSince: since,
    lastScaleUpAtSeconds: 60,
  };
}

describe('planScaleDown', () => {
  it('marks low-utilization nodes unneeded and explains the timer', () => {
    const r = planScaleDown(afterDelete(400));
    expect(r.cooldown).toBe('scale-down-delay-after-add');
    expect(r.deletions).toEqual([]);
    const s = r.nodes.find((n) => n.node === 'ip-192-168-1-12')!;
    expect(s.state).toBe('unneeded');
    expect(en(s.explanation)).toMatch(/^ip-192-168-1-12 cpu utilization 0\.06 < 0\.5, unneeded for 0s of 10m0s/);
    // coredns-2's node is blocked: the single allowed disruption went to coredns-1.
    expect(Object.keys(r.unneededSince)).toHaveLength(4);
  });

  it('keeps the first unneeded time and deletes only after 10m, down to min size', () => {
    const since = Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`ip-192-168-1-${10 + i}`, 400]));
    const early = planScaleDown(afterDelete(400 + 590, since));
    expect(early.deletions).toEqual([]);
    expect(early.unneededSince['ip-192-168-1-10']).toBe(400);
    const r = planScaleDown(afterDelete(400 + 600, since));
    expect(r.cooldown).toBeUndefined();
    // Empty nodes first, in bulk; min size 3 leaves room for two deletions.
    expect(r.deletions.map((d) => [d.node, d.empty])).toEqual([
      ['ip-192-168-1-12', true],
      ['ip-192-168-1-13', true],
    ]);
    // The actuator's line waits for the taint (scanScaleDown.ts); the planner's lines come in upstream's order.
    expect(r.deletions[0].log).toMatchObject({ v: 0, source: 'actuator.go:175', message: 'Scale-down: removing empty node "ip-192-168-1-12"' });
    const messages = r.logs.map((l) => l.message);
    expect(messages).toContain('ip-192-168-1-12 was unneeded for 10m0s');
    expect(messages[0]).toBe('Calculating unneeded nodes');
    const status = messages.findIndex((m) => m.startsWith('Scale down status: '));
    expect(messages.indexOf('Starting scale down')).toBe(status + 1);
    expect(messages.indexOf('ip-192-168-1-12 was unneeded for 10m0s')).toBeGreaterThan(status + 1);
    expect(r.events.filter((e) => e.reason === 'ScaleDownEmpty')).toHaveLength(2);
  });

  it('blocks nodes with unmovable pods, with upstream reasons', () => {
    const base = afterDelete(1000);
    const n = base.nodes[2].name;
    const cases: [Partial<CaPod>, string][] = [
      [{ ownerKind: undefined }, 'default/x is not replicated'],
      [
        { namespace: 'kube-system' },
        'non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: x',
      ],
      [{ hasLocalStorage: true }, 'pod with local storage present: x'],
      [
        { annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' } },
        'pod annotated as not safe to evict present: x',
      ],
    ];
    for (const [extra, reason] of cases) {
      const r = planScaleDown({ ...base, pods: [...base.pods, app('x', n, 100, extra)] });
      const s = r.nodes.find((x) => x.node === n)!;
      expect(s.state).toBe('blocked');
      expect(s.reason).toBe(reason);
    }
    const ok = planScaleDown({
      ...base,
      options: { ...DEFAULT_CA_OPTIONS, skipNodesWithLocalStorage: false },
      pods: [...base.pods, app('x', n, 100, { hasLocalStorage: true })],
    });
    expect(ok.nodes.find((x) => x.node === n)!.state).toBe('unneeded');
    const safe = planScaleDown({
      ...base,
      pods: [
        ...base.pods,
        app('x', n, 100, {
          ownerKind: undefined,
          annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' },
        }),
      ],
    });
    expect(safe.nodes.find((x) => x.node === n)!.state).toBe('unneeded');
  });

  it('spends PDB disruptions across nodes in one pass', () => {
    const r = planScaleDown(afterDelete(1000));
    const states = ['ip-192-168-1-10', 'ip-192-168-1-11'].map((n) => r.nodes.find((x) => x.node === n)!);
    expect(states[0].state).toBe('unneeded');
    expect(states[1].state).toBe('blocked');
    expect(states[1].reason).toBe('not enough pod disruption budget to move kube-system/coredns-2');
  });

  it('does not count a node as unneeded when utilization equals the threshold', () => {
    const base = afterDelete(1000);
    const n = base.nodes[4];
    // 125 m DaemonSets + 840 m = 965 m = exactly 0.5 of 1930 m.
    const r = planScaleDown({ ...base, pods: [...base.pods, app('half', n.name, 840)] });
    expect(r.nodes.find((x) => x.node === n.name)!.state).toBe('not-candidate');
    expect(r.nodes.find((x) => x.node === n.name)!.reason).toBe('NotUnderutilized');
  });

  it('reschedules pods only where they fit and drains one non-empty node at a time', () => {
    const nodes = [0, 1, 2, 3].map((i) => node(i));
    const pods = [
      ...nodes.flatMap(ds),
      app('a', nodes[0].name, 1600),
      app('b', nodes[1].name, 1600),
      app('c', nodes[2].name, 300),
      app('d', nodes[3].name, 300),
    ];
    const since = Object.fromEntries(nodes.map((n) => [n.name, 0]));
    const r = planScaleDown({
      nowSeconds: 2000,
      nodes,
      pods,
      groups: [{ name: 'ng1', minSize: 1, targetSize: 4 }],
      options: { ...DEFAULT_CA_OPTIONS },
      unneededSince: since,
    });
    const c = r.nodes.find((x) => x.node === nodes[2].name)!;
    expect(c.state).toBe('to-delete');
    expect(c.destinations).toEqual([{ pod: 'default/c', node: nodes[3].name }]);
    // d cannot go to c's node (being removed) nor to a/b (full): blocked.
    const d = r.nodes.find((x) => x.node === nodes[3].name)!;
    expect(d.state).toBe('blocked');
    expect(d.reason).toBe('can reschedule only 0 out of 1 pods');
    expect(r.deletions).toHaveLength(1);
    expect(r.events.map((e) => e.reason)).toEqual(['ScaleDown', 'ScaleDown', 'ScaleDown']);
  });

  it('limits non-empty deletions to --max-drain-parallelism', () => {
    const nodes = [0, 1, 2, 3].map((i) => node(i));
    const pods = [...nodes.flatMap(ds), ...nodes.map((n, i) => app(`p${i}`, n.name, 100))];
    const input: ScaleDownInput = {
      nowSeconds: 2000,
      nodes,
      pods,
      groups: [{ name: 'ng1', minSize: 0, targetSize: 4 }],
      options: { ...DEFAULT_CA_OPTIONS },
      unneededSince: Object.fromEntries(nodes.map((n) => [n.name, 0])),
    };
    const r = planScaleDown(input);
    expect(r.nodes.filter((n) => n.state === 'unneeded' || n.state === 'to-delete')).toHaveLength(3);
    expect(r.deletions).toHaveLength(1);
    const two = planScaleDown({ ...input, options: { ...DEFAULT_CA_OPTIONS, maxDrainParallelism: 2 } });
    expect(two.deletions).toHaveLength(2);
  });

  it('honours the scale-down-disabled annotation, unready nodes and cooldowns', () => {
    const base = afterDelete(5000, {});
    const r = planScaleDown({
      ...base,
      nodes: base.nodes.map((n, i) =>
        i === 2
          ? { ...n, annotations: { 'cluster-autoscaler.kubernetes.io/scale-down-disabled': 'true' } }
          : i === 3
            ? { ...n, ready: false }
            : n,
      ),
      options: { ...DEFAULT_CA_OPTIONS, scaleDownUnreadyEnabled: false },
      lastScaleDownFailAtSeconds: 4900,
    });
    expect(r.nodes[2].reason).toBe('ScaleDownDisabledAnnotation');
    expect(r.nodes[3].reason).toBe('ScaleDownUnreadyDisabled');
    expect(r.cooldown).toBe('scale-down-delay-after-failure');
  });
});
