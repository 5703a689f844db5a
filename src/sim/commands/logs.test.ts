import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { log } from '../core/world';
import type { ManifestDoc } from '../core/commands';
import { deployment, scenario } from '../testing/fixtures';
import { runView } from './views';

function controllerDeployment(name: string, namespace: string, image: string, replicas = 1, labels: Record<string, string> = { app: name }): ManifestDoc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'controller', image, resources: { requests: { cpu: '10m', memory: '32Mi' } } }] } } },
  };
}

function world() {
  const w = createWorld(scenario(), [
    deployment('web', 1, '100m', '64Mi'),
    controllerDeployment('karpenter', 'kube-system', 'public.ecr.aws/karpenter/controller:1.8.1', 2, { 'app.kubernetes.io/name': 'karpenter' }),
    controllerDeployment('metrics', 'kube-system', 'busybox'),
  ]);
  for (let i = 0; i < 60; i++) step(w);
  w.logs.length = 0;
  log(w, 'cluster-autoscaler', 'I1102 00:01:00.000000       1 static_autoscaler.go:581] No unschedulable pods');
  log(w, 'karpenter', '{"level":"INFO","time":"2026-11-02T00:01:00.000Z","logger":"controller","message":"found provisionable pod(s)"}');
  // Karpenter 1.x runs at the chart's logLevel info: its V(1) lines are not in kubectl logs.
  log(w, 'karpenter', '{"level":"DEBUG","time":"2026-11-02T00:01:00.000Z","logger":"controller","message":"removing offering from offerings"}', 'DEBUG');
  log(w, 'keda-operator', 'scaleexecutor\tSuccessfully updated ScaleTarget\t{"scaledobject.Name": "x"}');
  // A V(1) line of KEDA's (scale_scaledobjects.go:190): zapr writes it as DEBUG, which info level drops.
  log(w, 'keda-operator', 'scaleexecutor\tScaleTarget no change\t{"scaledobject.Name": "x"}', 'DEBUG');
  log(w, 'horizontal-pod-autoscaler', 'Successful rescale of default/web, old size: 1, new size: 2, reason: cpu resource utilization (percentage of request) above target');
  for (let i = 0; i < 120; i++) step(w);
  for (let i = 1; i <= 12; i++) log(w, 'karpenter', `{"level":"INFO","message":"line ${i}"}`);
  return w;
}

const logs = (w: ReturnType<typeof world>, ...args: string[]) => runView(w, ['kubectl', 'logs', ...args]);

describe('kubectl logs for the controllers', () => {
  const w = world();
  it('a controller Deployment prints its stored lines; several pods get kubectl\'s notice', () => {
    const out = logs(w, 'deploy/karpenter', '--namespace=kube-system').output.split('\n');
    expect(out[0]).toMatch(/^Found 2 pods, using pod\/karpenter-/);
    expect(out[1]).toContain('found provisionable pod(s)');
    expect(out).toHaveLength(14);
    expect(out.some((l) => l.includes('removing offering'))).toBe(false);
  });
  it('--tail and --since keep the last lines', () => {
    expect(logs(w, 'deployment/karpenter', '-n', 'kube-system', '--tail=2').output.split('\n').slice(1)).toEqual(['{"level":"INFO","message":"line 11"}', '{"level":"INFO","message":"line 12"}']);
    expect(logs(w, 'deployment/karpenter', '-n', 'kube-system', '--since=1m').output.split('\n')).toHaveLength(13);
    expect(logs(w, 'deployment/karpenter', '-n', 'kube-system', '--tail=0').output.split('\n')).toHaveLength(1);
  });
  it('a selector reads the matching pods, 10 lines by default', () => {
    const out = logs(w, '-l', 'app.kubernetes.io/name=karpenter', '-n', 'kube-system').output.split('\n');
    expect(out).toHaveLength(10);
    expect(out[9]).toContain('line 12');
  });
  it("the chart's usual namespace finds a controller the scenario installed in another, with a note", () => {
    const out = logs(w, '-n', 'karpenter', 'deploy/karpenter', '--tail=1').output.split('\n');
    expect(out[0]).toBe('(the scenario runs karpenter in namespace kube-system; showing its logs)');
    expect(out[out.length - 1]).toContain('line 12');
    expect(logs(w, '-n', 'karpenter', '-l', 'app.kubernetes.io/name=karpenter', '--tail=1').output.split('\n')[0]).toMatch(/^\(the scenario runs/);
    const wrong = logs(w, '-n', 'default', 'deploy/karpenter');
    expect(wrong.ok).toBe(false);
    expect(wrong.output).toMatch(/^Error from server \(NotFound\): deployments\.apps "karpenter" not found\n\(the scenario runs karpenter in namespace kube-system/);
  });
  it('controllers without a pod: KEDA as zap console lines (DEBUG hidden), the HPA as klog', () => {
    expect(logs(w, '-n', 'keda', 'deploy/keda-operator').output).toBe('2026-11-02T00:01:00Z\tINFO\tscaleexecutor\tSuccessfully updated ScaleTarget\t{"scaledobject.Name": "x"}');
    expect(logs(w, '-n', 'kube-system', 'deploy/kube-controller-manager').output).toMatch(/^I1102 00:01:00\.000000 {7}1 horizontal\.go:\d+\] Successful rescale of default\/web/);
    expect(logs(w, 'deploy/cluster-autoscaler', '-n', 'kube-system', '-f').output).toBe('I1102 00:01:00.000000       1 static_autoscaler.go:581] No unschedulable pods');
    expect(logs(w, 'deploy/keda-operator').output).toContain('(the playground runs keda-operator in namespace keda: kubectl logs -n keda deploy/keda-operator)');
  });
  it('--timestamps and --prefix', () => {
    const out = logs(w, 'deploy/keda-operator', '-n', 'keda', '--timestamps', '--prefix').output;
    expect(out).toMatch(/^\[pod\/keda-operator\/keda-operator\] 2026-11-02T00:01:00Z 2026-11-02T00:01:00Z\tINFO/);
  });
  it('application pods and missing objects', () => {
    const pod = [...w.pods.values()].find((p) => p.deployment === 'web')!;
    const app = logs(w, pod.name);
    expect(app.ok).toBe(false);
    expect(app.output).toMatch(/^the playground does not simulate container logs: pod\/web-\S+ runs nginx/);
    expect(logs(w, 'deploy/metrics', '-n', 'kube-system').output).toMatch(/does not simulate container logs: deployment\/metrics runs busybox/);
    expect(logs(w, 'nope')).toEqual({ ok: false, output: 'Error from server (NotFound): pods "nope" not found' });
    expect(logs(w, 'deploy/nope').output).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    expect(logs(w, pod.name, '-c', 'sidecar').output).toBe(`error: container sidecar is not valid for pod ${pod.name}`);
    expect(logs(w).output).toMatch(/^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'/);
    expect(logs(w, 'deploy/karpenter', '-n', 'kube-system', '--since=5x').output).toBe('error: invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"');
  });
});
