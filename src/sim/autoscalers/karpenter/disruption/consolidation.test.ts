import { describe, expect, it } from 'vitest';
import { findInstanceType, onDemandPrice, type InstanceType } from '../../../cloud/catalog';
import { FAKE_ZONE, fakeInstanceType, testNodePool } from '../fidelityFixtures';
import { requirementsFrom } from '../requirements';
import type { PlannedNodeClaim } from '../scheduling';
import type { InstanceTypeOption, NodePool, Offering } from '../types';
import { evictionCost, isConsolidatable, savingsRatio, sortCandidates, type DisruptionNode } from './candidates';
import {
  computeConsolidation,
  decideReplacement,
  filterOptionsByWorstPrice,
  filterOutSameType,
  MIN_INSTANCE_TYPES_FOR_SPOT_TO_SPOT,
} from './consolidation';
import { computeDisruption, expiredNodes, validateCommand, type DisruptionInput } from './controller';

const NO_OVERHEAD = { cpuMillis: 0, memoryMiB: 0 };

function type(name: string, cpu: number, offerings: Offering[]): InstanceTypeOption {
  return fakeInstanceType(name, cpu * 1000, cpu * 4096, 110, NO_OVERHEAD, offerings);
}
const od = (price: number, zone = FAKE_ZONE): Offering => ({ zone, capacityType: 'on-demand', price, available: true });
const spot = (price: number, zone = FAKE_ZONE): Offering => ({ zone, capacityType: 'spot', price, available: true });

function node(name: string, t: InstanceTypeOption, podCpu: number[], extra: Partial<DisruptionNode> = {}): DisruptionNode {
  const o = t.offerings[0];
  return {
    name,
    nodeClaimName: `${name}-nc`,
    nodePool: 'default',
    instanceType: t.name,
    capacityType: o.capacityType,
    zone: o.zone,
    price: o.price,
    labels: { ...t.labels, 'karpenter.sh/nodepool': 'default', 'topology.kubernetes.io/zone': o.zone },
    taints: [],
    allocatable: t.allocatable,
    pods: podCpu.map((cpu, i) => ({ name: `${name}-p${i}`, cpuMillis: cpu, memoryMiB: 100 })),
    initialized: true,
    ready: true,
    markedForDeletion: false,
    createdAtSeconds: 0,
    initializedAtSeconds: 0,
    ...extra,
  };
}

function input(nodes: DisruptionNode[], types: InstanceTypeOption[], pool: NodePool = testNodePool(), extra: Partial<DisruptionInput> = {}): DisruptionInput {
  return { nodes, templates: [{ nodePool: pool, instanceTypes: types }], nowSeconds: 100, nowEpochMs: 0, ...extra };
}

describe('candidate ordering', () => {
  it('eviction cost follows deletion cost and priority, clamped', () => {
    expect(evictionCost({})).toBe(1);
    expect(evictionCost({ priority: 2 ** 25 })).toBe(2);
    expect(evictionCost({ deletionCost: -(2 ** 27) * 5 })).toBe(-4);
    expect(evictionCost({ priority: 2 ** 31 })).toBe(10);
  });
  it('sorts by savings ratio price/(1+Σ eviction cost), highest first', () => {
    const t = type('t', 32, [od(1)]);
    const a = node('node-0', t, [100, 100]);
    const b = node('node-1', t, [100]);
    expect(savingsRatio(a)).toBeCloseTo(1 / 3);
    expect(sortCandidates([a, b]).map((n) => n.name)).toEqual(['node-1', 'node-0']);
  });
  it('Consolidatable only after consolidateAfter since the last pod event; never with Never', () => {
    const n = node('n', type('t', 2, [od(1)]), [], { lastPodEventAtSeconds: 50 });
    expect(isConsolidatable(n, 30, 79)).toBe(false);
    expect(isConsolidatable(n, 30, 80)).toBe(true);
    expect(isConsolidatable(n, null, 1e9)).toBe(false);
    expect(isConsolidatable({ ...n, initialized: false }, 0, 1e9)).toBe(false);
  });
});

describe('delete (karp-consolidate-delete)', () => {
  it('deletes the node whose pods fit elsewhere, fewest pods first', () => {
    const t = type('fake-type', 32, [od(1)]);
    const nodes = [node('node-0', t, [1000, 1000]), node('node-1', t, [1000])];
    const cmd = computeDisruption(input(nodes, [t])).command;
    expect(cmd).toMatchObject({ decision: 'delete', reason: 'Underutilized' });
    expect(cmd?.candidates.map((c) => c.name)).toEqual(['node-1']);
  });
  it('multi-node deletes several under-used nodes at once when the budget allows', () => {
    const t = type('fake-type', 8, [od(1)]);
    const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 0, budgets: [{ nodes: '100%' }] } });
    const nodes = [node('a', t, [6000]), node('b', t, [500]), node('c', t, [500]), node('d', t, [500])];
    const cmd = computeDisruption(input(nodes, [t], pool)).command;
    expect(cmd?.method).toBe('multi-node-consolidation');
    // Equal savings ratios fall back to name order; the longest deletable prefix is a, b, c (d takes all 7.5 CPU).
    expect(cmd?.candidates.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(cmd?.decision).toBe('delete');
  });
  it('does nothing when pods would not fit anywhere', () => {
    const t = type('t', 2, [od(1)]);
    const nodes = [node('a', t, [1500]), node('b', t, [1500])];
    expect(computeConsolidation([nodes[0]], { nodes, templates: [] })).toMatchObject({ action: 'none' });
  });
});

describe('replace', () => {
  it('replaces with a strictly cheaper node (karp-consolidate-price-filter)', () => {
    const opts = [0.3, 0.45, 0.5, 0.6].map((p, i) => type(`o${i}`, 2, [od(p)]));
    expect(filterOptionsByWorstPrice(opts, new Map(), 0.5).map((o) => o.name)).toEqual(['o0', 'o1']);
  });
  it('worst-case spot price must be below the current price (karp-consolidate-spot-worse)', () => {
    const current = type('current-on-demand', 4, [od(0.5)]);
    const repl = type('replacement', 4, [spot(1.0), spot(0.2, 'test-zone-1b'), spot(0.4, 'test-zone-1c')]);
    const n = node('cand', current, [100]);
    expect(computeConsolidation([n], { nodes: [n], templates: [{ nodePool: testNodePool(), instanceTypes: [current, repl] }] }).action).toBe('none');
  });
  it('replaces an on-demand node with a cheaper spot one, pinning spot', () => {
    const current = type('big', 8, [od(1.0)]);
    const small = type('small', 2, [od(0.3), spot(0.1)]);
    const n = node('cand', current, [500]);
    const d = computeConsolidation([n], { nodes: [n], templates: [{ nodePool: testNodePool(), instanceTypes: [current, small] }] });
    expect(d.action).toBe('replace');
    if (d.action !== 'replace') return;
    expect(d.launch).toMatchObject({ instanceType: 'small', capacityType: 'spot', price: 0.1 });
    expect([...(d.replacement.requirements.get('karpenter.sh/capacity-type')?.values ?? [])]).toEqual(['spot']);
  });
  it('respects an on-demand-only NodePool (karp-consolidate-od-worse)', () => {
    const pool = testNodePool({ requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }] });
    const current = type('current', 4, [od(0.5)]);
    const repl = type('repl', 4, [od(0.6), spot(0.2)]);
    const n = node('cand', current, [100]);
    expect(computeConsolidation([n], { nodes: [n], templates: [{ nodePool: pool, instanceTypes: [current, repl] }] }).action).toBe('none');
  });
  it('refuses to turn one node into two', () => {
    const current = type('current', 8, [od(1)]);
    const small = type('small', 2, [od(0.1)]);
    const n = node('cand', current, [1500, 1500]);
    const d = computeConsolidation([n], { nodes: [n], templates: [{ nodePool: testNodePool(), instanceTypes: [small] }] });
    expect(d).toEqual({ action: 'none', message: "Can't remove without creating 2 candidates" });
  });
});

describe('spot-to-spot (karp-spot-to-spot-flex)', () => {
  const claimWith = (n: number): PlannedNodeClaim => ({
    nodePool: 'default',
    requirements: new Map(),
    taints: [],
    pods: [],
    podRequests: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    daemonOverhead: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    instanceTypeOptions: Array.from({ length: n }, (_, i) => type(`s${i}`, 2, [spot(0.5 - i * 0.01)])),
  });
  it('is off without the feature gate', () => {
    expect(decideReplacement([{ price: 1, capacityType: 'spot' }], claimWith(20), {})).toMatchObject({
      action: 'none',
      message: "SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node",
    });
  });
  it(`needs ${MIN_INSTANCE_TYPES_FOR_SPOT_TO_SPOT} cheaper options and launches from the 15 cheapest`, () => {
    expect(decideReplacement([{ price: 1, capacityType: 'spot' }], claimWith(14), { spotToSpotConsolidation: true }).action).toBe('none');
    const d = decideReplacement([{ price: 1, capacityType: 'spot' }], claimWith(20), { spotToSpotConsolidation: true });
    expect(d.action).toBe('replace');
    if (d.action === 'replace') {
      expect(d.replacement.instanceTypeOptions).toHaveLength(15);
      expect(d.launch.instanceType).toBe('s19');
    }
  });
  it('multi-node spot-to-spot has no 15-option minimum', () => {
    const d = decideReplacement([{ price: 0.6, capacityType: 'spot' }, { price: 0.6, capacityType: 'spot' }], claimWith(3), { spotToSpotConsolidation: true });
    expect(d.action).toBe('replace');
  });
});

describe('filterOutSameType (karp-consolidate-multi-same-type)', () => {
  it('keeps only options cheaper than the cheapest removed type that reappears', () => {
    const reqs = requirementsFrom([{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }]);
    const opt = (name: string) => {
      const t = findInstanceType(name) as InstanceType;
      return type(name, t.vcpu, [od(onDemandPrice(t, 'us-east-1'))]);
    };
    const price = (name: string) => onDemandPrice(findInstanceType(name) as InstanceType, 'us-east-1');
    const candidates = ['t3a.2xlarge', 't3a.2xlarge', 't3a.small'].map((n) => ({ instanceType: n, price: price(n) }));
    const options = ['t3a.nano', 't3a.small', 't3a.xlarge', 't3a.2xlarge'].map(opt);
    expect(filterOutSameType(options, reqs, candidates).map((o) => o.name)).toEqual(['t3a.nano']);
    expect(filterOutSameType(options.slice(0, 1), reqs, candidates).map((o) => o.name)).toEqual(['t3a.nano']);
  });
});

describe('emptiness and budgets', () => {
  const cheap = type('t', 4, [od(0.4)]);
  it('deletes empty nodes within budget in one command (karp-emptiness)', () => {
    const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 0, budgets: [{ nodes: '1' }] } });
    const nodes = [node('a', cheap, [], { price: 0.4 }), node('b', cheap, [], { price: 0.2 }), node('c', cheap, [100], { price: 0.4 })];
    const r = computeDisruption(input(nodes, [cheap], pool));
    expect(r.command).toMatchObject({ method: 'emptiness', decision: 'delete' });
    expect(r.command?.candidates.map((c) => c.name)).toEqual(['a']);
  });
  it('ignores DaemonSet pods when judging emptiness', () => {
    const n = node('a', cheap, []);
    n.pods = [{ name: 'ds', cpuMillis: 100, memoryMiB: 10, daemonSet: true }];
    expect(computeDisruption(input([n], [cheap])).command?.method).toBe('emptiness');
  });
  it('emits DisruptionBlocked when a budget of 0 stops it', () => {
    const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmpty', consolidateAfterSeconds: 0, budgets: [{ nodes: '0' }] } });
    const r = computeDisruption(input([node('a', cheap, [])], [cheap], pool));
    expect(r.command).toBeUndefined();
    expect(r.events).toContainEqual(
      expect.objectContaining({ kind: 'NodePool', reason: 'DisruptionBlocked', message: 'No allowed disruptions for disruption reason Empty due to blocking budget' }),
    );
  });
  it('counts NotReady nodes against the budget', () => {
    const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmpty', consolidateAfterSeconds: 0, budgets: [{ nodes: '1' }] } });
    const r = computeDisruption(input([node('a', cheap, []), node('b', cheap, [100], { ready: false })], [cheap], pool));
    expect(r.command).toBeUndefined();
    expect(r.budgets.find((b) => b.reason === 'Empty')).toMatchObject({ allowed: 1, disrupting: 1, remaining: 0 });
  });
  it('WhenEmpty never consolidates busy nodes and says why', () => {
    const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmpty', consolidateAfterSeconds: 0, budgets: [{ nodes: '100%' }] } });
    const t = type('t', 32, [od(1)]);
    const r = computeDisruption(input([node('a', t, [100]), node('b', t, [100])], [t], pool));
    expect(r.command).toBeUndefined();
    expect(r.events).toContainEqual(expect.objectContaining({ reason: 'Unconsolidatable', message: 'NodePool "default" has non-empty consolidation disabled' }));
  });
  it('skips unmanaged nodes, do-not-disrupt pods and nodes not yet consolidatable', () => {
    const n1 = node('unmanaged', cheap, [], { nodePool: undefined });
    const n2 = node('pinned', cheap, []);
    n2.pods = [{ name: 'keep', cpuMillis: 1, memoryMiB: 1, doNotDisrupt: true }];
    const n3 = node('young', cheap, [], { lastPodEventAtSeconds: 99 });
    const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 30, budgets: [{ nodes: '100%' }] } });
    expect(computeDisruption(input([n1, n2, n3], [cheap], pool)).command).toBeUndefined();
  });
});

describe('validation and expiration', () => {
  const t = type('t', 4, [od(0.4)]);
  it('drops an emptiness command when a pod arrived during the 15s wait', () => {
    const n = node('a', t, []);
    const cmd = computeDisruption(input([n], [t])).command;
    if (!cmd) throw new Error('expected a command');
    expect(validateCommand(cmd, input([n], [t], undefined, { nowSeconds: 115 }))).toEqual({ valid: true });
    const busy = { ...n, pods: [{ name: 'late', cpuMillis: 100, memoryMiB: 10 }], lastPodEventAtSeconds: 110 };
    expect(validateCommand(cmd, input([busy], [t], undefined, { nowSeconds: 115 })).valid).toBe(false);
  });
  it('expires nodes older than expireAfter, without budgets', () => {
    const pool = testNodePool({ template: { ...testNodePool().template, expireAfterSeconds: 3600 } });
    const nodes = [node('old', t, [100], { createdAtSeconds: 0 }), node('new', t, [100], { createdAtSeconds: 3000 })];
    expect(expiredNodes(nodes, [pool], 3600).map((n) => n.name)).toEqual(['old']);
    const never = testNodePool({ template: { ...testNodePool().template, expireAfterSeconds: null } });
    expect(expiredNodes(nodes, [never], 1e9)).toEqual([]);
  });
});
