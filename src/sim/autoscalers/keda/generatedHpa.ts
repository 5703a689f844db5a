/**
 * The HorizontalPodAutoscaler KEDA creates and owns for a ScaledObject (controllers/keda/hpa.go):
 * named `keda-hpa-<name>` unless advanced.horizontalPodAutoscalerConfig.name says otherwise;
 * min = max(minReplicaCount, 1), max = maxReplicaCount (100); one External metric per trigger
 * (AverageValue unless metricType says otherwise), cpu/memory as Resource metrics; behavior copied.
 * The HPA folder is someone else's, so this returns a minimal autoscaling/v2-shaped object.
 */
import { triggerMetricName, triggerTargetValue } from './triggerMetrics';
import { resolveSpec, type HpaBehavior, type MetricTargetType, type ScaledObject } from './types';
import { COMPOSITE_METRIC_NAME, modifiersOf } from './scalingModifiers';

export interface HpaMetricTarget {
  type: MetricTargetType;
  averageValue?: string;
  value?: string;
  averageUtilization?: number;
}

export type HpaMetricSpec =
  | {
      type: 'External';
      external: {
        metric: { name: string; selector: { matchLabels: Record<string, string> } };
        target: HpaMetricTarget;
      };
    }
  | { type: 'Resource'; resource: { name: 'cpu' | 'memory'; target: HpaMetricTarget } };

export interface GeneratedHpa {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  metadata: { name: string; namespace: string; labels: Record<string, string>; ownerScaledObject: string };
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
    metrics: HpaMetricSpec[];
    behavior?: HpaBehavior;
  };
}

export function generatedHpaName(so: Pick<ScaledObject, 'metadata' | 'spec'>): string {
  return so.spec.advanced?.horizontalPodAutoscalerConfig?.name || `keda-hpa-${so.metadata.name}`;
}



function quantity(v: number): string {
  return Number.isInteger(v) ? String(v) : `${Math.round(v * 1000)}m`;
}

export function buildGeneratedHpa(so: ScaledObject): GeneratedHpa {
  const resolved = resolveSpec(so.spec);
  const name = generatedHpaName(so);
  let metrics: HpaMetricSpec[] = so.spec.triggers.map((t, i) => {
    const target = triggerTargetValue(t);
    if (t.type === 'cpu' || t.type === 'memory') {
      const type = t.metricType ?? 'Utilization';
      return {
        type: 'Resource',
        resource: {
          name: t.type,
          target:
            type === 'Utilization' ? { type, averageUtilization: target } : { type, averageValue: quantity(target) },
        },
      };
    }
    const type = t.metricType ?? 'AverageValue';
    return {
      type: 'External',
      external: {
        metric: { name: triggerMetricName(t, i), selector: { matchLabels: { 'scaledobject.keda.sh/name': so.metadata.name } } },
        target: type === 'Value' ? { type, value: quantity(target) } : { type, averageValue: quantity(target) },
      },
    };
  });
  const mods = modifiersOf(so);
  if (mods) {
    // hpa.go: keep the Resource metrics, replace every External one by the composite metric.
    const type = mods.metricType === 'Value' ? 'Value' : 'AverageValue';
    const composite: HpaMetricSpec = {
      type: 'External',
      external: {
        metric: { name: COMPOSITE_METRIC_NAME, selector: { matchLabels: { 'scaledobject.keda.sh/name': so.metadata.name } } },
        target: type === 'Value' ? { type, value: quantity(mods.target) } : { type, averageValue: quantity(mods.target) },
      },
    };
    metrics = [...metrics.filter((m) => m.type === 'Resource'), composite];
  }
  const behavior = so.spec.advanced?.horizontalPodAutoscalerConfig?.behavior;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name,
      namespace: so.metadata.namespace ?? 'default',
      labels: {
        'app.kubernetes.io/managed-by': 'keda-operator',
        'app.kubernetes.io/name': name,
        'app.kubernetes.io/part-of': so.metadata.name,
        'scaledobject.keda.sh/name': so.metadata.name,
      },
      ownerScaledObject: so.metadata.name,
    },
    spec: {
      scaleTargetRef: {
        apiVersion: so.spec.scaleTargetRef.apiVersion ?? 'apps/v1',
        kind: so.spec.scaleTargetRef.kind ?? 'Deployment',
        name: so.spec.scaleTargetRef.name,
      },
      minReplicas: resolved.hpaMinReplicas,
      maxReplicas: resolved.hpaMaxReplicas,
      metrics,
      ...(behavior ? { behavior } : {}),
    },
  };
}

/**
 * What the HPA does with one External AverageValue metric (FIDELITY §2), for KEDA's explanations
 * and fidelity answers only; the engine's HPA controller owns the real decision.
 * ratio = total / (target × current); within tolerance keeps current, else ceil(total / target),
 * clamped to [min, max].
 */
export function externalAverageValueDesired(args: {
  total: number;
  targetAverageValue: number;
  currentReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  tolerance?: number;
}): number {
  const tol = args.tolerance ?? 0.1;
  let desired: number;
  if (args.currentReplicas > 0) {
    const ratio = args.total / (args.targetAverageValue * args.currentReplicas);
    desired = Math.abs(ratio - 1) <= tol ? args.currentReplicas : Math.ceil(args.total / args.targetAverageValue);
  } else {
    desired = Math.ceil(args.total / args.targetAverageValue);
  }
  return Math.min(args.maxReplicas, Math.max(args.minReplicas, desired));
}
