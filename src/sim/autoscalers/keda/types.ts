/**
 * keda.sh/v1alpha1 ScaledObject, as much of it as the playground simulates, with KEDA's defaults
 * (apis/keda/v1alpha1/scaledobject_types.go, pkg/scaling/executor/scale_executor.go).
 * Times are in seconds.
 */

export type MetricTargetType = 'AverageValue' | 'Value' | 'Utilization';
export type FallbackBehavior = 'static' | 'currentReplicas' | 'currentReplicasIfHigher' | 'currentReplicasIfLower';

export interface ScaleTarget {
  name: string;
  apiVersion?: string;
  kind?: string;
  envSourceContainerName?: string;
}

export interface ScaleTrigger {
  type: string;
  name?: string;
  metadata: Record<string, string>;
  metricType?: MetricTargetType;
  authenticationRef?: { name: string; kind?: string };
  useCachedMetrics?: boolean;
}

/** autoscaling/v2 HorizontalPodAutoscalerBehavior, kept opaque: KEDA only copies it. */
export type HpaBehavior = Record<string, unknown>;

export interface ScaledObjectSpec {
  scaleTargetRef: ScaleTarget;
  pollingInterval?: number;
  cooldownPeriod?: number;
  initialCooldownPeriod?: number;
  idleReplicaCount?: number;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  fallback?: { failureThreshold: number; replicas: number; behavior?: FallbackBehavior };
  advanced?: {
    horizontalPodAutoscalerConfig?: { name?: string; behavior?: HpaBehavior };
    restoreToOriginalReplicaCount?: boolean;
    scalingModifiers?: { formula?: string; target?: string; activationTarget?: string; metricType?: MetricTargetType };
  };
  triggers: ScaleTrigger[];
}

export const PAUSED_ANNOTATION = 'autoscaling.keda.sh/paused';
export const PAUSED_REPLICAS_ANNOTATION = 'autoscaling.keda.sh/paused-replicas';

export interface ScaledObject {
  apiVersion: 'keda.sh/v1alpha1';
  kind: 'ScaledObject';
  metadata: { name: string; namespace?: string; annotations?: Record<string, string>; creationTimestamp?: number };
  spec: ScaledObjectSpec;
  status?: ScaledObjectStatus;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';
export type ScaledObjectConditionType = 'Ready' | 'Active' | 'Fallback' | 'Paused';

export interface ScaledObjectCondition {
  type: ScaledObjectConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
}

export type HealthStatusType = 'Happy' | 'Failing';

export interface HealthStatus {
  numberOfFailures: number;
  status: HealthStatusType;
}

export interface ScaledObjectStatus {
  scaleTargetKind?: string;
  originalReplicaCount?: number;
  /** Sim seconds; null when never active. */
  lastActiveTime: number | null;
  externalMetricNames: string[];
  resourceMetricNames: string[];
  conditions: ScaledObjectCondition[];
  health: Record<string, HealthStatus>;
  pausedReplicaCount?: number;
  hpaName: string;
}

export const KEDA_DEFAULTS = {
  pollingIntervalSeconds: 30,
  cooldownPeriodSeconds: 300,
  initialCooldownPeriodSeconds: 0,
  minReplicaCount: 0,
  maxReplicaCount: 100,
  hpaMinReplicas: 1,
  fallbackBehavior: 'static' as FallbackBehavior,
} as const;

/** The spec with every defaulted field filled in; idleReplicaCount stays optional (unset ≠ 0). */
export interface ResolvedScaledObjectSpec {
  pollingIntervalSeconds: number;
  cooldownPeriodSeconds: number;
  initialCooldownPeriodSeconds: number;
  minReplicaCount: number;
  maxReplicaCount: number;
  idleReplicaCount: number | undefined;
  hpaMinReplicas: number;
  hpaMaxReplicas: number;
}

export function resolveSpec(spec: Partial<ScaledObjectSpec>): ResolvedScaledObjectSpec {
  const min = spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount;
  const max = spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount;
  return {
    pollingIntervalSeconds: spec.pollingInterval ?? KEDA_DEFAULTS.pollingIntervalSeconds,
    cooldownPeriodSeconds: spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriodSeconds,
    initialCooldownPeriodSeconds: spec.initialCooldownPeriod ?? KEDA_DEFAULTS.initialCooldownPeriodSeconds,
    minReplicaCount: min,
    maxReplicaCount: max,
    idleReplicaCount: spec.idleReplicaCount,
    // The HPA cannot hold 0 replicas, so KEDA gives it at least 1 and owns 0↔1 itself.
    hpaMinReplicas: min > 0 ? min : KEDA_DEFAULTS.hpaMinReplicas,
    hpaMaxReplicas: max,
  };
}

/** CheckReplicaCountBoundsAreValid: min ≤ max and idle < min. Returns an error message or null. */
export function replicaBoundsError(spec: Partial<ScaledObjectSpec>): string | null {
  const r = resolveSpec(spec);
  const min = spec.minReplicaCount !== undefined ? r.hpaMinReplicas : 0;
  if (min > r.hpaMaxReplicas) return `MinReplicaCount=${min} must be less than MaxReplicaCount=${r.hpaMaxReplicas}`;
  if (spec.idleReplicaCount !== undefined && spec.idleReplicaCount >= min) {
    return `IdleReplicaCount=${spec.idleReplicaCount} must be less than MinReplicaCount=${min}`;
  }
  return null;
}

/**
 * The paused replica count if the object is paused: `paused-replicas` pins the target to that
 * count; `paused: "true"` (or any non-boolean value) freezes it at whatever it has (null count).
 */
export function pausedState(annotations: Record<string, string> | undefined): { paused: boolean; replicas: number | null } {
  const a = annotations ?? {};
  const pinned = a[PAUSED_REPLICAS_ANNOTATION];
  if (pinned !== undefined) {
    const n = Number.parseInt(pinned, 10);
    if (Number.isFinite(n) && n >= 0) return { paused: true, replicas: n };
  }
  const flag = a[PAUSED_ANNOTATION];
  if (flag === undefined) return { paused: false, replicas: null };
  const lowered = flag.toLowerCase();
  if (lowered === 'false' || lowered === '0' || lowered === 'f') return { paused: false, replicas: null };
  return { paused: true, replicas: null };
}

export function emptyStatus(hpaName: string): ScaledObjectStatus {
  return {
    lastActiveTime: null,
    externalMetricNames: [],
    resourceMetricNames: [],
    conditions: [
      { type: 'Ready', status: 'Unknown', reason: 'ScaledObjectCheckFailed', message: 'Starting' },
      { type: 'Active', status: 'Unknown', reason: 'Unknown', message: 'Starting' },
      { type: 'Fallback', status: 'Unknown', reason: 'Unknown', message: 'Starting' },
      { type: 'Paused', status: 'Unknown', reason: 'Unknown', message: 'Starting' },
    ],
    health: {},
    hpaName,
  };
}

export function setCondition(
  conditions: readonly ScaledObjectCondition[],
  next: ScaledObjectCondition,
): ScaledObjectCondition[] {
  const found = conditions.some((c) => c.type === next.type);
  return found ? conditions.map((c) => (c.type === next.type ? next : c)) : [...conditions, next];
}

export function getCondition(
  conditions: readonly ScaledObjectCondition[],
  type: ScaledObjectConditionType,
): ScaledObjectCondition | undefined {
  return conditions.find((c) => c.type === type);
}
