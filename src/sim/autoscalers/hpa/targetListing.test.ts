import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import type { Command } from '../../core/commands';
import type { World } from '../../core/types';
import { enqueueCommand } from '../../commands/apply';
import { podIsActive } from '../../lifecycle/apply';
import { deploymentPods } from '../../resources/workloadKinds';
import { deployment, scenario } from '../../testing/fixtures';
import { listTargetPods, replicaSetsByDeploymentName, verifyTargetListingReuse } from './targetListing';

/**
 * The HPA's listing of its target's pods is kept per target and reused while world.podsVersion
 * and the target's ReplicaSets stand still. With verification on, every reuse is also compared with
 * a fresh listing (a pod change that skipped the version throws); each answer is compared here
 * with deploymentPods, the uncached listing.
 */
function expectFresh(world: World, name: string, byName?: ReturnType<typeof replicaSetsByDeploymentName>): boolean {
  const target = world.deployments.get(name);
  if (!target) return false;
  const expected = deploymentPods(world, target);
  const before = listTargetPods(world, target, 'default', byName);
  const again = listTargetPods(world, target, 'default', byName);
  expect(again).toBe(before);
  expect(again.pods).toEqual(expected);
  expect(again.active).toBe(expected.filter(podIsActive).length);
  expect(again.inNamespace).toBe(true);
  return true;
}

const commandFor = (kind: number, name: string, value: number): Command =>
  kind === 0
    ? { type: 'scale', kind: 'deployment', name, namespace: 'default', replicas: value }
    : kind === 1
      ? { type: 'setResources', kind: 'deployment', name, namespace: 'default', container: '*', requests: { cpuMillis: 100 + 10 * value }, limits: {} }
      : { type: 'rolloutRestart', kind: 'deployment', name, namespace: 'default' };

describe("the HPA's kept listing of its target's pods", () => {
  beforeAll(() => verifyTargetListingReuse(true));
  afterAll(() => verifyTargetListingReuse(false));

  it('equals the uncached listing through random scales, rollouts and quiet stretches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.nat(2), target: fc.constantFrom('web', 'api'), value: fc.integer({ min: 0, max: 9 }), ticks: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 8 }),
        (ops) => {
          const world = createWorld(scenario(), [deployment('web', 4, '100m', '64Mi'), deployment('api', 2, '100m', '64Mi')]);
          for (let i = 0; i < 20; i++) step(world);
          for (const op of ops) {
            enqueueCommand(world, { atMs: world.timeMs, input: 'test', command: commandFor(op.kind, op.target, op.value) });
            for (let t = 0; t < op.ticks; t++) {
              step(world);
              const byName = t % 2 === 0 ? replicaSetsByDeploymentName(world) : undefined;
              expectFresh(world, 'web', byName);
              expectFresh(world, 'api', byName);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is rebuilt when a ReplicaSet comes without any pod changing, and refuses a change that skipped the version', () => {
    const world = createWorld(scenario(), [deployment('web', 3, '100m', '64Mi')]);
    for (let i = 0; i < 30; i++) step(world);
    const target = world.deployments.get('web')!;
    const first = listTargetPods(world, target, 'default');
    expect(first.pods.length).toBe(3);
    // A ReplicaSet appears with pods already indexed under it, and the pod version is left as it was.
    const [pod] = first.pods;
    const rs = world.replicaSets.get(pod.ownerName)!;
    world.replicaSets.delete(rs.name);
    expect(listTargetPods(world, target, 'default').pods).toEqual([]);
    world.replicaSets.set(rs.name, rs);
    expect(listTargetPods(world, target, 'default').pods.length).toBe(3);
    // A state write that bypasses the lifecycle (and so the version) is caught by the verification.
    pod.state = 'Gone';
    expect(() => listTargetPods(world, target, 'default')).toThrow(/changed without bumping/);
  });
});
