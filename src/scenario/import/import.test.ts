/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-member-access -- the test walks generated YAML as plain data */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../loadScenario';
import { formatImportError, importCluster, MAX_INPUT_CHARS, type ImportResult } from './index';
import { parseTopPods, tableHeader } from './input';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const cluster = fixture('cluster.yaml');
const extras = fixture('cluster-extras.yaml');
const top = fixture('top-pods.txt');

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

interface ScenarioOut {
  metadata: { name: string };
  spec: { region: string; clusterName: string; eksDefaults?: boolean; nodeGroups: Record<string, unknown>[]; load?: { target: string; cpuPerRequest: string; profile: { rps: number }[] }[] };
}
const scenarioOf = (text: string) => parse(text.split('\n---\n')[0]) as ScenarioOut;

describe('import of the fixture cluster (3 managed node groups, a Karpenter NodePool, 60 workloads, 268 pods)', () => {
  const r = ok(importCluster({ text: `${cluster}---\n${extras}`, top }));
  const scenario = scenarioOf(r.text);

  it('builds the node groups from node labels: type, capacity type, zones, own labels and taints, CA tags', () => {
    expect(scenario.spec).toMatchObject({ region: 'ap-northeast-2', clusterName: 'shop-prod', eksDefaults: false });
    const byName = Object.fromEntries(scenario.spec.nodeGroups.map((g) => [g.name, g]));
    expect(Object.keys(byName)).toEqual(['batch-spot', 'general', 'system']);
    expect(byName.system).toMatchObject({ instanceType: 'm5.large', capacityType: 'on-demand', minSize: 3, maxSize: 6, desiredCapacity: 3, labels: { role: 'system' }, taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' }] });
    expect(byName.general).toMatchObject({ instanceType: 'm5.xlarge', desiredCapacity: 6, zones: ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'] });
    expect(byName['batch-spot']).toMatchObject({ capacityType: 'spot', labels: { role: 'batch' }, tags: { 'k8s.io/cluster-autoscaler/enabled': 'true', 'k8s.io/cluster-autoscaler/shop-prod': 'owned' } });
    expect(r.report.counts).toMatchObject({ nodes: 13, nodeGroups: 3, karpenterNodes: 3, workloads: 60, pods: 268 });
  });

  it('keeps workloads, HPAs and the other autoscalers, and the result loads as a scenario', () => {
    const loaded = loadScenario(r.text, 'imported.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
    const kinds = loaded.manifests.map((m) => String(m.doc.kind));
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect([count('Deployment'), count('DaemonSet'), count('HorizontalPodAutoscaler')]).toEqual([56, 4, 28]);
    expect([count('NodePool'), count('EC2NodeClass'), count('ScaledObject'), count('VerticalPodAutoscaler')]).toEqual([1, 1, 1, 1]);
    const search = loaded.manifests.find((m) => m.doc.kind === 'Deployment' && (m.doc.metadata as { name: string }).name === 'search')!.doc as { metadata: { namespace: string }; spec: { replicas: number; template: { spec: { containers: { resources: unknown }[] } } } };
    expect(search.metadata.namespace).toBe('platform');
    expect(search.spec.template.spec.containers[0].resources).toMatchObject({ requests: { cpu: expect.any(String), memory: expect.any(String) } });
    // The CA keeps its flags (the engine reads them); the StatefulSet kafka became a Deployment.
    expect(r.text).toContain('--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/shop-prod');
    expect(r.report.assumptions.some((a) => a.key === 'statefulSetAsDeployment' && a.params.name === 'data/kafka')).toBe(true);
  });

  it('drops Secrets, ConfigMap data, env values, volumes and data-carrying annotations, and says so', () => {
    for (const secret of ['c2VjcmV0LXBhc3N3b3Jk', 'DB_PASSWORD', 'newCheckout', 'last-applied-configuration', 'meta.helm.sh', 'secretKeyRef']) expect(r.text).not.toContain(secret);
    const dropped = Object.fromEntries(r.report.dropped.map((d) => [d.key, d.params.count]));
    expect(dropped).toMatchObject({ secrets: 1, configMaps: 1, env: 60, volumes: 60 });
    expect(dropped.annotations).toBeGreaterThan(100);
    // The behavioural annotation stays.
    expect(r.text).toContain('cluster-autoscaler.kubernetes.io/safe-to-evict');
  });

  it('lists what did not map, by name and reason', () => {
    const un = r.report.unmapped.map((u) => `${u.kind} ${u.namespace ?? ''}/${u.name}: ${u.key}`);
    expect(un).toEqual(['Pod default/debug-shell: barePod', 'PodDisruptionBudget data/kafka: unsupportedKind']);
    expect(r.report.dropped.find((d) => d.key === 'jobPods')!.params.count).toBe(1);
  });

  it('turns kubectl top into a steady load that burns the same CPU', () => {
    const usage = parseTopPods(top).usage;
    // Independent sum: every platform-namespace pod of Deployment "search" (name search-<hash>-<suffix>).
    const searchMillis = [...usage.entries()].filter(([k]) => /^platform\/search-[a-z0-9]+-[a-z0-9]{5}$/.test(k)).reduce((a, [, v]) => a + v, 0);
    const load = scenario.spec.load!.find((l) => l.target === 'search')!;
    expect(load.cpuPerRequest).toBe('10m');
    expect(load.profile[0].rps).toBeCloseTo(searchMillis / 10, 1);
    expect(scenario.spec.load!.some((l) => ['coredns', 'metrics-server'].includes(l.target))).toBe(false);
  });

  it('reads -o json the same as -o yaml', () => {
    const json = ok(importCluster({ text: JSON.stringify(parse(cluster), null, 4) }));
    const yaml = ok(importCluster({ text: cluster }));
    expect(json.text).toBe(yaml.text);
    expect(yaml.report.assumptions.some((a) => a.key === 'noTop')).toBe(true);
  });
});

describe('bad input gets a located message', () => {
  it('a truncated List', () => {
    const r = importCluster({ text: fixture('broken-truncated.yaml') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/without `kind: List` after them: the text looks cut off/);
    const json = importCluster({ text: JSON.stringify(parse(cluster)).slice(0, 5000) });
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.errors[0].message).toMatch(/not valid JSON/);
  });

  it('wrong kinds and items that are not objects: named in the report, the rest imports', () => {
    const r = ok(importCluster({ text: fixture('broken-wrong-kind.yaml') }));
    const un = r.report.unmapped.map((u) => `${u.kind} ${u.name}: ${u.text}`);
    expect(un).toEqual([
      '? items[2]: document 1, items[2]: Invalid input: expected object, received string',
      // The item says what it is, though it has no name: the report names its kind rather than "?".
      'Deployment items[3]: document 1, items[3]: metadata.name: Invalid input: expected string, received undefined',
      'Widget gadget: example.com/v1 Widget is not simulated',
    ]);
    expect(r.report.counts.nodes).toBe(1);
  });

  it('one Karpenter node is counted in the singular in the CLI report', () => {
    const node = (name: string, label: string) => `- apiVersion: v1\n  kind: Node\n  metadata:\n    name: ${name}\n    labels:\n      ${label}\n      node.kubernetes.io/instance-type: m5.large\n`;
    const text = `apiVersion: v1\nkind: List\nitems:\n${node('a', 'eks.amazonaws.com/nodegroup: ng')}${node('b', 'karpenter.sh/nodepool: default')}`;
    const lines = ok(importCluster({ text })).report.assumptions.map((a) => a.text);
    expect(lines).toContain('1 node launched by Karpenter (default) is not imported as a node: the simulated Karpenter launches what the pods need');
  });

  it('a cluster that names itself nowhere (no eksctl label, no Cluster Autoscaler) is "imported", not "imported-imported"', () => {
    const text = ok(importCluster({ text: fixture('broken-wrong-kind.yaml') })).text;
    expect(scenarioOf(text).metadata.name).toBe('imported');
    expect(scenarioOf(text).spec.clusterName).toBe('imported');
    expect(scenarioOf(ok(importCluster({ text: cluster })).text).metadata.name).toBe('imported-shop-prod');
  });

  it('not YAML at all, nothing to import, and too big', () => {
    const broken = importCluster({ text: 'items:\n  - a: [1, 2\n' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatchObject({ document: 1, line: expect.any(Number) });
    const empty = importCluster({ text: '   ' });
    expect(!empty.ok && empty.errors[0].message).toMatch(/nothing to import/);
    const huge = importCluster({ text: 'x'.repeat(MAX_INPUT_CHARS + 1) });
    expect(!huge.ok && huge.errors[0].message).toMatch(/at most 64 MB/);
    const many = importCluster({ text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: 100_001 }, () => ({})) }) });
    expect(!many.ok && many.errors[0].message).toMatch(/items: Too big: expected array to have <=100000 items/);
  });
});

describe('text that is not kubectl objects: the likely mistakes get their own message', () => {
  const firstError = (text: string) => {
    const r = importCluster({ text });
    if (r.ok) throw new Error('imported');
    return r.errors[0];
  };

  it('kubectl get pods without -o yaml: named as kubectl table output, with the command to run instead', () => {
    const e = firstError('NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m');
    expect(e).toMatchObject({ document: 1, line: 1, msg: { key: 'compare.import.error.table', params: { header: 'NAME READY STATUS RESTARTS AGE' } } });
    expect(formatImportError(e)).toBe(
      "document 1, line 1: this looks like kubectl's table output (NAME READY STATUS RESTARTS AGE): the import needs the output of kubectl get … -o yaml (or -o json); run the same command again with -o yaml",
    );
    expect(formatImportError(e)).not.toMatch(/expected object/);
  });

  it('a table that is not even YAML, after blank lines, and one with -A (NAMESPACE first, aligned columns)', () => {
    const hpa = firstError('\n\nNAME   REFERENCE        TARGETS        MINPODS\nweb    Deployment/web   cpu: 20%/50%   1\nx: [\n');
    expect(hpa).toMatchObject({ line: 3, msg: { key: 'compare.import.error.table', params: { header: 'NAME REFERENCE TARGETS MINPODS' } } });
    const all = firstError('NAMESPACE     NAME                     READY   STATUS    RESTARTS   AGE\nkube-system   coredns-5d78c9869d-abcde   1/1     Running   0          3d\n');
    expect(all.msg.params).toEqual({ header: 'NAMESPACE NAME READY STATUS RESTARTS AGE' });
  });

  it('a table pasted as a later document is found in the string it parses to', () => {
    const node = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n';
    const e = firstError(`${node}---\nNAME   CPU(cores)   MEMORY(bytes)\nweb-1  5m  10Mi\n`);
    expect(e).toMatchObject({ document: 2, msg: { key: 'compare.import.error.table', params: { header: 'NAME CPU(cores) MEMORY(bytes)' } } });
  });

  it('other plain text or a number: not a table, but still not "expected object, received string"', () => {
    expect(firstError('No resources found in default namespace.').msg.key).toBe('compare.import.error.plainText');
    // One upper-case word is not a header; nor is a YAML mapping whose key is NAME.
    expect(firstError('NAME\nweb-1').msg.key).toBe('compare.import.error.plainText');
    expect(formatImportError(firstError('NAME: web'))).toBe('document 1: apiVersion: Invalid input: expected string, received undefined');
    const n = firstError('42');
    expect(n.msg).toEqual({ key: 'compare.import.error.plainValue', params: { value: '42' } });
    expect(formatImportError(n)).toBe('document 1: a plain value (42), not Kubernetes objects: the import needs the output of kubectl get … -o yaml (or -o json)');
  });

  it('the header check itself', () => {
    expect(tableHeader('NAME READY STATUS RESTARTS AGE web-1 1/1 Running 0 5m')).toBe('NAME READY STATUS RESTARTS AGE');
    expect(tableHeader('NAME STATUS ROLES AGE VERSION')).toBe('NAME STATUS ROLES AGE VERSION');
    expect(tableHeader('NAME web-1 1/1')).toBeUndefined();
    expect(tableHeader('READY NAME STATUS')).toBeUndefined();
    expect(tableHeader('plain words')).toBeUndefined();
  });
});
