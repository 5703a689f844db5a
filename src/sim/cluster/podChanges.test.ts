import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { deployment, rolloutCpuRequests, scenario } from '../testing/fixtures';
import { deploymentPodsVersion } from './podChanges';

describe("a Deployment's count of changes to its pods", () => {
  it("moves with its own pods' changes and with commands, not with another Deployment's pods", () => {
    const world = createWorld(scenario(), [deployment('web', 3, '100m', '64Mi'), deployment('api', 2, '100m', '64Mi')]);
    for (let i = 0; i < 60; i++) step(world);
    const api = deploymentPodsVersion(world, 'api');
    const web = deploymentPodsVersion(world, 'web');
    expect(web).toBeGreaterThan(0);
    // Enqueued now, the command is applied at the next tick: both counts move once for it.
    rolloutCpuRequests(world, 'web', 150);
    step(world);
    expect(deploymentPodsVersion(world, 'api')).toBe(api + 1);
    // web's new ReplicaSet's pods are created, bound and started, and its old ones go.
    for (let i = 0; i < 120; i++) step(world);
    expect(deploymentPodsVersion(world, 'web')).toBeGreaterThan(web + 10);
    expect(deploymentPodsVersion(world, 'api')).toBe(api + 1);
  });
});
