import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { podIsActive } from '../../lifecycle/apply';
import { deploymentPods } from '../../resources/workloadKinds';
import { deployment, rolloutCpuRequests, scenario } from '../../testing/fixtures';
import { listTargetPods } from './controller';

describe("the HPA controller's listing of its target's pods", () => {
  it("is deploymentPods' list and count through a rollout (two ReplicaSets), reused list and all", () => {
    const world = createWorld(scenario(), [deployment('web', 8, '100m', '64Mi'), deployment('api', 3, '100m', '64Mi')]);
    for (let i = 0; i < 30; i++) step(world);
    rolloutCpuRequests(world, 'web', 150);
    let withTwoReplicaSets = 0;
    for (let i = 0; i < 120; i++) {
      step(world);
      for (const name of ['web', 'api']) {
        const target = world.deployments.get(name)!;
        const expected = deploymentPods(world, target);
        const listed = listTargetPods(world, target, 'default');
        expect(listed.pods.map((p) => p.name)).toEqual(expected.map((p) => p.name));
        expect(listed.active).toBe(expected.filter(podIsActive).length);
        expect(listed.inNamespace).toBe(true);
      }
      const owners = new Set(deploymentPods(world, world.deployments.get('web')!).map((p) => p.ownerName));
      if (owners.size > 1) withTwoReplicaSets++;
    }
    expect(withTwoReplicaSets).toBeGreaterThan(5);
    expect(listTargetPods(world, world.deployments.get('web')!, 'other').inNamespace).toBe(false);
  });
});
