import type { Pod, World } from '../core/types';
import { ownedPodIndex, ownerKey } from './pods';
import { deploymentPodsVersion } from './podChanges';
import { podIsActive } from '../lifecycle/phase';

/**
 * How many of an owner's pods are active (and, of a ReplicaSet's, Ready), without visiting them all. The ReplicaSet controller
 * asks this of every ReplicaSet on nearly every tick, and a count over thousands of pods that are
 * almost all active was the bulk of its cost; the inactive ones are few (Terminating ones, mostly).
 *
 * So each owner's pod index (the Map itself, which a restored checkpoint replaces) keeps the pods
 * that may be inactive: all of them when first counted, then every pod that enterPodState moves to
 * an inactive state. A pod only ever joins an index as a new Pending pod (createPod), and its state
 * only changes in enterPodState, so no inactive pod of the index is missing from the set. Members
 * that left the index or became active again are dropped when counted.
 */

const mayBeInactive = new WeakMap<ReadonlyMap<string, Pod>, Set<Pod>>();


/** enterPodState's note that a pod has just entered a state that may be inactive. */
export function notePodLeftActive(world: World, pod: Pod): void {
  if (pod.ownerKind === 'None' || podIsActive(pod)) return;
  const owned = world.ownerIndex.get(ownerKey(pod.ownerKind, pod.ownerName));
  if (!owned) return;
  mayBeInactive.get(owned)?.add(pod);
}

/**
 * The last counts of each owner's index, and the change count they were made at. Every change to a
 * pod (created, removed, moved to another state) moves its Deployment's count (podChanges.ts), so
 * while that holds, so do the counts: during a scale-down the other Deployments' ReplicaSets are
 * answered without walking their terminating pods each tick. Pods of no Deployment key on
 * world.podsVersion, which every change moves.
 */
interface OwnerCounts {
  version: number;
  /** Active pods; -1: not counted at this version. */
  active: number;
  /** Ready pods; -1: not counted at this version. */
  ready: number;
}
const counted = new WeakMap<ReadonlyMap<string, Pod>, OwnerCounts>();

function countsAt(world: World, owned: ReadonlyMap<string, Pod>, deployment: string): OwnerCounts {
  const version = deployment !== '' ? deploymentPodsVersion(world, deployment) : world.podsVersion;
  let c = counted.get(owned);
  if (c === undefined) counted.set(owned, (c = { version, active: -1, ready: -1 }));
  else if (c.version !== version) {
    c.version = version;
    c.active = -1;
    c.ready = -1;
  }
  return c;
}

/** How many of a ReplicaSet's pods are Ready; `deployment` is the one its pods belong to. */
export function countReadyPods(world: World, name: string, deployment: string): number {
  const owned = ownedPodIndex(world, 'ReplicaSet', name);
  if (!owned) return 0;
  const c = countsAt(world, owned, deployment);
  if (c.ready < 0) {
    let n = 0;
    for (const p of owned.values()) if (p.state === 'Ready') n++;
    c.ready = n;
  }
  return c.ready;
}

/** How many of an owner's pods are active; `deployment` is the one its pods belong to ('' for none). */
export function countActivePods(world: World, kind: 'ReplicaSet' | 'DaemonSet', name: string, deployment: string): number {
  const owned = ownedPodIndex(world, kind, name);
  if (!owned) return 0;
  const c = countsAt(world, owned, deployment);
  if (c.active < 0) c.active = walkActive(owned);
  return c.active;
}

function walkActive(owned: ReadonlyMap<string, Pod>): number {
  let tracked = mayBeInactive.get(owned);
  if (!tracked) {
    tracked = new Set();
    for (const p of owned.values()) if (!podIsActive(p)) tracked.add(p);
    mayBeInactive.set(owned, tracked);
  }
  let inactive = 0;
  for (const p of tracked) {
    if (owned.get(p.name) !== p || podIsActive(p)) tracked.delete(p);
    else inactive++;
  }
  return owned.size - inactive;
}
