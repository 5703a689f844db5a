import type { World } from '../core/types';
import type { ResourceKind } from '../resources/registry';
import { podPhase } from '../lifecycle/phase';
import { endpointSliceLabels } from '../resources/endpointSliceKind';

/** The labels kubectl would see on an object; kinds whose labels the engine does not keep have none. */
export function labelsOf(world: World, kind: ResourceKind, name: string): Record<string, string> {
  switch (kind.kind) {
    case 'Pod':
      return world.pods.get(name)?.labels ?? {};
    case 'Deployment':
      return world.deployments.get(name)?.labels ?? {};
    case 'Node':
      return world.nodes.get(name)?.labels ?? {};
    case 'EndpointSlice':
      return endpointSliceLabels(world, name);
    default:
      return {};
  }
}

export { podPhase };

export interface FieldRequirement {
  field: string;
  equal: boolean;
  value: string;
}

export type FieldSelectorResult = { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string };

/** `--field-selector a=b,c!=d` (also `==`). */
export function parseFieldSelector(text: string): FieldSelectorResult {
  const requirements: FieldRequirement[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) return { ok: false, error: `error: invalid selector: '${text}'; can't understand '${part}'` };
    requirements.push({ field: m[1], equal: m[2] !== '!=', value: m[3] });
  }
  return { ok: true, requirements };
}

/** The fields the API server lets each kind be selected by (a subset of the real field labels). */
function fieldValue(world: World, kind: ResourceKind, o: { name: string; namespace: string }, field: string): string | undefined {
  if (field === 'metadata.name') return o.name;
  if (field === 'metadata.namespace') return o.namespace;
  if (kind.kind === 'Pod') {
    const pod = world.pods.get(o.name);
    if (field === 'spec.nodeName') return pod?.nodeName ?? '';
    if (field === 'status.phase') return pod ? podPhase(pod) : '';
  }
  if (kind.kind === 'Node' && field === 'spec.unschedulable') return String(world.nodes.get(o.name)?.unschedulable ?? false);
  return undefined;
}

/** Objects passing the field selector, or the API server's BadRequest for a field it does not index. */
export function filterByFields<T extends { name: string; namespace: string }>(
  world: World,
  kind: ResourceKind,
  items: T[],
  requirements: readonly FieldRequirement[],
): { ok: true; items: T[] } | { ok: false; error: string } {
  for (const r of requirements) {
    if (items.length > 0 && fieldValue(world, kind, items[0], r.field) === undefined) {
      return { ok: false, error: `Error from server (BadRequest): Unable to find "${kind.plural}" that match label selector "", field selector "${r.field}${r.equal ? '=' : '!='}${r.value}": field label not supported: ${r.field}` };
    }
  }
  return { ok: true, items: items.filter((o) => requirements.every((r) => (fieldValue(world, kind, o, r.field) === r.value) === r.equal)) };
}
