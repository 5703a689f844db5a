import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { podIsActive } from '../../lifecycle/apply';
import { deploymentPods } from '../../resources/workloadKinds';
import { deployment, rolloutCpuRequests, scenario } from '../../testing/fixtures';
import { listTargetPods } from './targetListing';
import { classifyWorldPod, UtilizationAccumulator, utilizationTotals } from './utilizationTotals';
import { DEFAULT_HPA_CONTROLLER_CONFIG } from './types';
import type { PodGroupingOptions } from './podGrouping';

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

/**
 * The listing and its plan for the totals are kept while no pod changes (world.podsVersion):
 * asked at every tick, through pods starting, getting their metrics, leaving their CPU
 * initialization period and a rollout, the kept totals are the ones a fresh pass over
 * deploymentPods gives (UtilizationAccumulator.add on each pod's own metric).
 */
describe("the HPA's kept listing and totals", () => {
  it('match a fresh pass over the pods at every tick, for CPU with readiness checks and for memory', () => {
    // web's pods turn Ready 20 s after they run: a first sample whose window began before that is
    // stale, and the pod unready while it initializes (classifyWorldPod).
    const web = deployment('web', 8, '100m', '64Mi');
    const container = (web as unknown as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } }).spec.template.spec.containers[0];
    container.readinessProbe = { initialDelaySeconds: 20 };
    const world = createWorld(scenario(), [web, deployment('api', 3, '100m', '64Mi')]);
    const counts = { compared: 0, withTotals: 0, readyInitializing: 0, unreadyInitializing: 0, kept: 0 };
    let lastVersion = -1;
    for (let i = 0; i < 900; i++) {
      if (i === 420) rolloutCpuRequests(world, 'web', 150);
      step(world);
      if (world.podsVersion === lastVersion) counts.kept++;
      lastVersion = world.podsVersion;
      const nowSeconds = world.timeMs / 1000;
      for (const name of ['web', 'api']) {
        const target = world.deployments.get(name)!;
        const fresh = deploymentPods(world, target);
        for (const resource of ['cpu', 'memory'] as const) {
          const options: PodGroupingOptions = {
            cpuReadinessChecks: resource === 'cpu',
            nowSeconds,
            cpuInitializationPeriodSeconds: DEFAULT_HPA_CONTROLLER_CONFIG.cpuInitializationPeriodSeconds,
            initialReadinessDelaySeconds: DEFAULT_HPA_CONTROLLER_CONFIG.initialReadinessDelaySeconds,
          };
          const kept = new UtilizationAccumulator(resource, options);
          listTargetPods(world, target, 'default', kept);
          const expected = utilizationTotals(fresh, resource, options);
          expect(kept.totals()).toEqual(expected);
          counts.compared++;
          if (expected) counts.withTotals++;
          const initializing = fresh.filter((p) => p.scheduledMs >= 0 && p.scheduledMs / 1000 + options.cpuInitializationPeriodSeconds > nowSeconds && p.metric);
          if (resource === 'cpu' && initializing.some((p) => classifyWorldPod(p, 1, options) === 'unready')) counts.unreadyInitializing++;
          if (resource === 'cpu' && initializing.some((p) => classifyWorldPod(p, 1, options) === 'ready')) counts.readyInitializing++;
        }
      }
    }
    // The comparisons covered kept listings, answered totals, and pods in their initialization period.
    expect(counts.kept).toBeGreaterThan(300);
    expect(counts.withTotals).toBeGreaterThan(1000);
    expect(counts.readyInitializing).toBeGreaterThan(100);
    expect(counts.unreadyInitializing).toBeGreaterThan(5);
  });
});

describe("the HPA's kept plan for one resource", () => {
  it('settles pods leaving their CPU initialization period in place, giving the totals a fresh pass gives', () => {
    // Asked for CPU only, so the plan is kept from tick to tick (asking for memory in between re-plans it).
    const web = deployment('web', 8, '100m', '64Mi');
    const container = (web as unknown as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } }).spec.template.spec.containers[0];
    container.readinessProbe = { initialDelaySeconds: 20 };
    const world = createWorld(scenario(), [web]);
    let answered = 0;
    let keptPastInitialization = 0;
    for (let i = 0; i < 700; i++) {
      if (i === 500) rolloutCpuRequests(world, 'web', 150);
      step(world);
      const nowSeconds = world.timeMs / 1000;
      const options: PodGroupingOptions = {
        cpuReadinessChecks: true,
        nowSeconds,
        cpuInitializationPeriodSeconds: DEFAULT_HPA_CONTROLLER_CONFIG.cpuInitializationPeriodSeconds,
        initialReadinessDelaySeconds: DEFAULT_HPA_CONTROLLER_CONFIG.initialReadinessDelaySeconds,
      };
      const target = world.deployments.get('web')!;
      const before = listTargetPods(world, target, 'default');
      const kept = new UtilizationAccumulator('cpu', options);
      const listed = listTargetPods(world, target, 'default', kept);
      const expected = utilizationTotals(deploymentPods(world, target), 'cpu', options);
      expect(kept.totals()).toEqual(expected);
      if (expected) answered++;
      const passed = listed.pods.filter((p) => p.scheduledMs >= 0 && p.scheduledMs / 1000 + options.cpuInitializationPeriodSeconds <= nowSeconds);
      if (listed === before && passed.length > 0 && passed.length < listed.pods.length) keptPastInitialization++;
    }
    expect(answered).toBeGreaterThan(300);
    expect(keptPastInitialization).toBeGreaterThan(0);
  });
});
