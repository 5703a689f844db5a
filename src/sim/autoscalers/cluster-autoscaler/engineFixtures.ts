import { readFileSync } from 'node:fs';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { checkInvariants } from '../../core/invariants';
import { step } from '../../core/step';
import type { World } from '../../core/types';
import { deployment } from '../../testing/fixtures';
import { templateForInstanceType } from './template';
import type { CaNode } from './types';

/** Test helpers for the CA/CPA engine tests (kept out of *.test.ts so both folders share them). */

export const AUTO_DISCOVERY_TAGS = {
  'k8s.io/cluster-autoscaler/enabled': 'true',
  'k8s.io/cluster-autoscaler/test': 'owned',
};

export const SEED_CA_FLAGS = [
  '--v=4',
  '--stderrthreshold=info',
  '--cloud-provider=aws',
  '--skip-nodes-with-local-storage=false',
  '--expander=least-waste',
  '--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/test',
];

/** The AWS example's cluster-autoscaler Deployment, with the given flags after ./cluster-autoscaler. */
export function caDeployment(flags: string[] = SEED_CA_FLAGS, replicas = 1): ManifestDoc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cluster-autoscaler', namespace: 'kube-system', labels: { app: 'cluster-autoscaler' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'cluster-autoscaler' } },
      template: {
        metadata: {
          labels: { app: 'cluster-autoscaler' },
          annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' },
        },
        spec: {
          priorityClassName: 'system-cluster-critical',
          containers: [
            {
              name: 'cluster-autoscaler',
              image: 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.0',
              resources: { requests: { cpu: '100m', memory: '600Mi' }, limits: { cpu: '100m', memory: '600Mi' } },
              command: ['./cluster-autoscaler', ...flags],
            },
          ],
        },
      },
    },
  };
}

export const nginxToScaleout = (replicas = 1): ManifestDoc => deployment('nginx-to-scaleout', replicas, '500m', '512Mi');

/** Step second by second, failing on the first broken invariant. */
export function runChecked(world: World, seconds: number, each?: (w: World) => void): void {
  for (let i = 0; i < seconds; i++) {
    step(world);
    const problems = checkInvariants(world);
    if (problems.length > 0) throw new Error(`t=${world.timeMs / 1000}s: ${problems.join('; ')}`);
    each?.(world);
  }
}

export function liveGroupNodes(world: World, group = 'ng1'): number {
  let n = 0;
  for (const node of world.nodes.values()) if (node.pool === group && node.state !== 'Terminating') n++;
  return n;
}

export function runningPodsOf(world: World, deploymentName: string): number {
  let n = 0;
  for (const p of world.pods.values()) if (p.deployment === deploymentName && (p.state === 'Running' || p.state === 'Ready')) n++;
  return n;
}

const t3 = templateForInstanceType('t3.medium')!;

/** A Ready, schedulable t3.medium node of group ng1, as the CA's planners take it. */
export function t3Node(name: string, extra: Partial<CaNode> = {}): CaNode {
  return {
    name,
    group: 'ng1',
    instanceType: 't3.medium',
    allocatable: t3.allocatable,
    capacity: t3.capacity,
    ready: true,
    unschedulable: false,
    createdAtSeconds: 0,
    labels: t3.labels,
    ...extra,
  };
}

/** examples/ca-nginx-scaleout.yaml as the engine loads it, and the scenario's duration. */
export function caExampleWorld(): { world: World; durationMs: number } {
  const path = new URL('../../../../examples/ca-nginx-scaleout.yaml', import.meta.url);
  const loaded = loadScenario(readFileSync(path, 'utf8'), 'examples/ca-nginx-scaleout.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return { world: createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), durationMs: loaded.spec.durationMs };
}
