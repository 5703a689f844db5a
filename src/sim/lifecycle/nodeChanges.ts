import type { Node, World } from '../core/types';

/**
 * A count of changes to the world's nodes that a node group's membership reads: a node created,
 * moved to another state (which is also how one leaves the world) or marked to terminate once
 * drained. A reader that counts nodes per group (the ASG reconcile, every tick) keeps its answer
 * while the count holds. Kept beside the world, as podChanges.ts' counts are: a world restored
 * from a checkpoint is another world and starts without one.
 */
const versions = new WeakMap<World, number>();

export function noteNodeChanged(world: World): void {
  versions.set(world, (versions.get(world) ?? 0) + 1);
}

/** Moves whenever a node changes as above, and never comes back to an earlier value in a world. */
export function nodesVersion(world: World): number {
  return versions.get(world) ?? 0;
}

/** The node goes once it is drained: it has left its group's count (its desired was decremented). */
export function markTerminateWhenDrained(world: World, node: Node): void {
  if (node.terminateWhenDrained) return;
  node.terminateWhenDrained = true;
  noteNodeChanged(world);
}
