import type { CommandResult } from '../core/commands';
import { msg } from '../core/message';
import { allKinds } from '../resources/registry';
import { table } from '../views/format';
import { argBool, argValue, type ViewArgs } from './viewArgs';
import { withoutHeader } from './tableEdit';

/**
 * `kubectl api-resources` and `kubectl api-versions` (staging/src/k8s.io/kubectl/pkg/cmd/
 * apiresources): discovery as the playground's API server answers it, i.e. the kinds it serves to
 * `kubectl get`. A real EKS cluster serves more (secrets, roles, …); those are not simulated, so
 * they are not listed.
 */

export interface ApiResource {
  name: string;
  shortNames: string[];
  group: string;
  /** group/version, or "v1" for the core group. */
  groupVersion: string;
  namespaced: boolean;
  kind: string;
}

/** Served by views the commands layer draws itself (getView.ts), not by registered kinds. */
const VIEW_RESOURCES: ApiResource[] = [
  { name: 'events', shortNames: ['ev'], group: '', groupVersion: 'v1', namespaced: true, kind: 'Event' },
  { name: 'events', shortNames: ['ev'], group: 'events.k8s.io', groupVersion: 'events.k8s.io/v1', namespaced: true, kind: 'Event' },
  { name: 'replicasets', shortNames: ['rs'], group: 'apps', groupVersion: 'apps/v1', namespaced: true, kind: 'ReplicaSet' },
];

/** version.CompareKubeAwareVersionStrings' order: GA before beta before alpha, higher numbers first. */
function versionRank(groupVersion: string): number {
  const m = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(groupVersion);
  if (!m) return 0;
  const stage = m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0;
  return stage * 1e6 + Number(m[1]) * 1e3 + Number(m[3] ?? 0);
}

/**
 * What discovery lists, one row per resource at its group's preferred version. Kinds the
 * playground accepts only at an older version of a group it also serves newer (Karpenter's
 * v1alpha5 Provisioner beside the v1 NodePool) are not served by that cluster, so not listed.
 */
export function servedResources(): ApiResource[] {
  const rows: ApiResource[] = [...VIEW_RESOURCES];
  for (const k of allKinds()) {
    const groupVersion = k.servedVersion ?? k.apiVersions[0];
    if (groupVersion === undefined) continue;
    const shortNames = k.names.filter((n) => n !== k.plural && n !== k.kind.toLowerCase());
    rows.push({ name: k.plural, shortNames, group: k.group, groupVersion, namespaced: k.namespaced, kind: k.kind });
  }
  const preferred = new Map<string, string>();
  for (const r of rows) {
    const best = preferred.get(r.group);
    if (best === undefined || versionRank(r.groupVersion) > versionRank(best)) preferred.set(r.group, r.groupVersion);
  }
  return rows.filter((r) => preferred.get(r.group) === r.groupVersion);
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** sortableResource.Less: by group (or --sort-by name|kind), ties by resource name. */
function sortResources(rows: ApiResource[], sortBy: string): ApiResource[] {
  const key = (r: ApiResource) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group);
  return [...rows].sort((a, b) => byString(key(a), key(b)) || byString(a.name, b.name));
}

export function apiResourcesView(v: ViewArgs): CommandResult {
  if (v.positional.length > 0) return { ok: false, output: `error: unexpected arguments: [${v.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples` };
  const output = argValue(v, 'output') ?? '';
  if (output !== '' && output !== 'wide' && output !== 'name') return { ok: false, output: `error: --output ${output} is not available` };
  const sortBy = argValue(v, 'sort-by') ?? '';
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') return { ok: false, output: 'error: --sort-by accepts only name or kind' };
  // -o wide's VERBS and --verbs need each resource's verbs, which the playground does not model.
  if (output === 'wide' || v.values.has('verbs')) {
    const what = output === 'wide' ? '-o wide' : '--verbs';
    return { ok: false, output: `error: kubectl api-resources ${what} is not simulated in the playground (it keeps no verbs per resource)`, msg: msg('engine.command.apiResourcesVerbs', { flag: what }) };
  }
  let rows = servedResources();
  const group = argValue(v, 'api-group');
  if (group !== undefined) rows = rows.filter((r) => r.group === group);
  if (v.values.has('namespaced')) rows = rows.filter((r) => r.namespaced === argBool(v, 'namespaced'));
  rows = sortResources(rows, sortBy);
  if (output === 'name') return { ok: true, output: rows.map((r) => (r.group ? `${r.name}.${r.group}` : r.name)).join('\n') };
  const text = table(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows.map((r) => [r.name, r.shortNames.join(','), r.groupVersion, String(r.namespaced), r.kind]));
  return { ok: true, output: argBool(v, 'no-headers') ? withoutHeader(text) : text };
}

/** `kubectl api-versions`: every group/version discovery serves, sorted as sort.Strings sorts. */
export function apiVersionsView(v: ViewArgs): CommandResult {
  if (v.positional.length > 0) return { ok: false, output: `error: unexpected arguments: [${v.positional.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples` };
  const versions = [...new Set(servedResources().map((r) => r.groupVersion))].sort(byString);
  return { ok: true, output: versions.join('\n') };
}
