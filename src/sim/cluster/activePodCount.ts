import type { Pod, World } from '../core/types';
import { ownedPodIndex, ownerKey } from './pods';
import { podIsActive } from '../lifecycle/phase';

/**
 * How many of an owner's pods are active, without visiting them all. The ReplicaSet controller
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

export function countActivePods(world: World, kind: 'ReplicaSet' | 'DaemonSet', name: string): number {
  const owned = ownedPodIndex(world, kind, name);
  if (!owned) return 0;
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
