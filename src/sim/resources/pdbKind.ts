import type { LabelSelector, World } from '../core/types';
import { asObj, labelSelectorFromManifest } from '../manifests/podTemplate';
import { deletePdb, getPdb, listPdbs, pdbStatus, putPdb, type IntOrPercent, type PodDisruptionBudget } from '../cluster/disruption/pdb';
import { humanDuration, table } from '../views/format';
import { registerKind, type ResourceKind } from './registry';

/** policy/v1 PodDisruptionBudget: `kubectl apply/get/describe/delete pdb`, status from the disruption controller. */

function intOrPercent(v: unknown): IntOrPercent | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : v;
  return undefined;
}

/** labels.Selector.String(): requirements sorted by key, as kubectl prints a selector. */
export function selectorString(sel: LabelSelector): string {
  const parts: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  return parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((p) => p.text).join(',');
}

function describePdb(world: World, b: PodDisruptionBudget): string {
  const s = pdbStatus(world, b);
  const sel = selectorString(b.selector);
  const rows: [string, string][] = [
    ['Name:', b.name],
    ['Namespace:', b.namespace],
  ];
  if (b.minAvailable !== undefined) rows.push(['Min available:', String(b.minAvailable)]);
  else if (b.maxUnavailable !== undefined) rows.push(['Max unavailable:', String(b.maxUnavailable)]);
  rows.push(['Selector:', sel === '' ? '<none>' : sel], ['Status:', '']);
  const status: [string, string][] = [
    ['Allowed disruptions:', String(s.disruptionsAllowed)],
    ['Current:', String(s.currentHealthy)],
    ['Desired:', String(s.desiredHealthy)],
    ['Total:', String(s.expectedPods)],
  ];
  // kubectl's tabwriter aligns every row of the description in one column.
  let width = 0;
  for (const [k] of rows) width = Math.max(width, k.length);
  for (const [k] of status) width = Math.max(width, k.length + 4);
  width += 2;
  const lines = rows.map(([k, v]) => (v === '' ? k : k.padEnd(width) + v));
  for (const [k, v] of status) lines.push(`    ${k}`.padEnd(width) + v);
  lines.push('Events:'.padEnd(width) + '<none>');
  return lines.join('\n');
}

export const pdbKind: ResourceKind = {
  kind: 'PodDisruptionBudget',
  group: 'policy',
  apiVersions: ['policy/v1'],
  names: ['poddisruptionbudget', 'poddisruptionbudgets', 'pdb'],
  plural: 'poddisruptionbudgets',
  namespaced: true,
  apply(world, doc) {
    const m = asObj(doc.metadata);
    const spec = asObj(doc.spec);
    const name = typeof m.name === 'string' ? m.name : '';
    if (name === '') throw new Error('resource name may not be empty');
    const minAvailable = intOrPercent(spec.minAvailable);
    const maxUnavailable = intOrPercent(spec.maxUnavailable);
    if (minAvailable !== undefined && maxUnavailable !== undefined) {
      throw new Error(`PodDisruptionBudget.policy "${name}" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec: minAvailable and maxUnavailable cannot be both set`);
    }
    return putPdb(world, {
      name,
      namespace: typeof m.namespace === 'string' ? m.namespace : 'default',
      minAvailable,
      maxUnavailable,
      selector: labelSelectorFromManifest(spec.selector) ?? {},
    });
  },
  list: (world) => listPdbs(world).map((b) => ({ name: b.name, namespace: b.namespace })),
  get(world, items) {
    const rows = items
      .map(({ name, namespace }) => getPdb(world, namespace, name))
      .filter((b): b is PodDisruptionBudget => b !== undefined)
      .map((b) => [
        b.name,
        b.minAvailable === undefined ? 'N/A' : String(b.minAvailable),
        b.maxUnavailable === undefined ? 'N/A' : String(b.maxUnavailable),
        String(pdbStatus(world, b).disruptionsAllowed),
        humanDuration(world.timeMs - b.createdMs),
      ]);
    return table(['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'], rows);
  },
  describe(world, name, namespace) {
    const b = getPdb(world, namespace, name);
    return b ? describePdb(world, b) : '';
  },
  delete(world, name, namespace) {
    deletePdb(world, namespace, name);
  },
};

registerKind(pdbKind);
