import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { applyCommand } from '../../commands/apply';
import type { ManifestDoc } from '../../core/commands';
import type { World } from '../../core/types';
import { getConfigMap } from '../../resources/configMapKind';
import { deployment, nodeGroup, scenario } from '../../testing/fixtures';
import { runChecked } from '../cluster-autoscaler/engineFixtures';
import { cpaTraceEntries } from './module';
import { CPA_STATE_KEY, type CpaWorldState } from './state';

function cpaDeployment(flags: string[]): ManifestDoc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'dns-autoscaler', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'dns-autoscaler' } },
      template: {
        metadata: { labels: { app: 'dns-autoscaler' } },
        spec: {
          containers: [
            {
              name: 'autoscaler',
              image: 'registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.9.0',
              resources: { requests: { cpu: '20m', memory: '10Mi' } },
              command: ['/cluster-proportional-autoscaler', ...flags],
            },
          ],
        },
      },
    },
  };
}

const configMap = (data: Record<string, string>): ManifestDoc => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'dns-autoscaler', namespace: 'default' },
  data,
});

const FLAGS = ['--namespace=default', '--configmap=dns-autoscaler', '--target=deployment/web', '--v=2'];

function world(manifests: ManifestDoc[], nodes = 3): World {
  return createWorld(scenario({ nodeGroups: [nodeGroup({ desiredCapacity: nodes, maxSize: 10 })] }), [deployment('web', 1, '50m', '32Mi'), ...manifests]);
}

const entry = (w: World) => cpaTraceEntries(w)['ClusterProportionalAutoscaler/dns-autoscaler'];
const instance = (w: World) => (w.autoscalers[CPA_STATE_KEY] as CpaWorldState).instances['default/dns-autoscaler'];

describe('CPA controller in the engine', () => {
  it('linear mode: replicas = max(ceil(nodes / nodesPerReplica), ceil(cores / coresPerReplica))', () => {
    const w = world([cpaDeployment(FLAGS), configMap({ linear: '{"coresPerReplica": 2, "nodesPerReplica": 1, "min": 1, "max": 10}' })], 4);
    runChecked(w, 30);
    // 4 t3.medium: 4 nodes; 4 × 1930m = 7.72 → 8 cores → ceil(8/2) = 4.
    expect(w.deployments.get('web')!.replicas).toBe(4);
    expect(w.deployments.get('web')!.lastScaledBy).toBe('cluster-proportional-autoscaler');
    expect(entry(w)).toMatchObject({ state: 'polling', replicas: 4, nodes: 4, cores: 8 });
  });

  it('rebuilds its params when the ConfigMap changes (kubectl apply)', () => {
    const w = world([cpaDeployment(FLAGS), configMap({ ladder: '{"nodesToReplicas": [[1, 1], [3, 2]]}' })]);
    runChecked(w, 30);
    expect(w.deployments.get('web')!.replicas).toBe(2);
    applyCommand(w, { type: 'apply', manifests: [configMap({ ladder: '{"nodesToReplicas": [[1, 1], [3, 7]]}' })] });
    runChecked(w, 11);
    expect(w.deployments.get('web')!.replicas).toBe(7);
    expect(w.logs.some((l) => l.message.includes('ConfigMap version change'))).toBe(true);
  });

  it('creates the ConfigMap from --default-params when it is missing', () => {
    const w = world([cpaDeployment([...FLAGS, '--default-params={"linear":{"nodesPerReplica":2,"min":1}}'])]);
    runChecked(w, 30);
    expect(getConfigMap(w, 'default', 'dns-autoscaler')?.data.linear).toBe('{"nodesPerReplica":2,"min":1}');
    expect(w.deployments.get('web')!.replicas).toBe(2);
  });

  it('leaves the target alone and logs the error when the ConfigMap is missing or invalid', () => {
    const missing = world([cpaDeployment(FLAGS)]);
    runChecked(missing, 30);
    expect(missing.deployments.get('web')!.replicas).toBe(1);
    expect(entry(missing).state).toBe('invalidParams');
    expect(missing.logs.some((l) => l.level === 'ERROR' && l.message.includes('configmaps "dns-autoscaler" not found'))).toBe(true);
    const bad = world([cpaDeployment(FLAGS), configMap({ linear: '{"coresPerReplica": 0, "nodesPerReplica": 0}' })]);
    runChecked(bad, 30);
    expect(bad.deployments.get('web')!.replicas).toBe(1);
    expect(entry(bad).state).toBe('invalidParams');
  });

  it('logs a missing target instead of inventing it', () => {
    const flags = ['--namespace=default', '--configmap=dns-autoscaler', '--target=deployment/nope'];
    const w = world([cpaDeployment(flags), configMap({ ladder: '{"nodesToReplicas": [[1, 2]]}' })]);
    runChecked(w, 30);
    expect(w.deployments.has('nope')).toBe(false);
    expect(w.logs.some((l) => l.message.includes('deployments.apps "nope" not found'))).toBe(true);
  });

  it('does not run with a missing --target, and says why', () => {
    const w = world([cpaDeployment(['--configmap=dns-autoscaler']), configMap({ ladder: '{"nodesToReplicas": [[1, 2]]}' })]);
    runChecked(w, 30);
    expect(entry(w).state).toBe('flagError');
    expect(w.notices.some((n) => n.includes('--target parameter cannot be empty'))).toBe(true);
    expect(w.deployments.get('web')!.replicas).toBe(1);
  });

  it('polls on --poll-period-seconds', () => {
    const w = world([cpaDeployment([...FLAGS, '--poll-period-seconds=30']), configMap({ ladder: '{"nodesToReplicas": [[1, 2]]}' })]);
    runChecked(w, 60);
    const first = instance(w).lastPollSeconds;
    const polls = instance(w).polls;
    runChecked(w, 30);
    expect(instance(w).polls).toBe(polls + 1);
    expect(instance(w).lastPollSeconds).toBe(first + 30);
  });
});
