import {
  filterNode,
  firstUntoleratedTaint as untolerated,
  matchesNodeAffinity,
  needsClusterState,
  preFilter,
  tolerates,
  withPod,
  type PreFilterState,
  type SchedNode,
  type SchedPod,
} from '../../cluster/scheduling/filter';
import type { NodeResources, Resources, Taint, Toleration } from './types';

/**
 * The CA's scheduling simulation is kube-scheduler's own filter (cluster/scheduling/filter.ts),
 * as upstream runs the scheduler framework's predicates on its snapshot (simulator/clustersnapshot,
 * simulator/scheduling/hinting_simulator.go): node affinity, taints, resources, host ports,
 * topology spread and pod anti-affinity all decide here exactly as they do for the scheduler.
 */

/** The scheduling-relevant part of a pod. */
export interface FitPod extends SchedPod {
  requests: Resources;
}

/** A node as the fit check sees it: what it offers, what is already requested, and its pods. */
export interface FitNode extends SchedNode {
  allocatable: NodeResources;
  requested: NodeResources;
}

export function toleratesTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

export function firstUntoleratedTaint(pod: FitPod, taints: readonly Taint[] | undefined): Taint | undefined {
  return untolerated(pod.tolerations, taints);
}

/** nodeSelector and required node affinity. */
export function matchesNodeSelector(pod: FitPod, labels: Record<string, string> | undefined): boolean {
  return matchesNodeAffinity(pod, labels);
}

export type FitResult = { fits: true } | { fits: false; reason: string };

/**
 * The scheduler's filters in their order. `cluster`: every simulated node, needed when the pod has
 * topology spread or anti-affinity rules (or when existing pods carry anti-affinity).
 */
export function podFitsNode(pod: FitPod, node: FitNode, cluster?: readonly FitNode[] | PreFilterState): FitResult {
  const state = cluster === undefined ? undefined : Array.isArray(cluster) ? preFilter(pod, needsClusterState(pod) ? cluster : [], antiHolders(cluster as readonly FitNode[])) : (cluster as PreFilterState);
  const s = filterNode(pod, node, state);
  return s.reasons.length === 0 ? { fits: true } : { fits: false, reason: s.reasons[0] };
}

/** Pods with required anti-affinity on the given nodes. */
export function antiHolders(nodes: readonly SchedNode[]): { pod: SchedPod; node: SchedNode }[] {
  const out: { pod: SchedPod; node: SchedNode }[] = [];
  for (const n of nodes) for (const p of n.pods ?? []) if ((p.podAntiAffinity ?? []).length > 0) out.push({ pod: p, node: n });
  return out;
}

/** The first node in `nodes` the pod fits, with the cluster-wide rules evaluated over all of them. */
export function firstFit<N extends FitNode>(pod: FitPod, nodes: readonly N[]): N | undefined {
  const state = preFilter(pod, needsClusterState(pod) ? nodes : [], antiHolders(nodes));
  return nodes.find((n) => filterNode(pod, n, state).reasons.length === 0);
}

export function addPodToNode<N extends FitNode>(node: N, pod: FitPod): N {
  return withPod(node, pod);
}
