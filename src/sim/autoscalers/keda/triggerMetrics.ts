/**
 * How KEDA names and targets each trigger's HPA metric, and the scalers' metadata defaults.
 * Shared by the scalers (what is read) and the generated HPA (what is asked for).
 */
import { cronMetricNamePart } from './cron';
import type { ScaleTrigger } from './types';

/** kedautil.NormalizeString: / . : % ( ) become '-'. */
export function normalizeMetricName(s: string): string {
  return s.replace(/[/.:%()]/g, '-');
}

export function metricNameWithIndex(index: number, name: string): string {
  return `s${index}-${name}`;
}

export function num(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** Queue name of an SQS trigger: `queueURL`'s last path part, or the name itself. */
export function sqsQueueName(metadata: Record<string, string>): string {
  const url = metadata.queueURL ?? metadata.queueURLFromEnv ?? '';
  const parts = url.split('/').filter(Boolean);
  return parts.length > 0 ? parts[parts.length - 1] : url;
}

export const SQS_DEFAULTS = { queueLength: 5, activationQueueLength: 0, scaleOnInFlight: true, scaleOnDelayed: false };
export const RABBITMQ_DEFAULTS = { value: 20, activationValue: 0 };
export const PROMETHEUS_DEFAULTS = { activationThreshold: 0 };

/**
 * Each trigger's last name, by the trigger object: the adapter names every trigger of a
 * ScaledObject on each HPA sync, and every poll again, while a trigger (built once from its
 * manifest, never edited) always gets the same one at the same index.
 */
const namedTriggers = new WeakMap<ScaleTrigger, { index: number; name: string }>();

/** The External metric name KEDA registers for trigger `index` (s<index>-<scaler name>). */
export function triggerMetricName(trigger: ScaleTrigger, index: number): string {
  const named = namedTriggers.get(trigger);
  if (named !== undefined && named.index === index) return named.name;
  const name = metricNameOf(trigger, index);
  namedTriggers.set(trigger, { index, name });
  return name;
}

function metricNameOf(trigger: ScaleTrigger, index: number): string {
  const md = trigger.metadata;
  switch (trigger.type) {
    case 'cron': {
      const part = cronMetricNamePart({ timezone: md.timezone ?? '', start: md.start ?? '', end: md.end ?? '' });
      return metricNameWithIndex(index, normalizeMetricName(part));
    }
    case 'aws-sqs-queue':
      return metricNameWithIndex(index, normalizeMetricName(`aws-sqs-${sqsQueueName(md)}`));
    case 'rabbitmq':
      return metricNameWithIndex(index, normalizeMetricName(`rabbitmq-${md.queueName ?? ''}`));
    case 'cpu':
    case 'memory':
      return trigger.type;
    default:
      return metricNameWithIndex(index, normalizeMetricName(trigger.type));
  }
}

/** The per-trigger HPA target value KEDA advertises. */
export function triggerTargetValue(trigger: ScaleTrigger): number {
  const md = trigger.metadata;
  switch (trigger.type) {
    case 'cron':
      return 1;
    case 'aws-sqs-queue':
      return num(md.queueLength, SQS_DEFAULTS.queueLength);
    case 'rabbitmq':
      return num(md.value ?? md.queueLength, RABBITMQ_DEFAULTS.value);
    case 'prometheus':
      return num(md.threshold, 0);
    default:
      return num(md.value, 0);
  }
}
