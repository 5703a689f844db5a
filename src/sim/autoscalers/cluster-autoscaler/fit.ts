import {
  filterNode,
  firstUntoleratedTaint as untolerated,
  hasRoomFor,
  matchesNodeAffinity,
  needsClusterState,
  preFilter,
  tolerates,
  withPod,
  type PreFilterState,
  type SchedNode,
  type SchedPod,
} from '../../cluster/scheduling/filter';
import type { CaNode, CaPod, NodeResources, Resources, Taint, Toleration } from './types';

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

export const hasAntiAffinity = (p: SchedPod): boolean => (p.podAntiAffinity?.length ?? 0) > 0;

/** Pods with required anti-affinity on the given nodes. */
export function antiHolders(nodes: readonly SchedNode[]): { pod: SchedPod; node: SchedNode }[] {
  const out: { pod: SchedPod; node: SchedNode }[] = [];
  for (const n of nodes) for (const p of n.pods ?? []) if (hasAntiAffinity(p)) out.push({ pod: p, node: n });
  return out;
}

/** Bound pods by the node they are on, each node's in their given order. */
export function podsByNode<P extends { nodeName?: string }>(pods: readonly P[]): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of pods) if (p.nodeName) (out.get(p.nodeName) ?? out.set(p.nodeName, []).get(p.nodeName)!).push(p);
  return out;
}

/** The PreFilter state of a pod that no cluster-wide rule concerns (read only). */
const NO_CLUSTER_STATE: PreFilterState = Object.freeze({ spread: [], antiAffinity: new Set<string>(), existingAntiAffinity: new Set<string>() });

/**
 * The index of the first node in `nodes` the pod fits, with the cluster-wide rules evaluated over
 * all of them; -1 when none. `holders`: the anti-affinity holders on `nodes` when the caller knows
 * them (an empty list when no pod in the simulation has anti-affinity), else they are read off.
 */
export function firstFitIndex(pod: FitPod, nodes: readonly FitNode[], holders?: readonly { pod: SchedPod; node: SchedNode }[]): number {
  return firstFitFrom(pod, nodes, holders, 0);
}

/**
 * firstFitIndex when every node before `from` is known not to fit the pod (see sameNodeLocalRules):
 * the search starts there.
 */
export function firstFitFrom(
  pod: FitPod,
  nodes: readonly FitNode[],
  holders: readonly { pod: SchedPod; node: SchedNode }[] | undefined,
  from: number,
  clusterWide = needsClusterState(pod),
): number {
  const anti = holders ?? antiHolders(nodes);
  // Without the pod's own spread/anti-affinity rules and without holders, preFilter's state is empty.
  const state = !clusterWide && anti.length === 0 ? NO_CLUSTER_STATE : preFilter(pod, clusterWide ? nodes : [], anti);
  for (let i = from; i < nodes.length; i++) if (hasRoomFor(pod, nodes[i]) && filterNode(pod, nodes[i], state).reasons.length === 0) return i;
  return -1;
}

/**
 * True when `b` fits exactly the nodes `a` fits, by rules that read only the node and the pod:
 * the same requests, tolerations, node selector, required node affinity and host ports, and no
 * topology-spread or anti-affinity rule of its own (callers also require no anti-affinity holder).
 * Adding pods to nodes only takes room and ports away, so a node that did not fit `a` will not fit
 * `b` later in the same simulation.
 */
export function sameNodeLocalRules(a: FitPod, b: FitPod): boolean {
  return (
    a.requests.cpuMillis === b.requests.cpuMillis &&
    a.requests.memoryMiB === b.requests.memoryMiB &&
    a.tolerations === b.tolerations &&
    a.nodeSelector === b.nodeSelector &&
    a.requiredNodeAffinity === b.requiredNodeAffinity &&
    a.hostPorts === b.hostPorts &&
    !needsClusterState(a) &&
    !needsClusterState(b)
  );
}

/** A simulated node holding `pods`: their requests summed in order, as adding them one by one would. */
export function fitNodeWithPods<N extends FitNode>(node: N, pods: readonly FitPod[]): N {
  if (pods.length === 0) return node;
  let cpuMillis = node.requested.cpuMillis;
  let memoryMiB = node.requested.memoryMiB;
  for (const p of pods) {
    cpuMillis += p.requests.cpuMillis;
    memoryMiB += p.requests.memoryMiB;
  }
  return { ...node, requested: { cpuMillis, memoryMiB, pods: node.requested.pods + pods.length }, pods: (node.pods ?? []).concat(pods) };
}

/** A real node as the simulations see it: empty, then holding `pods`. */
export function fitNodeOf(node: CaNode, pods: readonly CaPod[]): FitNode {
  let cpuMillis = 0;
  let memoryMiB = 0;
  for (const p of pods) {
    cpuMillis += p.requests.cpuMillis;
    memoryMiB += p.requests.memoryMiB;
  }
  // Every key in the literal, `pods` included: withPod later spreads this node and overwrites
  // keys, and V8 builds a spread that adds a key on a slow path (~1.3 µs a node copy).
  return {
    name: node.name,
    allocatable: node.allocatable,
    requested: { cpuMillis, memoryMiB, pods: pods.length },
    labels: node.labels,
    taints: node.taints,
    unschedulable: node.unschedulable,
    pods: pods.slice(),
  };
}

export function addPodToNode<N extends FitNode>(node: N, pod: FitPod): N {
  return withPod(node, pod);
}
