/**
 * A VPA's target pods as the recommender's run reads them, kept while none of them changes.
 *
 * The run feeds each running pod's metric into the VPA's histograms and charts their requests and
 * usage: a few hundred pods per VPA every minute, each fetched from memory with its state, spec,
 * container list and metric object, and most runs find the same pods in the same states. So the
 * listing keeps, per pod, what it settles while no pod of the target changes (deploymentPodsVersion:
 * none created, removed, moved to another state or given another spec) and the target's
 * ReplicaSets are the same: the pod's CPU ledger slot, its name, its phase and its container list's
 * shares. A run then reads only the metric columns of the ledger (cluster/pods.ts).
 */
import type { ContainerSpec, Deployment, Pod, ReplicaSet, World } from '../../core/types';
import { ownerKey } from '../../cluster/pods';
import { deploymentPodsVersion } from '../../cluster/podChanges';
import { podIsActive, podPhase } from '../../lifecycle/phase';

/**
 * What feeding and charting read of one container list (shared by every pod of a template, and
 * replaced, never edited, so kept by the list itself). Entry k is container k; a name's request
 * and share are those of the first container of that name, as a lookup by name finds them.
 */
export interface ContainerFeed {
  names: readonly string[];
  /** The first container of names[k]. */
  firstOfName: Int32Array;
  /** A container's share of its pod's usage (metrics are per pod): its share of the pod's requests. */
  cpuShare: Float64Array;
  memoryShare: Float64Array;
  requestCpuMillis: Float64Array;
  requestMemoryMiB: Float64Array;
}

const feeds = new WeakMap<readonly ContainerSpec[], ContainerFeed>();

export function containerFeed(containers: readonly ContainerSpec[]): ContainerFeed {
  let feed = feeds.get(containers);
  if (feed !== undefined) return feed;
  const n = containers.length;
  let cpuTotal = 0;
  let memTotal = 0;
  for (const c of containers) cpuTotal += c.requests.cpuMillis;
  for (const c of containers) memTotal += c.requests.memoryMiB;
  feed = {
    names: containers.map((c) => c.name),
    firstOfName: new Int32Array(n),
    cpuShare: new Float64Array(n),
    memoryShare: new Float64Array(n),
    requestCpuMillis: new Float64Array(n),
    requestMemoryMiB: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const c = containers[k];
    feed.firstOfName[k] = containers.findIndex((x) => x.name === c.name);
    feed.cpuShare[k] = cpuTotal > 0 ? c.requests.cpuMillis / cpuTotal : 1 / n;
    feed.memoryShare[k] = memTotal > 0 ? c.requests.memoryMiB / memTotal : 1 / n;
    feed.requestCpuMillis[k] = c.requests.cpuMillis;
    feed.requestMemoryMiB[k] = c.requests.memoryMiB;
  }
  feeds.set(containers, feed);
  return feed;
}

/** Pod flags: listed by the recommender's informer (phase not Pending), and Running or Ready. */
export const LISTED = 1;
export const RUNNING = 2;

export interface TargetListing {
  /** targetPods' answer: the target's active pods, ReplicaSets oldest first. Read-only. */
  pods: readonly Pod[];
  slots: Int32Array;
  names: readonly string[];
  flags: Uint8Array;
  /** Each pod's container list, as an index into `feeds`. */
  feedOf: Int32Array;
  /** The distinct container lists, in the order listed pods first have them. */
  feeds: readonly ContainerFeed[];
}

interface KeptListing {
  world: World;
  version: number;
  namespace: string;
  replicaSets: ReplicaSet[];
  listing: TargetListing;
}

const kept = new WeakMap<Deployment, KeptListing>();

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return a.createdMs - b.createdMs;
}

/** Scratch for each run's look at the target's ReplicaSets; a fresh listing keeps a copy. */
const currentReplicaSets: ReplicaSet[] = [];

/**
 * replicaSetsOf (cluster/workloads.ts) into `out`: the Deployment's ReplicaSets, oldest first (a
 * stable sort). forEach, not for...of: unoptimized, for...of over a Map makes an object per entry.
 */
function replicaSetsInto(world: World, d: Deployment, out: ReplicaSet[]): ReplicaSet[] {
  out.length = 0;
  world.replicaSets.forEach((rs) => {
    if (rs.deployment === d.name && rs.namespace === d.namespace) out.push(rs);
  });
  if (out.length > 1) out.sort(byCreation);
  return out;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const EMPTY: TargetListing = { pods: [], slots: new Int32Array(0), names: [], flags: new Uint8Array(0), feedOf: new Int32Array(0), feeds: [] };

/** The target's listing; empty unless it is a Deployment in the VPA's namespace. */
export function targetListing(world: World, kind: string, name: string, namespace: string): TargetListing {
  if (kind !== 'Deployment') return EMPTY;
  const d = world.deployments.get(name);
  if (!d || d.namespace !== namespace) return EMPTY;
  const version = deploymentPodsVersion(world, d.name);
  const replicaSets = replicaSetsInto(world, d, currentReplicaSets);
  const entry = kept.get(d);
  if (entry !== undefined && entry.world === world && entry.version === version && entry.namespace === namespace && sameList(entry.replicaSets, replicaSets)) {
    return entry.listing;
  }
  const listing = freshListing(world, replicaSets);
  kept.set(d, { world, version, namespace, replicaSets: replicaSets.slice(), listing });
  return listing;
}

function freshListing(world: World, replicaSets: readonly ReplicaSet[]): TargetListing {
  const pods: Pod[] = [];
  for (const rs of replicaSets) {
    const owned = world.ownerIndex.get(ownerKey('ReplicaSet', rs.name));
    if (owned) for (const pod of owned.values()) if (podIsActive(pod)) pods.push(pod);
  }
  const n = pods.length;
  const slots = new Int32Array(n);
  const names: string[] = [];
  const flags = new Uint8Array(n);
  const feedOf = new Int32Array(n);
  const feedList: ContainerFeed[] = [];
  const feedIndex = new Map<ContainerFeed, number>();
  for (let i = 0; i < n; i++) {
    const pod = pods[i];
    slots[i] = pod.cpuSlot;
    names.push(pod.name);
    const listed = podPhase(pod) !== 'Pending';
    flags[i] = (listed ? LISTED : 0) | (pod.state === 'Running' || pod.state === 'Ready' ? RUNNING : 0);
    const feed = containerFeed(pod.spec.containers);
    let f = feedIndex.get(feed);
    // A Pending pod's list joins only when a listed pod has it too: its containers get no state.
    if (f === undefined && listed) {
      f = feedList.length;
      feedList.push(feed);
      feedIndex.set(feed, f);
    }
    feedOf[i] = f ?? -1;
  }
  return { pods, slots, names, flags, feedOf, feeds: feedList };
}
