import type { DaemonSet, Node, Pod, World } from '../../../core/types';
import { templateRequest } from '../../../cluster/pods';
import { pruneUnavailableOfferings } from '../../../cloud/offerings';
import { checkEviction } from '../../../cluster/disruption/eviction';
import { listPdbs, pdbsForPod } from '../../../cluster/disruption/pdb';
import type { DisruptionNode, NodePod } from '../disruption/candidates';
import type { DisruptionInput } from '../disruption/controller';
import { catalogInstanceTypeOptions } from '../instanceTypes';
import { daemonOverheadFor, type LimitUsage, type NodePoolTemplate } from '../scheduling';
import type { DaemonSetPodSpec, EC2NodeClass, ExistingNode, InstanceTypeOption, PodToSchedule, Resources } from '../types';
import { claimOfNode, claimsByNode, type KarpenterState, type NodeClaimRecord, type NodePoolEntry } from './state';

/** How the world looks to Karpenter's pure logic: pods, DaemonSets, nodes, NodePool templates. */

/** state.Cluster's nomination window: 2 × batchMaxDuration. */
export const NOMINATION_WINDOW_MS = 20_000;

export function toPodToSchedule(pod: Pod): PodToSchedule {
  const cost = Number(pod.spec.annotations['controller.kubernetes.io/pod-deletion-cost']);
  return {
    name: pod.name,
    namespace: pod.namespace,
    cpuMillis: pod.request.cpuMillis,
    memoryMiB: pod.request.memoryMiB,
    nodeSelector: pod.spec.nodeSelector,
    requiredNodeAffinity: pod.spec.requiredNodeAffinity,
    tolerations: pod.spec.tolerations,
    createdAtSeconds: pod.createdMs / 1000,
    priority: pod.spec.priority,
    deletionCost: Number.isFinite(cost) ? cost : undefined,
    doNotDisrupt: pod.spec.annotations['karpenter.sh/do-not-disrupt'] === 'true',
    labels: pod.labels,
    podAntiAffinity: pod.spec.podAntiAffinity,
    topologySpread: pod.spec.topologySpread,
    hostPorts: pod.spec.hostPorts,
  };
}

export function toDaemonSetSpec(ds: DaemonSet): DaemonSetPodSpec {
  const r = templateRequest(ds.template);
  return {
    name: ds.name,
    cpuMillis: r.cpuMillis,
    memoryMiB: r.memoryMiB,
    nodeSelector: ds.template.nodeSelector,
    requiredNodeAffinity: ds.template.requiredNodeAffinity,
    tolerations: ds.template.tolerations,
  };
}

export function daemonSetSpecs(world: World): DaemonSetPodSpec[] {
  return [...world.daemonSets.values()].map(toDaemonSetSpec);
}

/**
 * A pod Karpenter would provision for (kubernetes-sigs/karpenter pkg/utils/pod/scheduling.go
 * IsProvisionable): unschedulable, not a DaemonSet pod, not bound, and not preempting (a pod with a
 * nominated node waits for its victims there, so no node is bought for it).
 */
export function isProvisionable(pod: Pod): boolean {
  if (pod.state !== 'Pending' || pod.nodeName || pod.ownerKind === 'DaemonSet' || pod.nominatedNodeName) return false;
  const c = pod.conditions.find((x) => x.type === 'PodScheduled');
  return c?.status === 'False' && c.reason === 'Unschedulable';
}

export function provisionablePods(world: World): Pod[] {
  const out: Pod[] = [];
  for (const name of world.pendingPods) {
    const p = world.pods.get(name);
    if (p && isProvisionable(p)) out.push(p);
  }
  return out.sort((a, b) => a.createdMs - b.createdMs || a.uid - b.uid);
}

export function nodeIsGoing(node: Node): boolean {
  return node.state === 'Terminating' || node.state === 'Gone' || node.terminateWhenDrained || node.state === 'Draining';
}

export function claimIsDeleting(claim: NodeClaimRecord | undefined, node: Node): boolean {
  return (claim !== undefined && claim.deletingMs >= 0) || nodeIsGoing(node);
}

/** kubelet settings for a pool: its EC2NodeClass's, overridden by a Provisioner's own. */
export function kubeletFor(state: KarpenterState, entry: NodePoolEntry): EC2NodeClass['kubelet'] {
  return { ...(state.nodeClasses[entry.pool.template.nodeClassRef.name]?.nodeClass.kubelet ?? {}), ...(entry.kubelet ?? {}) };
}

/** A NodePool can launch only once its node class exists (NodeClassReady). */
export function nodePoolReady(state: KarpenterState, entry: NodePoolEntry): boolean {
  return state.nodeClasses[entry.pool.template.nodeClassRef.name] !== undefined;
}

const catalogCache = new Map<string, InstanceTypeOption[]>();
const CATALOG_CACHE_SIZE = 32;

/** The region's instance types as scheduler options; a pure function of its key, so cached. */
export function instanceTypeOptions(world: World, state: KarpenterState, kubelet: EC2NodeClass['kubelet']): InstanceTypeOption[] {
  const nowSeconds = world.timeMs / 1000;
  const unavailable = pruneUnavailableOfferings(state.unavailable, nowSeconds);
  const key = JSON.stringify([world.region, world.seed, kubelet, unavailable.map((u) => [u.instanceType, u.zone, u.capacityType])]);
  let options = catalogCache.get(key);
  if (!options) {
    options = catalogInstanceTypeOptions({ region: world.region, seed: world.seed, nowSeconds, unavailable, kubelet });
    if (catalogCache.size >= CATALOG_CACHE_SIZE) catalogCache.delete(catalogCache.keys().next().value as string);
    catalogCache.set(key, options);
  }
  return options;
}

export function nodePoolTemplates(world: World, state: KarpenterState): NodePoolTemplate[] {
  return Object.values(state.nodePools)
    .filter((e) => nodePoolReady(state, e))
    .map((e) => ({ nodePool: e.pool, instanceTypes: instanceTypeOptions(world, state, kubeletFor(state, e)) }));
}

/** Summed capacity of each NodePool's NodeClaims (what `limits` are checked against). */
export function launchedCapacity(state: KarpenterState): Record<string, LimitUsage> {
  const out: Record<string, LimitUsage> = {};
  for (const c of Object.values(state.nodeClaims)) {
    const u = (out[c.nodePool] ??= { cpuMillis: 0, memoryMiB: 0 });
    u.cpuMillis += c.capacity.cpuMillis;
    u.memoryMiB += c.capacity.memoryMiB;
  }
  return out;
}

function add(a: Resources, b: { cpuMillis: number; memoryMiB: number }, pods = 1): Resources {
  return { cpuMillis: a.cpuMillis + b.cpuMillis, memoryMiB: a.memoryMiB + b.memoryMiB, pods: a.pods + pods };
}

/** Nominations still in force: to an in-flight NodeClaim until its node is Ready, else for the window. */
export function liveNominations(world: World, state: KarpenterState): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const [podName, n] of Object.entries(state.nominations)) {
    const pod = world.pods.get(podName);
    const node = world.nodes.get(n.target);
    const inFlight = node !== undefined && (node.state === 'Launching' || node.state === 'Registered');
    const fresh = world.timeMs - Math.max(n.atMs, node?.readyMs ?? -1) < NOMINATION_WINDOW_MS;
    if (!pod || !isProvisionable(pod) || !node || nodeIsGoing(node) || (!inFlight && !fresh)) {
      delete state.nominations[podName];
      // Still pending after its nomination lapsed: the pod counts as new again.
      delete state.seenPending[podName];
      continue;
    }
    byTarget.set(n.target, [...(byTarget.get(n.target) ?? []), podName]);
  }
  return byTarget;
}

/**
 * Nodes a new pod could go to: Ready schedulable nodes and Karpenter's in-flight NodeClaims, each
 * with what is bound or nominated there (an in-flight node also holds its DaemonSet pods).
 */
export function schedulingTargets(world: World, state: KarpenterState, nominated: Map<string, string[]>): ExistingNode[] {
  const daemonSets = daemonSetSpecs(world);
  const out: ExistingNode[] = [];
  for (const node of world.nodes.values()) {
    if (nodeIsGoing(node)) continue;
    const claim = claimOfNode(state, node.name);
    if (claim && claim.deletingMs >= 0) continue;
    const inFlight = node.state === 'Launching' || node.state === 'Registered';
    if (!inFlight && (node.state !== 'Ready' || node.unschedulable)) continue;
    if (inFlight && !claim) continue;
    let requested: Resources = { ...node.requested };
    if (node.state === 'Launching' && claim) {
      const entry = state.nodePools[claim.nodePool];
      if (entry) requested = add(requested, daemonOverheadFor(entry.pool, daemonSets), daemonOverheadFor(entry.pool, daemonSets).pods);
    }
    const pods: PodToSchedule[] = [];
    for (const name of node.podNames) {
      const p = world.pods.get(name);
      if (p && p.state !== 'Gone' && p.state !== 'Evicted' && p.state !== 'Succeeded') pods.push(toPodToSchedule(p));
    }
    for (const podName of nominated.get(node.name) ?? []) {
      const p = world.pods.get(podName);
      if (p) {
        requested = add(requested, p.request);
        pods.push(toPodToSchedule(p));
      }
    }
    out.push({
      name: node.name,
      nodePool: claim?.nodePool,
      labels: node.labels,
      taints: node.taints,
      allocatable: node.allocatable,
      requested,
      initialized: node.state === 'Ready',
      pods,
    });
  }
  return out;
}

/** `anyPdb`: whether the world has a PodDisruptionBudget at all (without one every eviction passes). */
function nodePods(world: World, node: Node, anyPdb: boolean): NodePod[] {
  const out: NodePod[] = [];
  for (const name of node.podNames) {
    const p = world.pods.get(name);
    if (!p) continue;
    const terminal = p.state === 'Succeeded' || p.state === 'Evicted' || p.state === 'Gone' || p.state === 'Terminating';
    const pdb = !anyPdb || terminal || p.ownerKind === 'DaemonSet' || checkEviction(world, p).ok ? undefined : pdbsForPod(world, p)[0];
    // Object.assign, not a spread with added keys: V8 builds those on a slow path (µs per pod).
    out.push(Object.assign(toPodToSchedule(p), { daemonSet: p.ownerKind === 'DaemonSet', terminal, pdbBlocked: pdb ? `${pdb.namespace}/${pdb.name}` : undefined }));
  }
  return out;
}

/**
 * Every live node as the disruption controller sees it; unmanaged nodes have no nodePool.
 * A node's pods are read from the world when first asked for: the disruption pass reads them
 * at once (before anything changes), and only for candidates and simulation targets, which is a
 * few nodes out of a thousand when the NodePool's nodes are few.
 */
export function disruptionNodes(world: World, state: KarpenterState): DisruptionNode[] {
  const out: DisruptionNode[] = [];
  const anyPdb = listPdbs(world).length > 0;
  const claims = claimsByNode(state);
  for (const node of world.nodes.values()) {
    if (node.state === 'Gone') continue;
    const claim = claims.get(node.name);
    out.push(new DisruptionNodeView(world, node, anyPdb, claim, claim !== undefined && state.nodePools[claim.nodePool] !== undefined));
  }
  return out;
}

/**
 * A node as the disruption controller sees it, with its pods read on first use. A class with the
 * getter on its prototype, not an object literal with `get pods()`: a literal with an accessor is
 * built on V8's slow path (a new closure and accessor pair per object), ~1.4 µs per node per poll.
 */
class DisruptionNodeView {
  name!: string;
  nodeClaimName!: string;
  nodePool?: string;
  instanceType!: string;
  capacityType!: DisruptionNode['capacityType'];
  zone!: string;
  price!: number;
  labels!: DisruptionNode['labels'];
  taints!: DisruptionNode['taints'];
  allocatable!: DisruptionNode['allocatable'];
  initialized!: boolean;
  ready!: boolean;
  markedForDeletion!: boolean;
  createdAtSeconds!: number;
  initializedAtSeconds?: number;
  lastPodEventAtSeconds?: number;
  doNotDisrupt?: boolean;
  private podsRead: NodePod[] | undefined = undefined;
  private readonly world: World;
  private readonly node: Node;
  private readonly anyPdb: boolean;

  // Fields written here one by one: an object literal of them copied in by Object.assign was a
  // second object per node per poll (200–1,000 nodes every 10 s), the largest allocation of a
  // Karpenter run.
  constructor(world: World, node: Node, anyPdb: boolean, claim: NodeClaimRecord | undefined, managed: boolean) {
    this.world = world;
    this.node = node;
    this.anyPdb = anyPdb;
    const conditionReady = node.state === 'Ready' || node.state === 'Cordoned' || node.state === 'Draining';
    this.name = node.name;
    this.nodeClaimName = claim?.name ?? '';
    this.nodePool = managed ? claim!.nodePool : undefined;
    this.instanceType = node.instanceType;
    this.capacityType = node.capacityType;
    this.zone = node.zone;
    this.price = node.pricePerHour;
    this.labels = node.labels;
    this.taints = node.taints;
    this.allocatable = node.allocatable;
    this.initialized = claim ? claim.initializedMs >= 0 : node.readyMs >= 0 || conditionReady;
    this.ready = conditionReady;
    this.markedForDeletion = claimIsDeleting(claim, node);
    this.createdAtSeconds = (claim?.createdMs ?? node.createdMs) / 1000;
    this.initializedAtSeconds = claim && claim.initializedMs >= 0 ? claim.initializedMs / 1000 : undefined;
    this.lastPodEventAtSeconds = claim && claim.lastPodEventMs >= 0 ? claim.lastPodEventMs / 1000 : undefined;
    this.doNotDisrupt = node.annotations['karpenter.sh/do-not-disrupt'] === 'true';
  }

  get pods(): NodePod[] {
    return (this.podsRead ??= nodePods(this.world, this.node, this.anyPdb));
  }
}

/**
 * A disruption node as plain data, for what the world keeps (the pending command): checkpoints
 * copy plain data, and a view's pods live behind its prototype's getter.
 */
export function plainDisruptionNode(n: DisruptionNode): DisruptionNode {
  if (!(n instanceof DisruptionNodeView)) return n;
  return {
    name: n.name,
    nodeClaimName: n.nodeClaimName,
    nodePool: n.nodePool,
    instanceType: n.instanceType,
    capacityType: n.capacityType,
    zone: n.zone,
    price: n.price,
    labels: n.labels,
    taints: n.taints,
    allocatable: n.allocatable,
    pods: n.pods,
    initialized: n.initialized,
    ready: n.ready,
    markedForDeletion: n.markedForDeletion,
    createdAtSeconds: n.createdAtSeconds,
    initializedAtSeconds: n.initializedAtSeconds,
    lastPodEventAtSeconds: n.lastPodEventAtSeconds,
    doNotDisrupt: n.doNotDisrupt,
  };
}

export function disruptionInput(world: World, state: KarpenterState): DisruptionInput {
  return {
    nodes: disruptionNodes(world, state),
    templates: nodePoolTemplates(world, state),
    daemonSets: daemonSetSpecs(world),
    pendingPods: provisionablePods(world).map(toPodToSchedule),
    launchedCapacity: launchedCapacity(state),
    nowSeconds: world.timeMs / 1000,
    nowEpochMs: world.startEpochMs + world.timeMs,
  };
}
