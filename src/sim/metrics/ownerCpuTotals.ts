/**
 * What a scrape leaves for the HPA: per ReplicaSet, the CPU samples and requests of its pods summed
 * while the scrape had each pod in hand anyway. An HPA sync with one CPU Utilization metric walked
 * every pod of its target for the same sums (the largest per-pod cost of the HPA loop); it now adds
 * up a few ReplicaSets instead, when nothing about any pod changed since the scrape.
 *
 * The sums stand for the HPA's own pass (utilizationTotals.ts) only where that pass would count
 * every pod as ready: a ReplicaSet is `plain` when each of its pods was Ready, bound, with a Ready
 * condition True, a sample and a whole-millicore CPU request on every container. Whether such a
 * pod with a stale sample is still initializing depends on the HPA's clock, so the latest start
 * of those is kept for the HPA to check. The sums are of whole numbers far below 2^53, so they do not depend on the
 * order the pods were added in (the HPA's pass adds them in another order).
 */
import type { Pod, World } from '../core/types';
import { requestMilliOf } from '../autoscalers/hpa/utilizationTotals';

export interface OwnerCpuTotals {
  /** The owner's pods the scrape saw, plain or not. */
  pods: number;
  /** Every one of them plain (see above); the fields below count only when it is. */
  plain: boolean;
  namespace: string;
  /** Σ Math.round(cpuMillis) of the samples: what sampleMilliOf gives for cpu. */
  sampleTotal: number;
  /** Σ of the pods' CPU requests in millicores (requestMilliOf). */
  requestTotal: number;
  /**
   * The latest scheduledMs among the pods whose sample is stale (began before the pod became
   * ready), -Infinity when none is: the other pods count as ready at any HPA clock.
   */
  latestStaleScheduledMs: number;
}

interface ScrapedTotals {
  /** world.podsVersion when the scrape ended: the sums hold while it stays the same. */
  podsVersion: number;
  byOwner: Map<string, OwnerCpuTotals>;
}

/** Derived data kept outside the world (checkpoints stay as they were); a restored world has none. */
const scraped = new WeakMap<World, ScrapedTotals>();

/** The last scrape's sums by ReplicaSet name, while no pod has changed since; undefined otherwise. */
export function scrapedOwnerCpuTotals(world: World): ReadonlyMap<string, OwnerCpuTotals> | undefined {
  const totals = scraped.get(world);
  return totals !== undefined && totals.podsVersion === world.podsVersion ? totals.byOwner : undefined;
}

/** requestMilliOf(pod, 'cpu'), or undefined when it is not a whole number of millicores. */
export function wholeCpuRequest(pod: Pod): number | undefined {
  const request = requestMilliOf(pod, 'cpu');
  return request !== undefined && Number.isSafeInteger(request) ? request : undefined;
}

/**
 * Gathers the sums during one scrape. The per-pod part is written out in the scrape's loop
 * (metricsServer.ts), not called: with one more call per pod to inline, V8 stopped inlining the
 * loop's other calls and its pod iterator (an object per pod). Only the rare parts are here.
 */
export class OwnerCpuTotalsCollector {
  private readonly byOwner = new Map<string, OwnerCpuTotals>();
  /** Something ran during the scrape that could change pods (an OOM kill), or nothing was scraped. */
  private void = false;

  /** The entry of the pod's owner (a ReplicaSet), made on its first pod. */
  entryOf(pod: Pod): OwnerCpuTotals {
    let e = this.byOwner.get(pod.ownerName);
    if (e === undefined) {
      e = { pods: 0, plain: true, namespace: pod.namespace, sampleTotal: 0, requestTotal: 0, latestStaleScheduledMs: -Infinity };
      this.byOwner.set(pod.ownerName, e);
    }
    return e;
  }

  /** No sums from this scrape (metrics-server down, or a pod was killed while it ran). */
  discard(): void {
    this.void = true;
  }

  publish(world: World): void {
    if (this.void) scraped.delete(world);
    else scraped.set(world, { podsVersion: world.podsVersion, byOwner: this.byOwner });
  }
}
