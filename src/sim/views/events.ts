import type { KubeEvent, World } from '../core/types';
import { humanDurationSeconds, table } from './format';

/** One Event object as the API server holds it: the latest occurrence, how many, since when. */
export interface EventSeries {
  event: KubeEvent;
  count: number;
  /** Sim seconds of the first and the latest occurrence (firstTimestamp, lastTimestamp). */
  firstT: number;
  lastT: number;
}

/**
 * The world keeps every occurrence (the charts mark each one), but the API server does not:
 * client-go's EventCorrelator (tools/record/events_cache.go) turns a repeat of an event with the
 * same source, object, type, reason and message into a patch of the first one, count + 1 and a
 * new lastTimestamp. kubectl then sorts by lastTimestamp (SortableEvents). Ties keep the order the
 * events happened in.
 */
export function eventSeries(events: readonly KubeEvent[]): EventSeries[] {
  const byKey = new Map<string, EventSeries>();
  for (const e of events) {
    const key = `${e.source}\u0000${e.kind}\u0000${e.namespace}\u0000${e.name}\u0000${e.type}\u0000${e.reason}\u0000${e.message}`;
    const series = byKey.get(key);
    if (series) {
      series.event = e;
      series.count += e.count;
      series.lastT = e.t;
    } else byKey.set(key, { event: e, count: e.count, firstT: e.t, lastT: e.t });
  }
  return [...byKey.values()].sort((a, b) => a.lastT - b.lastT);
}

/** kubectl describe's Age column (describe.go DescribeEvents): "15m", or "3m (x4 over 28m)" for a repeated event. */
export function describeEventAge(lastAgeSeconds: number, count: number, firstAgeSeconds: number): string {
  const first = humanDurationSeconds(firstAgeSeconds);
  return count > 1 ? `${humanDurationSeconds(lastAgeSeconds)} (x${count} over ${first})` : first;
}

/** The Events: section of `kubectl describe`, from the events the world still keeps. */
export function eventsFor(world: World, kind: string, name: string): string {
  const series = eventSeries(world.events.filter((e) => e.kind === kind && e.name === name));
  if (series.length === 0) return 'Events:                      <none>';
  const rows = series.map((s) => [
    `  ${s.event.type}`,
    s.event.reason,
    describeEventAge((world.timeMs - s.lastT * 1000) / 1000, s.count, (world.timeMs - s.firstT * 1000) / 1000),
    s.event.source,
    s.event.message.trim(),
  ]);
  return `Events:\n${table(['  Type', 'Reason', 'Age', 'From', 'Message'], [['  ----', '------', '----', '----', '-------'], ...rows])}`;
}
