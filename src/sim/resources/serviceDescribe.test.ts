import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import type { ManifestDoc } from '../core/commands';
import type { World } from '../core/types';
import { runView } from '../commands/views';
import { deployment, scenario } from '../testing/fixtures';

const view = (world: World, line: string) => runView(world, line.split(' ')).output;

const web: ManifestDoc = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels: { tier: 'front', app: 'web' } },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
};

function cluster(): World {
  const world = createWorld(scenario(), [deployment('web', 5, '100m', '64Mi'), web]);
  for (let i = 0; i < 90; i++) step(world);
  return world;
}

const podIps = (world: World, label: [string, string]) =>
  [...world.pods.values()]
    .filter((p) => p.labels[label[0]] === label[1])
    .map((p) => p.ip)
    .sort();

describe("EKS's own Services", () => {
  it('are there from the start, at the addresses EKS gives them, as old as the cluster', () => {
    const world = cluster();
    expect(view(world, 'kubectl get svc -A').split('\n')).toEqual([
      'NAMESPACE     NAME         TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)                  AGE',
      'default       kubernetes   ClusterIP   10.100.0.1       <none>        443/TCP                  121m',
      expect.stringMatching(/^default {7}web {10}ClusterIP {3}10\.100\.\d+\.\d+ +<none> {8}80\/TCP {19}90s$/),
      'kube-system   kube-dns     ClusterIP   10.100.0.10      <none>        53/UDP,53/TCP,9153/TCP   121m',
    ]);
  });
});

/** pkg/describe/describe.go describeService (kubectl v0.33.0). */
describe('kubectl describe service', () => {
  it("prints kube-dns's labels, selector, defaults and each port's ready endpoints from its EndpointSlice", () => {
    const world = cluster();
    const [a, b] = podIps(world, ['k8s-app', 'kube-dns']);
    expect(view(world, 'kubectl describe svc kube-dns -n kube-system')).toBe(
      [
        'Name:                     kube-dns',
        'Namespace:                kube-system',
        'Labels:                   eks.amazonaws.com/component=kube-dns',
        '                          k8s-app=kube-dns',
        '                          kubernetes.io/cluster-service=true',
        '                          kubernetes.io/name=CoreDNS',
        'Annotations:              <none>',
        'Selector:                 k8s-app=kube-dns',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.100.0.10',
        'IPs:                      10.100.0.10',
        'Port:                     dns  53/UDP',
        'TargetPort:               53/UDP',
        `Endpoints:                ${a}:53,${b}:53`,
        'Port:                     dns-tcp  53/TCP',
        'TargetPort:               53/TCP',
        `Endpoints:                ${a}:53,${b}:53`,
        'Port:                     metrics  9153/TCP',
        'TargetPort:               9153/TCP',
        `Endpoints:                ${a}:9153,${b}:9153`,
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    );
  });

  it('lists three ready endpoints and counts the rest, leaves out pods that are not ready, and says <unset> for an unnamed port', () => {
    const world = cluster();
    const pods = [...world.pods.values()].filter((p) => p.labels.app === 'web').sort((x, y) => (x.ip < y.ip ? -1 : 1));
    pods[0].readyConditionStatus = 'False';
    const ready = pods.slice(1).map((p) => `${p.ip}:8080`);
    const out = view(world, 'kubectl describe service web').split('\n');
    expect(out.slice(0, 4)).toEqual(['Name:                     web', 'Namespace:                default', 'Labels:                   app=web', '                          tier=front']);
    expect(out).toContain('Port:                     <unset>  80/TCP');
    expect(out).toContain('TargetPort:               8080/TCP');
    expect(out).toContain(`Endpoints:                ${ready.slice(0, 3).join(',')} + 1 more...`);
  });

  it('has no EndpointSlice to read for a Service without a selector', () => {
    const out = view(cluster(), 'kubectl describe svc kubernetes').split('\n');
    expect(out).toContain('Selector:                 <none>');
    expect(out).toContain('Endpoints:                <none>');
  });

  it('answers NotFound for a Service that does not exist', () => {
    expect(view(cluster(), 'kubectl describe svc nope')).toMatch(/NotFound.*services "nope" not found/);
  });
});
