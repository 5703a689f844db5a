import { stringify } from 'yaml';
import type { ManifestDoc } from '../core/commands';
import type { World } from '../core/types';
import { asObj, asStringMap } from '../manifests/podTemplate';
import { humanDuration, table } from '../views/format';
import { eventsFor } from '../views/events';
import type { ResourceKind } from './registry';

/**
 * v1 ConfigMap: what the Cluster Proportional Autoscaler reads its ladder/linear params from and
 * where the Cluster Autoscaler writes its status. The World has no field for ConfigMaps, so they
 * live as plain data under world.autoscalers[CONFIG_MAPS_KEY], keyed "namespace/name".
 */
export interface StoredConfigMap {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  data: Record<string, string>;
  /** Bumped on every change, as the API server's metadata.resourceVersion (the CPA watches it). */
  resourceVersion: number;
  createdMs: number;
}

export const CONFIG_MAPS_KEY = 'configMaps';

/** The API server's resourceVersion counter for ConfigMaps (one per world). */
interface ConfigMapStore {
  nextVersion: number;
  items: Record<string, StoredConfigMap>;
}

function store(world: World): ConfigMapStore {
  const existing = world.autoscalers[CONFIG_MAPS_KEY] as ConfigMapStore | undefined;
  if (existing) return existing;
  const created: ConfigMapStore = { nextVersion: 1000, items: {} };
  world.autoscalers[CONFIG_MAPS_KEY] = created;
  return created;
}

export function getConfigMap(world: World, namespace: string, name: string): StoredConfigMap | undefined {
  return (world.autoscalers[CONFIG_MAPS_KEY] as ConfigMapStore | undefined)?.items[`${namespace}/${name}`];
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Create or replace a ConfigMap's data (a controller's write, or kubectl apply). */
export function putConfigMap(
  world: World,
  cm: { name: string; namespace: string; data: Record<string, string>; labels?: Record<string, string>; annotations?: Record<string, string> },
): 'created' | 'configured' | 'unchanged' {
  const s = store(world);
  const key = `${cm.namespace}/${cm.name}`;
  const prev = s.items[key];
  const labels = cm.labels ?? prev?.labels ?? {};
  const annotations = cm.annotations ?? prev?.annotations ?? {};
  if (prev && sameMap(prev.data, cm.data) && sameMap(prev.labels, labels) && sameMap(prev.annotations, annotations)) {
    return 'unchanged';
  }
  s.items[key] = {
    name: cm.name,
    namespace: cm.namespace,
    labels,
    annotations,
    data: { ...cm.data },
    resourceVersion: s.nextVersion++,
    createdMs: prev?.createdMs ?? world.timeMs,
  };
  return prev ? 'configured' : 'created';
}

export function deleteConfigMap(world: World, namespace: string, name: string): void {
  delete store(world).items[`${namespace}/${name}`];
}

export function listConfigMaps(world: World): StoredConfigMap[] {
  const items = (world.autoscalers[CONFIG_MAPS_KEY] as ConfigMapStore | undefined)?.items ?? {};
  return Object.values(items).sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** ConfigMap data values are strings; YAML numbers or booleans there are rejected by the API server. */
function dataOf(doc: ManifestDoc): Record<string, string> {
  const raw = asObj(doc.data);
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') {
      throw new Error(`ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal ${typeof v} into Go struct field ConfigMap.data of type string (key "${k}")`);
    }
  }
  return asStringMap(raw);
}

function wallTime(world: World, ms: number): string {
  return new Date(world.startEpochMs + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** kubectl -o yaml: keys in the order kubectl prints them (alphabetical at each level). */
function toManifest(world: World, cm: StoredConfigMap): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (Object.keys(cm.annotations).length > 0) metadata.annotations = cm.annotations;
  metadata.creationTimestamp = wallTime(world, cm.createdMs);
  if (Object.keys(cm.labels).length > 0) metadata.labels = cm.labels;
  metadata.name = cm.name;
  metadata.namespace = cm.namespace;
  metadata.resourceVersion = String(cm.resourceVersion);
  return { apiVersion: 'v1', data: cm.data, kind: 'ConfigMap', metadata };
}

function mapText(m: Record<string, string>): string {
  const entries = Object.entries(m);
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join('\n              ');
}

export const configMapKind: ResourceKind = {
  kind: 'ConfigMap',
  group: '',
  apiVersions: ['v1'],
  names: ['configmap', 'configmaps', 'cm'],
  plural: 'configmaps',
  namespaced: true,
  apply(world, doc) {
    const m = asObj(doc.metadata);
    const name = typeof m.name === 'string' ? m.name : '';
    if (name === '') throw new Error('resource name may not be empty');
    return putConfigMap(world, {
      name,
      namespace: typeof m.namespace === 'string' ? m.namespace : 'default',
      data: dataOf(doc),
      labels: asStringMap(m.labels),
      annotations: asStringMap(m.annotations),
    });
  },
  list: (world) => listConfigMaps(world).map((c) => ({ name: c.name, namespace: c.namespace })),
  get(world, items, output) {
    const found = items
      .map(({ name, namespace }) => getConfigMap(world, namespace, name))
      .filter((c): c is StoredConfigMap => c !== undefined);
    if (output === 'yaml' || output === 'json') {
      const docs = found.map((c) => toManifest(world, c));
      const body = docs.length === 1 ? docs[0] : { apiVersion: 'v1', items: docs, kind: 'List', metadata: { resourceVersion: '' } };
      return output === 'json' ? JSON.stringify(body, null, 4) : stringify(body, { lineWidth: 0 }).trimEnd();
    }
    const rows = found.map((c) => [c.name, String(Object.keys(c.data).length), humanDuration(world.timeMs - c.createdMs)]);
    return table(['NAME', 'DATA', 'AGE'], rows);
  },
  describe(world, name, namespace) {
    const c = getConfigMap(world, namespace, name);
    if (!c) return '';
    const lines = [
      `Name:         ${c.name}`,
      `Namespace:    ${c.namespace}`,
      `Labels:       ${mapText(c.labels)}`,
      `Annotations:  ${mapText(c.annotations)}`,
      '',
      'Data',
      '====',
    ];
    for (const [k, v] of Object.entries(c.data)) lines.push(`${k}:`, '----', v, '');
    // The CA records its scale-up and scale-down events on its status ConfigMap.
    const events = world.events.some((e) => e.kind === 'ConfigMap' && e.name === c.name && e.namespace === c.namespace);
    lines.push('', 'BinaryData', '====', '', events ? eventsFor(world, 'ConfigMap', c.name) : 'Events:  <none>');
    return lines.join('\n');
  },
  delete(world, name, namespace) {
    deleteConfigMap(world, namespace, name);
  },
};
