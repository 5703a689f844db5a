import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import type { ManifestDoc } from '../core/commands';
import type { Pod, World } from '../core/types';
import { runView } from '../commands/views';
import { deployment, scenario } from '../testing/fixtures';

const view = (world: World, line: string) => runView(world, line.split(' '));

const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

function service(name: string, ports: Record<string, unknown>[], selector: Record<string, string> | null = { app: name }): ManifestDoc {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ...(selector ? { selector } : {}), ports } };
}

/** web: 5 replicas behind a Service whose port 80 forwards to 8080; all Ready after 90 s. */
function cluster(): World {
  const world = createWorld(scenario(), [deployment('web', 5, '100m', '64Mi'), service('web', [{ port: 80, targetPort: 8080 }]), service('external', [{ port: 443 }], null)]);
  for (let i = 0; i < 90; i++) step(world);
  return world;
}

const webPods = (world: World): Pod[] => [...world.pods.values()].filter((p) => p.labels.app === 'web');
const byIp = (a: Pod, b: Pod) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

describe('kubectl get endpoints', () => {
  it("lists each selector Service's Ready pod IPs at the target port, cut after three as kubectl cuts them", () => {
    const world = cluster();
    const ips = webPods(world).sort(byIp).map((p) => p.ip);
    expect(ips).toHaveLength(5);
    const r = view(world, 'kubectl get ep');
    // The Service without a selector gets no Endpoints: the controller leaves it to whoever wrote it.
    expect(r.output.split('\n')).toEqual([WARNING, expect.stringMatching(/^NAME {3}ENDPOINTS +AGE$/), `web    ${ips.slice(0, 3).map((ip) => `${ip}:8080`).join(',')} + 2 more...   90s`]);
    expect(view(world, 'kubectl get endpoints web -o name').output).toBe(`${WARNING}\nendpoints/web`);
    // Every EKS cluster also has CoreDNS's kube-dns Service in kube-system.
    const all = view(world, 'kubectl get ep -A').output.split('\n');
    expect(all[1]).toMatch(/^NAMESPACE {5}NAME {7}ENDPOINTS/);
    expect(all.slice(2).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['default web', 'kube-system kube-dns']);
    expect(view(world, 'kubectl get ep nope').output).toBe(`${WARNING}\nError from server (NotFound): endpoints "nope" not found`);
  });

  it('moves a pod that is not Ready to notReadyAddresses and drops a terminating one', () => {
    const world = cluster();
    const [a, b, ...rest] = webPods(world).sort(byIp);
    a.state = 'Running';
    b.state = 'Terminating';
    const r = view(world, 'kubectl get ep web -o jsonpath={.subsets[0].addresses[*].ip}|{.subsets[0].notReadyAddresses[*].ip}|{.subsets[0].ports[0].port}');
    expect(r.output).toBe(`${WARNING}\n${rest.map((p) => p.ip).join(' ')}|${a.ip}|8080`);
    const described = view(world, 'kubectl describe endpoints web').output;
    expect(described).toBe(
      [
        WARNING,
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        `  Addresses:          ${rest.map((p) => p.ip).join(',')}`,
        `  NotReadyAddresses:  ${a.ip}`,
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '',
        'Events:  <none>',
      ].join('\n'),
    );
  });

  it('prints <none> when no pod backs the Service, and an empty column when none is Ready', () => {
    const world = cluster();
    for (const p of webPods(world)) p.state = 'Running';
    expect(view(world, 'kubectl get ep web').output.split('\n')[2]).toMatch(/^web {16}90s$/);
    for (const p of webPods(world)) p.state = 'Terminating';
    expect(view(world, 'kubectl get ep web').output.split('\n')[2]).toMatch(/^web {4}<none> {6}90s$/);
    expect(view(world, 'kubectl get ep web -o yaml').output).not.toContain('subsets');
  });
});

describe('kubectl get endpointslices', () => {
  it('names one slice per Service <service>-<suffix>, the same on every read, labelled with its Service', () => {
    const world = cluster();
    const r = view(world, 'kubectl get endpointslices -o name');
    expect(r.output).toMatch(/^endpointslice\.discovery\.k8s\.io\/web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const name = r.output.split('/')[1];
    const rngBefore = world.rng.s;
    expect(view(world, 'kubectl get endpointslices.discovery.k8s.io -l kubernetes.io/service-name=web -o name').output).toBe(r.output);
    expect(world.rng.s).toBe(rngBefore);
    expect(view(world, `kubectl get endpointslice ${name} -o jsonpath={.metadata.labels}`).output).toBe(
      '{"endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io","kubernetes.io/service-name":"web"}',
    );
    // Another seed, another suffix: it comes from the seeded generator, not from a fixed table.
    const other = createWorld(scenario({ seed: 2 }), [deployment('web', 1, '100m', '64Mi'), service('web', [{ port: 80 }])]);
    expect(view(other, 'kubectl get endpointslices -o name').output).not.toBe(r.output);
  });

  it('keeps not-ready and terminating pods with their conditions, and prints every address in ENDPOINTS', () => {
    const world = cluster();
    const [a, b, ...rest] = webPods(world).sort(byIp);
    a.state = 'Running';
    a.readyConditionStatus = 'False';
    b.state = 'Terminating';
    const name = view(world, 'kubectl get endpointslices -o name').output.split('/')[1];
    const table = view(world, 'kubectl get endpointslices').output.split('\n');
    expect(table[0]).toMatch(/^NAME {2,}ADDRESSTYPE {3}PORTS {3}ENDPOINTS {2,}AGE$/);
    expect(table[1]).toBe(`${name}   IPv4          8080    ${[a, b, rest[0]].map((p) => p.ip).join(',')} + 2 more...   90s`);
    const template = '{range .endpoints[*]}{.conditions.ready}/{.conditions.serving}/{.conditions.terminating} {end}';
    const conditions = runView(world, ['kubectl', 'get', 'endpointslice', name, `-o=jsonpath=${template}`]);
    expect(conditions.output).toBe('false/false/false false/true/true true/true/false true/true/false true/true/false ');
  });

  it('leaves a placeholder slice with <unset> ports and endpoints when no pod is left', () => {
    const world = cluster();
    for (const p of webPods(world)) p.state = 'Gone';
    const row = view(world, 'kubectl get endpointslices').output.split('\n')[1];
    expect(row).toMatch(/^web-\w{5} {3}IPv4 {10}<unset> {3}<unset> {5}90s$/);
    expect(view(world, 'kubectl get endpointslices -o yaml').output).toContain('endpoints: null');
  });
});
