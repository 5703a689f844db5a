import type { Pod, World } from '../../sim/core/types';
import { eventSeries, type EventSeries } from '../../sim/views/events';

/**
 * The latest events of `kind/name`, newest last, as `kubectl describe` lists them: a repeated
 * event is one row with its count and first occurrence (eventSeries).
 */
export function eventsFor(world: World, kind: 'Pod' | 'Node', name: string, namespace: string | null, limit = 12): EventSeries[] {
  const series = eventSeries(world.events.filter((e) => e.kind === kind && e.name === name && (namespace === null || e.namespace === namespace)));
  return series.slice(-limit);
}

/** The command line that describes the selection, with `-n` only outside the default namespace. */
export function describeLine(kind: 'pod' | 'node', name: string, namespace = 'default'): string {
  if (kind === 'node') return `kubectl describe node ${name}`;
  return namespace === 'default' ? `kubectl describe pod ${name}` : `kubectl describe pod ${name} -n ${namespace}`;
}

export function podsOnNode(world: World, nodeName: string): Pod[] {
  const node = world.nodes.get(nodeName);
  if (!node) return [];
  return node.podNames.map((n) => world.pods.get(n)).filter((p): p is Pod => p !== undefined);
}

/** A label or annotation map as `key=value` lines, sorted like kubectl prints them. */
export function labelLines(labels: Record<string, string>): string[] {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`);
}
