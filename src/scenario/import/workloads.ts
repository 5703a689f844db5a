/**
 * Workloads and autoscalers, cleaned to what scheduling and scaling read: requests and limits,
 * replicas, selectors, affinities, tolerations, node selectors, spread constraints, priorities.
 * Env values, volumes, probes, service accounts and data-carrying annotations are dropped and
 * counted; command lines are kept only for the autoscaler controllers the engine reads flags from.
 */
import { plural, type KubeItem } from './input';
import type { DropTally } from './report';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Annotations that change what the simulated controllers do; every other annotation is dropped. */
const BEHAVIOURAL_ANNOTATIONS = new Set([
  'cluster-autoscaler.kubernetes.io/safe-to-evict',
  'cluster-autoscaler.kubernetes.io/scale-down-disabled',
  'karpenter.sh/do-not-disrupt',
  'controller.kubernetes.io/pod-deletion-cost',
]);
/** Controllers whose flags the engine reads from the container's command line. */
const FLAG_IMAGES = new Set(['cluster-autoscaler', 'cluster-proportional-autoscaler']);
const POD_SPEC_KEPT = ['nodeSelector', 'affinity', 'tolerations', 'topologySpreadConstraints', 'priorityClassName', 'terminationGracePeriodSeconds'];

const repo = (image: unknown) => (typeof image === 'string' ? ((image.split('@')[0].split('/').pop() ?? '').split(':')[0]) : '');

export function cleanMetadata(meta: KubeItem['metadata'], drops: DropTally, keepNamespace = true): Obj {
  const out: Obj = { name: meta.name };
  if (keepNamespace && meta.namespace && meta.namespace !== 'default') out.namespace = meta.namespace;
  if (meta.labels && Object.keys(meta.labels).length > 0) out.labels = meta.labels;
  const annotations = Object.entries(meta.annotations ?? {});
  const kept = annotations.filter(([k]) => BEHAVIOURAL_ANNOTATIONS.has(k));
  if (annotations.length > kept.length) drops.add('annotations', (n) => `${plural(n, 'annotation', 'annotations')} (last-applied configuration and other data; behavioural ones such as safe-to-evict are kept)`, annotations.length - kept.length);
  if (kept.length > 0) out.annotations = Object.fromEntries(kept);
  return out;
}

function cleanResources(r: unknown, drops: DropTally): Obj | undefined {
  if (!isObj(r)) return undefined;
  const out: Obj = {};
  for (const part of ['requests', 'limits'] as const) {
    const q = r[part];
    if (!isObj(q)) continue;
    const kept: Obj = {};
    for (const [k, v] of Object.entries(q)) {
      if (k === 'cpu' || k === 'memory') kept[k] = v;
      else drops.add(`resource:${k}`, (n) => `${n} ${k} ${n === 1 ? 'request or limit' : 'requests/limits'} (only cpu and memory are simulated)`);
    }
    if (Object.keys(kept).length > 0) out[part] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function cleanContainer(c: Obj, drops: DropTally): Obj {
  const out: Obj = { name: c.name, image: c.image };
  const resources = cleanResources(c.resources, drops);
  if (resources) out.resources = resources;
  if (FLAG_IMAGES.has(repo(c.image))) {
    if (Array.isArray(c.command)) out.command = c.command;
    if (Array.isArray(c.args)) out.args = c.args;
  } else if (c.command || c.args) {
    drops.add('commands', (n) => `${plural(n, 'container command line', 'container command lines')} (may carry credentials; kept only for autoscaler controllers)`);
  }
  if (Array.isArray(c.env) && c.env.length > 0) drops.add('env', (n) => `env values of ${plural(n, 'container', 'containers')}`);
  if (Array.isArray(c.envFrom) && c.envFrom.length > 0) drops.add('envFrom', (n) => `envFrom references of ${plural(n, 'container', 'containers')}`);
  return out;
}

export function cleanPodSpec(spec: unknown, drops: DropTally): Obj {
  const s = isObj(spec) ? spec : {};
  const out: Obj = {};
  for (const k of POD_SPEC_KEPT) if (s[k] !== undefined) out[k] = s[k];
  out.containers = (Array.isArray(s.containers) ? s.containers.filter(isObj) : []).map((c) => cleanContainer(c, drops));
  if (Array.isArray(s.volumes) && s.volumes.length > 0) drops.add('volumes', (n) => `volumes of ${plural(n, 'pod template', 'pod templates')} (ConfigMap and Secret mounts included)`);
  if (Array.isArray(s.initContainers) && s.initContainers.length > 0) drops.add('initContainers', (n) => `init containers of ${plural(n, 'pod template', 'pod templates')}`);
  return out;
}

function cleanTemplate(t: unknown, drops: DropTally): Obj {
  const tpl = isObj(t) ? t : {};
  const meta = isObj(tpl.metadata) ? tpl.metadata : {};
  const m: Obj = {};
  if (isObj(meta.labels)) m.labels = meta.labels;
  const ann = isObj(meta.annotations) ? Object.entries(meta.annotations) : [];
  const kept = ann.filter(([k]) => BEHAVIOURAL_ANNOTATIONS.has(k));
  if (ann.length > kept.length) drops.add('annotations', (n) => `${plural(n, 'annotation', 'annotations')} (last-applied configuration and other data; behavioural ones such as safe-to-evict are kept)`, ann.length - kept.length);
  if (kept.length > 0) m.annotations = Object.fromEntries(kept);
  return { metadata: m, spec: cleanPodSpec(tpl.spec, drops) };
}

/** Deployment, DaemonSet, or a StatefulSet simulated as a Deployment (no ordered start, no volumes). */
export function cleanWorkload(item: KubeItem, drops: DropTally): Obj {
  const spec = isObj(item.spec) ? item.spec : {};
  const kind = item.kind === 'DaemonSet' ? 'DaemonSet' : 'Deployment';
  const outSpec: Obj = { selector: spec.selector, template: cleanTemplate(spec.template, drops) };
  if (kind === 'Deployment') outSpec.replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  return { apiVersion: 'apps/v1', kind, metadata: cleanMetadata(item.metadata, drops), spec: outSpec };
}

/** HPA, VPA, ScaledObject, NodePool, EC2NodeClass: spec as it is, status and server fields dropped. */
export function cleanAutoscaler(item: KubeItem, drops: DropTally, statefulSets: Set<string>): Obj {
  const spec = structuredClone(isObj(item.spec) ? item.spec : {});
  // StatefulSets become Deployments: their autoscalers follow.
  for (const refKey of ['scaleTargetRef', 'targetRef']) {
    const ref = spec[refKey];
    if (isObj(ref) && ref.kind === 'StatefulSet' && statefulSets.has(`${item.metadata.namespace ?? 'default'}/${String(ref.name)}`)) {
      ref.kind = 'Deployment';
      ref.apiVersion = 'apps/v1';
    }
  }
  const clusterScoped = item.kind === 'NodePool' || item.kind === 'EC2NodeClass';
  return { apiVersion: item.apiVersion, kind: item.kind, metadata: cleanMetadata(item.metadata, drops, !clusterScoped), spec };
}

/** The Deployment a pod belongs to: its ReplicaSet owner minus the pod-template hash. */
export function ownerWorkload(pod: KubeItem): { kind: string; name: string } | undefined {
  const owner = pod.metadata.ownerReferences?.[0];
  if (!owner) return undefined;
  if (owner.kind === 'ReplicaSet') {
    const hash = pod.metadata.labels?.['pod-template-hash'];
    const name = hash && owner.name.endsWith(`-${hash}`) ? owner.name.slice(0, -hash.length - 1) : owner.name.replace(/-[a-z0-9]{8,10}$/, '');
    return { kind: 'Deployment', name };
  }
  return { kind: owner.kind, name: owner.name };
}
