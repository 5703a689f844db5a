import type { NodeResources, Resources, Taint, Toleration } from './types';

/** The scheduling-relevant part of a pod. */
export interface FitPod {
  requests: Resources;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
}

/** A node as the fit check sees it: what it offers and what is already requested on it. */
export interface FitNode {
  name: string;
  allocatable: NodeResources;
  requested: NodeResources;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

export function toleratesTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect !== undefined && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

export function firstUntoleratedTaint(pod: FitPod, taints: readonly Taint[] | undefined): Taint | undefined {
  // PreferNoSchedule never blocks scheduling.
  return (taints ?? []).find((t) => t.effect !== 'PreferNoSchedule' && !toleratesTaint(pod.tolerations, t));
}

export function matchesNodeSelector(pod: FitPod, labels: Record<string, string> | undefined): boolean {
  return Object.entries(pod.nodeSelector ?? {}).every(([k, v]) => labels?.[k] === v);
}

export type FitResult = { fits: true } | { fits: false; reason: string };

/**
 * The scheduler's filters in their order (NodeUnschedulable, TaintToleration, NodeAffinity,
 * NodeResourcesFit), with kube-scheduler's reason strings.
 */
export function podFitsNode(pod: FitPod, node: FitNode): FitResult {
  if (node.unschedulable) return { fits: false, reason: 'node(s) were unschedulable' };
  const taint = firstUntoleratedTaint(pod, node.taints);
  if (taint) {
    return { fits: false, reason: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}` };
  }
  if (!matchesNodeSelector(pod, node.labels)) {
    return { fits: false, reason: "node(s) didn't match Pod's node affinity/selector" };
  }
  if (node.requested.pods + 1 > node.allocatable.pods) return { fits: false, reason: 'Too many pods' };
  if (node.requested.cpuMillis + pod.requests.cpuMillis > node.allocatable.cpuMillis) {
    return { fits: false, reason: 'Insufficient cpu' };
  }
  if (node.requested.memoryMiB + pod.requests.memoryMiB > node.allocatable.memoryMiB) {
    return { fits: false, reason: 'Insufficient memory' };
  }
  return { fits: true };
}

export function addPodToNode(node: FitNode, pod: FitPod): FitNode {
  return {
    ...node,
    requested: {
      cpuMillis: node.requested.cpuMillis + pod.requests.cpuMillis,
      memoryMiB: node.requested.memoryMiB + pod.requests.memoryMiB,
      pods: node.requested.pods + 1,
    },
  };
}
