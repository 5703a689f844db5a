import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../commandLine';
import { createWorld } from '../../sim/bootstrap';
import { step } from '../../sim/core/step';
import { log, cloneWorld } from '../../sim/core/world';
import { applyCommand } from '../../sim/commands/apply';
import { runView } from '../../sim/commands/views';
import { deployment, nodeGroup, scenario } from '../../sim/testing/fixtures';

/** A small world with pods, a Deployment, an HPA, events and controller logs. */
function smallWorld() {
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 4 },
  };
  const w = createWorld(scenario({ nodeGroups: [nodeGroup({ desiredCapacity: 2, capacityType: 'spot' })] }), [deployment('web', 2, '100m', '64Mi'), hpa]);
  for (let i = 0; i < 40; i++) step(w);
  log(w, 'cluster-autoscaler', 'I1102 00:00:40.000000       1 static_autoscaler.go:581] No unschedulable pods');
  log(w, 'keda-operator', 'scaleexecutor\tSuccessfully updated ScaleTarget\t{}');
  return w;
}

const VERBS = [
  'kubectl get', 'kubectl describe', 'kubectl top', 'kubectl logs', 'kubectl rollout', 'kubectl patch', 'kubectl set resources',
  'kubectl edit', 'krr', 'python krr.py', 'aws ec2', 'aws autoscaling', 'playground', 'kubectl version', 'kubectl api-resources', 'kubectl api-versions',
];
/** Command starts that parse, so that the flags after them reach the engine. */
const HEADS = [
  'kubectl get pods', 'kubectl get pods,deployments,hpa', 'kubectl get scaledobject,hpa,pod', 'kubectl get all', 'kubectl get events',
  'kubectl get nodes', 'kubectl get rs', 'kubectl get deploy/web hpa/web', 'kubectl describe hpa', 'kubectl describe nodes',
  'kubectl top pods', 'kubectl top nodes', 'kubectl logs deploy/karpenter', 'kubectl logs -n keda deploy/keda-operator',
  'kubectl logs -n kube-system deploy/cluster-autoscaler', 'kubectl logs', 'kubectl rollout status deployment/web',
  'kubectl rollout restart deployment/web', 'kubectl set resources deployment web --requests=cpu=300m', 'krr simple',
  'aws ec2 terminate-instances --instance-ids i-00000000000000001', 'aws ec2 send-spot-instance-interruptions --instance-ids i-00000000000000002',
  'kubectl get endpoints', 'kubectl get ep', 'kubectl get endpointslices', 'kubectl describe endpoints', 'kubectl version', 'kubectl api-resources',
  'kubectl get svc', 'kubectl describe svc', 'kubectl describe service kube-dns -n kube-system', 'kubectl logs -n kube-system deploy/vpa-updater',
  'kubectl logs -n kube-system deploy/vpa-recommender',
];
const WORDS = [
  'pods', 'pod', 'po', 'deploy', 'deployments,hpa', 'pods,deployments,hpa', 'scaledobject,hpa,pod', 'all', 'events', 'ev', 'rs', 'nodes', 'node',
  'hpa', 'krr', 'vpa', 'web', 'deploy/web', 'deployment/web', 'hpa/web', 'pod/x', 'deploy/keda-operator', 'deploy/karpenter', 'deploy/cluster-autoscaler',
  'deploy/kube-controller-manager', 'svc', 'service', 'kube-dns', 'kubernetes', 'deploy/vpa-updater', 'deploy/vpa-recommender', 'status', 'restart', 'simple', 'terminate-instances', 'send-spot-instance-interruptions', 'describe-auto-scaling-groups',
  '-n', 'kube-system', 'keda', 'karpenter', '-A', '-o', 'wide', 'yaml', 'name', '-w', '-l', 'app=web', 'app in (web)', '!app', '-L', 'app',
  '--show-labels', '--no-headers', '--show-kind', '--containers', '--sort-by=cpu', '--sort-by=.lastTimestamp', '--field-selector',
  'involvedObject.kind=Node', 'spec.nodeName=x', '-f', '--tail=2', '--tail=-1', '--since=5m', '--since=1h30m', '--since-time=2026-11-02T00:00:00Z',
  '--timestamps', '--prefix', '-c', 'web', '-p', '--patch', `{"spec":{"minReplicas":2}}`, '--type=json', '--requests=cpu=1', '--limits=memory=1Gi',
  '--namespaced=true', '--api-group=karpenter.sh', '--sort-by=kind', '--client', 'json',
  '--instance-ids', 'i-00000000000000001', 'load', 'fault', '--rps=3', '--cpu_percentile=90', '--allow_hpa', '=', ',', '/', '--', '-',
];

describe('command lines and views never throw', () => {
  it('parseCommandLine on arbitrary text, including the new tools', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VERBS, ''), fc.string({ maxLength: 120 }), (verb, s) => {
        const r = parseCommandLine(`${verb} ${s}`);
        expect(r.ok ? r.commands.length > 0 : r.error.length > 0).toBe(true);
        // A parser crash comes back as this error (parseCommandLine catches it): still a bug.
        if (!r.ok) expect(r.error).not.toContain('could not parse the command');
      }),
      { numRuns: 2000 },
    );
  });

  it('every parsed view runs against a small world, and the new commands apply, without throwing', () => {
    const base = smallWorld();
    const world = cloneWorld(base);
    let parsedCount = 0;
    const quote = (w: string) => `'${w.replace(/'/g, '')}'`;
    fc.assert(
      fc.property(fc.constantFrom(...VERBS, ...HEADS), fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 7 }), (verb, words) => {
        const r = parseCommandLine(`${verb} ${words.map(quote).join(' ')}`);
        if (!r.ok) {
          expect(r.error).not.toContain('could not parse the command');
          return;
        }
        parsedCount++;
        for (const c of r.commands) {
          const out = c.type === 'view' ? runView(world, c.args) : applyCommand(cloneWorld(base), c);
          expect(typeof out.ok).toBe('boolean');
          expect(typeof out.output).toBe('string');
        }
      }),
      { numRuns: 1500 },
    );
    // The vocabulary is chosen so that a good share of the lines parse and reach the engine.
    expect(parsedCount).toBeGreaterThan(300);
  });
});
