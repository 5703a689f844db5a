/**
 * One poll of each trigger: the metric KEDA serves to its HPA and whether the trigger is active.
 * Activity is decided per scaler, as `value > activation threshold` (strict). Activation (0↔1)
 * is KEDA's; the threshold (1↔N) is the HPA's, through an External AverageValue metric.
 * Upstream: pkg/scalers/{cron_scaler, aws_sqs_queue_scaler, rabbitmq_scaler, prometheus_scaler,
 * cpu_memory_scaler}.go and pkg/scaling/scale_handler.go (getScaledObjectState).
 */
import { evaluateCron, parseCronTrigger } from './cron';
import {
  num,
  PROMETHEUS_DEFAULTS,
  RABBITMQ_DEFAULTS,
  SQS_DEFAULTS,
  sqsQueueName,
  triggerMetricName,
} from './triggerMetrics';
import type { MetricTargetType, ScaleTrigger } from './types';
import { msg, type Message } from '../../core/message';

/** World facts a trigger reads, supplied by the engine at poll time. */
export interface TriggerFacts {
  /** Wall-clock epoch ms (scenario start time + sim time); cron needs it. */
  nowMs: number;
  /** Queue depth for sqs/rabbitmq triggers, keyed by queue name. */
  queues?: Record<string, { visible: number; inFlight: number; delayed?: number }>;
  /** Evaluated prometheus queries, keyed by the query string. */
  prometheus?: Record<string, number>;
  /** Simulated scaler failure for this trigger (e.g. the queue API is unreachable). */
  error?: string;
}

export interface ScalerReading {
  triggerIndex: number;
  triggerType: string;
  metricName: string;
  /** 'External' metrics are served by KEDA; 'Resource' (cpu/memory) come from metrics-server. */
  source: 'External' | 'Resource';
  metricType: MetricTargetType;
  /** The HPA target: AverageValue per pod, Value in total, or utilization percent. */
  target: number;
  /** Absent for Resource metrics and on error. */
  value?: number;
  isActive: boolean;
  error?: string;
  explanation: Message;
}



function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return v.toLowerCase() === 'true';
}



/** SQS: counted messages = visible (+ in flight, on by default) (+ delayed, off by default). */
export function sqsMessageCount(
  queue: { visible: number; inFlight: number; delayed?: number },
  metadata: Record<string, string>,
): number {
  let n = queue.visible;
  if (bool(metadata.scaleOnInFlight, SQS_DEFAULTS.scaleOnInFlight)) n += queue.inFlight;
  if (bool(metadata.scaleOnDelayed, SQS_DEFAULTS.scaleOnDelayed)) n += queue.delayed ?? 0;
  return n;
}

export function isAboveActivation(value: number, activationThreshold: number): boolean {
  return value > activationThreshold;
}

function errorReading(base: Omit<ScalerReading, 'isActive' | 'explanation'>, error: string): ScalerReading {
  return { ...base, isActive: false, error, explanation: msg('engine.keda.triggerFailed', { trigger: base.triggerType, error }) };
}

export function readTrigger(trigger: ScaleTrigger, index: number, facts: TriggerFacts): ScalerReading {
  const md = trigger.metadata;
  const metricType: MetricTargetType = trigger.metricType ?? 'AverageValue';
  const external = (target: number) => ({
    triggerIndex: index,
    triggerType: trigger.type,
    metricName: triggerMetricName(trigger, index),
    source: 'External' as const,
    metricType,
    target,
  });
  switch (trigger.type) {
    case 'cron': {
      const parsed = parseCronTrigger(md);
      const base = external(1);
      if (!parsed.ok) return errorReading(base, parsed.error);
      if (facts.error) return errorReading(base, facts.error);
      const ev = evaluateCron(parsed.config, facts.nowMs);
      return { ...base, value: ev.metricValue, isActive: ev.active, explanation: ev.explanation };
    }
    case 'aws-sqs-queue': {
      const queueName = sqsQueueName(md);
      const target = num(md.queueLength, SQS_DEFAULTS.queueLength);
      const activation = num(md.activationQueueLength, SQS_DEFAULTS.activationQueueLength);
      const base = external(target);
      const queue = facts.queues?.[queueName];
      if (facts.error) return errorReading(base, facts.error);
      if (!queue) return errorReading(base, `queue ${queueName} not found`);
      const value = sqsMessageCount(queue, md);
      const isActive = isAboveActivation(value, activation);
      return {
        ...base,
        value,
        isActive,
        explanation: msg(isActive ? 'engine.keda.sqsActive' : 'engine.keda.sqsInactive', { queue: queueName, value, activation, target }),
      };
    }
    case 'rabbitmq': {
      const queueName = md.queueName ?? '';
      const target = num(md.value ?? md.queueLength, RABBITMQ_DEFAULTS.value);
      const activation = num(md.activationValue, RABBITMQ_DEFAULTS.activationValue);
      const base = external(target);
      const queue = facts.queues?.[queueName];
      if (facts.error) return errorReading(base, facts.error);
      if (!queue) return errorReading(base, `queue ${queueName} not found`);
      // QueueLength mode counts ready plus unacknowledged messages.
      const value = queue.visible + queue.inFlight;
      const isActive = isAboveActivation(value, activation);
      return {
        ...base,
        value,
        isActive,
        explanation: msg(isActive ? 'engine.keda.rabbitActive' : 'engine.keda.rabbitInactive', { queue: queueName, value, activation, target }),
      };
    }
    case 'prometheus': {
      const threshold = num(md.threshold, Number.NaN);
      const activation = num(md.activationThreshold, PROMETHEUS_DEFAULTS.activationThreshold);
      const base = external(threshold);
      if (!Number.isFinite(threshold)) return errorReading(base, 'no threshold given');
      if (facts.error) return errorReading(base, facts.error);
      const query = md.query ?? '';
      const raw = facts.prometheus?.[query];
      if (raw === undefined || Number.isNaN(raw)) {
        if (bool(md.ignoreNullValues, true)) {
          return { ...base, value: 0, isActive: false, explanation: msg('engine.keda.promNoData') };
        }
        return errorReading(base, 'prometheus query returned no data');
      }
      const isActive = isAboveActivation(raw, activation);
      return {
        ...base,
        value: raw,
        isActive,
        explanation: msg(isActive ? 'engine.keda.promActive' : 'engine.keda.promInactive', { value: raw, activation, threshold }),
      };
    }
    case 'cpu':
    case 'memory': {
      // Served by metrics-server to the HPA as a Resource metric; KEDA treats it as always active.
      return {
        triggerIndex: index,
        triggerType: trigger.type,
        metricName: trigger.type,
        source: 'Resource',
        metricType: trigger.metricType ?? 'Utilization',
        target: num(md.value, Number.NaN),
        isActive: true,
        explanation: msg('engine.keda.resourceTrigger', { trigger: trigger.type }),
      };
    }
    default:
      return errorReading(external(1), `scaler type ${trigger.type} is not simulated`);
  }
}

export interface ObjectActivity {
  isActive: boolean;
  isError: boolean;
  activeTriggers: string[];
  explanation: Message;
}

/**
 * The ScaledObject is active if any trigger is active. When every trigger is cpu/memory and none
 * errored, it is always active, which is why such objects never scale to zero.
 */
export function objectActivity(readings: readonly ScalerReading[]): ObjectActivity {
  const isError = readings.some((r) => r.error !== undefined);
  const active = readings.filter((r) => r.isActive && r.source === 'External');
  const resourceOnly = readings.length > 0 && readings.every((r) => r.source === 'Resource');
  const isActive = active.length > 0 || (resourceOnly && !isError);
  const explanation = resourceOnly
    ? msg('engine.keda.resourceOnly')
    : active.length > 0
      ? msg('engine.keda.activeTriggers', { triggers: active.map((r) => r.metricName).join(', ') })
      : isError
        ? msg('engine.keda.notActiveError')
        : msg('engine.keda.notActive');
  return { isActive, isError, activeTriggers: active.map((r) => r.metricName), explanation };
}
