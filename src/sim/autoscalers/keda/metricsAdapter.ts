/**
 * keda-operator-metrics-apiserver: serves external.metrics.k8s.io for the generated HPAs. When the
 * HPA asks for `s0-…`, the adapter finds the ScaledObject and trigger that own the name, queries the
 * scaler against the world right then (or returns the last poll's value when the trigger says
 * useCachedMetrics), and passes the value through KEDA's fallback: each failure bumps
 * status.health[metric]; past failureThreshold it serves target × fallback replicas instead of the
 * error (pkg/fallback). Resource triggers (cpu, memory) are metrics-server's, not the adapter's.
 */
import type { World } from '../../core/types';
import type { ExternalMetricProvider } from '../hpa/worldMetrics';
import { readMetricWithFallback } from './fallback';
import { readTrigger } from './scalers';
import { kedaState, type ScaledObjectRecord } from './state';
import { triggerMetricName } from './triggerMetrics';
import { worldFacts } from './worldFacts';

function owner(world: World, metricName: string, namespace: string): { record: ScaledObjectRecord; index: number } | undefined {
  const objects = kedaState(world).objects;
  // Names are unique per ScaledObject; two objects with identical triggers share a name, and the
  // HPA's label selector (scaledobject.keda.sh/name) would tell them apart. The first by key wins here.
  for (const key of Object.keys(objects).sort()) {
    const record = objects[key];
    if ((record.so.metadata.namespace ?? 'default') !== namespace) continue;
    const index = record.so.spec.triggers.findIndex((t, i) => t.type !== 'cpu' && t.type !== 'memory' && triggerMetricName(t, i) === metricName);
    if (index >= 0) return { record, index };
  }
  return undefined;
}

export const kedaExternalMetrics: ExternalMetricProvider = (world, metricName, namespace) => {
  const found = owner(world, metricName, namespace);
  if (!found) return undefined;
  const { record, index } = found;
  const so = record.so;
  const trigger = so.spec.triggers[index];
  const cached = trigger.useCachedMetrics ? record.readings[index] : undefined;
  let reading = cached;
  if (!reading) {
    const { facts, triggerErrors } = worldFacts(world, so);
    const error = triggerErrors[index];
    reading = readTrigger(trigger, index, error ? { ...facts, error } : facts);
  }
  const target = world.deployments.get(so.spec.scaleTargetRef.name);
  const outcome = readMetricWithFallback({
    previous: so.status?.health[metricName],
    reading,
    fallback: so.spec.fallback,
    metricType: reading.metricType,
    targetAverageValue: reading.target,
    currentReplicas: target?.replicas ?? 0,
  });
  if (so.status) so.status = { ...so.status, health: { ...so.status.health, [metricName]: outcome.health } };
  record.fallbackMetrics = { ...record.fallbackMetrics, [metricName]: outcome.fallbackActive };
  if (outcome.error || outcome.value === undefined) {
    return { error: `unable to fetch metrics from external metrics API: ${reading.error ?? 'no value'}` };
  }
  return { valuesMilli: [Math.round(outcome.value * 1000)] };
};
