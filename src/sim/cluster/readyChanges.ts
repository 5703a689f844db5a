import type { Pod, World } from '../core/types';

/**
 * The pods that became or stopped being Ready since the load model's index was last brought up
 * to date. Most bumps of `world.readyVersion` are such pods (a drained node's pods leave Ready, and
 * their replacements arrive a few seconds later: ~45 ticks of changes in a 200-node drain), and the
 * index can follow a handful of pods without walking all 6,000 again.
 *
 * A bump made anywhere else (a load, a Service, a command, a node's readiness, a VPA resize)
 * leaves a bump with no pod here: the counts then disagree and the index is rebuilt in full.
 *
 * Kept beside the world, not in it: a checkpoint or a copy starts without changes noted, so its
 * first index is a full build.
 */
interface ReadyChanges {
  /** The readyVersion the noted pods' changes start from. */
  fromVersion: number;
  pods: Pod[];
}

/**
 * Past this many noted changes a full rebuild is as cheap as following them, and the list stops
 * growing (the counts then disagree, so it is never trusted).
 */
const MAX_NOTED = 512;

const changes = new WeakMap<World, ReadyChanges>();

/** After `world.readyVersion++` for a pod entering or leaving Ready. Nothing is noted until someone has started listening. */
export function noteReadyChange(world: World, pod: Pod): void {
  const c = changes.get(world);
  if (c !== undefined && c.pods.length < MAX_NOTED) c.pods.push(pod);
}

/** From now on, note the pods whose readiness changes (forgetting those noted so far). */
export function listenForReadyChanges(world: World): void {
  const c = changes.get(world);
  if (c === undefined) changes.set(world, { fromVersion: world.readyVersion, pods: [] });
  else {
    c.fromVersion = world.readyVersion;
    c.pods.length = 0;
  }
}

/**
 * Every bump of readyVersion since `version`, as the pods that made them (one entry per bump, a
 * pod may appear more than once), or undefined if some bump was not a pod's readiness or the
 * list was not started at `version`.
 */
export function readyChangesSince(world: World, version: number): readonly Pod[] | undefined {
  const c = changes.get(world);
  if (c === undefined || c.fromVersion !== version || c.pods.length !== world.readyVersion - version) return undefined;
  return c.pods;
}
