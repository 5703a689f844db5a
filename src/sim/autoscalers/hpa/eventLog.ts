/**
 * The HPA's events as kubectl shows them: the event recorder folds a repeat of the same
 * type/reason/message into one Event with a count ("2m (x8 over 4m)").
 */
import type { HpaEvent } from './metricProposals';

export const HPA_EVENT_SOURCE = 'horizontal-pod-autoscaler';

export interface HpaEventRecord extends HpaEvent {
  count: number;
  /** Sim seconds. */
  firstTimestamp: number;
  lastTimestamp: number;
}

/**
 * The records after this sync's events. A record is never changed once made: a repeat replaces
 * its record with a counted copy, and every other record is shared with the previous list (a copy
 * of all 50 per sync with an event was most of this function's cost in a scale-up).
 */
export function recordHpaEvents(records: readonly HpaEventRecord[], events: readonly HpaEvent[], nowSeconds: number): HpaEventRecord[] {
  const next = records.slice();
  for (const event of events) {
    const i = next.findIndex((r) => r.type === event.type && r.reason === event.reason && r.message === event.message);
    if (i >= 0) {
      const same = next[i];
      next[i] = { ...same, count: same.count + 1, lastTimestamp: nowSeconds };
    } else {
      next.push({ ...event, count: 1, firstTimestamp: nowSeconds, lastTimestamp: nowSeconds });
    }
  }
  return next;
}
