/**
 * KEDA's validating admission webhook for ScaledObjects (apis/keda/v1alpha1/scaledobject_webhook.go):
 * one ScaledObject per workload, cpu/memory triggers need the containers' requests, and an object
 * with only cpu/memory triggers cannot have minReplicaCount 0 (it could never scale to zero).
 */
import type { World } from '../../core/types';
import { kedaState, scaledObjectKey } from './state';
import type { ScaledObject } from './types';

const DENIED = 'admission webhook "vscaledobject.kb.io" denied the request: ';

export function admissionError(world: World, so: ScaledObject): string | null {
  const namespace = so.metadata.namespace ?? 'default';
  const ref = so.spec.scaleTargetRef;
  const gvk = `${ref.apiVersion ?? 'apps/v1'}.${ref.kind ?? 'Deployment'}`;
  const self = scaledObjectKey(namespace, so.metadata.name);
  for (const [key, other] of Object.entries(kedaState(world).objects)) {
    if (key === self || (other.so.metadata.namespace ?? 'default') !== namespace) continue;
    const o = other.so.spec.scaleTargetRef;
    if (`${o.apiVersion ?? 'apps/v1'}.${o.kind ?? 'Deployment'}` === gvk && o.name === ref.name) {
      return `${DENIED}the workload '${ref.name}' of type '${gvk}' is already managed by the ScaledObject '${other.so.metadata.name}'`;
    }
  }
  const resourceTriggers = so.spec.triggers.filter((t) => t.type === 'cpu' || t.type === 'memory');
  if (resourceTriggers.length === 0) return null;
  const target = (ref.kind ?? 'Deployment') === 'Deployment' ? world.deployments.get(ref.name) : undefined;
  for (const t of resourceTriggers) {
    for (const c of target?.template.containers ?? []) {
      const requested = t.type === 'cpu' ? c.requests.cpuMillis > 0 || c.limits.cpuMillis > 0 : c.requests.memoryMiB > 0 || c.limits.memoryMiB > 0;
      if (!requested) return `${DENIED}the scaledobject has a ${t.type} trigger but the container ${c.name} doesn't have the ${t.type} request defined`;
    }
  }
  if (resourceTriggers.length === so.spec.triggers.length && (so.spec.minReplicaCount ?? 0) === 0) {
    return `${DENIED}scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)`;
  }
  return null;
}
