import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { checkInvariants } from '../../core/invariants';
import { enqueueCommand } from '../../commands/apply';
import { runView } from '../../commands/views';
import { deployment, scenario } from '../../testing/fixtures';
import type { World } from '../../core/types';
import { eventsSince } from '../../core/world';
import type { ManifestDoc } from '../../core/commands';

function run(world: World, seconds: number, each?: (w: World) => void) {
  for (let i = 0; i < seconds; i++) {
    step(world);
    const problems = checkInvariants(world);
    if (problems.length) throw new Error(`t=${world.timeMs / 1000}s: ${problems.join('; ')}`);
    each?.(world);
  }
}

function hpa(name: string, spec: Record<string, unknown>): ManifestDoc {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, ...spec },
  };
}

const cpuTarget = (pct: number) => [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct } } }];

/** A deployment whose every Ready pod burns a fixed share of its request, via an open-loop load. */
function loaded(world: World, target: string, rps: number, costMillis: number) {
  world.loads.set(target, {
    target,
    cpuPerRequestMillis: costMillis,
    memoryPerInflightMiB: 0,
    profile: [{ atMs: 0, rps, rampMs: 0 }],
    timeoutMs: 30_000,
  });
  world.readyVersion++;
}

describe('HPA in the engine', () => {
  it('reproduces the walkthrough: 1 → 7 replicas under the load generator, down only after 300 s', () => {
    const php = deployment('php-apache', 1, '200m', '64Mi');
    const container = (php.spec as { template: { spec: { containers: { resources: unknown }[] } } }).template.spec.containers[0];
    container.resources = { requests: { cpu: '200m' }, limits: { cpu: '500m' } };
    const world = createWorld(scenario({ load: [{ target: 'php-apache', cpuPerRequestMillis: 50, memoryPerInflightMiB: 1, timeoutMs: 30_000 }] }), [php]);
    enqueueCommand(world, { atMs: 30_000, input: 'kubectl autoscale', command: { type: 'autoscale', kind: 'deployment', name: 'php-apache', namespace: 'default', cpuPercent: 50, min: 1, max: 10 } });
    enqueueCommand(world, { atMs: 60_000, input: 'kubectl run', command: { type: 'runLoadGenerator', podName: 'load-generator', image: 'busybox:1.28', target: 'php-apache', thinkTimeMs: 10 } });
    enqueueCommand(world, { atMs: 720_000, input: 'kubectl delete pod load-generator', command: { type: 'delete', kind: 'pod', name: 'load-generator', namespace: 'default' } });
    const replicas: number[] = [];
    run(world, 700, (w) => replicas.push(w.deployments.get('php-apache')!.replicas));
    expect(Math.min(...replicas)).toBeGreaterThanOrEqual(1);
    const settled = world.deployments.get('php-apache')!.replicas;
    expect(settled).toBeGreaterThanOrEqual(6);
    expect(settled).toBeLessThanOrEqual(8);
    const describe = runView(world, ['kubectl', 'describe', 'hpa', 'php-apache']).output;
    expect(describe).toContain('ScalingActive   True    ValidMetricFound');
    expect(describe).toMatch(/resource cpu on pods\s+\(as a percentage of request\):\s+(4\d|50)% \(\d+m\) \/ 50%/);

    run(world, 900, (w) => replicas.push(w.deployments.get('php-apache')!.replicas));
    expect(Math.max(...replicas)).toBeLessThanOrEqual(10);
    const down = world.events.find((e) => e.reason === 'SuccessfulRescale' && e.message.startsWith('New size: 1;'));
    expect(down).toBeDefined();
    expect(down!.t).toBeGreaterThanOrEqual(720 + 300);
    expect(runView(world, ['kubectl', 'describe', 'hpa', 'php-apache']).output).toContain('ScalingLimited  True    TooFewReplicas');
  });

  it('never grows faster than a 1 pod per 60 s scale-up policy', () => {
    const world = createWorld(scenario({ nodeGroups: [] }), [
      deployment('web', 1, '100m', '32Mi'),
      hpa('web', {
        minReplicas: 1,
        maxReplicas: 20,
        metrics: cpuTarget(50),
        behavior: { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
      }),
    ]);
    world.nodeGroups.set('big', { name: 'big', instanceTypes: ['m5.4xlarge'], capacityType: 'on-demand', minSize: 2, maxSize: 2, desiredCapacity: 2, zones: ['ap-northeast-2a'], labels: {}, taints: [], tags: {} });
    loaded(world, 'web', 200, 10); // 2000m of demand against 100m requests
    const rescales: number[] = [];
    let seen = world.eventCount;
    run(world, 900, (w) => {
      for (const e of eventsSince(w, seen)) if (e.reason === 'SuccessfulRescale') rescales.push(e.t);
      seen = w.eventCount;
    });
    expect(rescales.length).toBeGreaterThan(5);
    for (let i = 1; i < rescales.length; i++) expect(rescales[i] - rescales[i - 1]).toBeGreaterThanOrEqual(60);
  });

  it('does not rescale when utilization is within tolerance of the target (≈53% against 50%)', () => {
    const world = createWorld(scenario(), [deployment('web', 4, '100m', '32Mi'), hpa('web', { minReplicas: 1, maxReplicas: 10, metrics: cpuTarget(50) })]);
    // 4 pods × 52m of load + 1m idle ≈ 53% of 100m.
    loaded(world, 'web', 20.8, 10);
    run(world, 300);
    expect(world.deployments.get('web')!.replicas).toBe(4);
    expect(world.events.filter((e) => e.reason === 'SuccessfulRescale')).toEqual([]);
    expect(runView(world, ['kubectl', 'get', 'hpa']).output).toMatch(/cpu: 5[23]%\/50%/);
  });

  it('converts an autoscaling/v2beta2 manifest with the deprecation warning', () => {
    const world = createWorld(scenario(), [deployment('web', 1, '100m', '32Mi')]);
    enqueueCommand(world, {
      atMs: 0,
      input: 'kubectl apply -f hpa.yaml',
      command: { type: 'apply', manifests: [{ ...hpa('web', { minReplicas: 1, maxReplicas: 3, metrics: cpuTarget(60) }), apiVersion: 'autoscaling/v2beta2' }] },
    });
    run(world, 1);
    expect(world.commands.at(-1)!.output).toContain('Warning: autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler');
    expect(world.commands.at(-1)!.output).toContain('horizontalpodautoscaler.autoscaling/web created');
  });
});
