import type { CaOptions } from './flags';

/**
 * The scale-down planner's memory between loops, as upstream keeps it (cluster-autoscaler 1.33,
 * core/scaledown/planner/planner.go, core/scaledown/unremovable/nodes.go,
 * core/scaledown/unneeded/nodes.go). Plain data: it lives in the world and is checkpointed.
 */

/** A node whose removal simulation failed: skipped ("RecentlyUnremovable") until `untilSeconds`. */
export interface UnremovableEntry {
  atSeconds: number;
  untilSeconds: number;
  /** Why the simulation refused it (the blocker's text), kept for the why panel. */
  reason: string;
}

/**
 * unremovable.Nodes.Update: a recheck deadline is kept while its node is still in the cluster and
 * the deadline is after now (`ttl.After(timestamp)`); nothing else (pod or node changes) resets it.
 */
export function keepUnremovable(
  previous: Readonly<Record<string, UnremovableEntry>> | undefined,
  present: ReadonlySet<string>,
  now: number,
): Record<string, UnremovableEntry> {
  const out: Record<string, UnremovableEntry> = {};
  if (!previous) return out;
  for (const name in previous) {
    const e = previous[name];
    if (present.has(name) && e.untilSeconds > now) out[name] = e;
  }
  return out;
}

/**
 * planner.go UpdateClusterState: the shortest interval seen between two updates. It starts at
 * --scale-down-unneeded-time (1 ns when that is 0); the first update's interval is measured from
 * the zero time, so it never lowers it.
 */
export function nextMinUpdateInterval(
  previous: number | undefined,
  lastUpdateAtSeconds: number | undefined,
  now: number,
  o: Pick<CaOptions, 'scaleDownUnneededTimeSeconds'>,
): number {
  const start = previous ?? (o.scaleDownUnneededTimeSeconds > 0 ? o.scaleDownUnneededTimeSeconds : 1e-9);
  if (lastUpdateAtSeconds === undefined) return start;
  return Math.min(start, now - lastUpdateAtSeconds);
}

/**
 * planner.go unneededNodesLimit: with N = --max-scale-down-parallelism, look for at most the
 * unneeded nodes already known + N + N more (an extra buffer of N), and never more than
 * N × (unneeded-time / loop interval) + N, since no more could be deleted before they are due.
 * (--scale-down-non-empty-candidates-count is parsed upstream but no longer read by this planner.)
 */
export function unneededNodesLimit(
  knownUnneeded: number,
  minUpdateIntervalSeconds: number,
  o: Pick<CaOptions, 'maxScaleDownParallelism' | 'scaleDownUnneededTimeSeconds'>,
): number {
  const n = o.maxScaleDownParallelism;
  const limit = knownUnneeded + n + n;
  const loop = minUpdateIntervalSeconds;
  const u = Math.max(o.scaleDownUnneededTimeSeconds, loop);
  // Go divides int64 nanoseconds; the small epsilon keeps 600/10 from landing on 59.999….
  const upperBound = n * Math.floor(u / loop + 1e-9) + n;
  return Math.min(upperBound, limit);
}

/**
 * The order candidates are simulated in (main.go's ScaleDownCandidatesSortingProcessor): empty
 * nodes first (emptycandidates), then the nodes unneeded in the previous loop
 * (previouscandidates), each group in the given order. Upstream's sort.Sort is not stable; this one
 * is, so that equal nodes keep the cluster's node order and the run stays deterministic.
 */
export function candidateRank(empty: boolean, previouslyUnneeded: boolean): number {
  return (empty ? 0 : 2) + (previouslyUnneeded ? 0 : 1);
}
