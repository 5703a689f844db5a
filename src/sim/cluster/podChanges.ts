import type { Pod, World } from '../core/types';

/**
 * world.podsVersion counts every change to any pod: created, removed, bound, moved to another
 * state, its spec replaced, or any command applied. A reader that looks at one Deployment's pods
 * (the HPA's listing of its target) can keep its answer while other Deployments' pods change:
 * each Deployment also counts the changes to its own pods, and every change no single pod names
 * (a command, a preemption's nominations) counts for all of them.
 *
 * Kept beside the world rather than in it: only caches keyed by the same world read it, and a
 * world restored from a checkpoint is another world with counts of its own.
 */
const counts = new WeakMap<World, Map<string, number>>();
/** The key of the changes that count for every Deployment (no Deployment can be named so). */
const EVERY = '*';

function bump(world: World, key: string): void {
  let m = counts.get(world);
  if (m === undefined) counts.set(world, (m = new Map<string, number>()));
  m.set(key, (m.get(key) ?? 0) + 1);
}

/** A change to this pod: world.podsVersion and its Deployment's count move. */
export function notePodChanged(world: World, pod: Pod): void {
  world.podsVersion++;
  if (pod.deployment !== '') bump(world, pod.deployment);
}

/** A change that may touch any pod: every Deployment's count moves. */
export function noteAnyPodChanged(world: World): void {
  world.podsVersion++;
  bump(world, EVERY);
}

/**
 * Changes the Deployment's pods may have seen: it moves whenever one of its pods changes (or any
 * pod may have), and never comes back to an earlier value in a world.
 */
export function deploymentPodsVersion(world: World, deployment: string): number {
  const m = counts.get(world);
  if (m === undefined) return 0;
  return (m.get(EVERY) ?? 0) + (m.get(deployment) ?? 0);
}
