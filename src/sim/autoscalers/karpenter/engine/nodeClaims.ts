import { randomSuffix } from '../../../core/rng';
import type { Node, World } from '../../../core/types';
import { findInstanceType, type InstanceType } from '../../../cloud/catalog';
import { launchNode } from '../../../cloud/nodes';
import { sendNode } from '../../../lifecycle/apply';
import { markTerminateWhenDrained } from '../../../lifecycle/nodeChanges';
import { effectiveMaxPods, instanceTypeLabels } from '../instanceTypes';
import { launchedLogLine, terminationLogLines } from '../logs';
import type { LaunchChoice } from '../offeringSelection';
import { LABEL_CAPACITY_TYPE, LABEL_NODEPOOL, LABEL_ZONE } from '../requirements';
import { annotatedNodeClaim } from '../logsV1';
import { deletedNodeClaimLine, karpenterLog, lifecycleLogLine } from './logging';
import { styleOfPool, type KarpenterState, type NodeClaimRecord } from './state';
import { kubeletFor } from './worldViews';

export const DISRUPTED_TAINT = { key: 'karpenter.sh/disrupted', effect: 'NoSchedule' as const };

/** `<nodepool>-xxxxx`, from the seeded RNG, as the API server's generateName does. */
export function newClaimName(world: World, state: KarpenterState, pool: string, taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const name = `${pool}-${randomSuffix(world.rng)}`;
    if (!state.nodeClaims[name] && !taken.has(name)) return name;
  }
}

/**
 * Create a NodeClaim and launch its instance (CreateFleet returns at once here, so the claim is
 * Launched in the same tick). The node then boots and registers through the node lifecycle.
 */
export function launchNodeClaim(world: World, state: KarpenterState, nodePool: string, launch: LaunchChoice, reason: string, name?: string): NodeClaimRecord {
  const entry = state.nodePools[nodePool];
  const type = findInstanceType(launch.instanceType) as InstanceType;
  const kubelet = entry ? kubeletFor(state, entry) : {};
  const claimName = name ?? newClaimName(world, state, nodePool);
  const node = launchNode(world, {
    pool: nodePool,
    poolKind: 'nodePool',
    instanceType: launch.instanceType,
    capacityType: launch.capacityType,
    zone: launch.zone,
    pricePerHour: launch.price,
    maxPods: effectiveMaxPods(type, kubelet),
    labels: {
      ...instanceTypeLabels(type, world.region),
      ...(entry?.pool.template.labels ?? {}),
      [LABEL_NODEPOOL]: nodePool,
      [LABEL_CAPACITY_TYPE]: launch.capacityType,
      [LABEL_ZONE]: launch.zone,
    },
    taints: [...(entry?.pool.template.taints ?? [])],
  });
  // The NodePool's template annotations land on the node (e.g. karpenter.sh/do-not-disrupt, which
  // then keeps the node out of disruption candidates: pkg/controllers/disruption/types.go).
  Object.assign(node.annotations, entry?.pool.template.annotations ?? {});
  node.annotations['karpenter.k8s.aws/ec2nodeclass'] = entry?.pool.template.nodeClassRef.name ?? '';
  const claim: NodeClaimRecord = {
    name: claimName,
    nodePool,
    nodeName: node.name,
    instanceType: launch.instanceType,
    capacityType: launch.capacityType,
    zone: launch.zone,
    price: launch.price,
    providerId: node.providerId,
    capacity: { ...node.capacity },
    allocatable: { ...node.allocatable },
    createdMs: world.timeMs,
    registeredMs: -1,
    initializedMs: -1,
    deletingMs: -1,
    lastPodEventMs: -1,
    podSignature: '',
    reason,
  };
  const grace = entry?.pool.template.terminationGracePeriodSeconds;
  if (grace !== undefined) claim.terminationGracePeriodSeconds = grace;
  state.nodeClaims[claimName] = claim;
  const style = styleOfPool(state, nodePool);
  karpenterLog(
    world,
    launchedLogLine({ nodeClaim: claimName, nodePool, instanceId: node.providerId.split('/').pop() ?? '', hostname: node.name, launch }, style),
    style,
  );
  return claim;
}

/**
 * Delete a NodeClaim the way Karpenter's termination controller does: taint the node
 * karpenter.sh/disrupted:NoSchedule, drain it (kubectl shows Ready,SchedulingDisabled), then
 * terminate the instance once only DaemonSet pods are left.
 */
export function deleteNodeClaim(world: World, state: KarpenterState, claim: NodeClaimRecord): void {
  if (claim.deletingMs >= 0) return;
  claim.deletingMs = world.timeMs;
  const style = styleOfPool(state, claim.nodePool);
  if (style === 'v1' && claim.terminationGracePeriodSeconds !== undefined) {
    // The finalizer's first step (lifecycle/controller.go:187, 282-301): deletionTimestamp + TGP, RFC 3339.
    const at = new Date(world.startEpochMs + claim.deletingMs + claim.terminationGracePeriodSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    karpenterLog(world, annotatedNodeClaim(claim, claim.registeredMs >= 0, at), style);
  }
  const node = world.nodes.get(claim.nodeName);
  if (!node) return;
  taintDisrupted(node);
  karpenterLog(world, terminationLogLines(node.name, 'cordon', style, claim.name), style);
  markTerminateWhenDrained(world, node);
  const grace = claim.terminationGracePeriodSeconds;
  node.karpenterDrain = { forceAtMs: grace === undefined ? -1 : claim.deletingMs + grace * 1000 };
  if (node.state === 'Launching' || node.state === 'Registered') {
    sendNode(world, node, 'TERMINATE');
  } else if (node.state === 'Cordoned' && node.podNames.every((p) => world.pods.get(p)?.ownerKind === 'DaemonSet')) {
    sendNode(world, node, 'TERMINATE');
  } else {
    sendNode(world, node, 'DRAIN');
  }
}

export function taintDisrupted(node: Node): void {
  if (!node.taints.some((t) => t.key === DISRUPTED_TAINT.key)) node.taints = [...node.taints, { ...DISRUPTED_TAINT }];
}

export function untaintDisrupted(node: Node): void {
  node.taints = node.taints.filter((t) => t.key !== DISRUPTED_TAINT.key);
}

function podSignature(world: World, node: Node): string {
  return node.podNames.filter((p) => world.pods.get(p)?.ownerKind !== 'DaemonSet').sort().join(',');
}

/**
 * Follow each NodeClaim's node: Registered once the kubelet joined, Initialized once Ready,
 * gone (and "deleted node") once the node object is removed. Also tracks the last pod event
 * for the Consolidatable condition.
 */
export function syncNodeClaims(world: World, state: KarpenterState): void {
  for (const claim of Object.values(state.nodeClaims)) {
    const style = styleOfPool(state, claim.nodePool);
    const node = world.nodes.get(claim.nodeName);
    if (!node || node.state === 'Gone') {
      // v1: the node.termination finalizer only runs for a node that joined (registered) the cluster.
      if (style === 'v0.27' || claim.registeredMs >= 0) karpenterLog(world, terminationLogLines(claim.nodeName, 'delete', style, claim.name), style);
      karpenterLog(world, deletedNodeClaimLine(claim, style), style);
      delete state.nodeClaims[claim.name];
      continue;
    }
    if (claim.registeredMs < 0 && node.state !== 'Launching' && node.state !== 'Terminating') {
      claim.registeredMs = world.timeMs;
      node.labels['karpenter.sh/registered'] = 'true';
      karpenterLog(world, lifecycleLogLine(claim, 'registered', style), style);
    }
    if (claim.initializedMs < 0 && node.state === 'Ready') {
      claim.initializedMs = world.timeMs;
      node.labels['karpenter.sh/initialized'] = 'true';
      karpenterLog(world, lifecycleLogLine(claim, 'initialized', style), style);
    }
    const sig = podSignature(world, node);
    if (sig !== claim.podSignature) {
      claim.podSignature = sig;
      claim.lastPodEventMs = world.timeMs;
    }
    if (node.state === 'Terminating' && claim.deletingMs < 0) claim.deletingMs = world.timeMs;
  }
}

/** NodeClaim conditions as `kubectl get nodeclaims` READY shows them. */
export function claimReady(claim: NodeClaimRecord): 'True' | 'False' | 'Unknown' {
  if (claim.initializedMs >= 0 && claim.deletingMs < 0) return 'True';
  if (claim.registeredMs >= 0 || claim.deletingMs >= 0) return 'False';
  return 'Unknown';
}
