/**
 * Import a real cluster: kubectl output → a Scenario with manifests, plus a report of what did not
 * map, what was dropped on purpose and what was assumed (docs/import.md). Pure: text in, text out;
 * nothing leaves the page or the process.
 */
import { stringify } from 'yaml';
import { AUTOSCALER_KINDS, key } from '../manifests/kindTable';
import { msg } from '../../sim/core/message';
import { formatImportError, importErrorMessage, parseKubectlOutput, parseTopPods, plural, type ImportError, type KubeItem } from './input';
import { importNodes } from './nodes';
import { renamePlaces } from './region';
import { DropTally, line, newReport, type ImportReport } from './report';
import { cleanAutoscaler, cleanMetadata, cleanWorkload, ownerWorkload } from './workloads';

export { formatImportError, importErrorMessage, MAX_INPUT_CHARS, MAX_ITEMS, type ImportError, type ImportProblem } from './input';
export { countsMessage, formatReport, type ImportReport, type ReportLine, type UnmappedObject } from './report';

export interface ImportInput {
  /** `kubectl get nodes,deployments,statefulsets,daemonsets,hpa,pods -A -o yaml` (or -o json), optionally with nodepools, ec2nodeclasses, scaledobjects, vpa appended as further documents. */
  text: string;
  /** `kubectl top pods -A`, optional. */
  top?: string;
  name?: string;
}

export type ImportResult = { ok: true; text: string; report: ImportReport } | { ok: false; errors: ImportError[] };

/** Load per workload: cpuPerRequest × rps reproduces the CPU that kubectl top showed. */
export const IMPORT_CPU_PER_REQUEST_MILLIS = 10;

const SUPPORTED_AUTOSCALERS = new Set(AUTOSCALER_KINDS.map(([a, k]) => key(a, k)));
const nsName = (i: KubeItem) => `${i.metadata.namespace ?? 'default'}/${i.metadata.name}`;
const unmapped = (report: ImportReport, i: KubeItem, k: string, params: Record<string, string | number>, text: string) =>
  report.unmapped.push({ kind: i.kind, namespace: i.metadata.namespace, name: i.metadata.name, key: k, params, text });

export function importCluster(input: ImportInput): ImportResult {
  const parsed = parseKubectlOutput(input.text);
  // A broken document (truncated, not YAML) fails the import as a whole: half a cluster misleads.
  const fatal = parsed.errors.filter((e) => e.item === undefined);
  if (fatal.length > 0 || parsed.items.length === 0) {
    const none: ImportError = { document: 1, message: 'no Kubernetes objects found', msg: msg('compare.import.error.noObjects') };
    return { ok: false, errors: fatal.length > 0 ? fatal : parsed.errors.length > 0 ? parsed.errors : [none] };
  }
  const report = newReport(parsed.items.length);
  for (const e of parsed.errors) report.unmapped.push({ kind: e.kind?.slice(0, 100) ?? '?', name: e.item !== undefined ? `items[${e.item}]` : `document ${e.document}`, key: 'invalidItem', params: { error: formatImportError(e) }, text: formatImportError(e), msg: importErrorMessage(e) });
  const drops = new DropTally();

  const items = parsed.items;
  const of = (...kinds: string[]) => items.filter((i) => kinds.includes(i.kind));
  const workloads = of('Deployment', 'StatefulSet', 'DaemonSet');
  const caDeployment = workloads.find((w) => w.kind === 'Deployment' && JSON.stringify((w.spec as { template?: unknown })?.template ?? {}).includes('cluster-autoscaler:'));
  const nodes = importNodes(of('Node'), report, caDeployment !== undefined);
  const caFlags = caDeployment ? JSON.stringify(caDeployment.spec) : '';
  const foundName = /k8s\.io\/cluster-autoscaler\/([A-Za-z0-9._-]+)/.exec(caFlags.replace('k8s.io/cluster-autoscaler/enabled', ''))?.[1] ?? nodes.clusterName;
  const clusterName = foundName ?? 'imported';
  if (caDeployment) for (const g of nodes.groups) g.tags = { 'k8s.io/cluster-autoscaler/enabled': 'true', [`k8s.io/cluster-autoscaler/${clusterName}`]: 'owned' };

  const manifests: Record<string, unknown>[] = [];
  const deploymentNames = new Map<string, string>();
  const statefulSets = new Set(of('StatefulSet').map(nsName));
  let kubeSystemDaemonSets = 0;
  for (const w of workloads) {
    if (w.kind !== 'DaemonSet') {
      const other = deploymentNames.get(w.metadata.name);
      if (other !== undefined) {
        unmapped(report, w, 'nameCollision', { other }, `a Deployment named ${w.metadata.name} is already imported from namespace ${other} (the simulator keys Deployments by name)`);
        continue;
      }
      deploymentNames.set(w.metadata.name, w.metadata.namespace ?? 'default');
    } else if (w.metadata.namespace === 'kube-system') kubeSystemDaemonSets++;
    if (w.kind === 'StatefulSet') report.assumptions.push(line('statefulSetAsDeployment', { name: nsName(w) }, `StatefulSet ${nsName(w)} is simulated as a Deployment (no ordered start, no volumes)`));
    manifests.push(cleanWorkload(w, drops));
    report.counts.workloads++;
  }

  for (const a of items.filter((i) => SUPPORTED_AUTOSCALERS.has(key(i.apiVersion, i.kind)))) {
    manifests.push(cleanAutoscaler(a, drops, statefulSets));
    report.counts.autoscalers++;
  }
  const nodePools = new Set(of('NodePool', 'Provisioner').map((p) => p.metadata.name));
  for (const pool of nodes.karpenterPools) {
    if (!nodePools.has(pool)) report.assumptions.push(line('nodePoolMissing', { pool }, `nodes come from Karpenter NodePool ${pool}, but no NodePool object was pasted: add \`kubectl get nodepools,ec2nodeclasses -o yaml\``));
  }

  const pods = of('Pod');
  report.counts.pods = pods.length;
  for (const p of pods) {
    const owner = ownerWorkload(p);
    if (!owner) {
      unmapped(report, p, 'barePod', {}, 'a pod without a controller: the simulator runs pods through Deployments, StatefulSets and DaemonSets');
      continue;
    }
    if (owner.kind === 'Job') drops.add('jobPods', (n) => `${plural(n, 'pod of a Job', 'pods of Jobs')} (Jobs are not simulated)`);
    else if (owner.kind === 'Node') drops.add('staticPods', (n) => `${plural(n, 'static (mirror) pod', 'static (mirror) pods')}`);
  }
  const ownedPods = pods.filter((p) => ownerWorkload(p) !== undefined).length;
  if (ownedPods > 0) report.assumptions.push(line('podsRecreated', { count: ownedPods }, `${ownedPods === 1 ? '1 pod owned by a controller is' : `${ownedPods} pods owned by controllers are`} not copied: their Deployments and DaemonSets create them again`));

  for (const s of of('Service')) {
    const spec = (s.spec ?? {}) as Record<string, unknown>;
    if (!spec.selector) continue;
    manifests.push({ apiVersion: 'v1', kind: 'Service', metadata: cleanMetadata(s.metadata, drops), spec: { selector: spec.selector, ...(Array.isArray(spec.ports) ? { ports: spec.ports } : {}) } });
  }
  // Workloads keep their priorityClassName, and the loader refuses a class it does not know: the
  // cluster's own classes come along (the built-in system- ones the engine has already).
  for (const c of of('PriorityClass')) {
    if (c.apiVersion !== 'scheduling.k8s.io/v1' || c.metadata.name.startsWith('system-')) continue;
    const pc = c as unknown as Record<string, unknown>;
    manifests.push({ apiVersion: c.apiVersion, kind: 'PriorityClass', metadata: { name: c.metadata.name }, value: pc.value, ...(pc.globalDefault === true ? { globalDefault: true } : {}), ...(typeof pc.preemptionPolicy === 'string' ? { preemptionPolicy: pc.preemptionPolicy } : {}), ...(typeof pc.description === 'string' ? { description: pc.description } : {}) });
  }
  const secrets = of('Secret').length;
  if (secrets > 0) drops.add('secrets', (n) => `${plural(n, 'Secret', 'Secrets')} (never imported)`, secrets);
  const configMaps = of('ConfigMap').length;
  if (configMaps > 0) drops.add('configMaps', (n) => (n === 1 ? '1 ConfigMap with its data' : `${n} ConfigMaps with their data`), configMaps);
  const replicaSets = of('ReplicaSet').length;
  if (replicaSets > 0) drops.add('replicaSets', (n) => (n === 1 ? '1 ReplicaSet (its Deployment creates it again)' : `${n} ReplicaSets (their Deployments create them again)`), replicaSets);
  const handled = new Set(['Node', 'Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Service', 'Secret', 'ConfigMap', 'ReplicaSet', 'PriorityClass']);
  for (const i of items) {
    if (handled.has(i.kind) || SUPPORTED_AUTOSCALERS.has(key(i.apiVersion, i.kind))) continue;
    unmapped(report, i, 'unsupportedKind', { apiVersion: i.apiVersion }, `${i.apiVersion} ${i.kind} is not simulated`);
  }

  const load = loadFromTop(input.top, pods, deploymentNames, report);
  report.dropped = drops.lines();
  const spec: Record<string, unknown> = { seed: 1, duration: '30m', region: nodes.region, clusterName };
  // The pasted kube-system DaemonSets (aws-node, kube-proxy, …) replace the built-in EKS set.
  if (kubeSystemDaemonSets > 0) spec.eksDefaults = false;
  if (nodes.groups.length > 0) spec.nodeGroups = nodes.groups;
  if (load.length > 0) spec.load = load;
  const scenario = { apiVersion: 'playground/v1alpha1', kind: 'Scenario', metadata: { name: input.name ?? (foundName ? `imported-${foundName}` : 'imported') }, spec };
  const header = [
    `Imported from kubectl output: ${plural(report.counts.nodes, 'node', 'nodes')}, ${plural(report.counts.workloads, 'workload', 'workloads')}, ${plural(report.counts.autoscalers, 'autoscaler', 'autoscalers')}.`,
    'Secrets, ConfigMap data, env values, command lines and data-carrying annotations were dropped.',
    ...report.assumptions.map((a) => `Assumption: ${a.text}`),
  ];
  // Selectors, affinities and NodePool requirements name the same zones the node groups now use.
  const placed = manifests.map((m) => renamePlaces(m, nodes.renames));
  const text = `${header.map((h) => `# ${h}`).join('\n')}\n${[scenario, ...placed].map((d) => stringify(d, { lineWidth: 0 }).trimEnd()).join('\n---\n')}\n`;
  return { ok: true, text, report };
}

function loadFromTop(top: string | undefined, pods: KubeItem[], deployments: Map<string, string>, report: ImportReport): Record<string, unknown>[] {
  if (!top || top.trim() === '') {
    report.assumptions.push(line('noTop', {}, 'no kubectl top output: no load is generated and the workloads start idle (paste `kubectl top pods -A` to drive load from their CPU usage)'));
    return [];
  }
  const { usage, errors } = parseTopPods(top);
  for (const e of errors) report.unmapped.push({ kind: 'kubectl top', name: '-', key: 'topLine', params: { error: e.message }, text: e.message, msg: e.msg });
  const byDeployment = new Map<string, number>();
  const podOwner = new Map(pods.map((p) => [nsName(p), ownerWorkload(p)]));
  for (const [pod, millis] of usage) {
    const owner = podOwner.get(pod);
    if (!owner || owner.kind !== 'Deployment') continue;
    const ns = pod.split('/')[0];
    if (ns === 'kube-system' || deployments.get(owner.name) !== ns) continue;
    byDeployment.set(owner.name, (byDeployment.get(owner.name) ?? 0) + millis);
  }
  const load = [...byDeployment.entries()]
    .filter(([, m]) => m > 0)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([target, millis]) => ({ target, cpuPerRequest: `${IMPORT_CPU_PER_REQUEST_MILLIS}m`, profile: [{ at: '0s', rps: Math.round((millis / IMPORT_CPU_PER_REQUEST_MILLIS) * 10) / 10 }] }));
  const total = [...byDeployment.values()].reduce((a, b) => a + b, 0);
  report.assumptions.push(
    line('loadFromTop', { count: load.length, cores: Math.round(total) / 1000, perRequest: IMPORT_CPU_PER_REQUEST_MILLIS }, `load from kubectl top: ${plural(load.length, 'Deployment', 'Deployments')}, ${Math.round(total) / 1000} cores in all, as a steady rate of requests costing ${IMPORT_CPU_PER_REQUEST_MILLIS}m each`),
  );
  return load;
}
