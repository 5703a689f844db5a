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

/** The label KEDA puts on each generated HPA's external metric selector (ScaledObjectOwnerAnnotation). */
export const SCALED_OBJECT_LABEL = 'scaledobject.keda.sh/name';

function ownsMetric(record: ScaledObjectRecord, metricName: string): number {
  return record.so.spec.triggers.findIndex((t, i) => t.type !== 'cpu' && t.type !== 'memory' && triggerMetricName(t, i) === metricName);
}

/**
 * keda pkg/provider/provider.go GetExternalMetric: the ScaledObject is named by the selector's
 * scaledobject.keda.sh/name label, never guessed from the metric name, so two ScaledObjects whose
 * triggers share a name (s0-prometheus) each get their own value.
 */
function owner(world: World, metricName: string, namespace: string, soName: string): { record: ScaledObjectRecord; index: number } | undefined {
  const record = kedaState(world).objects[`${namespace}/${soName}`];
  if (!record) return undefined;
  const index = ownsMetric(record, metricName);
  return index >= 0 ? { record, index } : undefined;
}

function anyOwner(world: World, metricName: string, namespace: string): boolean {
  return Object.values(kedaState(world).objects).some((r) => (r.so.metadata.namespace ?? 'default') === namespace && ownsMetric(r, metricName) >= 0);
}

export const kedaExternalMetrics: ExternalMetricProvider = (world, metricName, namespace, selector) => {
  const soName = selector?.matchLabels?.[SCALED_OBJECT_LABEL] ?? '';
  if (soName === '') {
    // A query without the label for a metric KEDA serves: the adapter refuses it.
    return anyOwner(world, metricName, namespace) ? { error: 'scaledObject name is not specified' } : undefined;
  }
  const found = owner(world, metricName, namespace, soName);
  if (!found) {
    if (!anyOwner(world, metricName, namespace)) return undefined;
    return kedaState(world).objects[`${namespace}/${soName}`]
      ? { error: `no matching metrics found for ${metricName}` }
      : { error: `scaledobjects.keda.sh "${soName}" not found` };
  }
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
