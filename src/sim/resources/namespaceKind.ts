import type { World } from '../core/types';
import { CLUSTER_AGE_MS, SYSTEM_NAMESPACES } from '../cluster/eksDefaults';
import { describeBlock, humanDuration, rfc3339, table } from '../views/format';
import { allKinds, registerKind, type ResourceKind } from './registry';

/**
 * `kubectl get ns`: the namespaces an EKS cluster starts with, and every namespace an object of
 * the scenario lives in. The engine keeps no Namespace objects of its own, so a namespace exists
 * here while something is in it; a Namespace document in a scenario stays "not simulated" (no
 * apiVersion is mapped, so apply never reaches this kind).
 */

/** When the namespace appeared: the cluster's start for the system ones, else its oldest object. */
function createdMs(world: World, name: string): number {
  if (SYSTEM_NAMESPACES.includes(name)) return -CLUSTER_AGE_MS;
  let first = Infinity;
  for (const map of [world.pods, world.deployments, world.daemonSets, world.services]) {
    for (const o of map.values()) if (o.namespace === name && o.createdMs < first) first = o.createdMs;
  }
  return Number.isFinite(first) ? first : 0;
}

function namespaceNames(world: World): string[] {
  const names = new Set(SYSTEM_NAMESPACES);
  for (const k of allKinds()) {
    if (!k.namespaced) continue;
    for (const o of k.list(world)) if (o.namespace) names.add(o.namespace);
  }
  return [...names];
}

export const namespaceKind: ResourceKind = {
  kind: 'Namespace',
  group: '',
  apiVersions: [],
  servedVersion: 'v1',
  names: ['namespace', 'namespaces', 'ns'],
  plural: 'namespaces',
  namespaced: false,
  list: (world) => namespaceNames(world).map((name) => ({ name, namespace: '' })),
  get(world, items) {
    return table(['NAME', 'STATUS', 'AGE'], items.map(({ name }) => [name, 'Active', humanDuration(world.timeMs - createdMs(world, name))]));
  },
  describe(_world, name) {
    return [
      describeBlock([
        ['Name', name],
        ['Labels', `kubernetes.io/metadata.name=${name}`],
        ['Annotations', '<none>'],
        ['Status', 'Active'],
      ]),
      '',
      'No resource quota.',
      '',
      'No LimitRange resource.',
    ].join('\n');
  },
  object: (world, name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, creationTimestamp: rfc3339(createdMs(world, name) / 1000, world.startEpochMs), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }),
};

registerKind(namespaceKind);
