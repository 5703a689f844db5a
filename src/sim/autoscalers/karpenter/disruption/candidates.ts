import type { CapacityType, NodePool, PodToSchedule, Resources, Taint } from '../types';
import type { ExistingNode } from '../types';

/** A pod bound to a node, as disruption sees it. */
export interface NodePod extends PodToSchedule {
  /** DaemonSet pods never need rescheduling. */
  daemonSet?: boolean;
  /** Succeeded/Failed pods neither. */
  terminal?: boolean;
  /** The PodDisruptionBudget ("namespace/name") that would refuse this pod's eviction now. */
  pdbBlocked?: string;
}

/** A Karpenter-managed (or other) node with its NodeClaim, as the disruption controller sees it. */
export interface DisruptionNode {
  name: string;
  nodeClaimName: string;
  /** undefined → not managed by Karpenter (e.g. a managed node group): never a candidate. */
  nodePool?: string;
  instanceType: string;
  capacityType: CapacityType;
  zone: string;
  /** Price of the offering this node runs on, USD/hour. */
  price: number;
  labels: Record<string, string>;
  taints: Taint[];
  allocatable: Resources;
  pods: NodePod[];
  initialized: boolean;
  ready: boolean;
  markedForDeletion: boolean;
  createdAtSeconds: number;
  initializedAtSeconds?: number;
  /** Last time a pod was bound to or removed from the node. */
  lastPodEventAtSeconds?: number;
  /** karpenter.sh/do-not-disrupt on the node. */
  doNotDisrupt?: boolean;
}

export function reschedulablePods(node: DisruptionNode): NodePod[] {
  return node.pods.filter((p) => !p.daemonSet && !p.terminal);
}

export function isEmpty(node: DisruptionNode): boolean {
  return reschedulablePods(node).length === 0;
}

/**
 * Consolidatable condition (nodeclaim/disruption/consolidation.go): true once
 * now − (last pod event, or initialization) ≥ consolidateAfter. `Never` (null) keeps it false.
 */
export function isConsolidatable(node: DisruptionNode, consolidateAfterSeconds: number | null, nowSeconds: number): boolean {
  if (consolidateAfterSeconds === null || !node.initialized) return false;
  const since = node.lastPodEventAtSeconds ?? node.initializedAtSeconds ?? node.createdAtSeconds;
  return nowSeconds - since >= consolidateAfterSeconds;
}

/** When the node will become consolidatable (for the engine to schedule a re-check). */
export function consolidatableAt(node: DisruptionNode, consolidateAfterSeconds: number | null): number | undefined {
  if (consolidateAfterSeconds === null) return undefined;
  return (node.lastPodEventAtSeconds ?? node.initializedAtSeconds ?? node.createdAtSeconds) + consolidateAfterSeconds;
}

/** disruption/utils: 1 + deletionCost/2^27 + priority/2^25, clamped to [−10, 10]. */
export function evictionCost(pod: Pick<PodToSchedule, 'deletionCost' | 'priority'>): number {
  const cost = 1 + (pod.deletionCost ?? 0) / 2 ** 27 + (pod.priority ?? 0) / 2 ** 25;
  return Math.min(10, Math.max(-10, cost));
}

/** price / (1 + Σ max(0, evictionCost)): how much is saved per unit of disruption. */
export function savingsRatio(node: DisruptionNode): number {
  const cost = reschedulablePods(node).reduce((s, p) => s + Math.max(0, evictionCost(p)), 0);
  return node.price / (1 + cost);
}

/** Highest savings ratio first; name breaks ties so the order is deterministic. */
export function sortCandidates<T extends DisruptionNode>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => savingsRatio(b) - savingsRatio(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Why a node cannot be a candidate at all, or undefined when it can. */
export function notCandidateReason(node: DisruptionNode, pools: ReadonlyMap<string, NodePool>): string | undefined {
  if (!node.nodePool || !pools.has(node.nodePool)) return 'node is not managed by a NodePool';
  if (!node.initialized) return 'Node is not initialized';
  if (node.markedForDeletion) return 'Node is deleting or marked for deletion';
  if (node.doNotDisrupt) return 'Disruption is blocked through the "karpenter.sh/do-not-disrupt" annotation';
  const blocker = node.pods.find((p) => p.doNotDisrupt && !p.terminal);
  if (blocker) return `Pod "${blocker.namespace ?? 'default'}/${blocker.name}" has "karpenter.sh/do-not-disrupt" annotation`;
  // disruption/types.go NewCandidate: a PDB that blocks eviction of any pod keeps the node.
  const pdb = node.pods.find((p) => p.pdbBlocked && !p.terminal && !p.daemonSet);
  if (pdb) return `pdb "${pdb.pdbBlocked}" prevents pod evictions`;
  return undefined;
}

/** A node as a scheduling target in a simulation (its pods count as requested). */
export function asExistingNode(node: DisruptionNode): ExistingNode {
  const requested = node.pods
    .filter((p) => !p.terminal)
    .reduce(
      (r, p) => ({ cpuMillis: r.cpuMillis + p.cpuMillis, memoryMiB: r.memoryMiB + p.memoryMiB, pods: r.pods + 1 }),
      { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    );
  return {
    name: node.name,
    nodePool: node.nodePool,
    labels: node.labels,
    taints: node.taints,
    allocatable: node.allocatable,
    requested,
    initialized: node.initialized,
    pods: node.pods.filter((p) => !p.terminal),
  };
}
