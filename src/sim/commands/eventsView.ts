import type { KubeEvent, World } from '../core/types';
import { humanDuration, rfc3339, table } from '../views/format';
import { eventSeries, type EventSeries } from '../views/events';
import { argBool, argValue, namespaceArg, type ViewArgs, type ViewBlock } from './viewArgs';
import { parseFieldSelector } from './objectFilters';
import { withColumn } from './tableEdit';
import { applyObjectFormats, parseOutputFormat, sortKeysDeep, type Failure } from './objectOutput';

/** Cluster-scoped objects (nodes, NodeClaims) have their events recorded in "default", as on a real cluster. */
function eventNamespace(e: KubeEvent): string {
  return e.namespace === '' ? 'default' : e.namespace;
}

/** The event fields the API server can select on. */
function eventField(e: KubeEvent, field: string): string | undefined {
  switch (field) {
    case 'involvedObject.kind':
      return e.kind;
    case 'involvedObject.name':
      return e.name;
    case 'involvedObject.namespace':
    case 'metadata.namespace':
      return eventNamespace(e);
    case 'type':
      return e.type;
    case 'reason':
      return e.reason;
    case 'source':
    case 'reportingComponent':
      return e.source;
    case 'involvedObject.uid':
    case 'involvedObject.apiVersion':
    case 'involvedObject.resourceVersion':
    case 'involvedObject.fieldPath':
      return '';
    default:
      return undefined;
  }
}

/**
 * The recorder names an event after its object and the time of its first occurrence in
 * nanoseconds, in hex (client-go tools/record); a repeat patches that object and keeps the name.
 */
function eventName(world: World, s: EventSeries): string {
  return `${s.event.name}.${(BigInt(world.startEpochMs + s.firstT * 1000) * 1_000_000n).toString(16)}`;
}

/** A core/v1 Event as the API server returns it, for -o yaml|json|jsonpath|custom-columns and --sort-by. */
function eventObject(world: World, s: EventSeries): Record<string, unknown> {
  const e = s.event;
  const first = rfc3339(s.firstT, world.startEpochMs);
  return sortKeysDeep({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: eventName(world, s), namespace: eventNamespace(e), creationTimestamp: first },
    involvedObject: { kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) },
    type: e.type,
    reason: e.reason,
    message: e.message,
    count: s.count,
    firstTimestamp: first,
    lastTimestamp: rfc3339(s.lastT, world.startEpochMs),
    source: { component: e.source },
    reportingComponent: e.source,
  }) as Record<string, unknown>;
}

/**
 * `kubectl get events` in the namespace (or -A), optionally `--field-selector involvedObject.kind=Node,type=Warning`.
 * The world keeps every occurrence; the API server holds one Event per repeated event, with its
 * count (eventSeries), listed by lastTimestamp, which is what `--sort-by=.lastTimestamp` gives;
 * `--sort-by` and the object formats read each one as a core/v1 Event.
 */
export function eventsView(world: World, v: ViewArgs, names: readonly string[]): ViewBlock | string | Failure {
  const fields = parseFieldSelector(argValue(v, 'field-selector') ?? '');
  if (!fields.ok) return fields.error;
  const probe: KubeEvent = { t: 0, kind: '', namespace: '', name: '', type: 'Normal', reason: '', message: '', source: '', count: 0 };
  const unsupported = fields.requirements.find((r) => eventField(probe, r.field) === undefined);
  if (unsupported) return `Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "${unsupported.field}=${unsupported.value}": field label not supported: ${unsupported.field}`;
  const allNs = argBool(v, 'all-namespaces');
  const ns = namespaceArg(v);
  let events = eventSeries(
    world.events.filter((e) => (allNs || eventNamespace(e) === ns) && fields.requirements.every((r) => (eventField(e, r.field) === r.value) === r.equal)),
  );
  const errors = names.map((n) => `Error from server (NotFound): events "${n}" not found`);
  if (names.length > 0 || events.length === 0) return { text: '', errors };
  const parsed = parseOutputFormat(argValue(v, 'output'));
  if (!parsed.ok) return parsed;
  const format = parsed.format;
  const applied = applyObjectFormats(events, format, argValue(v, 'sort-by'), false, (some) => ({ ok: true, objects: some.map((e) => eventObject(world, e)) }));
  if (!applied.ok) return applied;
  if (applied.printed) return { text: applied.printed.text, errors, omitted: applied.printed.omitted };
  events = applied.items;
  if (format.type === 'name') return { text: events.map((e) => `event/${eventName(world, e)}`).join('\n'), errors };
  const rows = events.map(({ event: e, lastT }) => [humanDuration(world.timeMs - lastT * 1000), e.type, e.reason, `${e.kind.toLowerCase()}/${e.name}`, e.message]);
  let text = table(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], rows);
  if (allNs) text = withColumn(text, 'NAMESPACE', events.map((s) => eventNamespace(s.event)));
  return { text, errors };
}
