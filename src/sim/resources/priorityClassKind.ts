import type { World } from '../core/types';
import { CLUSTER_AGE_MS } from '../cluster/eksDefaults';
import {
  deletePriorityClass,
  getPriorityClass,
  listPriorityClasses,
  putPriorityClass,
  type PreemptionPolicy,
  type PriorityClass,
} from '../cluster/scheduling/priorityClasses';
import { asObj, str } from '../manifests/podTemplate';
import { describeBlock, humanDuration, rfc3339, table } from '../views/format';
import { registerKind, type ResourceKind } from './registry';

/** scheduling.k8s.io/v1 PriorityClass: `kubectl apply/get/describe/delete priorityclass` (short name pc). */

const all = (world: World): PriorityClass[] => listPriorityClasses(world, -CLUSTER_AGE_MS);
const one = (world: World, name: string): PriorityClass | undefined => getPriorityClass(world, name, -CLUSTER_AGE_MS);

export const priorityClassKind: ResourceKind = {
  kind: 'PriorityClass',
  group: 'scheduling.k8s.io',
  apiVersions: ['scheduling.k8s.io/v1'],
  names: ['priorityclass', 'priorityclasses', 'pc'],
  plural: 'priorityclasses',
  namespaced: false,
  apply(world, doc) {
    const name = str(asObj(doc.metadata).name);
    if (name === '') throw new Error('resource name may not be empty');
    return putPriorityClass(world, {
      name,
      value: Number(doc.value ?? 0),
      globalDefault: doc.globalDefault === true,
      preemptionPolicy: (str(doc.preemptionPolicy) || 'PreemptLowerPriority') as PreemptionPolicy,
      description: str(doc.description),
    });
  },
  list: (world) => all(world).map((c) => ({ name: c.name, namespace: '' })),
  get(world, items) {
    const rows = items
      .map(({ name }) => one(world, name))
      .filter((c): c is PriorityClass => c !== undefined)
      .map((c) => [c.name, String(c.value), String(c.globalDefault), humanDuration(world.timeMs - c.createdMs), c.preemptionPolicy]);
    return table(['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'], rows);
  },
  describe(world, name) {
    const c = one(world, name);
    if (!c) return '';
    return describeBlock([
      ['Name', c.name],
      ['Value', String(c.value)],
      ['GlobalDefault', String(c.globalDefault)],
      ['PreemptionPolicy', c.preemptionPolicy],
      ['Description', c.description],
      ['Annotations', '<none>'],
      ['Events', '<none>'],
    ]);
  },
  object(world, name) {
    const c = one(world, name)!;
    const out: Record<string, unknown> = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: c.name, creationTimestamp: rfc3339(c.createdMs / 1000, world.startEpochMs) },
      value: c.value,
      preemptionPolicy: c.preemptionPolicy,
    };
    if (c.globalDefault) out.globalDefault = true;
    if (c.description) out.description = c.description;
    return out;
  },
  delete(world, name) {
    deletePriorityClass(world, name);
  },
};

registerKind(priorityClassKind);
