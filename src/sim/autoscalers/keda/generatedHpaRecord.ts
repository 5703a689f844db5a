/**
 * KEDA creates and owns the HPA of each ScaledObject (controllers/keda/hpa.go): it is a normal
 * autoscaling/v2 object, so the engine's own HPA controller runs it, `kubectl get hpa` lists it,
 * and KEDA rewrites it when it drifts from the ScaledObject (or recreates it when deleted).
 * While the ScaledObject is paused KEDA removes it, so nothing but the pause decides replicas.
 */
import type { World } from '../../core/types';
import { convertHpaManifest } from '../hpa/convert';
import { hpaKey, hpaState, newHpaRecord } from '../hpa/controller';
import { buildGeneratedHpa, generatedHpaName } from './generatedHpa';
import { pausedState, type ScaledObject } from './types';

/** Create or update the generated HPA; returns an error message when the spec cannot be one. */
export function syncGeneratedHpa(world: World, so: ScaledObject): string | null {
  const namespace = so.metadata.namespace ?? 'default';
  const records = hpaState(world).records;
  const key = hpaKey(namespace, generatedHpaName(so));
  if (pausedState(so.metadata.annotations).paused) {
    delete records[key];
    return null;
  }
  const converted = convertedGeneratedHpa(so);
  if (!converted.ok) return converted.error;
  const existing = records[key];
  if (!existing) {
    records[key] = newHpaRecord(converted.hpa, world.timeMs / 1000);
    return null;
  }
  // The HPA's syncs keep its spec object, so the spec set here at the last rewrite is this one.
  if (existing.hpa.spec !== converted.hpa.spec && JSON.stringify(existing.hpa.spec) !== JSON.stringify(converted.hpa.spec)) {
    existing.hpa = { ...converted.hpa, status: existing.hpa.status };
  }
  return null;
}

/**
 * The generated HPA, converted, by the ScaledObject's spec and metadata: an applied ScaledObject
 * replaces both (nothing edits them in place), and the generated HPA reads nothing else. It was
 * built, converted and compared as JSON at every poll (every 30 s) although it changes only when
 * the ScaledObject is applied again.
 */
const convertedBySpec = new WeakMap<ScaledObject['spec'], { metadata: ScaledObject['metadata']; converted: ReturnType<typeof convertHpaManifest> }>();

function convertedGeneratedHpa(so: ScaledObject): ReturnType<typeof convertHpaManifest> {
  const kept = convertedBySpec.get(so.spec);
  if (kept !== undefined && kept.metadata === so.metadata) return kept.converted;
  const generated = buildGeneratedHpa(so);
  const { ownerScaledObject: _owner, ...metadata } = generated.metadata;
  const converted = convertHpaManifest({ ...generated, metadata });
  convertedBySpec.set(so.spec, { metadata: so.metadata, converted });
  return converted;
}

export function deleteGeneratedHpa(world: World, so: ScaledObject): void {
  delete hpaState(world).records[hpaKey(so.metadata.namespace ?? 'default', generatedHpaName(so))];
}

/** Another HPA (not KEDA's own for this object) already scaling the same Deployment. */
export function conflictingHpa(world: World, so: ScaledObject): string | undefined {
  const own = generatedHpaName(so);
  const namespace = so.metadata.namespace ?? 'default';
  for (const r of Object.values(hpaState(world).records)) {
    const ref = r.hpa.spec.scaleTargetRef;
    if ((r.hpa.metadata.namespace ?? 'default') !== namespace || r.hpa.metadata.name === own) continue;
    if (r.hpa.metadata.labels?.['app.kubernetes.io/managed-by'] === 'keda-operator') continue;
    if (ref.kind === (so.spec.scaleTargetRef.kind ?? 'Deployment') && ref.name === so.spec.scaleTargetRef.name) return r.hpa.metadata.name;
  }
  return undefined;
}
