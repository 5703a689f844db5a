import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { checkInvariants } from '../core/invariants';
import { deployment, scenario } from '../testing/fixtures';
import { applyCommand } from './apply';
import { runView } from './views';
import { RESTARTED_AT_ANNOTATION } from './workloadChanges';

function world(replicas = 4) {
  const w = createWorld(scenario(), [deployment('web', replicas, '100m', '64Mi')]);
  for (let i = 0; i < 60; i++) step(w);
  return w;
}

const status = (w: ReturnType<typeof world>) => runView(w, ['kubectl', 'rollout', 'status', 'deployment/web']).output;

describe('kubectl set resources', () => {
  it('changes the template, and the Deployment controller rolls out a new ReplicaSet', () => {
    const w = world();
    const before = w.deployments.get('web')!.templateHash;
    const out = applyCommand(w, { type: 'setResources', kind: 'deployment', name: 'web', namespace: 'default', container: 'web', requests: { cpuMillis: 200, memoryMiB: 256 }, limits: { cpuMillis: 500 } });
    expect(out).toEqual({ ok: true, output: 'deployment.apps/web resource requirements updated' });
    const d = w.deployments.get('web')!;
    expect(d.templateHash).not.toBe(before);
    expect(d.template.containers[0]).toMatchObject({ requests: { cpuMillis: 200, memoryMiB: 256 }, limits: { cpuMillis: 500, memoryMiB: 0 } });
    expect(status(w)).toBe('Waiting for deployment "web" rollout to finish: 0 out of 4 new replicas have been updated...');
    const seen = new Set<string>();
    for (let i = 0; i < 180; i++) {
      step(w);
      expect(checkInvariants(w)).toEqual([]);
      seen.add(status(w).replace(/\d+/g, 'N'));
    }
    expect(seen.has('Waiting for deployment "web" rollout to finish: N old replicas are pending termination...') || seen.has('Waiting for deployment "web" rollout to finish: N out of N new replicas have been updated...')).toBe(true);
    expect(status(w)).toBe('deployment "web" successfully rolled out');
    const pods = [...w.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Ready');
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.request.cpuMillis === 200 && p.limit.cpuMillis === 500)).toBe(true);
  });
  it('the same resources again leave the template as it is', () => {
    const w = world();
    const hash = w.deployments.get('web')!.templateHash;
    applyCommand(w, { type: 'setResources', kind: 'deploy', name: 'web', namespace: 'default', container: '*', requests: { cpuMillis: 100 }, limits: {} });
    expect(w.deployments.get('web')!.templateHash).toBe(hash);
  });
  it("answers the API server's and kubectl's errors", () => {
    const w = world();
    const set = (over: object) => applyCommand(w, { type: 'setResources', kind: 'deployment', name: 'web', namespace: 'default', container: '*', requests: {}, limits: {}, ...over });
    expect(set({ requests: { cpuMillis: 600 }, limits: { cpuMillis: 500 } }).output).toBe('The Deployment "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m');
    expect(set({ container: 'sidecar', requests: { cpuMillis: 1 } }).output).toBe('error: unable to find container named sidecar');
    expect(set({ name: 'nope' }).output).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    expect(set({ kind: 'daemonset' }).output).toMatch(/simulated for Deployments only/);
  });
});

describe('kubectl rollout', () => {
  it('restart stamps restartedAt and replaces every pod', () => {
    const w = world(2);
    const oldPods = [...w.pods.values()].filter((p) => p.deployment === 'web').map((p) => p.name);
    expect(status(w)).toBe('deployment "web" successfully rolled out');
    expect(applyCommand(w, { type: 'rolloutRestart', kind: 'deployment', name: 'web', namespace: 'default' })).toEqual({ ok: true, output: 'deployment.apps/web restarted' });
    expect(w.deployments.get('web')!.template.annotations[RESTARTED_AT_ANNOTATION]).toBe(new Date(w.startEpochMs + w.timeMs).toISOString().replace('.000Z', 'Z'));
    expect(applyCommand(w, { type: 'rolloutRestart', kind: 'deployment', name: 'web', namespace: 'default' }).output).toMatch(/already been triggered within the past second/);
    for (let i = 0; i < 120; i++) step(w);
    const now = [...w.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Ready').map((p) => p.name);
    expect(now).toHaveLength(2);
    expect(now.some((n) => oldPods.includes(n))).toBe(false);
    expect(status(w)).toBe('deployment "web" successfully rolled out');
  });
  it('status errors', () => {
    const w = world(1);
    expect(runView(w, ['kubectl', 'rollout', 'status', 'deployment/nope']).output).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    expect(runView(w, ['kubectl', 'rollout', 'status']).output).toBe('error: required resource not specified');
    expect(runView(w, ['kubectl', 'rollout', 'status', 'deployment', 'web']).output).toBe('deployment "web" successfully rolled out');
  });
});

describe('kubectl top', () => {
  const w = world(2);
  it('pods in millicores, per container with --containers, filtered by -l and name', () => {
    const pods = runView(w, ['kubectl', 'top', 'pods']).output.split('\n');
    expect(pods[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)$/);
    expect(pods.slice(1).every((l) => /\s\d+m\s+\d+Mi$/.test(l))).toBe(true);
    const containers = runView(w, ['kubectl', 'top', 'pods', '--containers', '-l', 'app=web']).output.split('\n');
    expect(containers[0]).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)$/);
    expect(containers).toHaveLength(3);
    expect(containers[1]).toMatch(/^web-\S+\s+web\s+\d+m\s+\d+Mi$/);
    expect(runView(w, ['kubectl', 'top', 'pod', 'nope']).output).toBe('Error from server (NotFound): pods "nope" not found');
    expect(runView(w, ['kubectl', 'top', 'pods', '-A']).output.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME/);
  });
  it('nodes', () => {
    expect(runView(w, ['kubectl', 'top', 'nodes', '--sort-by=cpu']).output.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)$/);
    expect(runView(w, ['kubectl', 'top', 'nodes', '--sort-by=disk']).ok).toBe(false);
  });
});

describe('krr simple', () => {
  const w = world(2);
  it('prints the VPA module\'s KRR report; -n keeps namespaces; options change it', () => {
    const plain = runView(w, ['krr', 'simple']).output;
    expect(plain).toMatch(/^Running Simple Strategy/);
    const onlyDefault = runView(w, ['krr', 'simple', '--namespace=default']).output;
    expect(onlyDefault).toContain('namespaces: default');
    expect(onlyDefault).not.toContain('kube-system ');
    expect(runView(w, ['krr', 'simple', '--cpu_percentile=99']).output).toContain('p99');
    expect(runView(w, ['krr', 'simple', '--cpu-percentile=101']).output).toBe("Error: Invalid value for '--cpu_percentile': '101'");
    expect(runView(w, ['krr']).ok).toBe(false);
  });
});
