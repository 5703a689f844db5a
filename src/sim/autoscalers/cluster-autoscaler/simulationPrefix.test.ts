import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planScaleDown, type ScaleDownInput, type ScaleDownResult } from './scaleDown';
import { DEFAULT_CA_OPTIONS } from './flags';
import { simulationCounts, useSimulationPrefix } from './simulationMemo';
import { t3Node } from './engineFixtures';
import type { CaNode, CaPod, PdbStatus } from './types';

/*
 * simulationPrefix.ts replays the last simulation's leading trials when pods moved elsewhere. A
 * fresh simulation (simulator/cluster.go SimulateNodeRemoval per candidate, in planner.go's
 * order, as removalSimulation.ts runs it) must give exactly the same statuses, log lines,
 * unneeded nodes and recheck deadlines, loop after loop.
 */

afterEach(() => useSimulationPrefix(true));

const node = (i: number, cpu: number, extra: Partial<CaNode> = {}): CaNode =>
  t3Node(`n${String(i).padStart(2, '0')}`, { allocatable: { cpuMillis: cpu, memoryMiB: 4000, pods: 20 }, ...extra });

const pod = (name: string, nodeName: string, cpu: number, pdb?: string): CaPod => ({
  name,
  namespace: 'default',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis: cpu, memoryMiB: 64 },
  nodeName,
  ...(pdb ? { pdbName: pdb } : {}),
});

/** One loop's cluster: the nodes, the pod views bound to them, and the budgets. */
interface Loop {
  nodes: CaNode[];
  pods: CaPod[];
  pdbs: PdbStatus[];
}

type Change =
  | { kind: 'move'; pod: number; to: number }
  | { kind: 'remove'; pod: number }
  | { kind: 'replace'; pod: number }
  | { kind: 'daemon'; to: number; cpu: number }
  | { kind: 'add'; to: number; cpu: number }
  | { kind: 'cordon'; node: number }
  | { kind: 'dropNode'; node: number }
  | { kind: 'budget'; allowed: number };

/** The next loop's cluster: every pod view not touched by the change is the very same object. */
function apply(loop: Loop, change: Change, serial: number): Loop {
  const { nodes, pods } = loop;
  const nodeName = (k: number) => nodes[k % nodes.length].name;
  switch (change.kind) {
    case 'move': {
      if (pods.length === 0) return loop;
      const k = change.pod % pods.length;
      return { ...loop, pods: pods.map((p, i) => (i === k ? { ...p, nodeName: nodeName(change.to) } : p)) };
    }
    case 'replace': {
      // Its ReplicaSet's new pod, the same size on the same node: the node's utilization stays.
      if (pods.length === 0) return loop;
      const k = change.pod % pods.length;
      return { ...loop, pods: pods.map((p, i) => (i === k ? { ...p, name: `again-${serial}` } : p)) };
    }
    case 'daemon': {
      // Not evicted by a drain, yet counted in its node's utilization: the candidate's pods stay, its utilization moves.
      const ds: CaPod = { ...pod(`ds-${serial}`, nodeName(change.to), change.cpu), ownerKind: 'DaemonSet', isDaemonSet: true };
      return { ...loop, pods: [...pods, ds] };
    }
    case 'remove':
      return pods.length === 0 ? loop : { ...loop, pods: pods.filter((_, i) => i !== change.pod % pods.length) };
    case 'add':
      return { ...loop, pods: [...pods, pod(`new-${serial}`, nodeName(change.to), change.cpu, serial % 3 === 0 ? 'web' : undefined)] };
    case 'cordon': {
      const k = change.node % nodes.length;
      return { ...loop, nodes: nodes.map((n, i) => (i === k ? { ...n, unschedulable: true } : n)) };
    }
    case 'dropNode': {
      if (nodes.length <= 2) return loop;
      const gone = nodeName(change.node);
      return { ...loop, nodes: nodes.filter((n) => n.name !== gone), pods: pods.filter((p) => p.nodeName !== gone) };
    }
    case 'budget':
      return { ...loop, pdbs: [{ name: 'web', namespace: 'default', disruptionsAllowed: change.allowed }] };
  }
}

/** The flags a run varies: the planner's threshold, its unneeded-nodes limit (through the parallelism) and the recheck timeout. */
interface Flags {
  threshold: number;
  parallelism: number;
  recheckSeconds: number;
}

function inputOf(loop: Loop, now: number, prev: ScaleDownResult | undefined, flags: Flags): ScaleDownInput {
  return {
    nowSeconds: now,
    nodes: loop.nodes,
    pods: loop.pods,
    pdbs: loop.pdbs,
    groups: [{ name: 'ng1', minSize: 0, targetSize: loop.nodes.length }],
    options: {
      ...DEFAULT_CA_OPTIONS,
      scaleDownUtilizationThreshold: flags.threshold,
      maxScaleDownParallelism: flags.parallelism,
      unremovableNodeRecheckTimeoutSeconds: flags.recheckSeconds,
    },
    unneededSince: prev?.unneededSince ?? {},
    unremovable: prev?.unremovable,
    lastUpdateAtSeconds: prev ? now - 10 : undefined,
    minUpdateIntervalSeconds: prev?.minUpdateIntervalSeconds,
  };
}

/** Every loop's result, with the prefix replay on or off. */
function runLoops(loops: readonly Loop[], flags: Flags, prefix: boolean): ScaleDownResult[] {
  useSimulationPrefix(prefix);
  const out: ScaleDownResult[] = [];
  let prev: ScaleDownResult | undefined;
  loops.forEach((loop, k) => {
    // Off, every loop gets fresh copies of the views as well: nothing at all is carried over.
    const r = planScaleDown(inputOf(prefix ? loop : structuredClone(loop), 10 * (k + 1), prev, flags));
    out.push(r);
    prev = r;
  });
  return out;
}

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('move' as const), pod: fc.nat(), to: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), pod: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), pod: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('daemon' as const), to: fc.nat(), cpu: fc.integer({ min: 50, max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), to: fc.nat(), cpu: fc.integer({ min: 50, max: 900 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cordon' as const), node: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropNode' as const), node: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('budget' as const), allowed: fc.integer({ min: 0, max: 3 }) }) },
);

describe('going on from the last simulation’s unchanged trials (simulationPrefix.ts)', () => {
  it('gives what a fresh simulation gives, loop after loop, as pods move, go, come or are replaced and nodes leave', () => {
    let replayedTrials = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 600, max: 2000 }), { minLength: 3, maxLength: 14 }),
        fc.array(fc.record({ node: fc.nat(), cpu: fc.integer({ min: 50, max: 900 }), pdb: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.record({ threshold: fc.constantFrom(0.5, 0.8, 1.01), parallelism: fc.constantFrom(10, 1), recheckSeconds: fc.constantFrom(300, 0) }),
        (capacities, placements, changes, flags) => {
          const nodes = capacities.map((cpu, k) => node(k, cpu));
          const pods = placements.map((p, k) => pod(`p${k}`, nodes[p.node % nodes.length].name, p.cpu, p.pdb ? 'web' : undefined));
          const loops: Loop[] = [{ nodes, pods, pdbs: [{ name: 'web', namespace: 'default', disruptionsAllowed: 2 }] }];
          let serial = 0;
          for (const step of changes) loops.push(step.reduce((l, c) => apply(l, c, serial++), loops[loops.length - 1]));
          const fresh = runLoops(loops, flags, false);
          const before = simulationCounts.prefixTrials;
          const withPrefix = runLoops(loops, flags, true);
          replayedTrials += simulationCounts.prefixTrials - before;
          expect(withPrefix).toEqual(fresh);
        },
      ),
      { numRuns: 300, seed: 29 },
    );
    // The property is about the replay: it must have happened, and often.
    expect(replayedTrials).toBeGreaterThan(300);
  });

  it('replays the trials before a pod leaves the last destination, and runs the rest', () => {
    // Ten light nodes and a full last one: each trial places its pod on n00, never reaching n10.
    const nodes = [...Array.from({ length: 10 }, (_, k) => node(k, 2000)), node(10, 2000)];
    const pods = [
      ...nodes.slice(0, 10).map((n, k) => pod(`light-${k}`, n.name, 100)),
      pod('heavy-a', 'n10', 900),
      pod('heavy-b', 'n10', 900),
    ];
    const first: Loop = { nodes, pods, pdbs: [] };
    const second: Loop = { ...first, pods: pods.filter((p) => p.name !== 'heavy-b') };
    const flags: Flags = { threshold: 0.5, parallelism: 10, recheckSeconds: 300 };
    const fresh = runLoops([first, second], flags, false);
    const before = { ...simulationCounts };
    const withPrefix = runLoops([first, second], flags, true);
    expect(withPrefix).toEqual(fresh);
    // The second loop went on from the last one's trials rather than starting over.
    expect(simulationCounts.fromPrefix).toBe(before.fromPrefix + 1);
    expect(simulationCounts.prefixTrials - before.prefixTrials).toBeGreaterThanOrEqual(5);
  });

  it('does not replay a blocked trial whose node’s utilization moved, though its pods stayed', () => {
    // n00's pod may not be evicted (its budget allows no disruption); a DaemonSet pod then lands on n00.
    const nodes = [node(0, 2000), node(1, 2000), node(2, 2000)];
    // n01 and n02 are busy: n00 is the only candidate, so its trial is the first in both loops.
    const pods = [pod('guarded', 'n00', 100, 'web'), pod('busy-1', 'n01', 1500), pod('busy-2', 'n02', 1500)];
    const first: Loop = { nodes, pods, pdbs: [{ name: 'web', namespace: 'default', disruptionsAllowed: 0 }] };
    const ds: CaPod = { ...pod('ds-n00', 'n00', 300), ownerKind: 'DaemonSet', isDaemonSet: true };
    const second: Loop = { ...first, pods: [...pods, ds] };
    const flags: Flags = { threshold: 0.5, parallelism: 10, recheckSeconds: 0 };
    const fresh = runLoops([first, second], flags, false);
    const withPrefix = runLoops([first, second], flags, true);
    expect(withPrefix).toEqual(fresh);
    const blocked = withPrefix[1].nodes.find((n) => n.node === 'n00')!;
    expect(blocked.state).toBe('blocked');
    expect(blocked.explanation.params?.utilization).toBe('0.20');
  });
});
