import { describe, expect, it } from 'vitest';
import type { TopologySpreadConstraint } from '../../core/types';
import { fakeInstanceType, testNodePool } from './fidelityFixtures';
import { chooseLaunch } from './offeringSelection';
import { LABEL_HOSTNAME, LABEL_ZONE } from './requirements';
import { solveScheduling } from './scheduling';
import type { ExistingNode, PodToSchedule } from './types';

/**
 * Karpenter's topology spread in provisioning (kubernetes-sigs/karpenter
 * pkg/controllers/provisioning/scheduling/topologygroup.go nextDomainTopologySpread, domainMinCount).
 */
const ZONES = ['zone-a', 'zone-b', 'zone-c', 'zone-d'];
// One type, cheapest in zone-c: without spread every pod would pack there.
const types = [
  fakeInstanceType(
    '8-cpu',
    8000,
    16384,
    20,
    { cpuMillis: 100, memoryMiB: 100 },
    ZONES.map((zone) => ({ zone, capacityType: 'on-demand' as const, price: zone === 'zone-c' ? 0.3 : 0.4, available: true })),
  ),
];
const templates = [{ nodePool: testNodePool(), instanceTypes: types }];

function spreadPods(n: number, key: string, maxSkew = 1, extra: Partial<TopologySpreadConstraint> = {}): PodToSchedule[] {
  const c: TopologySpreadConstraint = { maxSkew, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra };
  return Array.from({ length: n }, (_, i) => ({ name: `web-${i}`, cpuMillis: 1000, memoryMiB: 512, labels: { app: 'web' }, topologySpread: [c] }));
}

const zonesOf = (r: ReturnType<typeof solveScheduling>) =>
  r.newNodeClaims.map((c) => ({ zone: chooseLaunch(c.instanceTypeOptions, c.requirements)?.zone, pods: c.pods.length }));

describe('Karpenter provisioning honours hard topology spread', () => {
  it('five zone-spread pods open one NodeClaim per zone, each launched in its zone, the fifth joining the first', () => {
    const r = solveScheduling({ pods: spreadPods(5, LABEL_ZONE), templates });
    expect(r.podErrors).toEqual([]);
    expect(zonesOf(r)).toEqual([
      { zone: 'zone-a', pods: 2 },
      { zone: 'zone-b', pods: 1 },
      { zone: 'zone-c', pods: 1 },
      { zone: 'zone-d', pods: 1 },
    ]);
  });

  it('without the constraint the same pods pack on one NodeClaim in the cheapest zone', () => {
    const plain = spreadPods(5, LABEL_ZONE).map(({ topologySpread: _t, ...p }) => p);
    expect(zonesOf(solveScheduling({ pods: plain, templates }))).toEqual([{ zone: 'zone-c', pods: 5 }]);
  });

  it('counts the matching pods already on existing nodes: zone-a holds two, so the new pods go elsewhere first', () => {
    const existing: ExistingNode = {
      name: 'old',
      labels: { [LABEL_ZONE]: 'zone-a', [LABEL_HOSTNAME]: 'old' },
      taints: [],
      allocatable: { cpuMillis: 2000, memoryMiB: 4096, pods: 10 },
      requested: { cpuMillis: 2000, memoryMiB: 1024, pods: 2 },
      initialized: true,
      pods: spreadPods(2, LABEL_ZONE).map((p) => ({ ...p, name: `old-${p.name}` })),
    };
    const r = solveScheduling({ pods: spreadPods(3, LABEL_ZONE), existingNodes: [existing], templates });
    expect(zonesOf(r).map((z) => z.zone).sort()).toEqual(['zone-b', 'zone-c', 'zone-d']);
  });

  it('a hostname spread with maxSkew 1 gives every pod a NodeClaim of its own', () => {
    const r = solveScheduling({ pods: spreadPods(4, LABEL_HOSTNAME), templates });
    expect(r.newNodeClaims.map((c) => c.pods.length)).toEqual([1, 1, 1, 1]);
  });

  it('a pod whose node affinity allows only zone-b and zone-c spreads over those two', () => {
    const pods = spreadPods(4, LABEL_ZONE).map((p) => ({ ...p, requiredNodeAffinity: [[{ key: LABEL_ZONE, operator: 'In' as const, values: ['zone-b', 'zone-c'] }]] }));
    const r = solveScheduling({ pods, templates });
    expect(zonesOf(r)).toEqual([
      { zone: 'zone-b', pods: 2 },
      { zone: 'zone-c', pods: 2 },
    ]);
  });

  it('ScheduleAnyway is tried as if required first, so the pods still spread when they can', () => {
    const r = solveScheduling({ pods: spreadPods(5, LABEL_ZONE, 1, { whenUnsatisfiable: 'ScheduleAnyway' }), templates });
    expect(zonesOf(r).map((z) => z.zone)).toEqual(['zone-a', 'zone-b', 'zone-c', 'zone-d']);
  });

  it('a ScheduleAnyway spread that cannot be met is relaxed instead of leaving the pod unschedulable', () => {
    // zone-a has room but already two matching pods; zone-b has none but no room; the pool's CPU limit
    // allows no new node. As required the spread fits nowhere; relaxed, the pod goes to zone-a.
    const node = (name: string, zone: string, used: number, pods: PodToSchedule[]): ExistingNode => ({
      name,
      labels: { [LABEL_ZONE]: zone, [LABEL_HOSTNAME]: name },
      taints: [],
      allocatable: { cpuMillis: 8000, memoryMiB: 16384, pods: 20 },
      requested: { cpuMillis: used, memoryMiB: 1024, pods: pods.length },
      initialized: true,
      pods,
    });
    const existingNodes = [node('a', 'zone-a', 2000, spreadPods(2, LABEL_ZONE).map((p) => ({ ...p, name: `a-${p.name}` }))), node('b', 'zone-b', 8000, [])];
    const full = [{ nodePool: testNodePool({ limits: { cpuMillis: 0 } }), instanceTypes: types }];
    const one = (whenUnsatisfiable: 'ScheduleAnyway' | 'DoNotSchedule') => spreadPods(1, LABEL_ZONE, 1, { whenUnsatisfiable });
    expect(solveScheduling({ pods: one('DoNotSchedule'), existingNodes, templates: full }).podErrors).toHaveLength(1);
    const relaxed = solveScheduling({ pods: one('ScheduleAnyway'), existingNodes, templates: full });
    expect(relaxed.podErrors).toEqual([]);
    expect(relaxed.existingPlacements).toEqual([{ pod: 'web-0', node: 'a' }]);
  });
});
