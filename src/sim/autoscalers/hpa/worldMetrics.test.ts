import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { runUntil } from '../../core/step';
import type { Pod } from '../../core/types';
import { deploymentPods } from '../../resources/workloadKinds';
import { deployment, scenario } from '../../testing/fixtures';
import { isClientError } from './metricsClient';
import { worldMetricsClient } from './worldMetrics';

describe('the HPA metrics client over the world', () => {
  it("gives each pod its own containers' request, whether or not the pod before it shares its container list", () => {
    const world = createWorld(scenario({}), [deployment('web', 4, '200m', '64Mi')]);
    runUntil(world, 60_000);
    const target = world.deployments.get('web')!;
    const pods = deploymentPods(world, target);
    expect(pods).toHaveLength(4);
    // The template's pods share one container list; give the second and fourth their own (as a
    // VPA resize does, replacing the spec), with other requests.
    const resized = (pod: Pod, cpuMillis: number) => {
      pod.spec = { ...pod.spec, containers: pod.spec.containers.map((c) => ({ ...c, requests: { ...c.requests, cpuMillis, memoryMiB: 96 } })) };
    };
    resized(pods[1], 350);
    resized(pods[3], 350);
    const cpu = worldMetricsClient(world, target, 'default', pods).podResourceMetrics('cpu');
    if (isClientError(cpu)) throw new Error(cpu.error);
    expect(cpu.pods.map((p) => p.requestMilli)).toEqual([200, 350, 200, 350]);
    const memory = worldMetricsClient(world, target, 'default', pods).podResourceMetrics('memory');
    if (isClientError(memory)) throw new Error(memory.error);
    expect(memory.pods.map((p) => p.requestMilli)).toEqual([64, 96, 64, 96].map((mib) => mib * 1048576 * 1000));
  });
});
