import type { TraceSample } from '../trace/trace';
import type { ManifestDoc } from '../core/commands';
import type { NodeGroupSpec, ScenarioSpec } from '../core/scenario';
import { DEFAULT_START_TIME } from '../core/scenario';
import type { World } from '../core/types';
import { enqueueCommand } from '../commands/apply';

/** Scenario specs for engine tests, built in code so engine tests do not depend on the YAML layer. */
export function nodeGroup(over: Partial<NodeGroupSpec> = {}): NodeGroupSpec {
  return {
    name: 'ng1',
    instanceTypes: ['t3.medium'],
    capacityType: 'on-demand',
    minSize: 3,
    maxSize: 6,
    desiredCapacity: 3,
    zones: ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'],
    labels: {},
    taints: [],
    tags: {},
    ...over,
  };
}

export function scenario(over: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return {
    name: 'test',
    seed: 1,
    durationMs: 600_000,
    region: 'ap-northeast-2',
    clusterName: 'test',
    startTime: DEFAULT_START_TIME,
    tickMs: 1000,
    eksDefaults: true,
    nodeGroups: [nodeGroup()],
    load: [],
    timeline: [],
    ...over,
  };
}

export function deployment(name: string, replicas: number, cpu: string, memory: string, extra: Record<string, unknown> = {}): ManifestDoc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: 'nginx', resources: { requests: { cpu, memory } } }], ...extra },
      },
    },
  };
}

/** A trace sample of an empty cluster carrying only the given autoscaler entries (for view tests). */
export function emptySample(t: number, autoscalers: TraceSample['autoscalers'] = {}): TraceSample {
  return {
    t,
    workloads: {},
    autoscalers,
    nodes: { total: 0, ready: 0, notReady: 0, cordoned: 0, launching: 0, byInstanceType: {}, byCapacityType: {}, byPool: {} },
    pods: { pending: 0, running: 0, total: 0 },
    load: {},
    costPerHour: 0,
  };
}

/** Starts a rolling update of deployment `name` now: new CPU requests, so a second ReplicaSet. */
export function rolloutCpuRequests(world: World, name: string, cpuMillis: number): void {
  enqueueCommand(world, {
    atMs: world.timeMs,
    input: `kubectl set resources deployment ${name} --requests=cpu=${cpuMillis}m`,
    command: { type: 'setResources', kind: 'deployment', name, namespace: 'default', container: '*', requests: { cpuMillis }, limits: {} },
  });
}
