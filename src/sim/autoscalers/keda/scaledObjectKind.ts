/**
 * keda.sh/v1alpha1 ScaledObject as an API kind: apply (create/update, with the webhook's checks),
 * `kubectl get scaledobject|so` (-o yaml|json), describe, delete. Creating one creates its HPA at
 * once, as KEDA's reconciler does before the first poll; deleting it deletes the HPA.
 */
import { stringify } from 'yaml';
import type { World } from '../../core/types';
import { emitEvent } from '../../core/world';
import type { ResourceKind } from '../../resources/registry';
import { rfc3339 } from '../vpa/kubectlFormat';
import { deleteGeneratedHpa, syncGeneratedHpa } from './generatedHpaRecord';
import { generatedHpaName } from './generatedHpa';
import { initialKedaSnapshot } from './kedaMachine';
import { kubectlDescribeScaledObject, kubectlGetScaledObjects } from './kubectlViews';
import { hpaSpecOf, logCreated, logDeleted, logUpdated } from './reconcileLog';
import { scaledObjectFromManifest } from './manifest';
import { scaledObjectCreatedEvents } from './poll';
import { KEDA_OPERATOR, kedaState, recordEvent, scaledObjectKey, type ScaledObjectRecord } from './state';
import { emptyStatus, type ScaledObject } from './types';
import { admissionError } from './webhook';
import { applyErrorText, validateScaledObject } from './validation';
import { msg } from '../../core/message';

function find(world: World, name: string, namespace = 'default'): ScaledObjectRecord | undefined {
  return kedaState(world).objects[scaledObjectKey(namespace, name)];
}

function newRecord(world: World, so: ScaledObject): ScaledObjectRecord {
  const replicas = world.deployments.get(so.spec.scaleTargetRef.name)?.replicas ?? 0;
  const snapshot = initialKedaSnapshot(replicas);
  return {
    so: { ...so, status: emptyStatus(generatedHpaName(so)) },
    machine: { value: 'inactive', context: { ...snapshot.context } },
    nextPollMs: world.timeMs,
    lastPollSeconds: -1,
    readings: [],
    explanation: [msg('engine.keda.waiting')],
    events: [],
    fallbackMetrics: {},
    transitions: [],
  };
}

/** The object as `kubectl get -o yaml` shows it: times as RFC 3339. */
function apiObject(world: World, so: ScaledObject): Record<string, unknown> {
  const created = rfc3339(so.metadata.creationTimestamp ?? 0, world.startEpochMs);
  const { creationTimestamp: _c, ...metadata } = so.metadata;
  const status = so.status
    ? { ...so.status, lastActiveTime: so.status.lastActiveTime === null ? undefined : rfc3339(so.status.lastActiveTime, world.startEpochMs) }
    : undefined;
  return JSON.parse(JSON.stringify({ apiVersion: so.apiVersion, kind: so.kind, metadata: { ...metadata, creationTimestamp: created }, spec: so.spec, status })) as Record<string, unknown>;
}

export const scaledObjectKind: ResourceKind = {
  kind: 'ScaledObject',
  group: 'keda.sh',
  apiVersions: ['keda.sh/v1alpha1'],
  names: ['scaledobject', 'scaledobjects', 'so'],
  plural: 'scaledobjects',
  namespaced: true,
  apply(world, doc) {
    const now = world.timeMs / 1000;
    // The same checks as at scenario load (./validation), so the console prints the same words.
    const meta = (doc.metadata ?? {}) as Record<string, unknown>;
    const refused = applyErrorText('ScaledObject', typeof meta.name === 'string' ? meta.name : '', validateScaledObject(doc));
    if (refused) throw new Error(refused);
    const converted = scaledObjectFromManifest(doc, now);
    if (!converted.ok) throw new Error(converted.error);
    const so = converted.scaledObject;
    const denied = admissionError(world, so);
    if (denied) throw new Error(denied);
    const namespace = so.metadata.namespace ?? 'default';
    const objects = kedaState(world).objects;
    const key = scaledObjectKey(namespace, so.metadata.name);
    const existing = objects[key];
    if (existing) {
      const same =
        JSON.stringify(existing.so.spec) === JSON.stringify(so.spec) &&
        JSON.stringify(existing.so.metadata.annotations ?? {}) === JSON.stringify(so.metadata.annotations ?? {});
      if (same) return 'unchanged';
      const previous = existing.so;
      const hpaBefore = hpaSpecOf(world, previous);
      const renamed = generatedHpaName(existing.so) !== generatedHpaName(so);
      if (renamed) deleteGeneratedHpa(world, existing.so);
      existing.so = {
        ...so,
        metadata: { ...so.metadata, creationTimestamp: existing.so.metadata.creationTimestamp },
        status: existing.so.status ? { ...existing.so.status, hpaName: generatedHpaName(so) } : emptyStatus(generatedHpaName(so)),
      };
      syncGeneratedHpa(world, existing.so);
      logUpdated(world, existing, previous, hpaBefore);
      existing.nextPollMs = world.timeMs;
      return 'configured';
    }
    const record = newRecord(world, so);
    objects[key] = record;
    syncGeneratedHpa(world, record.so);
    logCreated(world, record);
    for (const e of scaledObjectCreatedEvents(record.so)) {
      recordEvent(record, e, now);
      emitEvent(world, { kind: 'ScaledObject', name: so.metadata.name, namespace, ...e, source: KEDA_OPERATOR });
    }
    return 'created';
  },
  list: (world) =>
    Object.values(kedaState(world).objects).map((r) => ({ name: r.so.metadata.name, namespace: r.so.metadata.namespace ?? 'default' })),
  get(world, items, output) {
    const objects = items.map((i) => find(world, i.name, i.namespace)!.so);
    if (output === 'yaml') return objects.map((so) => stringify(apiObject(world, so))).join('---\n');
    if (output === 'json') return JSON.stringify(objects.length === 1 ? apiObject(world, objects[0]) : { apiVersion: 'v1', kind: 'List', items: objects.map((so) => apiObject(world, so)) }, null, 2);
    return kubectlGetScaledObjects(objects, { nowSeconds: world.timeMs / 1000 });
  },
  describe(world, name, namespace) {
    const record = find(world, name, namespace)!;
    const now = world.timeMs / 1000;
    const events = record.events.map((e) => ({
      type: e.type,
      reason: e.reason,
      ageSeconds: now - e.lastTimestamp,
      firstAgeSeconds: now - e.firstTimestamp,
      count: e.count,
      from: KEDA_OPERATOR,
      message: e.message,
    }));
    return kubectlDescribeScaledObject(record.so, { nowSeconds: now, simEpochMs: world.startEpochMs }, events);
  },
  delete(world, name, namespace) {
    const record = find(world, name, namespace);
    if (!record) return;
    logDeleted(world, record);
    deleteGeneratedHpa(world, record.so);
    delete kedaState(world).objects[scaledObjectKey(namespace, name)];
  },
};
