/**
 * KEDA's fallback (pkg/fallback/fallback.go). Each failed read bumps the metric's
 * `status.health[metric].numberOfFailures`; a success resets it to 0. Once failures exceed
 * `failureThreshold`, the metrics API serves target × R instead of an error, so the HPA computes
 * exactly R replicas. R depends on `behavior`. Up to the threshold the error is passed on.
 */
import type { FallbackBehavior, HealthStatus, ScaledObjectSpec } from './types';
import { KEDA_DEFAULTS } from './types';
import { msg, type Message } from '../../core/message';

export type FallbackSpec = NonNullable<ScaledObjectSpec['fallback']>;

export function fallbackReplicas(fallback: FallbackSpec, currentReplicas: number): number {
  const behavior: FallbackBehavior = fallback.behavior ?? KEDA_DEFAULTS.fallbackBehavior;
  switch (behavior) {
    case 'currentReplicas':
      return currentReplicas;
    case 'currentReplicasIfHigher':
      return Math.max(currentReplicas, fallback.replicas);
    case 'currentReplicasIfLower':
      return Math.min(currentReplicas, fallback.replicas);
    default:
      return fallback.replicas;
  }
}

export interface MetricReadOutcome {
  health: HealthStatus;
  /** The value served to the HPA: the real one, the synthetic fallback one, or none (error). */
  value?: number;
  error: boolean;
  fallbackActive: boolean;
  explanation: Message;
}

/**
 * One HPA read of one External metric through KEDA's metrics adapter.
 * Fallback applies only to AverageValue metrics and only with non-negative threshold/replicas.
 */
export function readMetricWithFallback(args: {
  previous: HealthStatus | undefined;
  reading: { value?: number; error?: string };
  fallback: FallbackSpec | undefined;
  metricType: 'AverageValue' | 'Value' | 'Utilization';
  targetAverageValue: number;
  currentReplicas: number;
}): MetricReadOutcome {
  const { reading, fallback } = args;
  if (reading.error === undefined) {
    return {
      health: { numberOfFailures: 0, status: 'Happy' },
      value: reading.value,
      error: false,
      fallbackActive: false,
      explanation: msg('engine.keda.metricOk'),
    };
  }
  const failures = (args.previous?.numberOfFailures ?? 0) + 1;
  const health: HealthStatus = { numberOfFailures: failures, status: 'Failing' };
  const enabled =
    fallback !== undefined &&
    args.metricType === 'AverageValue' &&
    fallback.failureThreshold >= 0 &&
    fallback.replicas >= 0;
  if (!enabled) {
    return { health, error: true, fallbackActive: false, explanation: msg('engine.keda.errorNoFallback', { failures }) };
  }
  if (failures <= fallback.failureThreshold) {
    return {
      health,
      error: true,
      fallbackActive: false,
      explanation: msg('engine.keda.errorBelowThreshold', { failures, threshold: fallback.failureThreshold }),
    };
  }
  const replicas = fallbackReplicas(fallback, args.currentReplicas);
  // Upstream builds a milli-quantity: int64(target × 1000 × replicas).
  const value = Math.trunc(args.targetAverageValue * 1000 * replicas) / 1000;
  return {
    health,
    value,
    error: false,
    fallbackActive: true,
    explanation: msg('engine.keda.fallback', { failures, threshold: fallback.failureThreshold, target: args.targetAverageValue, replicas, value }),
  };
}
