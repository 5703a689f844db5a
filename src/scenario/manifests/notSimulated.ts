import type { PathSegment } from '../errors';
import { pushAll } from '../../sim/core/arrays';

/**
 * Which fields of a manifest the engine models. `true`: modelled as a whole; a nested tree: modelled
 * field by field; `{ each }`: a list whose items follow the tree. Anything present that the tree
 * does not name is valid Kubernetes the playground does not simulate, and gets a notice.
 */
export type FieldTree = { [field: string]: true | FieldTree | { each: FieldTree } };

const resourceNames: FieldTree = { cpu: true, memory: true };

const container: FieldTree = {
  name: true,
  image: true,
  // Read as flags by the autoscalers the playground runs as pods (cluster-autoscaler, CPA).
  command: true,
  args: true,
  resources: { requests: resourceNames, limits: resourceNames },
  // The probe's handler always succeeds in the playground; its timing delays readiness.
  readinessProbe: { initialDelaySeconds: true, periodSeconds: true, successThreshold: true, httpGet: true, tcpSocket: true, exec: true, grpc: true },
  // hostPort is checked by the scheduler's NodePorts filter; the other fields only name the port.
  ports: { each: { containerPort: true, hostPort: true, name: true, protocol: true } },
};

const labelSelector: FieldTree = { matchLabels: true, matchExpressions: true };
const podAffinityTerm: FieldTree = { topologyKey: true, labelSelector, namespaces: true };

export const podSpecTree: FieldTree = {
  containers: { each: container },
  initContainers: { each: container },
  nodeSelector: true,
  affinity: {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: true },
    podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { each: podAffinityTerm } },
  },
  // ScheduleAnyway constraints are read but only score nodes, which the playground's scoring does not weigh.
  topologySpreadConstraints: { each: { maxSkew: true, topologyKey: true, whenUnsatisfiable: true, labelSelector, minDomains: true } },
  // emptyDir and hostPath are local storage, which keeps the Cluster Autoscaler from removing the node.
  volumes: { each: { name: true, emptyDir: true, hostPath: true } },
  tolerations: true,
  priority: true,
  priorityClassName: true,
  preemptionPolicy: true,
  terminationGracePeriodSeconds: true,
};

const metadata: FieldTree = { name: true, namespace: true, labels: true, annotations: true };
const template: FieldTree = { metadata: { labels: true, annotations: true, name: true }, spec: podSpecTree };
const head: FieldTree = { apiVersion: true, kind: true, metadata };

export const SIMULATED_FIELDS: Record<string, FieldTree> = {
  'apps/v1 Deployment': { ...head, spec: { replicas: true, selector: true, template, strategy: { type: true, rollingUpdate: true } } },
  'apps/v1 DaemonSet': { ...head, spec: { selector: true, template } },
  'v1 Pod': { ...head, spec: podSpecTree },
  'v1 Service': { ...head, spec: { selector: true, ports: true } },
  'v1 ConfigMap': { ...head, data: true },
  // unhealthyPodEvictionPolicy is modelled at its default (IfHealthyBudget) only; AlwaysAllow gets a notice.
  'scheduling.k8s.io/v1 PriorityClass': { ...head, value: true, globalDefault: true, preemptionPolicy: true, description: true },
  'policy/v1 PodDisruptionBudget': { ...head, spec: { minAvailable: true, maxUnavailable: true, selector: true } },
};

function isEach(v: FieldTree[string]): v is { each: FieldTree } {
  return typeof v === 'object' && 'each' in v && Object.keys(v).length === 1 && typeof v.each === 'object';
}

/** Paths of every field present in `value` that `tree` does not model. */
export function notSimulatedPaths(value: unknown, tree: FieldTree, base: PathSegment[] = []): PathSegment[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: PathSegment[][] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const rule = tree[key];
    const path = [...base, key];
    if (rule === undefined) out.push(path);
    else if (rule === true) continue;
    else if (isEach(rule)) {
      if (Array.isArray(child)) child.forEach((item, i) => pushAll(out, notSimulatedPaths(item, rule.each, [...path, i])));
    } else pushAll(out, notSimulatedPaths(child, rule, path));
  }
  return out;
}
