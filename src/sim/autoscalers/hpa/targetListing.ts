import type { Deployment, Pod, PodCpuLedger, ReplicaSet, World } from '../../core/types';
import { podIsActive } from '../../lifecycle/phase';
import { ownerKey } from '../../cluster/pods';
import { deploymentPodsVersion } from '../../cluster/podChanges';
import { classifyWorldPod, requestMilliOf, settledGroup, slotSampleMilli, type SettledGroup, type UtilizationAccumulator } from './utilizationTotals';
import type { PodGroupingOptions } from './podGrouping';

/** replicaSetsOf (cluster/workloads.ts) into one kept list, sorted by a module comparator (no closure per sync). */
const replicaSetList: ReplicaSet[] = [];

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return a.createdMs - b.createdMs;
}

function targetReplicaSets(world: World, d: Deployment): ReplicaSet[] {
  let n = 0;
  for (const rs of world.replicaSets.values()) if (rs.deployment === d.name && rs.namespace === d.namespace) replicaSetList[n++] = rs;
  replicaSetList.length = n;
  // The same stable sort as replicaSetsOf; one ReplicaSet (no rollout under way) needs none.
  if (n > 1) replicaSetList.sort(byCreation);
  return replicaSetList;
}

/**
 * ownedPodIndex(world, 'ReplicaSet', rs.name) with the index key (pods.ts' ownerKey) kept per
 * ReplicaSet: a key built per sync was a new string to flatten and hash before the lookup, which
 * cost more than the lookup itself. A ReplicaSet's name never changes.
 */
const ownerKeys = new WeakMap<ReplicaSet, string>();

function replicaSetPods(world: World, rs: ReplicaSet): ReadonlyMap<string, Pod> | undefined {
  let key = ownerKeys.get(rs);
  if (key === undefined) {
    key = ownerKey('ReplicaSet', rs.name);
    ownerKeys.set(rs, key);
  }
  return world.ownerIndex.get(key);
}

/**
 * What classifyWorldPod makes of a pod, as far as it is settled while no pod of the target
 * changes (deploymentPodsVersion holds: none created, removed, bound or moved to another state,
 * which is also when its Ready condition changes):
 * - READY_IF_SAMPLED: ready when it has a metric (the ledger's column says), missing otherwise;
 * - IGNORED: terminating or evicted;
 * - FAILS: no request, pending, or unready for good;
 * - ASK: in its CPU initialization period, where the answer also depends on the time and its
 *   metric's window; classifyWorldPod is asked at each sync. Sim time only moves forward, so a
 *   pod past that period at one sync is past it at the next.
 */
const READY_IF_SAMPLED = 0;
const IGNORED = 1;
const FAILS = 2;
const ASK = 3;

/**
 * The HPA's listing of its target's pods, and how each pod adds to a resource Utilization's
 * totals, kept while no pod of the target changes (deploymentPodsVersion). A sync then reads
 * only the metric columns instead of fetching every pod again.
 */
interface KeptListing {
  world: World;
  /** deploymentPodsVersion of the target when listed. */
  version: number;
  namespace: string;
  listed: Listing;
  /** The totals' plan, for this resource and these grouping options (undefined until a sync asks). */
  resource?: 'cpu' | 'memory';
  planned?: PodGroupingOptions;
  slots: Int32Array;
  kinds: Uint8Array;
  requests: Float64Array;
}

export interface Listing {
  /** deploymentPods' order: ReplicaSets oldest first, each in its pods' order. Read-only. */
  pods: Pod[];
  /** The scale subresource's status.replicas. */
  active: number;
  /** Whether every listed pod is in the HPA's namespace. */
  inNamespace: boolean;
}

/** By target: two HPAs on one Deployment share its listing (each checks the plan's resource). */
const kept = new WeakMap<Deployment, KeptListing>();

/**
 * The target's pods, their active count (the scale's status.replicas) and whether all are in the
 * namespace, with the resource Utilization totals gathered into `totals` when given. The listing
 * is valid until the next sync; reconcileHpa and the metrics client read it and keep nothing of it.
 */
export function listTargetPods(world: World, target: Deployment, namespace: string, totals?: UtilizationAccumulator): Listing {
  let entry = kept.get(target);
  const version = deploymentPodsVersion(world, target.name);
  if (entry === undefined || entry.world !== world || entry.version !== version || entry.namespace !== namespace) {
    entry = freshListing(world, target, namespace, version);
    kept.set(target, entry);
  }
  if (totals !== undefined) {
    const options = totals.options;
    if (entry.resource !== totals.resource || !samePlanOptions(entry.planned, options)) planTotals(entry, totals.resource, options);
    gatherTotals(entry, world.podCpu, totals);
  }
  return entry.listed;
}

function freshListing(world: World, target: Deployment, namespace: string, version: number): KeptListing {
  const pods: Pod[] = [];
  let active = 0;
  let inNamespace = true;
  for (const rs of targetReplicaSets(world, target)) {
    const owned = replicaSetPods(world, rs);
    if (!owned) continue;
    for (const pod of owned.values()) {
      pods.push(pod);
      if (podIsActive(pod)) active++;
      if (pod.namespace !== namespace) inNamespace = false;
    }
  }
  const n = pods.length;
  return {
    world,
    version,
    namespace,
    listed: { pods, active, inNamespace },
    slots: new Int32Array(n),
    kinds: new Uint8Array(n),
    requests: new Float64Array(n),
  };
}

function planTotals(entry: KeptListing, resource: 'cpu' | 'memory', options: PodGroupingOptions): void {
  entry.resource = resource;
  // A copy: the controller's options object is refilled each sync with the time.
  entry.planned = { ...options };
  const pods = entry.listed.pods;
  let lastContainers: Pod['spec']['containers'] | null = null;
  let request: number | undefined;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    entry.slots[i] = pod.cpuSlot;
    // A ReplicaSet's pods share their template's container list.
    if (pod.spec.containers !== lastContainers) {
      lastContainers = pod.spec.containers;
      request = requestMilliOf(pod, resource);
    }
    entry.requests[i] = request ?? NaN;
    entry.kinds[i] = request === undefined ? FAILS : KIND[settledGroup(pod, options)];
  }
}

/** The options a plan depends on: all but the time, which only moves forward. */
function samePlanOptions(planned: PodGroupingOptions | undefined, options: PodGroupingOptions): boolean {
  return (
    planned !== undefined &&
    planned.cpuReadinessChecks === options.cpuReadinessChecks &&
    planned.cpuInitializationPeriodSeconds === options.cpuInitializationPeriodSeconds &&
    planned.initialReadinessDelaySeconds === options.initialReadinessDelaySeconds
  );
}

/** Pending and unready pods are unready (or missing) whatever their sample: both send the calculation elsewhere. */
const KIND: Record<SettledGroup, number> = { ignored: IGNORED, pending: FAILS, unready: FAILS, ready: READY_IF_SAMPLED, initializing: ASK };

/**
 * UtilizationAccumulator.add over the listed pods, in their order, through the plan. The ready
 * pods' sums are kept here and handed over once: added in the same order from the same zero, they
 * are the same numbers to the last bit.
 */
function gatherTotals(entry: KeptListing, ledger: PodCpuLedger, totals: UtilizationAccumulator): void {
  const { slots, kinds, requests } = entry;
  const pods = entry.listed.pods;
  const resource = totals.resource;
  const column = resource === 'cpu' ? ledger.metricCpuMillis : ledger.metricMemoryMiB;
  let ready = 0;
  let usageTotal = 0;
  let requestTotal = 0;
  const options = totals.options;
  for (let i = 0; i < pods.length; i++) {
    let kind = kinds[i];
    // Past its CPU initialization period (the plan's other steps hold while it is kept, and sim
    // time only moves forward), the pod's group is settled: plan it now rather than ask each sync.
    if (kind === ASK && pods[i].scheduledMs / 1000 + options.cpuInitializationPeriodSeconds <= options.nowSeconds) {
      kind = kinds[i] = KIND[settledGroup(pods[i], options)];
    }
    if (kind === FAILS) return totals.fail();
    if (kind === IGNORED) {
      totals.addIgnored(pods[i].name);
      continue;
    }
    const sampleMilli = slotSampleMilli(column, slots[i], resource);
    if (sampleMilli === undefined) return totals.fail();
    // A pod in its initialization period is ready or unready by its metric's window and the time.
    if (kind === ASK && classifyWorldPod(pods[i], sampleMilli, options) !== 'ready') return totals.fail();
    ready++;
    usageTotal += sampleMilli;
    requestTotal += requests[i];
  }
  totals.addReady(ready, usageTotal, requestTotal);
}
