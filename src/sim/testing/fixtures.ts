import type { ManifestDoc } from '../core/commands';
import type { NodeGroupSpec, ScenarioSpec } from '../core/scenario';
import { DEFAULT_START_TIME } from '../core/scenario';

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
