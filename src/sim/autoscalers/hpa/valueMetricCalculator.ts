/**
 * The HPA's formulas for Object and External metrics (replica_calculator.go:
 * GetObjectMetricReplicas, GetExternalMetricReplicas and their per-pod variants), which read one
 * value rather than every pod.
 */
import { isWithinTolerance, type Tolerances } from './defaults';
import { MAX_INT32, q, ratioText, toleranceText } from './calculationText';
import { msg, type Message } from '../../core/message';

export interface ValueCalculation {
  replicas: number;
  usageRatio: number;
  /** The value compared with the target (for External: the sum of all series). */
  valueMilli: number;
  readyRunningPods: number;
  decision: 'withinTolerance' | 'scaled' | 'fromZero';
  explanation: Message[];
}

/**
 * Object or External metric with a Value target (getUsageRatioReplicaCount): the ratio times the
 * count of Running+Ready pods; from zero replicas, just ceil(ratio).
 */
export function valueMetricReplicas(input: {
  currentReplicas: number;
  valueMilli: number;
  targetValueMilli: number;
  readyRunningPods: number;
  tolerances: Tolerances;
  metricLabel: string;
}): ValueCalculation {
  const ratio = input.valueMilli / input.targetValueMilli;
  const explanation = [
    msg('engine.hpa.value', { metric: input.metricLabel, value: q(input.valueMilli), target: q(input.targetValueMilli), ratio: ratioText(ratio) }),
  ];
  const base = { usageRatio: ratio, valueMilli: input.valueMilli, readyRunningPods: input.readyRunningPods, explanation };
  if (input.currentReplicas === 0) {
    const replicas = Math.ceil(ratio);
    explanation.push(msg('engine.hpa.fromZero', { ratio: ratioText(ratio), replicas }));
    return Object.assign(base, { replicas, decision: 'fromZero' as const });
  }
  explanation.push(toleranceText(ratio, input.tolerances));
  if (isWithinTolerance(ratio, input.tolerances)) {
    explanation.push(msg('engine.hpa.keeps', { replicas: input.currentReplicas }));
    return Object.assign(base, { replicas: input.currentReplicas, decision: 'withinTolerance' as const });
  }
  const replicas = Math.min(MAX_INT32, Math.ceil(ratio * input.readyRunningPods));
  explanation.push(msg('engine.hpa.desiredReady', { count: input.readyRunningPods, ratio: ratioText(ratio), replicas }));
  return Object.assign(base, { replicas, decision: 'scaled' as const });
}

export interface AverageValueCalculation {
  replicas: number;
  usageRatio: number;
  totalMilli: number;
  /** ceil(total / statusReplicas): what status.currentMetrics reports. */
  averageMilli: number;
  decision: 'withinTolerance' | 'scaled';
  explanation: Message[];
}

/**
 * Object or External metric with an AverageValue target (GetObjectPerPodMetricReplicas /
 * GetExternalPerPodMetricReplicas): readiness plays no part; the divisor is status.replicas.
 */
export function averageValueMetricReplicas(input: {
  statusReplicas: number;
  totalMilli: number;
  targetAverageMilli: number;
  tolerances: Tolerances;
  metricLabel: string;
}): AverageValueCalculation {
  const { statusReplicas, totalMilli, targetAverageMilli } = input;
  const ratio = totalMilli / (targetAverageMilli * statusReplicas);
  // From zero replicas upstream divides by zero; report the total instead of an infinite average.
  const averageMilli = statusReplicas > 0 ? Math.ceil(totalMilli / statusReplicas) : totalMilli;
  const explanation = [
    msg('engine.hpa.total', {
      metric: input.metricLabel,
      total: q(totalMilli),
      replicas: statusReplicas,
      average: q(averageMilli),
      target: q(targetAverageMilli),
      ratio: ratioText(ratio),
    }),
    toleranceText(ratio, input.tolerances),
  ];
  if (isWithinTolerance(ratio, input.tolerances)) {
    explanation.push(msg('engine.hpa.keeps', { replicas: statusReplicas }));
    return { replicas: statusReplicas, usageRatio: ratio, totalMilli, averageMilli, decision: 'withinTolerance', explanation };
  }
  const replicas = Math.min(MAX_INT32, Math.ceil(totalMilli / targetAverageMilli));
  explanation.push(msg('engine.hpa.desiredTotal', { total: q(totalMilli), target: q(targetAverageMilli), replicas }));
  return { replicas, usageRatio: ratio, totalMilli, averageMilli, decision: 'scaled', explanation };
}
