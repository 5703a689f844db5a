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

export function recordHpaEvents(records: readonly HpaEventRecord[], events: readonly HpaEvent[], nowSeconds: number): HpaEventRecord[] {
  const next = records.map((r) => ({ ...r }));
  for (const event of events) {
    const same = next.find((r) => r.type === event.type && r.reason === event.reason && r.message === event.message);
    if (same) {
      same.count++;
      same.lastTimestamp = nowSeconds;
    } else {
      next.push({ ...event, count: 1, firstTimestamp: nowSeconds, lastTimestamp: nowSeconds });
    }
  }
  return next;
}
