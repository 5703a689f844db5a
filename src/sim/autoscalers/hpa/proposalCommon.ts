/**
 * What every metric's proposal shares: the sync's context, the proposal's shape, the failure it
 * gives and the status quantities (metricProposals.ts, valueMetricProposals.ts).
 */
import type { Tolerances } from './defaults';
import type { HpaMetricsClient } from './metricsClient';
import { formatMilliQuantity } from './quantity';
import type { PerPodCalculation } from './replicaCalculator';
import type { HpaControllerConfig, MetricStatus } from './types';
import { msg, type Message } from '../../core/message';
import { boundedMemo } from '../../core/memo';

export interface MetricContext {
  namespace: string;
  specReplicas: number;
  statusReplicas: number;
  tolerances: Tolerances;
  nowSeconds: number;
  config: HpaControllerConfig;
  metrics: HpaMetricsClient;
  /**
   * The previous status's currentMetrics, when the caller has them: a metric whose status reads
   * the same is given that entry itself, and a list that reads the same is that list.
   */
  previousMetrics?: readonly MetricStatus[];
}

export type MetricProposal =
  | { ok: true; replicas: number; metricName: string; status: MetricStatus; explanation: Message[]; details?: PerPodCalculation }
  | {
      ok: false;
      /** The error as computeReplicasForMetric returns it (used in FailedComputeMetricsReplicas). */
      error: string;
      /** ScalingActive=False reason, also the Warning event's reason. */
      reason: string;
      /** The error the condition and the event carry. */
      conditionError: string;
      explanation: Message[];
    };

/** A status's quantities, kept per value: the same few averages every sync. */
export const mq = boundedMemo((milli: number): string => formatMilliQuantity(milli), 4096);

export function fail(reason: string, conditionError: string, error: string, label: string): MetricProposal {
  return { ok: false, reason, conditionError, error, explanation: [msg('engine.hpa.cannotCompute', { metric: label, error: conditionError })] };
}

