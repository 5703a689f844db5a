import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { planScaleDown, type ScaleDownInput, type ScaleDownResult } from './scaleDown';
import { DEFAULT_CA_OPTIONS, parseCaFlags, type CaOptions } from './flags';
import { nextMinUpdateInterval, unneededNodesLimit } from './planner';
import type { CaNode, CaPod } from './types';
import { en } from '../../../testing/messages';
import { createWorld } from '../../bootstrap';
import { nodeGroup, scenario } from '../../testing/fixtures';
import { AUTO_DISCOVERY_TAGS, SEED_CA_FLAGS, caDeployment, nginxToScaleout, runChecked, t3Node } from './engineFixtures';
import { runCaScan } from './scan';
import { caMachineStateName, caState } from './state';
import { simulationCounts } from './simulationMemo';

/*
 * The scale-down planner's per-loop economy, as in cluster-autoscaler 1.33:
 * - core/scaledown/planner/planner.go (categorizeNodes, unneededNodesLimit, UpdateClusterState);
 * - core/scaledown/unremovable/nodes.go (recheck deadlines, Update);
 * - core/scaledown/eligibility/eligibility.go (FilterOutUnremovable skips RecentlyUnremovable nodes);
 * - processors/nodes/pre_filtering_processor.go (groups at min size give no candidates);
 * - processors/scaledowncandidates (empty nodes first, then the previous loop's unneeded nodes).
 */

const node = (i: number, extra: Partial<CaNode> = {}): CaNode => t3Node(`n${String(i).padStart(2, '0')}`, extra);
const app = (name: string, nodeName: string, cpu = 100, extra: Partial<CaPod> = {}): CaPod => ({
  name,
  namespace: 'default',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis: cpu, memoryMiB: 64 },
  nodeName,
  ...extra,
});
const systemPod = (nodeName: string): CaPod => app(`metrics-${nodeName}`, nodeName, 100, { namespace: 'kube-system' });

function input(nodes: CaNode[], pods: CaPod[], over: Partial<ScaleDownInput> = {}, opts: Partial<CaOptions> = {}): ScaleDownInput {
  return {
    nowSeconds: 0,
    nodes,
    pods,
    groups: [{ name: 'ng1', minSize: 0, targetSize: nodes.length }],
    options: { ...DEFAULT_CA_OPTIONS, ...opts },
    unneededSince: {},
    ...over,
  };
}

/** The next loop's input: the planner's memory carried as scanScaleDown carries it. */
function next(prev: ScaleDownInput, r: ScaleDownResult, now: number): ScaleDownInput {
  return {
    ...prev,
    nowSeconds: now,
    unneededSince: r.unneededSince,
    unremovable: r.unremovable,
    lastUpdateAtSeconds: prev.nowSeconds,
    minUpdateIntervalSeconds: r.minUpdateIntervalSeconds,
  };
}

const statusOf = (r: ScaleDownResult, name: string) => r.nodes.find((n) => n.node === name)!;

describe('unremovable-node recheck timeout (unremovable/nodes.go, eligibility.go)', () => {
  // Three lightly used nodes; n00 holds a kube-system pod without a PDB, so its drain is blocked.
  const nodes = [node(0), node(1), node(2)];
  const pods = [systemPod('n00'), app('web-1', 'n01'), app('web-2', 'n02')];

  it('does not re-simulate a node found unremovable until --unremovable-node-recheck-timeout (5m) has passed', () => {
    let i = input(nodes, pods);
    let r = planScaleDown(i);
    expect(statusOf(r, 'n00').state).toBe('blocked');
    expect(r.unremovable.n00).toEqual({
      atSeconds: 0,
      untilSeconds: 300,
      reason: 'non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: metrics-n00',
    });
    expect(r.simulated).toBe(3);
    expect(r.logs.map((l) => l.message)).toContain('1 nodes found to be unremovable in simulation, will re-check them at 5m0s');

    for (const now of [10, 150, 290]) {
      i = next(i, r, now);
      r = planScaleDown(i);
      const s = statusOf(r, 'n00');
      expect(s.reason).toBe('RecentlyUnremovable');
      expect(s.state).toBe('blocked');
      // Only the two other nodes are simulated; the deadline is kept, not pushed back.
      expect(r.simulated).toBe(2);
      expect(r.unremovable.n00.untilSeconds).toBe(300);
      expect(r.logs.map((l) => l.message)).toContain('Scale-down calculation: ignoring 1 nodes unremovable in the last 5m0s');
    }
    expect(en(statusOf(r, 'n00').explanation)).toBe(
      'n00 was found unremovable 4m50s ago (non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: metrics-n00); not simulated again for 10s (--unremovable-node-recheck-timeout)',
    );

    // At the deadline (ttl.After(now) is false) the node is simulated again, and fails again.
    i = next(i, r, 300);
    r = planScaleDown(i);
    expect(r.simulated).toBe(3);
    expect(statusOf(r, 'n00').reason).toMatch(/kube-system pod present/);
    expect(r.unremovable.n00).toMatchObject({ atSeconds: 300, untilSeconds: 600 });
  });

  it('keeps skipping the node even when what blocked it is gone, until the deadline (no reset on pod changes)', () => {
    const i0 = input(nodes, pods);
    const r0 = planScaleDown(i0);
    // The kube-system pod is deleted: upstream still waits for the deadline.
    const i1 = { ...next(i0, r0, 60), pods: pods.filter((p) => p.namespace !== 'kube-system') };
    const r1 = planScaleDown(i1);
    expect(statusOf(r1, 'n00').reason).toBe('RecentlyUnremovable');
    expect(r1.unneededSince.n00).toBeUndefined();
    const r2 = planScaleDown(next(i1, r1, 300));
    expect(statusOf(r2, 'n00').state).toBe('unneeded');
    expect(r2.unneededSince.n00).toBe(300);
  });

  it('drops the deadline of a node that left the cluster', () => {
    const i0 = input(nodes, pods);
    const r0 = planScaleDown(i0);
    const r1 = planScaleDown({ ...next(i0, r0, 10), nodes: nodes.slice(1), pods: pods.slice(1) });
    expect(r1.unremovable.n00).toBeUndefined();
  });

  it('gives ineligible nodes no deadline: only a failed simulation does', () => {
    const busy = [node(0), node(1)];
    const r = planScaleDown(input(busy, [app('big', 'n00', 1500)]));
    expect(statusOf(r, 'n00').reason).toBe('NotUnderutilized');
    expect(r.unremovable).toEqual({});
  });

  it('follows the flag', () => {
    const parsed = parseCaFlags(['--unremovable-node-recheck-timeout=1m']);
    expect(parsed.errors).toEqual([]);
    const i0 = input(nodes, pods, {}, parsed.options);
    const r0 = planScaleDown(i0);
    expect(r0.unremovable.n00.untilSeconds).toBe(60);
    expect(statusOf(planScaleDown(next(i0, r0, 50)), 'n00').reason).toBe('RecentlyUnremovable');
    expect(statusOf(planScaleDown(next(i0, r0, 60)), 'n00').reason).toMatch(/kube-system/);
  });
});

describe('unneeded-nodes limit and candidate order (planner.go, scaledowncandidates)', () => {
  it('computes unneededNodesLimit as upstream: min(known + 2N, N·(unneeded-time / loop interval) + N)', () => {
    const o = { maxScaleDownParallelism: 10, scaleDownUnneededTimeSeconds: 600 };
    // First loop: the interval is still the unneeded time itself.
    expect(unneededNodesLimit(0, nextMinUpdateInterval(undefined, undefined, 0, o), o)).toBe(20);
    expect(unneededNodesLimit(5, 600, o)).toBe(20);
    // With 10 s loops the bound is 610, so known + 20 decides.
    expect(unneededNodesLimit(5, nextMinUpdateInterval(600, 0, 10, o), o)).toBe(25);
    expect(unneededNodesLimit(700, 10, o)).toBe(610);
    // --scale-down-unneeded-time=0: the interval starts at 1 ns, then the real loop interval wins.
    expect(nextMinUpdateInterval(undefined, undefined, 0, { scaleDownUnneededTimeSeconds: 0 })).toBe(1e-9);
    expect(unneededNodesLimit(0, 10, { maxScaleDownParallelism: 10, scaleDownUnneededTimeSeconds: 0 })).toBe(20);
  });

  it('stops simulating once enough removable nodes are found, and finds more on the next loop', () => {
    const nodes = Array.from({ length: 50 }, (_, k) => node(k));
    const i0 = input(nodes, []);
    const r0 = planScaleDown(i0);
    expect(r0.simulated).toBe(20);
    expect(Object.keys(r0.unneededSince)).toEqual(nodes.slice(0, 20).map((n) => n.name));
    const skipped = statusOf(r0, 'n20');
    expect(skipped.state).toBe('not-candidate');
    expect(skipped.reason).toBe('UnneededNodesLimit');
    expect(en(skipped.explanation)).toBe(
      'n20 memory utilization 0.00 < 0.5, not simulated this loop: 20 unneeded node(s) already found (limit 20)',
    );
    expect(r0.logs.map((l) => l.message)).toContain(
      '30 out of 50 nodes skipped in scale down simulation: there are already 20 unneeded nodes so no point in looking for more. Total atomic scale down nodes: 0',
    );
    // Next loop (10 s later): 20 known + 2×10, and the known ones keep their first-seen time.
    const r1 = planScaleDown(next(i0, r0, 10));
    expect(r1.simulated).toBe(40);
    expect(r1.unneededSince.n00).toBe(0);
    expect(r1.unneededSince.n25).toBe(10);
    expect(r1.unneededSince.n45).toBeUndefined();
  });

  it('simulates empty nodes first, then the previous loop’s unneeded nodes, then the rest in node order', () => {
    // Limit 2 (N = 1): which nodes get simulated shows the order.
    const nodes = [node(0), node(1), node(2), node(3)];
    const pods = [app('a', 'n00'), app('b', 'n01'), app('c', 'n03')];
    const o = { maxScaleDownParallelism: 1 };
    const r = planScaleDown(input(nodes, pods, { unneededSince: { n01: 0 } }, o));
    // n02 is empty; n01 was unneeded last loop; n00 and n03 wait.
    expect(Object.keys(r.unneededSince).sort()).toEqual(['n01', 'n02']);
    expect(statusOf(r, 'n00').reason).toBe('UnneededNodesLimit');
    expect(statusOf(r, 'n03').reason).toBe('UnneededNodesLimit');
    // The previously unneeded node keeps its timer.
    expect(r.unneededSince.n01).toBe(0);
  });

  it('forgets the timer of a previously unneeded node the limit kept out (unneeded/nodes.go Update)', () => {
    const nodes = [node(0), node(1), node(2), node(3)];
    const pods = [app('a', 'n00'), app('b', 'n01'), app('c', 'n02'), app('d', 'n03')];
    // Three known unneeded nodes, N = 1: known + 2 = 5 would allow all, but the upper bound
    // N·(60 s / 30 s) + N = 3 stops after three.
    const o = { maxScaleDownParallelism: 1, scaleDownUnneededTimeSeconds: 60 };
    const r = planScaleDown(input(nodes, pods, { unneededSince: { n01: 0, n02: 0, n03: 0 }, minUpdateIntervalSeconds: 30, nowSeconds: 40 }, o));
    expect(r.unneededSince).toEqual({ n01: 0, n02: 0, n03: 0 });
    expect(statusOf(r, 'n00').reason).toBe('UnneededNodesLimit');
  });

  it('stops before the first simulation at --scale-down-simulation-timeout=0s', () => {
    const parsed = parseCaFlags(['--scale-down-simulation-timeout=0s']);
    expect(parsed.errors).toEqual([]);
    expect(parsed.notices).toEqual([]);
    const r = planScaleDown(input([node(0), node(1)], [], {}, parsed.options));
    expect(r.simulated).toBe(0);
    expect(r.unneededSince).toEqual({});
    expect(r.logs.find((l) => l.severity === 'W')?.message).toBe('2 out of 2 nodes skipped in scale down simulation due to timeout.');
    expect(DEFAULT_CA_OPTIONS.scaleDownSimulationTimeoutSeconds).toBe(30);
  });
});

describe('min-size pre-filter (pre_filtering_processor.go)', () => {
  it('gives no candidates from a group at its min size, while its nodes still take pods', () => {
    const nodes = [node(0), node(1, { group: 'ng2' })];
    const pods = [app('a', 'n01')];
    const r = planScaleDown({
      ...input(nodes, pods),
      groups: [
        { name: 'ng1', minSize: 1, targetSize: 1 },
        { name: 'ng2', minSize: 0, targetSize: 1 },
      ],
    });
    const s = statusOf(r, 'n00');
    expect(s.reason).toBe('NodeGroupMinSizeReached');
    expect(en(s.explanation)).toBe('n00: node group ng1 is at its min size (1 ≤ 1), not a scale-down candidate');
    expect(r.logs.map((l) => l.message)).toContain('Skipping n00 - node group min size reached (current: 1, min: 1)');
    // n01's pod moves onto n00 in the simulation.
    expect(statusOf(r, 'n01').destinations).toEqual([{ pod: 'default/a', node: 'n00' }]);
    expect(r.simulated).toBe(1);
  });

  it('still scales a group down to, and not below, its min size', () => {
    const nodes = [node(0), node(1), node(2)];
    const base = input(nodes, [], { lastScaleUpAtSeconds: undefined });
    const r = planScaleDown({ ...base, nowSeconds: 700, unneededSince: { n00: 0, n01: 0, n02: 0 }, groups: [{ name: 'ng1', minSize: 1, targetSize: 3 }] });
    expect(r.deletions.map((d) => d.node)).toEqual(['n00', 'n01']);
  });
});

describe('replaying an unchanged simulation (simulationMemo.ts)', () => {
  it('gives exactly what a fresh simulation gives, with the recheck deadlines stamped now', () => {
    const nodes = Array.from({ length: 30 }, (_, k) => node(k));
    const pods = [systemPod('n00'), ...nodes.slice(1).map((n, k) => app(`web-${k}`, n.name, 100 + 10 * k))];
    const first = input(nodes, pods, { unneededSince: { n05: 0 } });
    planScaleDown(first);
    // Same pod views: the memo replays. Fresh copies of every view: it simulates again.
    const replayed = planScaleDown({ ...first, nowSeconds: 10 });
    const fresh = planScaleDown({ ...first, nowSeconds: 10, pods: structuredClone(pods) });
    expect(replayed.simulated).toBe(21);
    expect(replayed).toEqual(fresh);
    expect(replayed.unremovable.n00).toEqual(fresh.unremovable.n00);
    expect(replayed.unremovable.n00.atSeconds).toBe(10);
    // A changed input is never replayed: a pod moves from n29 to n28.
    const moved = pods.map((p) => (p.nodeName === 'n29' ? { ...p, nodeName: 'n28' } : p));
    const after = planScaleDown({ ...first, nowSeconds: 20, pods: moved });
    expect(after).toEqual(planScaleDown({ ...first, nowSeconds: 20, pods: structuredClone(moved) }));
  });

  it('replays under another unneeded-nodes limit when the loop reached neither, and goes on from where it stopped under a higher one', () => {
    const nodes = Array.from({ length: 40 }, (_, k) => node(k));
    const pods = nodes.map((n, k) => app(`web-${k}`, n.name, 100 + 10 * k));
    // The limit is the nodes unneeded last loop + 2 × --max-scale-down-parallelism (10), with 10 s loops.
    const limited = input(nodes, pods, { minUpdateIntervalSeconds: 10 });
    // The first nodes found unneeded, ranked first next loop as they were found first.
    const timers = (n: number): Record<string, number> => Object.fromEntries(nodes.slice(0, n).map((x) => [x.name, 0]));
    expect(planScaleDown(limited).simulated).toBe(20);
    const fresh = (unneededSince: Record<string, number>, now: number): ScaleDownResult =>
      planScaleDown({ ...limited, nowSeconds: now, unneededSince, pods: structuredClone(pods) });
    // Stopped at 20, under 25 the loop goes on from the 21st candidate as a fresh loop would.
    const before = { ...simulationCounts };
    const raised = planScaleDown({ ...limited, nowSeconds: 10, unneededSince: timers(5) });
    // Stopped again at 25, it goes on under 30.
    const further = planScaleDown({ ...limited, nowSeconds: 20, unneededSince: timers(10) });
    expect(simulationCounts).toEqual({ ...before, resumed: before.resumed + 2 });
    expect([raised.simulated, further.simulated]).toEqual([25, 30]);
    expect(raised).toEqual(fresh(timers(5), 10));
    expect(further).toEqual(fresh(timers(10), 20));
    // A lower limit than the one it stopped at runs afresh.
    const runs = simulationCounts.run;
    expect(planScaleDown({ ...limited, nowSeconds: 30, unneededSince: timers(2) })).toEqual(fresh(timers(2), 30));
    expect(simulationCounts.run).toBeGreaterThan(runs);
    // Ten nodes, all removable: a loop that found 10 runs the same under any limit above 10.
    const few = input(nodes.slice(0, 10), pods.slice(0, 10), { minUpdateIntervalSeconds: 10 }, { maxScaleDownParallelism: 6 });
    expect(planScaleDown(few).simulated).toBe(10);
    const again = { ...simulationCounts };
    const replayed = planScaleDown({ ...few, nowSeconds: 10, unneededSince: timers(3) });
    expect(simulationCounts).toEqual({ ...again, replayed: again.replayed + 1 });
    expect(replayed).toEqual(planScaleDown({ ...few, nowSeconds: 10, unneededSince: timers(3), pods: structuredClone(pods.slice(0, 10)) }));
  });
});

describe('an unhealthy cluster resets the unneeded timers (static_autoscaler.go CleanUpUnneededNodes)', () => {
  it('forgets every unneeded node when too many nodes are unready, and starts their timers again', () => {
    const groups = [nodeGroup({ minSize: 1, desiredCapacity: 6, tags: AUTO_DISCOVERY_TAGS })];
    const w = createWorld(scenario({ nodeGroups: groups }), [caDeployment(), nginxToScaleout(1)]);
    runChecked(w, 120);
    const state = caState(w)!;
    expect(Object.keys(state.unneededSince).length).toBeGreaterThan(0);
    const options = parseCaFlags(SEED_CA_FLAGS).options;
    // Four of six nodes NotReady: more than --ok-total-unready-count (3) and 45 %.
    const nodes = [...w.nodes.values()].filter((n) => n.state === 'Ready').slice(0, 4);
    for (const n of nodes) n.state = 'NotReady';
    w.timeMs += 10_000;
    runCaScan(w, state, options);
    expect(caMachineStateName(state)).toBe('halted');
    expect(state.unneededSince).toEqual({});
    for (const n of nodes) n.state = 'Ready';
    w.timeMs += 10_000;
    runCaScan(w, state, options);
    const since = Object.values(state.unneededSince);
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((t) => t === w.timeMs / 1000)).toBe(true);
  });
});

describe('a failed removal trial leaves the destinations as they were (removalSimulation.ts)', () => {
  it('frees the room its placed pods took before the next candidate is tried', () => {
    const sized = (i: number, cpu: number): CaNode => node(i, { allocatable: { cpuMillis: cpu, memoryMiB: 4000, pods: 10 } });
    const nodes = [sized(0, 2200), sized(1, 1000), sized(2, 1000), sized(3, 1000)];
    // n00's first pod fits only n03; its second nowhere. n01's pod then needs the room n03 had.
    const pods = [app('p1', 'n00', 600), app('p2', 'n00', 1500), app('q', 'n01', 500), app('r', 'n02', 900), app('s', 'n03', 200)];
    const r = planScaleDown(input(nodes, pods, {}, { scaleDownUtilizationThreshold: 1.01 }));
    expect(r.nodes.map((n) => [n.node, n.state, n.reason])).toEqual([
      ['n00', 'blocked', 'can reschedule only 1 out of 2 pods'],
      ['n01', 'unneeded', undefined],
      ['n02', 'blocked', 'can reschedule only 0 out of 1 pods'],
      ['n03', 'blocked', 'can reschedule only 0 out of 1 pods'],
    ]);
    expect(statusOf(r, 'n01').destinations).toEqual([{ pod: 'default/q', node: 'n03' }]);
  });
});

describe('first-fit search hints (removalSimulation.ts, fit.sameNodeLocalRules, roomBounds.ts)', () => {
  it('places every pod where a search from the first node would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cpu: fc.integer({ min: 300, max: 2000 }), pods: fc.integer({ min: 2, max: 12 }) }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.record({ node: fc.nat(), kind: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 40 }),
        (shapes, placements) => {
          const nodes = shapes.map((sh, k) => node(k, { allocatable: { cpuMillis: sh.cpu, memoryMiB: 4000, pods: sh.pods } }));
          const kinds = [100, 250, 100].map((cpu, k) => ({ cpuMillis: cpu, memoryMiB: 64 * (k + 1) }));
          const shared = [[], [], []].map(() => [] as NonNullable<CaPod['tolerations']>);
          const build = (distinct: boolean): CaPod[] =>
            placements.map((pl, k) => ({
              ...app(`p${k}`, nodes[pl.node % nodes.length].name),
              // Shared rule and request objects let the search start at the last pod's node and after
              // the nodes known full for the request (roomBounds.ts); distinct ones do neither.
              requests: distinct ? { ...kinds[pl.kind] } : kinds[pl.kind],
              tolerations: distinct ? [] : shared[pl.kind],
            }));
          const opts = { scaleDownUtilizationThreshold: 1.01 };
          const hinted = planScaleDown(input(nodes, build(false), {}, opts));
          const plain = planScaleDown(input(nodes, build(true), {}, opts));
          expect(hinted.nodes.map((n) => [n.node, n.state, n.destinations])).toEqual(plain.nodes.map((n) => [n.node, n.state, n.destinations]));
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });
});
