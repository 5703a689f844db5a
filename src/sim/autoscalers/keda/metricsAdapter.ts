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
import { readTrigger, type ScalerReading } from './scalers';
import { COMPOSITE_METRIC_NAME, compositeValue, modifiersOf } from './scalingModifiers';
import type { MetricTargetType } from './types';
import { kedaState, type ScaledObjectRecord } from './state';
import { triggerMetricName } from './triggerMetrics';
import { worldFacts } from './worldFacts';

/** The label KEDA puts on each generated HPA's external metric selector (ScaledObjectOwnerAnnotation). */
export const SCALED_OBJECT_LABEL = 'scaledobject.keda.sh/name';

function ownsMetric(record: ScaledObjectRecord, metricName: string): number {
  if (metricName === COMPOSITE_METRIC_NAME && modifiersOf(record.so)) return COMPOSITE;
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
  return index !== -1 ? { record, index } : undefined;
}

function anyOwner(world: World, metricName: string, namespace: string): boolean {
  return Object.values(kedaState(world).objects).some((r) => (r.so.metadata.namespace ?? 'default') === namespace && ownsMetric(r, metricName) !== -1);
}

/** Index standing for the composite metric of advanced.scalingModifiers. */
const COMPOSITE = -2;

function triggerReading(world: World, record: ScaledObjectRecord, index: number): ScalerReading {
  const so = record.so;
  const trigger = so.spec.triggers[index];
  const cached = trigger.useCachedMetrics ? record.readings[index] : undefined;
  if (cached) return cached;
  const { facts, triggerErrors } = worldFacts(world, so);
  const error = triggerErrors[index];
  return readTrigger(trigger, index, error ? { ...facts, error } : facts);
}

/** formula.go calculateScalingModifiersFormula: every named trigger read now, then the formula. */
function compositeReading(world: World, record: ScaledObjectRecord): { value?: number; error?: string; metricType: MetricTargetType; target: number } {
  const mods = modifiersOf(record.so)!;
  const readings = record.so.spec.triggers.map((_, i) => triggerReading(world, record, i));
  const composite = compositeValue(record.so, mods, readings);
  return { ...composite, metricType: mods.metricType, target: mods.target };
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
  const reading = index === COMPOSITE ? compositeReading(world, record) : triggerReading(world, record, index);
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
