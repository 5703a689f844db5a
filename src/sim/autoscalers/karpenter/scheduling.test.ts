import { describe, expect, it } from 'vitest';
import { FAKE_ZONE, fakeAssortedCatalog, fakeInstanceType, testNodePool } from './fidelityFixtures';
import { chooseLaunch, worstLaunchPrice } from './offeringSelection';
import { requirementsFrom } from './requirements';
import { MAX_INSTANCE_TYPES, solveScheduling, sortPodsForScheduling } from './scheduling';
import type { ExistingNode, InstanceTypeOption, PodToSchedule } from './types';

const OVERHEAD = { cpuMillis: 100, memoryMiB: 10 };
const catalog = fakeAssortedCatalog(OVERHEAD);
const pool = testNodePool();

function pods(n: number, cpuMillis = 1000, memoryMiB = 1024): PodToSchedule[] {
  return Array.from({ length: n }, (_, i) => ({ name: `p-${i}`, cpuMillis, memoryMiB }));
}

function launched(result: ReturnType<typeof solveScheduling>, i = 0) {
  const c = result.newNodeClaims[i];
  return chooseLaunch(c.instanceTypeOptions, c.requirements);
}

describe('bin packing (vectors karp-binpack-*)', () => {
  it('one 1-CPU pod lands on the cheapest type whose allocatable fits it', () => {
    const r = solveScheduling({ pods: pods(1), templates: [{ nodePool: pool, instanceTypes: catalog }] });
    expect(launched(r)).toMatchObject({ instanceType: '2-cpu-2-mem' });
    expect(launched(r)?.price).toBeCloseTo(0.414748, 6);
    expect(r.newNodeClaims[0].instanceTypeOptions.some((o) => o.name.startsWith('1-cpu'))).toBe(false);
  });

  it('three identical pods share ONE NodeClaim whose options shrink to fit all three', () => {
    const r = solveScheduling({ pods: pods(3), templates: [{ nodePool: pool, instanceTypes: catalog }] });
    expect(r.newNodeClaims).toHaveLength(1);
    expect(launched(r)?.instanceType).toBe('4-cpu-4-mem');
    expect(launched(r)?.price).toBeCloseTo(0.829497, 6);
    expect(r.newNodeClaims[0].pods).toHaveLength(3);
  });

  it('opens a second NodeClaim when the pod-slot limit (5) is reached', () => {
    const r = solveScheduling({ pods: pods(7, 100, 64), templates: [{ nodePool: pool, instanceTypes: catalog }] });
    expect(r.newNodeClaims.map((c) => c.pods.length)).toEqual([5, 2]);
  });

  it('counts DaemonSet overhead (and its pod slots) on every new NodeClaim', () => {
    const r = solveScheduling({
      pods: pods(1),
      templates: [{ nodePool: pool, instanceTypes: catalog }],
      daemonSets: [{ name: 'ds', cpuMillis: 1000, memoryMiB: 0 }],
    });
    expect(r.newNodeClaims[0].daemonOverhead).toEqual({ cpuMillis: 1000, memoryMiB: 0, pods: 1 });
    expect(launched(r)?.instanceType).toBe('4-cpu-2-mem');
  });

  it('skips DaemonSets that do not tolerate the NodePool taints', () => {
    const tainted = testNodePool({ template: { ...pool.template, taints: [{ key: 'gpu', effect: 'NoSchedule' }] } });
    const r = solveScheduling({
      pods: [{ name: 'p', cpuMillis: 100, memoryMiB: 10, tolerations: [{ key: 'gpu', operator: 'Exists' }] }],
      templates: [{ nodePool: tainted, instanceTypes: catalog }],
      daemonSets: [{ name: 'ds', cpuMillis: 1000, memoryMiB: 0 }],
    });
    expect(r.newNodeClaims[0].daemonOverhead.pods).toBe(0);
  });

  it('orders pods by CPU, then memory, descending', () => {
    const sorted = sortPodsForScheduling([
      { name: 'a', cpuMillis: 100, memoryMiB: 10 },
      { name: 'b', cpuMillis: 500, memoryMiB: 10 },
      { name: 'c', cpuMillis: 500, memoryMiB: 900 },
    ]);
    expect(sorted.map((p) => p.name)).toEqual(['c', 'b', 'a']);
  });
});

describe('placement order', () => {
  const existing: ExistingNode = {
    name: 'node-1',
    labels: { 'kubernetes.io/arch': 'amd64' },
    taints: [],
    allocatable: { cpuMillis: 2000, memoryMiB: 4000, pods: 10 },
    requested: { cpuMillis: 500, memoryMiB: 0, pods: 1 },
    initialized: true,
  };
  it('fills existing nodes before opening NodeClaims', () => {
    const r = solveScheduling({ pods: pods(2, 700, 100), existingNodes: [existing], templates: [{ nodePool: pool, instanceTypes: catalog }] });
    expect(r.existingPlacements).toEqual([
      { pod: 'p-0', node: 'node-1' },
      { pod: 'p-1', node: 'node-1' },
    ]);
    expect(r.newNodeClaims).toHaveLength(0);
  });
  it('respects node taints and nodeSelectors on existing nodes', () => {
    const tainted = { ...existing, taints: [{ key: 'x', effect: 'NoSchedule' as const }] };
    const r = solveScheduling({ pods: pods(1, 100, 10), existingNodes: [tainted], templates: [{ nodePool: pool, instanceTypes: catalog }] });
    expect(r.existingPlacements).toEqual([]);
    const r2 = solveScheduling({
      pods: [{ name: 'p', cpuMillis: 100, memoryMiB: 10, nodeSelector: { team: 'a' } }],
      existingNodes: [existing],
      templates: [],
    });
    expect(r2.podErrors).toHaveLength(1);
  });
  it('uses the highest-weight NodePool first and falls back when it cannot fit', () => {
    const heavy = testNodePool({ name: 'heavy', weight: 10, requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['1-cpu-1-mem'] }] });
    const light = testNodePool({ name: 'light' });
    const small = solveScheduling({ pods: pods(1, 100, 10), templates: [{ nodePool: light, instanceTypes: catalog }, { nodePool: heavy, instanceTypes: catalog }] });
    expect(small.newNodeClaims[0].nodePool).toBe('heavy');
    const big = solveScheduling({ pods: pods(1, 2000, 10), templates: [{ nodePool: light, instanceTypes: catalog }, { nodePool: heavy, instanceTypes: catalog }] });
    expect(big.newNodeClaims[0].nodePool).toBe('light');
  });
  it('reports pods that fit no NodePool', () => {
    const r = solveScheduling({ pods: pods(1, 1_000_000), templates: [{ nodePool: pool, instanceTypes: catalog }] });
    expect(r.podErrors[0].error).toMatch(/incompatible with nodepool "default", no instance type satisfied resources/);
  });
  it('narrows the NodeClaim to a pod’s zone and capacity type', () => {
    const t = fakeInstanceType('t', 4000, 8192, 110, { cpuMillis: 0, memoryMiB: 0 }, [
      { zone: 'z1', capacityType: 'spot', price: 0.1, available: true },
      { zone: 'z2', capacityType: 'on-demand', price: 0.3, available: true },
    ]);
    const r = solveScheduling({
      pods: [{ name: 'p', cpuMillis: 100, memoryMiB: 10, nodeSelector: { 'topology.kubernetes.io/zone': 'z2' } }],
      templates: [{ nodePool: pool, instanceTypes: [t] }],
    });
    expect(launched(r)).toMatchObject({ zone: 'z2', capacityType: 'on-demand' });
  });
});

describe('limits (karp-limits-filter)', () => {
  const types: InstanceTypeOption[] = [2, 4].map((cpu) =>
    fakeInstanceType(`${cpu}-cpu`, cpu * 1000, cpu * 4096, 110, { cpuMillis: 0, memoryMiB: 0 }, [
      { zone: FAKE_ZONE, capacityType: 'on-demand', price: cpu / 10, available: true },
    ]),
  );
  it('drops types whose capacity exceeds what is left and subtracts the largest option', () => {
    const limited = testNodePool({ limits: { cpuMillis: 10_000 } });
    const r = solveScheduling({
      pods: pods(1, 1, 1),
      templates: [{ nodePool: limited, instanceTypes: types }],
      launchedCapacity: { default: { cpuMillis: 8000, memoryMiB: 0 } },
    });
    expect(r.newNodeClaims[0].instanceTypeOptions.map((o) => o.name)).toEqual(['2-cpu']);
    expect(r.remaining.default.cpuMillis).toBe(0);
  });
  it('stops opening NodeClaims when the limit is used up', () => {
    const limited = testNodePool({ limits: { cpuMillis: 4000 } });
    const r = solveScheduling({ pods: pods(3, 1500, 100), templates: [{ nodePool: limited, instanceTypes: types }] });
    expect(r.newNodeClaims).toHaveLength(1);
    expect(r.podErrors.length).toBeGreaterThan(0);
  });
});

describe('launch choice (karp-select-cheapest-ondemand)', () => {
  const two = [
    fakeInstanceType('test-instance1', 1000, 1024, 110, { cpuMillis: 0, memoryMiB: 0 }, [
      { zone: FAKE_ZONE, capacityType: 'on-demand', price: 1.0, available: true },
      { zone: FAKE_ZONE, capacityType: 'spot', price: 0.2, available: true },
    ]),
    fakeInstanceType('test-instance2', 1000, 1024, 110, { cpuMillis: 0, memoryMiB: 0 }, [
      { zone: FAKE_ZONE, capacityType: 'on-demand', price: 1.3, available: true },
      { zone: FAKE_ZONE, capacityType: 'spot', price: 0.1, available: true },
    ]),
  ];
  it('compares only on-demand offerings when the pool is on-demand', () => {
    const od = testNodePool({ requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }] });
    const r = solveScheduling({ pods: pods(1, 0, 0), templates: [{ nodePool: od, instanceTypes: two }] });
    expect(launched(r)).toMatchObject({ instanceType: 'test-instance1', capacityType: 'on-demand' });
  });
  it('prefers spot whenever allowed', () => {
    const r = solveScheduling({ pods: pods(1, 0, 0), templates: [{ nodePool: pool, instanceTypes: two }] });
    expect(launched(r)).toMatchObject({ instanceType: 'test-instance2', capacityType: 'spot', price: 0.1 });
  });
  it('skips unavailable offerings (e.g. after a spot interruption)', () => {
    const blocked = two.map((t) => ({ ...t, offerings: t.offerings.map((o) => (o.capacityType === 'spot' && t.name === 'test-instance2' ? { ...o, available: false } : o)) }));
    const r = solveScheduling({ pods: pods(1, 0, 0), templates: [{ nodePool: pool, instanceTypes: blocked }] });
    expect(launched(r)).toMatchObject({ instanceType: 'test-instance1', capacityType: 'spot' });
  });
  it('worst launch price uses the capacity type that would launch', () => {
    expect(worstLaunchPrice(two[0], new Map())).toBe(0.2);
    expect(worstLaunchPrice(two[0], requirementsFrom([{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }]))).toBe(1.0);
  });
  it(`truncates options to the ${MAX_INSTANCE_TYPES} cheapest`, () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      fakeInstanceType(`t${i}`, 4000, 8192, 110, { cpuMillis: 0, memoryMiB: 0 }, [{ zone: FAKE_ZONE, capacityType: 'on-demand', price: 1 + i / 1000, available: true }]),
    );
    const r = solveScheduling({ pods: pods(1, 100, 10), templates: [{ nodePool: pool, instanceTypes: many.reverse() }] });
    const opts = r.newNodeClaims[0].instanceTypeOptions;
    expect(opts).toHaveLength(MAX_INSTANCE_TYPES);
    expect(opts[0].name).toBe('t0');
  });
});
