import type { Deployment, Pod, ReplicaSet, World } from '../../core/types';
import { podIsActive } from '../../lifecycle/apply';
import { ownedPodIndex } from '../../cluster/pods';

/**
 * The HPA's pod lister for a Deployment target: its pods in deploymentPods' order (ReplicaSets
 * oldest first, each in its pods' order), how many are active (the scale's status.replicas), and
 * whether all are in the HPA's namespace.
 *
 * A listing is kept per target and reused while world.podsVersion stands still and the target's
 * ReplicaSets are the same objects: the version moves whenever a pod is created, removed or
 * changes state (the only things a listing reads), and a ReplicaSet that comes or goes without
 * any pod changing shows in the ReplicaSet list. In the medium-hpa hour the version moved in 3 of
 * 240 sync periods, yet every sync walked every pod of its target again. A listing is read, never
 * edited, by its caller and the metrics client.
 */
export interface TargetListing {
  pods: Pod[];
  active: number;
  inNamespace: boolean;
}

interface KeptListing {
  world: World;
  podsVersion: number;
  namespace: string;
  replicaSets: ReplicaSet[];
  listing: TargetListing;
}

/** Per target object: a Deployment belongs to one world (a checkpoint's copy is another object). */
const kept = new WeakMap<Deployment, KeptListing>();
let verifyReuse = false;

/** Tests turn this on: every reused listing is compared with a fresh one, and a mismatch throws. */
export function verifyTargetListingReuse(on: boolean): void {
  verifyReuse = on;
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return a.createdMs - b.createdMs;
}

/**
 * Every Deployment's ReplicaSets by deployment name, in the ReplicaSet map's order, from one pass
 * over them: the controller lists them once per run instead of once per HPA.
 */
export function replicaSetsByDeploymentName(world: World): Map<string, ReplicaSet[]> {
  const out = new Map<string, ReplicaSet[]>();
  for (const rs of world.replicaSets.values()) {
    const list = out.get(rs.deployment);
    if (list) list.push(rs);
    else out.set(rs.deployment, [rs]);
  }
  return out;
}

/** replicaSetsOf (cluster/workloads.ts) into `into`: the same filter, order and stable sort. */
function targetReplicaSets(world: World, d: Deployment, byName: Map<string, ReplicaSet[]> | undefined, into: ReplicaSet[]): ReplicaSet[] {
  let n = 0;
  if (byName) {
    for (const rs of byName.get(d.name) ?? []) if (rs.namespace === d.namespace) into[n++] = rs;
  } else {
    for (const rs of world.replicaSets.values()) if (rs.deployment === d.name && rs.namespace === d.namespace) into[n++] = rs;
  }
  into.length = n;
  // One ReplicaSet (no rollout under way) needs no sort.
  if (n > 1) into.sort(byCreation);
  return into;
}

function sameList(a: readonly ReplicaSet[], b: readonly ReplicaSet[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fill(world: World, replicaSets: readonly ReplicaSet[], namespace: string, listing: TargetListing): TargetListing {
  // Written by index and cut to length at the end: `length = 0` would drop the backing store.
  const pods = listing.pods;
  let n = 0;
  let active = 0;
  let inNamespace = true;
  for (const rs of replicaSets) {
    const owned = ownedPodIndex(world, 'ReplicaSet', rs.name);
    if (!owned) continue;
    for (const pod of owned.values()) {
      pods[n++] = pod;
      if (podIsActive(pod)) active++;
      if (pod.namespace !== namespace) inNamespace = false;
    }
  }
  pods.length = n;
  listing.active = active;
  listing.inNamespace = inNamespace;
  return listing;
}

function sameListing(a: TargetListing, b: TargetListing): boolean {
  if (a.active !== b.active || a.inNamespace !== b.inNamespace || a.pods.length !== b.pods.length) return false;
  for (let i = 0; i < a.pods.length; i++) if (a.pods[i] !== b.pods[i]) return false;
  return true;
}

/** A ReplicaSet list to compare against before a listing is rebuilt (kept to spare a list per sync). */
const scratchReplicaSets: ReplicaSet[] = [];

/**
 * The target's listing; `byName` (replicaSetsByDeploymentName) when the caller lists many targets
 * in one go. Valid until the world changes: do not edit it.
 */
export function listTargetPods(world: World, target: Deployment, namespace: string, byName?: Map<string, ReplicaSet[]>): TargetListing {
  const replicaSets = targetReplicaSets(world, target, byName, scratchReplicaSets);
  const last = kept.get(target);
  if (last !== undefined && last.world === world && last.podsVersion === world.podsVersion && last.namespace === namespace && sameList(last.replicaSets, replicaSets)) {
    if (verifyReuse && !sameListing(last.listing, fill(world, replicaSets, namespace, { pods: [], active: 0, inNamespace: true }))) {
      throw new Error(`HPA listing of ${target.name} reused at podsVersion ${world.podsVersion}, but its pods changed without bumping it`);
    }
    return last.listing;
  }
  const entry: KeptListing =
    last !== undefined && last.world === world ? last : { world, podsVersion: 0, namespace, replicaSets: [], listing: { pods: [], active: 0, inNamespace: true } };
  entry.podsVersion = world.podsVersion;
  entry.namespace = namespace;
  entry.replicaSets = replicaSets.slice();
  fill(world, replicaSets, namespace, entry.listing);
  kept.set(target, entry);
  return entry.listing;
}
