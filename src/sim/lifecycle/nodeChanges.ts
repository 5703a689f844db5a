import type { Node, NodeState, World } from '../core/types';

/**
 * What readers of every node need to know without walking them, kept beside the world as
 * podChanges.ts' counts are (a world restored from a checkpoint is another world and starts afresh):
 * - a count of changes a node group's membership reads: a node created, moved to another state
 *   (which is also how one leaves the world) or marked to terminate once drained. The ASG reconcile
 *   (every tick) keeps its per-group counts while it holds;
 * - how many nodes are Draining, so that the tick's drain pass (step.ts) skips its walk over every
 *   node when none is: a drain lasts seconds to minutes, the walk ran every tick (720,000 node
 *   visits in an hour at 200 nodes). Counted the first time a world is asked, then moved here.
 * Every node state change goes through enterNodeState, which calls noteNodeStateChange.
 */
const versions = new WeakMap<World, number>();
const draining = new WeakMap<World, number>();

function noteNodeChanged(world: World): void {
  versions.set(world, (versions.get(world) ?? 0) + 1);
}

/** enterNodeState's note, once the node is in its new state (a node leaves the world only from Terminating). */
export function noteNodeStateChange(world: World, from: NodeState, to: NodeState): void {
  noteNodeChanged(world);
  if (from === to) return;
  const n = draining.get(world);
  if (n === undefined) return;
  if (from === 'Draining') draining.set(world, n - 1);
  else if (to === 'Draining') draining.set(world, n + 1);
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

export function anyNodeDraining(world: World): boolean {
  let n = draining.get(world);
  if (n === undefined) {
    n = 0;
    for (const node of world.nodes.values()) if (node.state === 'Draining') n++;
    draining.set(world, n);
  }
  return n > 0;
}
