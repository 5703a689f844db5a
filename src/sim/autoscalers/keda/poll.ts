/**
 * One pollingInterval of one ScaledObject, end to end: read every trigger, decide activity, run the
 * scale executor, and return the new status, the replica count to write (if any), events, and the
 * machine event. The engine calls this; it holds no state of its own.
 */
import { runScaleExecutor, type ExecutorResult, type KedaEvent } from './executor';
import { buildGeneratedHpa, generatedHpaName } from './generatedHpa';
import type { KedaMachineEvent } from './kedaMachine';
import { compositeValue, modifiersActivity, modifiersOf } from './scalingModifiers';
import { objectActivity, readTrigger, type ObjectActivity, type ScalerReading, type TriggerFacts } from './scalers';
import {
  emptyStatus,
  getCondition,
  pausedState,
  resolveSpec,
  setCondition,
  type ScaledObject,
  type ScaledObjectCondition,
  type ScaledObjectStatus,
} from './types';

export const FALLBACK_ACTIVE: ScaledObjectCondition = {
  type: 'Fallback',
  status: 'True',
  reason: 'FallbackExists',
  message: 'At least one trigger is falling back on this scaled object',
};
export const FALLBACK_NONE: ScaledObjectCondition = {
  type: 'Fallback',
  status: 'False',
  reason: 'NoFallbackFound',
  message: 'No fallbacks are active on this scaled object',
};
export const PAUSED_TRUE: ScaledObjectCondition = {
  type: 'Paused',
  status: 'True',
  reason: 'ScaledObjectPaused',
  message: 'ScaledObject is paused',
};
export const PAUSED_FALSE: ScaledObjectCondition = {
  type: 'Paused',
  status: 'False',
  reason: 'ScaledObjectUnpaused',
  message: 'ScaledObject is not paused',
};

export interface PollInput {
  scaledObject: ScaledObject;
  currentReplicas: number;
  /** Sim seconds. */
  now: number;
  /** Facts for the triggers (wall clock, queues, prometheus values, injected errors). */
  facts: TriggerFacts;
  /** Per-trigger failures to inject, by trigger index (e.g. a queue API outage). */
  triggerErrors?: Record<number, string>;
  /** Whether any metric is currently served from fallback (from readMetricWithFallback). */
  fallbackActive?: boolean;
}

export interface PollResult {
  readings: ScalerReading[];
  activity: ObjectActivity;
  executor: ExecutorResult;
  /** Write this to the target's spec.replicas when it differs from the current count. */
  replicasAfter: number;
  status: ScaledObjectStatus;
  events: KedaEvent[];
  machineEvent: KedaMachineEvent;
}

function targetDescription(so: ScaledObject): string {
  const ref = so.spec.scaleTargetRef;
  return `${ref.apiVersion ?? 'apps/v1'}.${ref.kind ?? 'Deployment'} ${so.metadata.namespace ?? 'default'}/${ref.name}`;
}

export function pollScaledObject(input: PollInput): PollResult {
  const so = input.scaledObject;
  const spec = resolveSpec(so.spec);
  const previous = so.status ?? emptyStatus(generatedHpaName(so));
  const readings = so.spec.triggers.map((t, i) =>
    readTrigger(t, i, input.triggerErrors?.[i] ? { ...input.facts, error: input.triggerErrors[i] } : input.facts),
  );
  const mods = modifiersOf(so);
  const activity = mods ? modifiersActivity(compositeValue(so, mods, readings), mods, readings) : objectActivity(readings);
  const paused = pausedState(so.metadata.annotations);
  const executor = runScaleExecutor({
    isActive: activity.isActive,
    isError: activity.isError,
    currentReplicas: input.currentReplicas,
    minReplicaCount: spec.minReplicaCount,
    idleReplicaCount: spec.idleReplicaCount,
    cooldownPeriodSeconds: spec.cooldownPeriodSeconds,
    initialCooldownPeriodSeconds: spec.initialCooldownPeriodSeconds,
    hasFallback: so.spec.fallback !== undefined,
    paused,
    lastActiveTime: previous.lastActiveTime,
    createdAt: so.metadata.creationTimestamp ?? 0,
    now: input.now,
    previousActive: getCondition(previous.conditions, 'Active'),
    targetDescription: targetDescription(so),
    activeTriggers: activity.activeTriggers,
  });
  let conditions = previous.conditions;
  if (executor.readyCondition) conditions = setCondition(conditions, executor.readyCondition);
  if (!paused.paused) conditions = setCondition(conditions, executor.activeCondition);
  conditions = setCondition(conditions, input.fallbackActive ? FALLBACK_ACTIVE : FALLBACK_NONE);
  const prevPaused = getCondition(previous.conditions, 'Paused');
  if (paused.paused) conditions = setCondition(conditions, PAUSED_TRUE);
  else if (prevPaused?.status === 'True') conditions = setCondition(conditions, PAUSED_FALSE);
  const hpa = buildGeneratedHpa(so);
  const status: ScaledObjectStatus = {
    ...previous,
    scaleTargetKind: `${so.spec.scaleTargetRef.apiVersion ?? 'apps/v1'}.${so.spec.scaleTargetRef.kind ?? 'Deployment'}`,
    lastActiveTime: executor.lastActiveTime,
    externalMetricNames: hpa.spec.metrics.flatMap((m) => (m.type === 'External' ? [m.external.metric.name] : [])),
    resourceMetricNames: hpa.spec.metrics.flatMap((m) => (m.type === 'Resource' ? [m.resource.name] : [])),
    conditions,
    hpaName: hpa.metadata.name,
    ...(paused.paused && paused.replicas !== null ? { pausedReplicaCount: paused.replicas } : {}),
  };
  const explanation = [executor.explanation, ...(mods ? [activity.explanation] : []), ...readings.map((r) => r.explanation)];
  return {
    readings,
    activity,
    executor,
    replicasAfter: executor.replicasAfter,
    status,
    events: executor.events,
    machineEvent: {
      type: 'POLLED',
      phase: executor.phase,
      fallbackActive: input.fallbackActive ?? false,
      replicas: executor.replicasAfter,
      explanation,
    },
  };
}

/** Events KEDA records when it starts handling a new ScaledObject. */
export function scaledObjectCreatedEvents(so: ScaledObject): KedaEvent[] {
  return [
    ...so.spec.triggers.map((t) => ({
      type: 'Normal' as const,
      reason: 'KEDAScalersStarted',
      message: `Scaler ${t.type} is built.`,
    })),
    { type: 'Normal', reason: 'KEDAScalersStarted', message: 'Started scalers watch' },
    { type: 'Normal', reason: 'ScaledObjectReady', message: 'ScaledObject is ready for scaling' },
  ];
}
