/**
 * keda-operator over the world. Every second it polls the ScaledObjects whose pollingInterval has
 * come round (KEDA runs one scale loop per object, starting when the object is created): read the
 * triggers, run the scale executor (activation 0→1, deactivation to 0 after the cooldown), write
 * the Deployment's replicas when KEDA owns the change, keep the generated HPA in step, store the
 * status, record events and log lines, and step the statechart. A second loop moves the
 * simulated queues each second.
 */
import type { World } from '../../core/types';
import { emitEvent } from '../../core/world';
import { conflictingHpa, syncGeneratedHpa } from './generatedHpaRecord';
import { stepKedaPersisted, type KedaMachineEvent } from './kedaMachine';
import { stepStored } from '../../core/compiledStepper';
import { pollScaledObject, type PollResult } from './poll';
import { stepQueue } from './queueModel';
import { KEDA_OPERATOR, kedaState, recordEvent, type ScaledObjectRecord } from './state';
import { pausedState, resolveSpec, setCondition, type ScaledObject } from './types';
import { worldFacts } from './worldFacts';
import { msg } from '../../core/message';
import { emptyHistory, recordPromHistory } from './promHistory';
import { kedaLog, type KedaLogLine } from './operatorLog';
import { raisedToMin, scaledToPausedCount, setToIdleOrMin, updatedScaleTarget } from './operatorLines';
import { logTargetAtPoll, runReconcileRetries } from './reconcileLog';
import { worldPromSeries } from './promSeries';

export const KEDA_POLL_TICK_MS = 1000;
export const QUEUE_SIMULATOR = 'queue-simulator';

function stepMachine(record: ScaledObjectRecord, event: KedaMachineEvent): void {
  record.machine = stepStored(stepKedaPersisted, record.machine, event);
}

function targetCheckFailed(world: World, record: ScaledObjectRecord, message: string): void {
  const so = record.so;
  const previous = so.status?.conditions.find((c) => c.type === 'Ready');
  if (so.status) {
    so.status = { ...so.status, conditions: setCondition(so.status.conditions, { type: 'Ready', status: 'False', reason: 'ScaledObjectCheckFailed', message }) };
  }
  record.explanation = [msg('engine.keda.checkFailed', { message })];
  if (previous?.message !== message) {
    const e = { type: 'Warning' as const, reason: 'ScaledObjectCheckFailed', message };
    recordEvent(record, e, world.timeMs / 1000);
    emitEvent(world, { kind: 'ScaledObject', name: so.metadata.name, namespace: so.metadata.namespace, ...e, source: KEDA_OPERATOR });
  }
}

/**
 * What RequestScale prints for one poll. Activity changes only set the Active condition; KEDA logs
 * them at V(1) ("Scaler for scaledObject is active"), which info level hides. Failing scalers are
 * not narrated: see docs/keda.md.
 */
function pollLines(so: ScaledObject, result: PollResult, current: number): KedaLogLine[] {
  const lines: KedaLogLine[] = [];
  const after = result.replicasAfter;
  switch (result.executor.phase) {
    case 'activated':
      if (after !== current) lines.push(updatedScaleTarget(so, current, after));
      break;
    case 'deactivated':
      if (after !== current) lines.push(setToIdleOrMin(so, resolveSpec(so.spec).idleReplicaCount !== undefined, current, after));
      break;
    case 'raisedToMin':
      if (after !== current) lines.push(raisedToMin(so, current, after));
      break;
    case 'paused': {
      // RequestScale logs the pin when it scales, or the first time it records status.pausedReplicaCount.
      const pinned = pausedState(so.metadata.annotations).replicas;
      if (pinned !== null && (pinned !== current || so.status?.pausedReplicaCount === undefined)) lines.push(scaledToPausedCount(so, pinned));
      break;
    }
  }
  return lines;
}

function applyResult(world: World, record: ScaledObjectRecord, result: PollResult, currentReplicas: number): void {
  const so = record.so;
  const now = world.timeMs / 1000;
  const target = world.deployments.get(so.spec.scaleTargetRef.name)!;
  if (result.replicasAfter !== currentReplicas) {
    target.replicas = result.replicasAfter;
    target.lastScaledBy = `ScaledObject/${so.metadata.name} (keda-operator)`;
    world.workloadsDirty = true;
    const phase = result.executor.phase;
    if (phase === 'activated' || phase === 'deactivated') {
      record.transitions.push({ t: now, from: currentReplicas, to: result.replicasAfter, reason: phase === 'activated' ? 'KEDAScaleTargetActivated' : 'KEDAScaleTargetDeactivated' });
    }
  }
  kedaLog(world, pollLines(so, result, currentReplicas));
  so.status = result.status;
  for (const e of result.events) {
    recordEvent(record, e, now);
    emitEvent(world, { kind: 'ScaledObject', name: so.metadata.name, namespace: so.metadata.namespace, ...e, source: KEDA_OPERATOR });
  }
  stepMachine(record, result.machineEvent);
  record.readings = result.readings;
  record.explanation = [
    msg('engine.keda.summary', { state: msg(`engine.state.${record.machine.value}`), decision: result.executor.explanation }),
    result.activity.explanation,
    ...result.readings.map((r) => r.explanation),
  ];
  record.lastPollSeconds = now;
}

/** One scale loop iteration of one ScaledObject. */
export function pollRecord(world: World, record: ScaledObjectRecord): void {
  const so = record.so;
  const ref = so.spec.scaleTargetRef;
  const kind = ref.kind ?? 'Deployment';
  const target = kind === 'Deployment' ? world.deployments.get(ref.name) : undefined;
  if (kind === 'Deployment') logTargetAtPoll(world, record, target !== undefined);
  if (!target) {
    const what = kind === 'Deployment' ? `deployments.apps "${ref.name}" not found` : `scale target kind ${kind} is not simulated (Deployments only)`;
    targetCheckFailed(world, record, `ScaledObject doesn't have correct scaleTargetRef specification: ${what}`);
    record.lastPollSeconds = world.timeMs / 1000;
    return;
  }
  const conflict = conflictingHpa(world, so);
  if (conflict) {
    targetCheckFailed(world, record, `the workload '${ref.name}' of type 'apps/v1.Deployment' is already managed by the hpa '${conflict}'`);
    record.lastPollSeconds = world.timeMs / 1000;
    return;
  }
  const hpaError = syncGeneratedHpa(world, so);
  if (hpaError) {
    targetCheckFailed(world, record, `failed to ensure HPA is correctly created for ScaledObject: ${hpaError}`);
    return;
  }
  const { facts, triggerErrors } = worldFacts(world, so);
  const current = target.replicas;
  const result = pollScaledObject({
    scaledObject: so,
    currentReplicas: current,
    now: world.timeMs / 1000,
    facts,
    triggerErrors,
    fallbackActive: Object.values(record.fallbackMetrics).some(Boolean),
  });
  applyResult(world, record, result, current);
}

export function runKedaOperator(world: World): void {
  const state = kedaState(world);
  for (const key of Object.keys(state.objects).sort()) {
    const record = state.objects[key];
    runReconcileRetries(world, record);
    if (world.timeMs < record.nextPollMs) continue;
    pollRecord(world, record);
    record.nextPollMs += resolveSpec(record.so.spec).pollingIntervalSeconds * 1000;
    // A long pause in polling (interval shortened by a re-apply) does not cause a burst of polls.
    if (record.nextPollMs <= world.timeMs) record.nextPollMs = world.timeMs + KEDA_POLL_TICK_MS;
  }
}

export function runQueueSimulator(world: World): void {
  const state = kedaState(world);
  const queues = state.queues;
  for (const name of Object.keys(queues).sort()) stepQueue(world, queues[name], KEDA_POLL_TICK_MS);
  // Prometheus scrapes only while some query can read it (keeps memory and time bounded otherwise).
  if (Object.values(state.objects).some((r) => r.so.spec.triggers.some((t) => t.type === 'prometheus'))) {
    recordPromHistory((state.promHistory ??= emptyHistory()), worldPromSeries(world, queues), world.timeMs, KEDA_POLL_TICK_MS);
  }
}
