import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import type { World } from '../core/types';
import { runView } from './views';
import { parseCommandLine } from '../../scenario/commandLine';
import { deployment, scenario } from '../testing/fixtures';

/**
 * kubectl get's object printers and list order (k8s.io/kubectl/pkg/cmd/get/get.go,
 * k8s.io/cli-runtime/pkg/printers: yaml, json, jsonpath, custom-columns; kubectl/pkg/cmd/get/sorter.go).
 */
function run(world: World, line: string): { ok: boolean; output: string } {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.command.type !== 'view') throw new Error(`${line} is not a view`);
  return runView(world, parsed.command.args);
}

function settled(): World {
  const world = createWorld(scenario(), [deployment('web', 3, '100m', '128Mi'), deployment('api', 2, '250m', '256Mi')]);
  for (let i = 0; i < 60; i++) step(world);
  return world;
}

const podNames = (world: World, ns = 'default') =>
  [...world.pods.values()].filter((p) => p.namespace === ns && p.state !== 'Gone').map((p) => p.name);
const firstColumn = (table: string) => table.split('\n').slice(1).map((l) => l.split(/\s+/)[0]);

describe('kubectl get: list order', () => {
  it('lists pods by name, as the API server returns them in key order, not in creation order', () => {
    const world = settled();
    const created = podNames(world);
    const sorted = [...created].sort();
    expect(created).not.toEqual(sorted);
    expect(firstColumn(run(world, 'kubectl get pods').output)).toEqual(sorted);
  });

  it('with -A, sorts by namespace first, then name', () => {
    const world = settled();
    const rows = run(world, 'kubectl get pods -A').output.split('\n').slice(1).map((l) => l.split(/\s+/).slice(0, 2).join('/'));
    expect(rows[0].startsWith('default/')).toBe(true);
    expect(rows.at(-1)!.startsWith('kube-system/')).toBe(true);
    expect(rows).toEqual([...rows].sort());
  });

  it('kubectl top pods lists by name too: metrics-server sorts its answer by namespace and name (pkg/api/pod.go)', () => {
    const world = settled();
    for (let i = 0; i < 60; i++) step(world);
    const listed = firstColumn(run(world, 'kubectl top pods').output);
    expect(listed).toHaveLength(5);
    expect(listed).toEqual([...listed].sort());
    expect(podNames(world)).not.toEqual([...podNames(world)].sort());
  });

  it('prints named objects in the order they were asked for', () => {
    const world = settled();
    expect(firstColumn(run(world, 'kubectl get deploy web api').output)).toEqual(['web', 'api']);
    expect(firstColumn(run(world, 'kubectl get deploy api web').output)).toEqual(['api', 'web']);
  });

  it('shows the EKS add-ons as old as the cluster, not as old as the scenario', () => {
    const world = settled();
    const out = run(world, 'kubectl get deploy,ds -n kube-system').output;
    expect(out).toMatch(/deployment\.apps\/coredns +2\/2 +2 +2 +121m/);
    expect(out).toMatch(/daemonset\.apps\/aws-node +3 .* 121m/);
  });
});

describe('kubectl get -o yaml / -o json', () => {
  it('prints one named pod as the object, keys sorted, timestamps quoted as go-yaml does', () => {
    const world = settled();
    const name = podNames(world).find((n) => n.startsWith('web-'))!;
    const out = run(world, `kubectl get pod ${name} -o yaml`).output;
    expect(out.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    expect(out).toMatch(/\n {2}creationTimestamp: "2026-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
    const pod = parseYaml(out) as { metadata: { ownerReferences: { kind: string }[] }; spec: { containers: { resources: unknown }[]; nodeName: string }; status: { phase: string } };
    expect(pod.metadata.ownerReferences[0].kind).toBe('ReplicaSet');
    expect(pod.spec.containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' } });
    expect(pod.spec.nodeName).toBe(world.pods.get(name)!.nodeName);
    expect(pod.status.phase).toBe('Running');
  });

  it('wraps a list query in a v1 List, even when it finds one object', () => {
    const world = settled();
    const out = run(world, 'kubectl get deploy --field-selector metadata.name=web -o json').output;
    const list = JSON.parse(out) as { kind: string; items: { metadata: { name: string }; status: { readyReplicas: number } }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['web']);
    expect(list.items[0].status.readyReplicas).toBe(3);
    // kubectl's JSON printer indents by four spaces.
    expect(out.split('\n')[1]).toBe('    "apiVersion": "v1",');
  });

  it('prints nodes with capacity, allocatable and the Ready condition from the engine', () => {
    const world = settled();
    const node = [...world.nodes.values()][0];
    const obj = JSON.parse(run(world, `kubectl get node ${node.name} -o json`).output) as {
      status: { allocatable: { cpu: string; pods: string }; conditions: { type: string; status: string }[]; addresses: { type: string; address: string }[] };
    };
    expect(obj.status.allocatable).toMatchObject({ cpu: `${node.allocatable.cpuMillis}m`, pods: String(node.allocatable.pods) });
    expect(obj.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'True' });
    expect(obj.status.addresses[0].address).toBe(node.name.replace(/^ip-(\d+)-(\d+)-(\d+)-(\d+)\..*$/, '$1.$2.$3.$4'));
  });

  it('answers an unknown format with kubectl\'s printer error and a template format with the playground\'s note', () => {
    const world = settled();
    const bad = run(world, 'kubectl get pods -o xml');
    expect(bad.ok).toBe(false);
    expect(bad.output).toBe(
      'error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    );
    const tpl = run(world, 'kubectl get pods -o go-template={{.kind}}');
    expect(tpl.ok).toBe(false);
    expect(tpl.output).toContain('-o go-template is not simulated');
  });

  it('reads the autoscalers\' objects back from their own YAML, so jsonpath reaches them too', () => {
    const world = createWorld(scenario(), [
      deployment('web', 2, '100m', '128Mi'),
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web' },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 7, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
      },
    ]);
    for (let i = 0; i < 60; i++) step(world);
    expect(run(world, 'kubectl get hpa web -o jsonpath={.spec.maxReplicas}').output).toBe('7');
  });
});

describe('kubectl get -o jsonpath / custom-columns / --sort-by', () => {
  // The console trims the trailing newline a template's last {"\n"} prints.
  it('jsonpath over the List prints every match separated by spaces', () => {
    const world = settled();
    expect(run(world, 'kubectl get deploy -o jsonpath={.items[*].metadata.name}').output).toBe('api web');
    expect(run(world, "kubectl get deploy -o jsonpath='{range .items[*]}{.metadata.name}={.spec.replicas}{\"\\n\"}{end}'").output).toBe('api=2\nweb=3');
  });

  it('custom-columns prints a table of the paths, <none> where nothing matches', () => {
    const world = settled();
    const out = run(world, 'kubectl get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,MISSING:.spec.paused').output;
    expect(out).toBe('NAME   REPLICAS   MISSING\napi    2          <none>\nweb    3          <none>');
  });

  it('--sort-by orders the table by the field in each object', () => {
    const world = settled();
    expect(firstColumn(run(world, 'kubectl get deploy --sort-by=.spec.replicas').output)).toEqual(['api', 'web']);
    expect(firstColumn(run(world, 'kubectl get deploy --sort-by=.metadata.name').output)).toEqual(['api', 'web']);
    const byAge = firstColumn(run(world, 'kubectl get pods --sort-by=.metadata.creationTimestamp').output);
    expect(byAge).toHaveLength(5);
    const created = (n: string) => world.pods.get(n)!.createdMs;
    expect(byAge.map(created)).toEqual([...byAge.map(created)].sort((a, b) => a - b));
  });
});

describe('a long -o yaml/json printout is cut, with a note', () => {
  it('prints the first MAX_PRINTED_OBJECTS objects as a List and says how many it left out', async () => {
    const { MAX_PRINTED_OBJECTS } = await import('./objectOutput');
    const world = createWorld(scenario({ nodeGroups: [{ ...scenario().nodeGroups[0], instanceTypes: ['m5.4xlarge'], minSize: 10, maxSize: 10, desiredCapacity: 10 }] }), [deployment('web', MAX_PRINTED_OBJECTS + 20, '10m', '16Mi')]);
    for (let i = 0; i < 30; i++) step(world);
    const parsed = parseCommandLine('kubectl get pods -o json');
    const r = runView(world, (parsed as { command: { args: string[] } }).command.args);
    expect(r.ok).toBe(true);
    expect((JSON.parse(r.output) as { items: unknown[] }).items).toHaveLength(MAX_PRINTED_OBJECTS);
    expect(r.note).toEqual({ key: 'engine.command.objectsOmitted', params: { shown: MAX_PRINTED_OBJECTS, omitted: 20 } });
    // Sorted, the first ones are those the sort puts first; jsonpath is not cut.
    const names = run(world, 'kubectl get pods -o jsonpath={.items[*].metadata.name}').output.split(' ');
    expect(names).toHaveLength(MAX_PRINTED_OBJECTS + 20);
    const sorted = JSON.parse(runView(world, (parseCommandLine('kubectl get pods --sort-by=.metadata.name -o json') as { command: { args: string[] } }).command.args).output) as { items: { metadata: { name: string } }[] };
    expect(sorted.items[0].metadata.name).toBe([...names].sort()[0]);
    expect(run(world, 'kubectl get pods -o yaml').output.split('\n- apiVersion: v1').length - 1).toBe(MAX_PRINTED_OBJECTS);
  });
});

describe('kubectl get events as objects', () => {
  it('names each event after its object and the time in hex nanoseconds, and sorts and prints them as core/v1 Events', () => {
    const world = settled();
    const names = run(world, 'kubectl get events -o name --field-selector involvedObject.kind=Deployment').output.split('\n');
    expect(names).toHaveLength(2);
    // client-go's recorder: fmt.Sprintf("%v.%x", ref.Name, t.UnixNano()).
    const web = world.events.find((e) => e.kind === 'Deployment' && e.name === 'web')!;
    expect(names).toContain(`event/web.${(BigInt(world.startEpochMs + web.t * 1000) * 1_000_000n).toString(16)}`);
    const reasons = run(world, 'kubectl get events --sort-by=.reason -o jsonpath={.items[*].reason}').output.split(' ');
    expect(reasons).toEqual([...reasons].sort());
    expect(new Set(reasons).size).toBeGreaterThan(3);
    const first = JSON.parse(run(world, 'kubectl get events -o json').output) as { items: { kind: string; involvedObject: { kind: string }; source: { component: string } }[] };
    expect(first.items[0]).toMatchObject({ kind: 'Event', involvedObject: { kind: 'Deployment' }, source: { component: 'deployment-controller' } });
  });
});
