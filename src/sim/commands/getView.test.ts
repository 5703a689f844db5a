import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { emitEvent } from '../core/world';
import { deployment, scenario } from '../testing/fixtures';
import { runView } from './views';

const hpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
};

function settledWorld() {
  const world = createWorld(scenario(), [deployment('web', 2, '100m', '64Mi'), deployment('api', 1, '100m', '64Mi'), hpa]);
  for (let i = 0; i < 60; i++) step(world);
  return world;
}

const view = (world: ReturnType<typeof settledWorld>, ...args: string[]) => runView(world, ['kubectl', ...args]);

describe('kubectl get with several types', () => {
  const world = settledWorld();
  it('prints one table per type with kind/name names, a blank line between', () => {
    const out = view(world, 'get', 'pods,deployments,hpa').output;
    const blocks = out.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^NAME {2,}READY/);
    expect(blocks[0].split('\n').slice(1).every((l) => l.startsWith('pod/'))).toBe(true);
    expect(blocks[1]).toMatch(/\ndeployment\.apps\/api {3,}1\/1/);
    expect(blocks[1]).toMatch(/\ndeployment\.apps\/web {3,}2\/2/);
    expect(blocks[2]).toMatch(/\nhorizontalpodautoscaler\.autoscaling\/web {3,}Deployment\/web/);
    // Columns stay aligned after the longer names.
    const rows = blocks[1].split('\n');
    expect(rows[0].indexOf('READY')).toBe(rows[1].search(/ \d+\/\d+ /) + 1);
  });
  it('one type keeps bare names; --show-kind adds the prefix', () => {
    expect(view(world, 'get', 'deployments').output).toMatch(/\napi {3,}1\/1/);
    expect(view(world, 'get', 'deployments', '--show-kind=true').output).toMatch(/\ndeployment\.apps\/api/);
  });
  it('type/name arguments across types, and NotFound after what was found', () => {
    const r = view(world, 'get', 'deploy/web', 'hpa/web', 'deploy/nope');
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/^NAME\s+READY[^\n]*\ndeployment\.apps\/web /);
    expect(r.output).toMatch(/Error from server \(NotFound\): deployments\.apps "nope" not found$/);
  });
  it('unknown types fail the whole command', () => {
    expect(view(world, 'get', 'pods,widgets')).toEqual({ ok: false, output: 'error: the server doesn\'t have a resource type "widgets"' });
  });
  it('skips types with nothing to show and says so when all are empty', () => {
    expect(view(world, 'get', 'pods,hpa', '-n', 'kube-system').output).not.toContain('horizontalpodautoscaler');
    expect(view(world, 'get', 'hpa,scaledobject', '-n', 'kube-system').output).toBe('No resources found in kube-system namespace.');
  });
  it('get all lists replicasets too, with prefixes', () => {
    const out = view(world, 'get', 'all').output;
    expect(out).toMatch(/\nreplicaset\.apps\/web-\S+ {3,}2 {3,}2 {3,}2/);
    expect(out).toMatch(/^NAME\s+READY\s+STATUS[^\n]*\npod\//);
  });
});

describe('selectors, -w and -o', () => {
  const world = settledWorld();
  it('-l filters by labels', () => {
    const out = view(world, 'get', 'pods', '-l', 'app=web').output.split('\n');
    expect(out).toHaveLength(3);
    expect(out.slice(1).every((l) => l.startsWith('web-'))).toBe(true);
    expect(view(world, 'get', 'pods', '--selector=app in (api)').output.split('\n')).toHaveLength(2);
    expect(view(world, 'get', 'pods', '-l', 'app=none').output).toBe('No resources found in default namespace.');
    expect(view(world, 'get', 'pods', '-l', 'app in api').ok).toBe(false);
  });
  it('--field-selector spec.nodeName and status.phase for pods; unsupported fields are a BadRequest', () => {
    const pod = [...world.pods.values()].find((p) => p.deployment === 'web')!;
    const onNode = view(world, 'get', 'pods', '-A', `--field-selector=spec.nodeName=${pod.nodeName}`).output;
    expect(onNode).toContain(pod.name);
    expect(onNode.split('\n').slice(1).every((l) => l.split(/\s+/)[1] !== undefined)).toBe(true);
    expect(view(world, 'get', 'pods', '--field-selector=status.phase=Pending').output).toBe('No resources found in default namespace.');
    expect(view(world, 'get', 'pods', '--field-selector=spec.color=red').output).toContain('field label not supported: spec.color');
  });
  it('--show-labels and --no-headers', () => {
    const labelled = view(world, 'get', 'deploy', 'web', '--show-labels').output.split('\n');
    expect(labelled[0]).toMatch(/AGE {3,}LABELS$/);
    expect(labelled[1]).toMatch(/<none>$/);
    // Listed in key order (by name), as the API server returns them.
    expect(view(world, 'get', 'deploy', '--no-headers').output.split('\n')[0]).toMatch(/^api /);
  });
  it('-w prints the state once, with a note', () => {
    const out = view(world, 'get', 'hpa', '-w').output.split('\n');
    expect(out[0]).toMatch(/^NAME\s+REFERENCE/);
    expect(out[out.length - 1]).toMatch(/^\(watch: the console prints the current state once/);
  });
  it('-o name', () => {
    expect(view(world, 'get', 'deploy,hpa', '-o', 'name').output).toBe('deployment.apps/api\ndeployment.apps/web\nhorizontalpodautoscaler.autoscaling/web');
  });
});

describe('kubectl get nodes -o wide', () => {
  const world = settledWorld();
  it("adds kubectl's wide columns with the node's private IP", () => {
    const out = view(world, 'get', 'nodes', '-o', 'wide').output.split('\n');
    expect(out[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$/);
    const [name] = out[1].split(/\s+/);
    const ip = /^ip-(\d+)-(\d+)-(\d+)-(\d+)\./.exec(name)!.slice(1).join('.');
    expect(out[1]).toContain(` ${ip} `);
    expect(out[1]).toMatch(/<none>\s+Amazon Linux 2023\S*\s+\S+amzn2023\.x86_64\s+containerd:\/\/\S+$/);
    expect(out[0].indexOf('INTERNAL-IP')).toBe(out[1].indexOf(ip));
  });
});

describe('kubectl get events', () => {
  const world = settledWorld();
  emitEvent(world, { kind: 'Node', name: 'ip-1', namespace: '', type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', source: 'node-controller' });
  emitEvent(world, { kind: 'Pod', name: 'x', namespace: 'kube-system', type: 'Normal', reason: 'Pulled', message: 'pulled', source: 'kubelet' });
  it('node events live in default; --field-selector picks kind and type', () => {
    const nodes = view(world, 'get', 'events', '--field-selector', 'involvedObject.kind=Node').output.split('\n');
    expect(nodes[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(nodes.slice(1).every((l) => /\snode\//.test(l))).toBe(true);
    expect(nodes[nodes.length - 1]).toMatch(/Warning\s+NodeNotReady\s+node\/ip-1\s+Node is not ready$/);
    const warnings = view(world, 'get', 'events', '--field-selector=type=Warning,involvedObject.name=ip-1', '--sort-by=.lastTimestamp').output.split('\n');
    expect(warnings).toHaveLength(2);
  });
  it('namespaces: default by default, -n, and -A with a NAMESPACE column', () => {
    expect(view(world, 'get', 'events').output).not.toContain('pod/x ');
    expect(view(world, 'get', 'events', '-n', 'kube-system').output).toContain('pod/x ');
    expect(view(world, 'get', 'events', '-A').output.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN/);
    expect(view(world, 'get', 'events', '--field-selector=color=red').output).toContain('field label not supported: color');
  });
  it('a repeated event is one Event object: one row at its latest time, count and both timestamps in -o yaml', () => {
    const w = settledWorld();
    const backOff = { kind: 'Pod', name: 'y', type: 'Warning' as const, reason: 'BackOff', message: 'Back-off restarting failed container', source: 'kubelet' };
    emitEvent(w, backOff);
    w.timeMs += 120_000;
    emitEvent(w, { ...backOff, message: 'something else' });
    w.timeMs += 60_000;
    emitEvent(w, backOff);
    w.timeMs += 30_000;
    const rows = view(w, 'get', 'events', '--field-selector', 'involvedObject.name=y').output.split('\n').slice(1);
    expect(rows).toHaveLength(2);
    // Listed by lastTimestamp: the folded BackOff (30 s ago) comes after "something else" (90 s ago).
    expect(rows[0]).toMatch(/^90s\s+Warning\s+BackOff\s+pod\/y\s+something else$/);
    expect(rows[1]).toMatch(/^30s\s+Warning\s+BackOff\s+pod\/y\s+Back-off restarting failed container$/);
    const json = JSON.parse(view(w, 'get', 'events', '--field-selector', 'involvedObject.name=y', '-o', 'json').output) as { items: { count: number; firstTimestamp: string; lastTimestamp: string; message: string }[] };
    const folded = json.items.find((i) => i.count === 2)!;
    expect(folded.message).toBe('Back-off restarting failed container');
    expect(Date.parse(folded.lastTimestamp) - Date.parse(folded.firstTimestamp)).toBe(180_000);
  });
});
