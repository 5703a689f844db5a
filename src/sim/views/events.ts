import type { World } from '../core/types';
import { humanDuration, table } from './format';

/** The Events: section of `kubectl describe`, from the events the world still keeps. */
export function eventsFor(world: World, kind: string, name: string): string {
  const evs = world.events.filter((e) => e.kind === kind && e.name === name);
  if (evs.length === 0) return 'Events:                      <none>';
  const rows = evs.map((e) => [
    `  ${e.type}`,
    e.reason,
    humanDuration(world.timeMs - e.t * 1000),
    e.source,
    e.message,
  ]);
  return `Events:\n${table(['  Type', 'Reason', 'Age', 'From', 'Message'], [['  ----', '------', '----', '----', '-------'], ...rows])}`;
}

/** `kubectl get events` (sorted by time, as with --sort-by=.lastTimestamp). */
export function getEvents(world: World): string {
  const rows = world.events
    .slice(-200)
    .map((e) => [humanDuration(world.timeMs - e.t * 1000), e.type, e.reason, `${e.kind.toLowerCase()}/${e.name}`, e.message]);
  if (rows.length === 0) return 'No resources found in default namespace.';
  return table(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], rows);
}
