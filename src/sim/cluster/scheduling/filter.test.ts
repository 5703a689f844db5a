import { describe, expect, it } from 'vitest';
import { failedSchedulingMessage, filterNode, preFilter, REASON_ANTI_AFFINITY, REASON_EXISTING_ANTI_AFFINITY, REASON_NODE_AFFINITY, REASON_SPREAD, REASON_SPREAD_LABEL, type SchedNode, type SchedPod } from './filter';

/**
 * The shared filter against the upstream plugins' behaviour:
 * kubernetes/kubernetes pkg/scheduler/framework/types.go (FitError.Error),
 * pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go,
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering.go,
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering.go,
 * pkg/scheduler/framework/preemption/preemption.go.
 */

const node = (name: string, zone: string, pods: SchedPod[] = [], labels: Record<string, string> = {}): SchedNode => ({
  name,
  labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone, ...labels },
  allocatable: { cpuMillis: 2000, memoryMiB: 4096, pods: 110 },
  requested: { cpuMillis: 0, memoryMiB: 0, pods: pods.length },
  pods,
});
const web = (extra: Partial<SchedPod> = {}): SchedPod => ({ namespace: 'default', labels: { app: 'web' }, requests: { cpuMillis: 100, memoryMiB: 128 }, ...extra });

describe('FailedScheduling message (FitError.Error + DefaultPreemption PostFilter)', () => {
  it('sorts "count reason" strings and appends the preemption verdict', () => {
    const counts = new Map([['Insufficient cpu', 2], ["node(s) didn't match Pod's node affinity/selector", 1]]);
    expect(failedSchedulingMessage(3, counts, { notHelpful: 1, noVictims: 2 })).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });
});

describe('NodeAffinity: nodeSelector and required terms', () => {
  const n = node('a', 'z1', [], { 'node-type': 'compute-a', gen: '6' });
  it('In / NotIn / Exists / DoesNotExist / Gt / Lt', () => {
    const aff = (operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt', key: string, values?: string[]) => web({ requiredNodeAffinity: [[{ key, operator, values }]] });
    expect(filterNode(aff('In', 'node-type', ['compute-a']), n).reasons).toEqual([]);
    expect(filterNode(aff('In', 'node-type', ['compute-b']), n).reasons).toEqual([REASON_NODE_AFFINITY]);
    expect(filterNode(aff('NotIn', 'node-type', ['compute-a']), n).reasons).toEqual([REASON_NODE_AFFINITY]);
    expect(filterNode(aff('Exists', 'gen'), n).reasons).toEqual([]);
    expect(filterNode(aff('DoesNotExist', 'gen'), n).reasons).toEqual([REASON_NODE_AFFINITY]);
    expect(filterNode(aff('Gt', 'gen', ['5']), n).reasons).toEqual([]);
    expect(filterNode(aff('Lt', 'gen', ['5']), n).reasons).toEqual([REASON_NODE_AFFINITY]);
  });
  it('terms are ORed; a node that fails is UnschedulableAndUnresolvable', () => {
    const pod = web({ requiredNodeAffinity: [[{ key: 'node-type', operator: 'In', values: ['x'] }], [{ key: 'gen', operator: 'In', values: ['6'] }]] });
    expect(filterNode(pod, n).reasons).toEqual([]);
    const s = filterNode(web({ nodeSelector: { 'node-type': 'x' } }), n);
    expect(s).toEqual({ reasons: [REASON_NODE_AFFINITY], unresolvable: true });
  });
});

describe('PodTopologySpread (DoNotSchedule)', () => {
  const spread = web({ topologySpread: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] });
  it('rejects the zone whose count + 1 − global min exceeds maxSkew', () => {
    const nodes = [node('a', 'z1', [web(), web()]), node('b', 'z2', [web()]), node('c', 'z3')];
    const state = preFilter(spread, nodes);
    // counts z1=2, z2=1, z3=0 → min 0: z1 skew 3, z2 skew 2, z3 skew 1.
    expect(filterNode(spread, nodes[0], state).reasons).toEqual([REASON_SPREAD]);
    expect(filterNode(spread, nodes[1], state).reasons).toEqual([REASON_SPREAD]);
    expect(filterNode(spread, nodes[2], state).reasons).toEqual([]);
  });
  it('a node without the topology key is unresolvable ("missing required label")', () => {
    const bare: SchedNode = { ...node('x', 'z1'), labels: { 'kubernetes.io/hostname': 'x' } };
    const s = filterNode(spread, bare, preFilter(spread, [bare, node('a', 'z1')]));
    expect(s).toEqual({ reasons: [REASON_SPREAD_LABEL], unresolvable: true });
  });
});

describe('InterPodAffinity: required anti-affinity on kubernetes.io/hostname', () => {
  const anti = web({ podAntiAffinity: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] });
  it("the incoming pod's own rule rejects a node running a matching pod", () => {
    const nodes = [node('a', 'z1', [web()]), node('b', 'z1')];
    const state = preFilter(anti, nodes);
    expect(filterNode(anti, nodes[0], state).reasons).toEqual([REASON_ANTI_AFFINITY]);
    expect(filterNode(anti, nodes[1], state).reasons).toEqual([]);
  });
  it("an existing pod's rule rejects the incoming pod it matches (symmetry)", () => {
    const nodes = [node('a', 'z1', [anti]), node('b', 'z1')];
    const state = preFilter(web(), nodes);
    expect(filterNode(web(), nodes[0], state).reasons).toEqual([REASON_EXISTING_ANTI_AFFINITY]);
    expect(filterNode(web({ labels: { app: 'other' } }), nodes[0], preFilter(web({ labels: { app: 'other' } }), nodes)).reasons).toEqual([]);
  });
});
