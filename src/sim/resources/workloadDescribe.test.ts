import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { runView } from '../commands/views';
import { deployment, rolloutCpuRequests, scenario } from '../testing/fixtures';

// Layout after k8s.io/kubectl/pkg/describe/describe.go (DeploymentDescriber, ReplicaSetDescriber).
const view = (world: ReturnType<typeof createWorld>, line: string) => runView(world, line.split(' '));

describe('kubectl describe deployment', () => {
  it('prints the replica counts, strategy, conditions and the new ReplicaSet of a settled Deployment', () => {
    const world = createWorld(scenario(), [deployment('web', 3, '100m', '128Mi')]);
    for (let i = 0; i < 60; i++) step(world);
    const rs = [...world.replicaSets.values()].find((r) => r.deployment === 'web')!;
    const r = view(world, 'kubectl describe deployment web');
    expect(r.ok).toBe(true);
    expect(r.output).toContain('Name:                   web\nNamespace:              default\n');
    expect(r.output).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable');
    expect(r.output).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge');
    expect(r.output).toMatch(/Available +True +MinimumReplicasAvailable/);
    expect(r.output).toMatch(/Progressing +True +NewReplicaSetAvailable/);
    expect(r.output).toContain(`NewReplicaSet:   ${rs.name} (3/3 replicas created)`);
    expect(r.output).toContain('    Requests:\n      cpu:        100m\n      memory:     128Mi');
    expect(r.output).toMatch(/Normal +ScalingReplicaSet .* deployment-controller +Scaled up replica set/);
    expect(view(world, 'kubectl describe deploy/web').output).toBe(r.output);
  });

  it('shows a rollout in progress: old ReplicaSets still holding pods and Progressing ReplicaSetUpdated', () => {
    const world = createWorld(scenario(), [deployment('web', 8, '100m', '64Mi')]);
    for (let i = 0; i < 30; i++) step(world);
    rolloutCpuRequests(world, 'web', 150);
    step(world);
    step(world);
    const out = view(world, 'kubectl describe deployment web').output;
    expect(out).toMatch(/OldReplicaSets: {2}web-\w+ \(\d+\/\d+ replicas created\)/);
    expect(out).toMatch(/Progressing +True +ReplicaSetUpdated/);
    expect(out).toContain('deployment.kubernetes.io/revision: 2');
  });

  it('prints the manifest selector, not the template labels', () => {
    const doc = deployment('web', 1, '100m', '64Mi');
    const spec = doc.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
    spec.template.metadata.labels = { app: 'web', tier: 'front' };
    const world = createWorld(scenario(), [doc]);
    step(world);
    expect(view(world, 'kubectl describe deployment web').output).toContain('Selector:               app=web\n');
  });
});

describe('kubectl describe rs', () => {
  it('shows a ReplicaSet filling up 500 pods a sync: current below desired', () => {
    const world = createWorld(scenario(), [deployment('web', 1200, '10m', '16Mi')]);
    step(world);
    const rs = [...world.replicaSets.values()].find((r) => r.deployment === 'web')!;
    const out = view(world, 'kubectl describe rs').output;
    expect(out).toContain(`Name:           ${rs.name}\n`);
    expect(out).toContain('Replicas:       500 current / 1200 desired');
    expect(out).toContain('Controlled By:  Deployment/web');
    expect(out).toContain(`Selector:       app=web,pod-template-hash=${rs.templateHash}`);
    expect(out).toContain('deployment.kubernetes.io/max-replicas: 1500');
    expect(out.match(/SuccessfulCreate/g)).toHaveLength(500);
  });

  it('describes a ReplicaSet by name and answers NotFound for another', () => {
    const world = createWorld(scenario(), [deployment('web', 2, '100m', '64Mi')]);
    for (let i = 0; i < 20; i++) step(world);
    const rs = [...world.replicaSets.values()].find((r) => r.deployment === 'web')!;
    expect(view(world, `kubectl describe rs ${rs.name}`).output).toMatch(/Pods Status: {4}2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/);
    const missing = view(world, 'kubectl describe replicaset nope');
    expect(missing.ok).toBe(false);
    expect(missing.output).toBe('Error from server (NotFound): replicasets.apps "nope" not found');
  });
});
