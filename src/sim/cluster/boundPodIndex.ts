import type { Pod, World } from '../core/types';

/**
 * What the scheduler asks of the bound pods at each pass (scheduler.ts scanBoundPods): the lowest
 * priority among them, and whether any has required anti-affinity. Walking all ~6,000 pods for
 * that ran at every tick with pending pods (every tick of a scale-up). A pod joins the bound pods
 * only in bindPod and leaves them only in removePod, and its priority and anti-affinity are fixed
 * (a spec replaced by the VPA keeps both), so counts kept there answer exactly.
 *
 * Kept beside the world, as podChanges.ts' counts are: counted afresh the first time a world is
 * asked (a new world, or one restored from a checkpoint).
 */
interface BoundPodIndex {
  /** Bound pods by priority (no zero counts). */
  byPriority: Map<number, number>;
  /** Bound pods with required anti-affinity. */
  withAntiAffinity: number;
}

const indexes = new WeakMap<World, BoundPodIndex>();

function countIn(index: BoundPodIndex, pod: Pod, delta: 1 | -1): void {
  const priority = pod.spec.priority;
  const n = (index.byPriority.get(priority) ?? 0) + delta;
  if (n === 0) index.byPriority.delete(priority);
  else index.byPriority.set(priority, n);
  if (pod.spec.podAntiAffinity) index.withAntiAffinity += delta;
}

function indexOf(world: World): BoundPodIndex {
  let index = indexes.get(world);
  if (index === undefined) {
    index = { byPriority: new Map(), withAntiAffinity: 0 };
    const built = index;
    world.pods.forEach((p) => {
      if (p.nodeName !== '') countIn(built, p, 1);
    });
    indexes.set(world, index);
  }
  return index;
}

/** bindPod's note, before the pod is bound: it joins the bound pods unless it already was one. */
export function noteBinding(world: World, pod: Pod): void {
  const index = indexes.get(world);
  if (index !== undefined && pod.nodeName === '' && world.pods.get(pod.name) === pod) countIn(index, pod, 1);
}

/** removePod's note, before the pod leaves world.pods: a bound pod leaves the bound pods. */
export function noteRemoval(world: World, pod: Pod): void {
  const index = indexes.get(world);
  if (index !== undefined && pod.nodeName !== '' && world.pods.get(pod.name) === pod) countIn(index, pod, -1);
}

/** The lowest priority of any bound pod; Infinity when none is bound. */
export function lowestBoundPriority(world: World): number {
  let lowest = Infinity;
  for (const priority of indexOf(world).byPriority.keys()) if (priority < lowest) lowest = priority;
  return lowest;
}

export function anyBoundAntiAffinity(world: World): boolean {
  return indexOf(world).withAntiAffinity > 0;
}
