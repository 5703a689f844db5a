import type { KubeEvent, World } from '../core/types';
import { humanDuration, table } from '../views/format';
import { argBool, argValue, namespaceArg, type ViewArgs, type ViewBlock } from './viewArgs';
import { parseFieldSelector } from './objectFilters';
import { withColumn } from './tableEdit';

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
 * `kubectl get events` in the namespace (or -A), optionally `--field-selector involvedObject.kind=Node,type=Warning`.
 * The world keeps events in the order they happened, which is what `--sort-by=.lastTimestamp` gives;
 * other sort keys keep that order too.
 */
export function eventsView(world: World, v: ViewArgs, names: readonly string[]): ViewBlock | string {
  const fields = parseFieldSelector(argValue(v, 'field-selector') ?? '');
  if (!fields.ok) return fields.error;
  const probe: KubeEvent = { t: 0, kind: '', namespace: '', name: '', type: 'Normal', reason: '', message: '', source: '', count: 0 };
  const unsupported = fields.requirements.find((r) => eventField(probe, r.field) === undefined);
  if (unsupported) return `Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "${unsupported.field}=${unsupported.value}": field label not supported: ${unsupported.field}`;
  const allNs = argBool(v, 'all-namespaces');
  const ns = namespaceArg(v);
  const events = world.events.filter(
    (e) => (allNs || eventNamespace(e) === ns) && fields.requirements.every((r) => (eventField(e, r.field) === r.value) === r.equal),
  );
  const errors = names.map((n) => `Error from server (NotFound): events "${n}" not found`);
  if (names.length > 0 || events.length === 0) return { text: '', errors };
  const rows = events.map((e) => [humanDuration(world.timeMs - e.t * 1000), e.type, e.reason, `${e.kind.toLowerCase()}/${e.name}`, e.message]);
  let text = table(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], rows);
  if (allNs) text = withColumn(text, 'NAMESPACE', events.map(eventNamespace));
  return { text, errors };
}
