import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { checkInvariants } from '../core/invariants';
import { deployment, rolloutCpuRequests, scenario } from '../testing/fixtures';
import { BURST_REPLICAS } from './workloads';

describe('Deployment rolling update', () => {
  it('replaces every pod within maxSurge 25% and maxUnavailable 25%', () => {
    const world = createWorld(scenario(), [deployment('web', 8, '100m', '64Mi')]);
    for (let i = 0; i < 30; i++) step(world);
    rolloutCpuRequests(world, 'web', 150);
    let maxTotal = 0;
    let minReady = Infinity;
    for (let i = 0; i < 120; i++) {
      step(world);
      expect(checkInvariants(world)).toEqual([]);
      const pods = [...world.pods.values()].filter((p) => p.deployment === 'web' && p.state !== 'Terminating');
      maxTotal = Math.max(maxTotal, pods.length);
      minReady = Math.min(minReady, pods.filter((p) => p.state === 'Ready').length);
    }
    const pods = [...world.pods.values()].filter((p) => p.deployment === 'web');
    expect(pods.map((p) => [p.request.cpuMillis, p.state])).toEqual(Array.from({ length: 8 }, () => [150, 'Ready']));
    expect(maxTotal).toBe(10); // 8 + ceil(25% of 8)
    expect(minReady).toBeGreaterThanOrEqual(6); // 8 − floor(25% of 8)
    // The old ReplicaSet stays, scaled to 0, as rollout history.
    expect([...world.replicaSets.values()].filter((rs) => rs.deployment === 'web').map((rs) => rs.replicas).sort()).toEqual([0, 8]);
  });
});

describe('ReplicaSet controller burst', () => {
  // kubernetes/kubernetes pkg/controller/replicaset/replica_set.go: manageReplicas caps both
  // creations and deletions at burstReplicas (BurstReplicas = 500) per sync.
  const webPods = (world: ReturnType<typeof createWorld>) => [...world.pods.values()].filter((p) => p.deployment === 'web');

  it('creates at most 500 pods per sync, and the rest on the following syncs', () => {
    const world = createWorld(scenario(), [deployment('web', 1200, '10m', '16Mi')]);
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      step(world);
      counts.push(webPods(world).length);
    }
    expect(BURST_REPLICAS).toBe(500);
    expect(counts).toEqual([500, 1000, 1200, 1200]);
    const created = world.events.filter((e) => e.reason === 'SuccessfulCreate' && e.name.startsWith('web-'));
    expect(created.length).toBe(1200);
  });

  it('deletes at most 500 pods per sync when scaled down', () => {
    const world = createWorld(scenario(), [deployment('web', 1200, '10m', '16Mi')]);
    for (let i = 0; i < 5; i++) step(world);
    world.deployments.get('web')!.replicas = 100;
    world.workloadsDirty = true;
    const deleting: number[] = [];
    for (let i = 0; i < 3; i++) {
      step(world);
      deleting.push(world.events.filter((e) => e.reason === 'SuccessfulDelete').length);
    }
    expect(deleting).toEqual([500, 1000, 1100]);
  });
});
