import { hasRoomFor } from '../../cluster/scheduling/filter';
import type { FitNode, FitPod } from './fit';
import type { Resources } from './types';

/**
 * Within one removal simulation a destination only loses room: a trial adds pods to copies of the
 * destinations and replaces them only when it succeeds, and a removable node leaves the list. So a
 * node that had no room (filter.hasRoomFor) for a request has none for it later in the simulation,
 * and first fit may start after the leading nodes known to be full for that request instead of
 * testing them again for every pod (~35 full nodes a pod at medium-all, most of the simulation).
 * Skipping nodes that fail hasRoomFor is exact: firstFitFrom tests it before anything else.
 *
 * Bounds are kept per request object (pods of one template share it): `committed` for the
 * destination list, `trial` for the copy a candidate's trial works on, which replaces `committed`
 * only when the trial succeeds (a failed trial's copies held pods the destinations do not).
 */
export class RoomBounds {
  private readonly committed = new Map<Resources, number>();
  private readonly trial = new Map<Resources, number>();
  /** Where the trial's candidate was in the destination list (-1: it was not a destination). */
  private removedAt = -1;

  /** A trial on the destination list without the node that was at `removedAt`. */
  startTrial(removedAt: number): void {
    this.trial.clear();
    this.removedAt = removedAt;
  }

  /** Every node of the trial's list before the returned index has no room for `requests`. */
  private bound(requests: Resources): number {
    const t = this.trial.get(requests);
    if (t !== undefined) return t;
    const b = this.committed.get(requests) ?? 0;
    return this.removedAt >= 0 && b > this.removedAt ? b - 1 : b;
  }

  /**
   * The index to start first fit for `pod` at on the trial's list `nodes`, given that the nodes
   * before `from` are known not to fit it: the first node from there with room, as far as known.
   */
  startFor(pod: FitPod, nodes: readonly FitNode[], from: number): number {
    const bound = this.bound(pod.requests);
    let i = Math.max(from, bound);
    if (verifyBounds) {
      for (let j = from; j < i; j++) {
        if (hasRoomFor(pod, nodes[j])) throw new Error(`first fit skipped ${nodes[j].name}, which has room: a destination gained room during the simulation`);
      }
    }
    const known = i === bound;
    while (i < nodes.length && !hasRoomFor(pod, nodes[i])) i++;
    // Only a scan that started at the bound extends it: the nodes between it and `from` are unknown.
    if (known) this.trial.set(pod.requests, i);
    return i;
  }

  /** The trial succeeded: its list is now the destination list. */
  commit(): void {
    // In place (a map a candidate was ~1% of the run): existing keys only, then the trial's.
    // forEach, not for…of: the entries iterator allocates a [key, value] pair per entry (the largest
    // allocation of medium-all's run, 12% of its bytes).
    const removedAt = this.removedAt;
    const committed = this.committed;
    if (removedAt >= 0) committed.forEach((b, r) => { if (b > removedAt) committed.set(r, b - 1); });
    this.trial.forEach((b, r) => committed.set(r, b));
    this.trial.clear();
    this.removedAt = -1;
  }
}

let verifyBounds = false;

/** Tests turn this on: every skipped node is checked to have no room for the pod. */
export function verifyRoomBounds(on: boolean): void {
  verifyBounds = on;
}
