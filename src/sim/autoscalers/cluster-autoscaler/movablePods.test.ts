import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../../core/step';
import { caExampleWorld } from './engineFixtures';
import { DEFAULT_CA_OPTIONS } from './flags';
import { movablePods, movablePodsCounts, verifyMovableReuse } from './movablePods';
import type { CaPod } from './types';
import { useSimulationPrefix } from './simulationMemo';

/**
 * The removal simulation prepares each candidate's movable pods (drain blocker, keys, node-local
 * rules) once per list, and reuses it while the list is the same object (movablePods.ts). With
 * verification on, every reuse is compared with a fresh preparation.
 */
describe('the removal simulation reuses a movable list only while it is what a fresh preparation gives', () => {
  beforeAll(() => verifyMovableReuse(true));
  afterAll(() => verifyMovableReuse(false));

  it('through the whole scale-out and scale-in of examples/ca-nginx-scaleout.yaml, every reuse matches a fresh preparation', () => {
    const { world, durationMs } = caExampleWorld();
    const before = { ...movablePodsCounts };
    // Every trial run, none replayed from the last simulation (simulationPrefix.ts), to prepare lists as often as possible.
    useSimulationPrefix(false);
    try {
      while (world.timeMs < durationMs) step(world);
    } finally {
      useSimulationPrefix(true);
    }
    // 5 lists prepared, 14 reused (each checked) in this run.
    expect(movablePodsCounts.prepared - before.prepared).toBeGreaterThan(2);
    expect(movablePodsCounts.reused - before.reused).toBeGreaterThan(10);
  });

  const pod = (name: string, extra: Partial<CaPod> = {}): CaPod => ({
    name,
    namespace: 'default',
    ownerKind: 'ReplicaSet',
    requests: { cpuMillis: 500, memoryMiB: 512 },
    nodeName: 'n1',
    ...extra,
  });

  it('answers as the pods say, reuses the answer for the same list and flags, and refuses a pod changed in place', () => {
    const list = [pod('a'), pod('b'), pod('c', { requests: { cpuMillis: 100, memoryMiB: 64 } }), pod('d', { annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' } })];
    const first = movablePods(list, DEFAULT_CA_OPTIONS);
    expect(first.keys).toEqual(['default/a', 'default/b', 'default/c', 'default/d']);
    expect(first.blocker).toBe('pod annotated as not safe to evict present: d');
    expect(first.sameRulesAsPrevious).toEqual([false, true, false, false]);
    expect(first.clusterWide).toEqual([false, false, false, false]);
    expect(movablePods(list, DEFAULT_CA_OPTIONS)).toBe(first);
    // Other drain flags are another key.
    const local = [pod('e', { hasLocalStorage: true })];
    expect(movablePods(local, { ...DEFAULT_CA_OPTIONS, skipNodesWithLocalStorage: false }).blocker).toBeUndefined();
    expect(movablePods(local, { ...DEFAULT_CA_OPTIONS, skipNodesWithLocalStorage: true }).blocker).toBe('pod with local storage present: e');
    // A view written to in place (views never change: worldView.ts) is caught.
    (list[1] as { name: string }).name = 'b2';
    expect(() => movablePods(list, DEFAULT_CA_OPTIONS)).toThrow(/a pod view changed in place/);
  });
});
