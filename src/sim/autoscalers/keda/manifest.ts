/**
 * A keda.sh/v1alpha1 ScaledObject manifest → the typed ScaledObject, with the checks the API server
 * (CRD schema) and KEDA's admission webhook make. Errors read as kubectl prints them.
 */
import type { ManifestDoc } from '../../core/commands';
import { replicaBoundsError, type ScaledObject, type ScaledObjectSpec, type ScaleTrigger } from './types';

export type ScaledObjectConversion = { ok: true; scaledObject: ScaledObject } | { ok: false; error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeError(path: string, v: unknown, want: string): string {
  return `ScaledObject.keda.sh is invalid: ${path}: Invalid value: "${typeName(v)}": ${path} in body must be of type ${want}: "${typeName(v)}"`;
}

const INT_FIELDS = ['pollingInterval', 'cooldownPeriod', 'initialCooldownPeriod', 'idleReplicaCount', 'minReplicaCount', 'maxReplicaCount'] as const;

function convertTrigger(raw: unknown, i: number): ScaleTrigger | string {
  const path = `spec.triggers[${i}]`;
  if (!isObject(raw)) return typeError(path, raw, 'object');
  if (typeof raw.type !== 'string' || raw.type === '') return `ScaledObject.keda.sh is invalid: ${path}.type: Required value`;
  const metadata: Record<string, string> = {};
  if (raw.metadata !== undefined) {
    if (!isObject(raw.metadata)) return typeError(`${path}.metadata`, raw.metadata, 'object');
    for (const [k, v] of Object.entries(raw.metadata)) {
      // The CRD declares metadata as map[string]string: `desiredReplicas: 1` is rejected, "1" is not.
      if (typeof v !== 'string') return typeError(`${path}.metadata.${k}`, v, 'string');
      metadata[k] = v;
    }
  }
  const trigger: ScaleTrigger = { type: raw.type, metadata };
  if (typeof raw.name === 'string') trigger.name = raw.name;
  if (raw.metricType !== undefined) {
    if (raw.metricType !== 'AverageValue' && raw.metricType !== 'Value' && raw.metricType !== 'Utilization') {
      return `ScaledObject.keda.sh is invalid: ${path}.metricType: Unsupported value: ${JSON.stringify(raw.metricType)}: supported values: "AverageValue", "Value", "Utilization"`;
    }
    trigger.metricType = raw.metricType;
  }
  if (isObject(raw.authenticationRef) && typeof raw.authenticationRef.name === 'string') {
    trigger.authenticationRef = { name: raw.authenticationRef.name, ...(typeof raw.authenticationRef.kind === 'string' ? { kind: raw.authenticationRef.kind } : {}) };
  }
  if (typeof raw.useCachedMetrics === 'boolean') trigger.useCachedMetrics = raw.useCachedMetrics;
  return trigger;
}

export function scaledObjectFromManifest(doc: ManifestDoc, nowSeconds: number): ScaledObjectConversion {
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) return { ok: false, error: 'ScaledObject.keda.sh is invalid: metadata.name: Required value: name is required' };
  const spec = isObject(doc.spec) ? doc.spec : undefined;
  if (!spec) return { ok: false, error: 'ScaledObject.keda.sh is invalid: spec: Required value' };
  const ref = spec.scaleTargetRef;
  if (!isObject(ref) || typeof ref.name !== 'string' || ref.name === '') {
    return { ok: false, error: 'ScaledObject.keda.sh is invalid: spec.scaleTargetRef.name: Required value' };
  }
  const out: ScaledObjectSpec = {
    scaleTargetRef: {
      name: ref.name,
      ...(typeof ref.apiVersion === 'string' ? { apiVersion: ref.apiVersion } : {}),
      ...(typeof ref.kind === 'string' ? { kind: ref.kind } : {}),
      ...(typeof ref.envSourceContainerName === 'string' ? { envSourceContainerName: ref.envSourceContainerName } : {}),
    },
    triggers: [],
  };
  for (const f of INT_FIELDS) {
    const v = spec[f];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v)) return { ok: false, error: typeError(`spec.${f}`, v, 'integer') };
    out[f] = v;
  }
  if (!Array.isArray(spec.triggers)) {
    return { ok: false, error: spec.triggers === undefined ? 'ScaledObject.keda.sh is invalid: spec.triggers: Required value' : typeError('spec.triggers', spec.triggers, 'array') };
  }
  for (let i = 0; i < spec.triggers.length; i++) {
    const t = convertTrigger(spec.triggers[i], i);
    if (typeof t === 'string') return { ok: false, error: t };
    out.triggers.push(t);
  }
  // KEDA's admission webhook (verifyTriggers, verifyReplicaCount).
  if (out.triggers.length === 0) return { ok: false, error: 'admission webhook "vscaledobject.kb.io" denied the request: no triggers defined in the ScaledObject/ScaledJob' };
  const bounds = replicaBoundsError(out);
  if (bounds) return { ok: false, error: `admission webhook "vscaledobject.kb.io" denied the request: ${bounds}` };
  if (isObject(spec.fallback)) {
    const fb = spec.fallback;
    if (typeof fb.failureThreshold !== 'number' || typeof fb.replicas !== 'number') {
      return { ok: false, error: 'ScaledObject.keda.sh is invalid: spec.fallback: failureThreshold and replicas are required integers' };
    }
    const behavior = fb.behavior;
    out.fallback = {
      failureThreshold: fb.failureThreshold,
      replicas: fb.replicas,
      ...(behavior === 'static' || behavior === 'currentReplicas' || behavior === 'currentReplicasIfHigher' || behavior === 'currentReplicasIfLower' ? { behavior } : {}),
    };
  }
  if (isObject(spec.advanced)) {
    const adv = spec.advanced;
    out.advanced = {};
    if (isObject(adv.horizontalPodAutoscalerConfig)) {
      const cfg = adv.horizontalPodAutoscalerConfig;
      out.advanced.horizontalPodAutoscalerConfig = {
        ...(typeof cfg.name === 'string' ? { name: cfg.name } : {}),
        ...(isObject(cfg.behavior) ? { behavior: cfg.behavior } : {}),
      };
    }
    if (typeof adv.restoreToOriginalReplicaCount === 'boolean') out.advanced.restoreToOriginalReplicaCount = adv.restoreToOriginalReplicaCount;
    if (isObject(adv.scalingModifiers)) out.advanced.scalingModifiers = adv.scalingModifiers;
  }
  const annotations = isObject(meta.annotations)
    ? Object.fromEntries(Object.entries(meta.annotations).map(([k, v]) => [k, String(v)]))
    : undefined;
  return {
    ok: true,
    scaledObject: {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: {
        name,
        namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default',
        ...(annotations ? { annotations } : {}),
        creationTimestamp: nowSeconds,
      },
      spec: out,
    },
  };
}
