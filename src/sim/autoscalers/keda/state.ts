/**
 * KEDA's part of the world (world.autoscalers.keda), plain data only: each ScaledObject with its
 * status, the statechart's value and context (stepped in that form by the compiled stepper), the
 * last poll's readings and explanation, its events; and the simulated queues.
 */
import type { World } from '../../core/types';
import type { KedaMachineContext, KedaStateName } from './kedaMachine';
import type { QueueState } from './queueModel';
import type { ScalerReading } from './scalers';
import type { ScaledObject } from './types';
import type { Message } from '../../core/message';
import type { PromHistory } from './promHistory';

export const KEDA_OPERATOR = 'keda-operator';

export interface KedaEventRecord {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  count: number;
  /** Sim seconds. */
  firstTimestamp: number;
  lastTimestamp: number;
}

export interface ScaledObjectRecord {
  so: ScaledObject;
  machine: { value: KedaStateName; context: KedaMachineContext };
  /** Sim ms of the next poll (pollingInterval after the last). */
  nextPollMs: number;
  lastPollSeconds: number;
  readings: ScalerReading[];
  /** Why the object is where it is: the executor's reason, then each trigger's. */
  explanation: Message[];
  events: KedaEventRecord[];
  /** Metrics currently served from fallback (failures past failureThreshold), by metric name. */
  fallbackMetrics: Record<string, boolean>;
  /** Sim seconds of every activation (0→N) and deactivation (N→0), for the timeline and tests. */
  transitions: { t: number; from: number; to: number; reason: 'KEDAScaleTargetActivated' | 'KEDAScaleTargetDeactivated' }[];
  /** The operator's reconciler as its log lines need it (reconcileLog.ts); absent reads as reconciled. */
  reconciler?: ReconcilerState;
}

export interface ReconcilerState {
  /** A reconcile got through: the HPA and the scale loop exist. */
  loopStarted: boolean;
  /** Failed reconciles since the last success; the first one also added the finalizer. */
  failures: number;
  /** Sim ms of the next backoff retry of a failing reconcile. */
  nextRetryMs?: number;
}

export interface KedaWorldState {
  objects: Record<string, ScaledObjectRecord>;
  queues: Record<string, QueueState>;
  /** Kept Prometheus samples, while some ScaledObject has a prometheus trigger. */
  promHistory?: PromHistory;
}

export function kedaState(world: World): KedaWorldState {
  return ((world.autoscalers.keda as KedaWorldState | undefined) ??= { objects: {}, queues: {} });
}

export function scaledObjectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function recordEvent(record: ScaledObjectRecord, e: { type: 'Normal' | 'Warning'; reason: string; message: string }, nowSeconds: number): void {
  const same = record.events.find((r) => r.type === e.type && r.reason === e.reason && r.message === e.message);
  if (same) {
    same.count++;
    same.lastTimestamp = nowSeconds;
    return;
  }
  record.events.push({ ...e, count: 1, firstTimestamp: nowSeconds, lastTimestamp: nowSeconds });
  if (record.events.length > 50) record.events.splice(0, record.events.length - 50);
}
