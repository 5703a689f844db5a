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
 * Bounds are kept per requested CPU and memory, the only figures hasRoomFor reads of a pod (the 50
 * Deployments of medium-ca request the same, so their pods share one bound where a bound per
 * request object kept 50): `committed` for the
 * destination list, `trial` for the copy a candidate's trial works on, which replaces `committed`
 * only when the trial succeeds (a failed trial's copies held pods the destinations do not).
 */
interface Bound {
  committed: number;
  /** Valid while `trialNo` is the current trial's. */
  trial: number;
  trialNo: number;
}

export class RoomBounds {
  /**
   * One record per request for the whole simulation, the trial's bound stamped with its trial
   * number: a map of trial bounds cleared per trial reallocated its table each time (~4,000 trials
   * an hour in medium-ca). A record a failed trial created holds committed 0, as no record does.
   */
  private readonly bounds = new Map<number, Map<number, Bound>>();
  /** The records the current trial set a bound on, the first `touchedCount` of them. */
  private readonly touched: Bound[] = [];
  private touchedCount = 0;
  private trialNo = 0;
  /** Where the trial's candidate was in the destination list (-1: it was not a destination). */
  private removedAt = -1;
  /**
   * The last request asked about and its record: a candidate's pods mostly share one request
   * object, and a Map lookup per pod placed was ~8% of a drain's simulation.
   */
  private lastRequests: Resources | undefined;
  private lastBound: Bound | undefined;

  /** A trial on the destination list without the node that was at `removedAt`. */
  startTrial(removedAt: number): void {
    this.trialNo += 1;
    this.touchedCount = 0;
    this.removedAt = removedAt;
  }

  /**
   * The index to start first fit for `pod` at on the trial's list `nodes`, given that the nodes
   * before `from` are known not to fit it: the first node from there with room, as far as known.
   */
  startFor(pod: FitPod, nodes: readonly FitNode[], from: number): number {
    const requests = pod.requests;
    let b: Bound | undefined;
    if (requests === this.lastRequests) b = this.lastBound;
    else {
      b = this.bounds.get(requests.cpuMillis)?.get(requests.memoryMiB);
      this.lastRequests = requests;
      this.lastBound = b;
    }
    // Every node of the trial's list before `bound` has no room for the request.
    let bound = 0;
    if (b !== undefined) {
      if (b.trialNo === this.trialNo) bound = b.trial;
      else bound = this.removedAt >= 0 && b.committed > this.removedAt ? b.committed - 1 : b.committed;
    }
    let i = Math.max(from, bound);
    if (verifyBounds) {
      for (let j = from; j < i; j++) {
        if (hasRoomFor(pod, nodes[j])) throw new Error(`first fit skipped ${nodes[j].name}, which has room: a destination gained room during the simulation`);
      }
    }
    const known = i === bound;
    while (i < nodes.length && !hasRoomFor(pod, nodes[i])) i++;
    // Only a scan that started at the bound extends it: the nodes between it and `from` are unknown.
    if (known) this.setTrial(pod.requests, b, i);
    return i;
  }

  private setTrial(requests: Resources, b: Bound | undefined, at: number): void {
    if (b === undefined) {
      b = { committed: 0, trial: at, trialNo: this.trialNo };
      let byMemory = this.bounds.get(requests.cpuMillis);
      if (byMemory === undefined) this.bounds.set(requests.cpuMillis, (byMemory = new Map<number, Bound>()));
      byMemory.set(requests.memoryMiB, b);
      if (requests === this.lastRequests) this.lastBound = b;
    } else if (b.trialNo === this.trialNo) {
      b.trial = at;
      return;
    } else {
      b.trial = at;
      b.trialNo = this.trialNo;
    }
    this.touched[this.touchedCount++] = b;
  }

  /** The trial succeeded: its list is now the destination list. */
  commit(): void {
    // forEach, not for…of: the entries iterator allocates a [key, value] pair per entry.
    const removedAt = this.removedAt;
    if (removedAt >= 0) {
      this.bounds.forEach((byMemory) =>
        byMemory.forEach((b) => {
          if (b.committed > removedAt) b.committed -= 1;
        }),
      );
    }
    for (let k = 0; k < this.touchedCount; k++) this.touched[k].committed = this.touched[k].trial;
    // A new trial number: the committed trial's bounds are no longer a trial's.
    this.trialNo += 1;
    this.touchedCount = 0;
    this.removedAt = -1;
  }
}

let verifyBounds = false;

/** Tests turn this on: every skipped node is checked to have no room for the pod. */
export function verifyRoomBounds(on: boolean): void {
  verifyBounds = on;
}
