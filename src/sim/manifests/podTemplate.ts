import { cpuToMillis, memoryToMiB } from '../core/quantity';
import type { ContainerSpec, LabelSelector, NodeSelectorRequirement, PodAffinityTerm, PodTemplate, Toleration, TopologySpreadConstraint, World } from '../core/types';
import { admitPriority, systemPriority } from '../cluster/scheduling/priorityClasses';

/** Plain YAML/JSON as it came from a manifest. */
export type Obj = Record<string, unknown>;

/** A scalar manifest value as text (numbers and booleans as YAML would print them), else the fallback. */
export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
}

export function asObj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asStringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asObj(v))) out[k] = str(val);
  return out;
}

function resources(v: unknown) {
  const o = asObj(v);
  return {
    cpuMillis: o.cpu !== undefined ? cpuToMillis(o.cpu as string) : 0,
    memoryMiB: o.memory !== undefined ? memoryToMiB(o.memory as string) : 0,
  };
}

export function containerFromManifest(v: unknown): ContainerSpec {
  const c = asObj(v);
  const res = asObj(c.resources);
  const limits = resources(res.limits);
  const requests = resources(res.requests);
  // As the API server defaults it: a limit with no request sets the request to the limit.
  if (asObj(res.requests).cpu === undefined && limits.cpuMillis > 0) requests.cpuMillis = limits.cpuMillis;
  if (asObj(res.requests).memory === undefined && limits.memoryMiB > 0) requests.memoryMiB = limits.memoryMiB;
  return {
    name: str(c.name, 'app'),
    image: str(c.image),
    requests,
    limits,
    command: asArray(c.command).map(String),
    args: asArray(c.args).map(String),
  };
}

function readinessDelaySeconds(containers: unknown[]): number {
  let delay = 0;
  for (const c of containers) {
    const probe = asObj(asObj(c).readinessProbe);
    if (Object.keys(probe).length === 0) continue;
    const initial = Number(probe.initialDelaySeconds ?? 0);
    const period = Number(probe.periodSeconds ?? 10);
    // The first probe runs after initialDelaySeconds; successThreshold probes must pass.
    delay = Math.max(delay, initial + (Number(probe.successThreshold ?? 1) - 1) * period);
  }
  return delay;
}

export function podTemplateFromManifest(template: unknown, extraLabels: Record<string, string> = {}): PodTemplate {
  const t = asObj(template);
  const meta = asObj(t.metadata);
  const spec = asObj(t.spec);
  const containers = asArray(spec.containers);
  const affinity = asObj(asObj(asObj(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const terms: NodeSelectorRequirement[][] = asArray(affinity.nodeSelectorTerms).map((term) =>
    asArray(asObj(term).matchExpressions).map((e) => {
      const r = asObj(e);
      return {
        key: String(r.key),
        operator: String(r.operator) as NodeSelectorRequirement['operator'],
        values: asArray(r.values).map(String),
      };
    }),
  );
  const out: PodTemplate = {
    labels: { ...asStringMap(meta.labels), ...extraLabels },
    annotations: asStringMap(meta.annotations),
    containers: containers.map(containerFromManifest),
    initContainers: asArray(spec.initContainers).map(containerFromManifest),
    nodeSelector: asStringMap(spec.nodeSelector),
    requiredNodeAffinity: terms,
    tolerations: asArray(spec.tolerations).map((t) => asObj(t) as Toleration),
    priority: Number(spec.priority ?? systemPriority(str(spec.priorityClassName)) ?? 0),
    terminationGracePeriodSeconds: Number(spec.terminationGracePeriodSeconds ?? 30),
    readinessDelaySeconds: readinessDelaySeconds(containers),
  };
  // Set only when present, so templates without them keep their pod-template-hash.
  const anti = asArray(asObj(asObj(spec.affinity).podAntiAffinity).requiredDuringSchedulingIgnoredDuringExecution).map(affinityTerm);
  if (anti.length > 0) out.podAntiAffinity = anti;
  const spread = asArray(spec.topologySpreadConstraints).map(spreadConstraint);
  if (spread.length > 0) out.topologySpread = spread;
  const ports = containers.flatMap((c) => asArray(asObj(c).ports).map((p) => Number(asObj(p).hostPort ?? 0))).filter((p) => p > 0);
  if (ports.length > 0) out.hostPorts = ports;
  const local = asArray(spec.volumes)
    .map(asObj)
    .filter((v) => v.emptyDir !== undefined || v.hostPath !== undefined)
    .map((v) => str(v.name));
  if (local.length > 0) out.localStorageVolumes = local;
  return out;
}

export function labelSelectorFromManifest(v: unknown): LabelSelector | undefined {
  if (v === undefined || v === null) return undefined;
  const o = asObj(v);
  return {
    matchLabels: asStringMap(o.matchLabels),
    matchExpressions: asArray(o.matchExpressions).map((e) => {
      const r = asObj(e);
      return { key: str(r.key), operator: str(r.operator) as 'In', values: asArray(r.values).map(String) };
    }),
  };
}

function affinityTerm(v: unknown): PodAffinityTerm {
  const t = asObj(v);
  const term: PodAffinityTerm = { topologyKey: str(t.topologyKey), labelSelector: labelSelectorFromManifest(t.labelSelector) };
  const ns = asArray(t.namespaces).map(String);
  if (ns.length > 0) term.namespaces = ns;
  return term;
}

function spreadConstraint(v: unknown): TopologySpreadConstraint {
  const c = asObj(v);
  const out: TopologySpreadConstraint = {
    maxSkew: Number(c.maxSkew ?? 1),
    topologyKey: str(c.topologyKey),
    whenUnsatisfiable: str(c.whenUnsatisfiable) === 'ScheduleAnyway' ? 'ScheduleAnyway' : 'DoNotSchedule',
    labelSelector: labelSelectorFromManifest(c.labelSelector),
  };
  if (c.minDomains !== undefined) out.minDomains = Number(c.minDomains);
  return out;
}

/**
 * The Priority admission plugin's part of creating a pod from `template` (read from `manifest`, the
 * pod spec's parent): the class's value, name and preemption policy, from the world's classes.
 * Throws the API server's refusal for a class that does not exist.
 */
export function admitPodTemplate(world: World, template: PodTemplate, manifest: unknown, podName: string): PodTemplate {
  const spec = asObj(asObj(manifest).spec);
  const explicit = spec.priority === undefined ? undefined : Number(spec.priority);
  const admitted = admitPriority(world, podName, str(spec.priorityClassName), explicit);
  template.priority = admitted.priority;
  if (admitted.className !== undefined) template.priorityClassName = admitted.className;
  const policy = str(spec.preemptionPolicy) || admitted.preemptionPolicy;
  if (policy === 'Never') template.preemptionPolicy = 'Never';
  return template;
}

/**
 * Fields left out of the pod-template-hash: they came after the hashes that name every example's
 * pods were pinned, and the priority they resolve to is hashed already.
 */
const UNHASHED = new Set(['priorityClassName', 'preemptionPolicy']);

/** A stable short hash of the pod template, like the pod-template-hash label. */
export function templateHash(template: PodTemplate): string {
  const text = JSON.stringify(template, (k, v: unknown) => (UNHASHED.has(k) ? undefined : v));
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  let x = h >>> 0;
  for (let i = 0; i < 10; i++) {
    out += alphabet[x % alphabet.length];
    x = Math.floor(x / alphabet.length) + (i + 1) * 7919;
  }
  return out;
}
