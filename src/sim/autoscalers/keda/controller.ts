/**
 * keda-operator over the world. Every second it polls the ScaledObjects whose pollingInterval has
 * come round (KEDA runs one scale loop per object, starting when the object is created): read the
 * triggers, run the scale executor (activation 0→1, deactivation to 0 after the cooldown), write
 * the Deployment's replicas when KEDA owns the change, keep the generated HPA in step, store the
 * status, record events and log lines, and step the statechart. A second loop moves the
 * simulated queues each second.
 */
import type { World } from '../../core/types';
import { emitEvent, log } from '../../core/world';
import { conflictingHpa, syncGeneratedHpa } from './generatedHpaRecord';
import { stepKedaPersisted, type KedaMachineEvent } from './kedaMachine';
import { stepStored } from '../../core/compiledStepper';
import { pollScaledObject, type PollResult } from './poll';
import { stepQueue } from './queueModel';
import { KEDA_OPERATOR, kedaState, recordEvent, type ScaledObjectRecord } from './state';
import { resolveSpec, setCondition, type ScaledObject } from './types';
import { worldFacts } from './worldFacts';
import { msg } from '../../core/message';
import { emptyHistory, recordPromHistory } from './promHistory';
import { worldPromSeries } from './promSeries';

export const KEDA_POLL_TICK_MS = 1000;
export const QUEUE_SIMULATOR = 'queue-simulator';

/** zap's JSON fields as KEDA prints them after the message: {"k": v, …}. */
function logFields(fields: Record<string, number | string>): string {
  return `{${Object.entries(fields)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;
}

function kedaLog(world: World, so: ScaledObject, logger: string, message: string, extra: Record<string, number | string> = {}): void {
  const fields = logFields({ 'scaledobject.Name': so.metadata.name, 'scaledObject.Namespace': so.metadata.namespace ?? 'default', 'scaleTarget.Name': so.spec.scaleTargetRef.name, ...extra });
  log(world, KEDA_OPERATOR, `${logger}\t${message}\t${fields}`);
}

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
    log(world, KEDA_OPERATOR, `controller.scaledobject\t${message}\t{"ScaledObject": "${so.metadata.name}"}`, 'ERROR');
  }
}

function applyResult(world: World, record: ScaledObjectRecord, result: PollResult, currentReplicas: number): void {
  const so = record.so;
  const now = world.timeMs / 1000;
  const target = world.deployments.get(so.spec.scaleTargetRef.name)!;
  if (result.replicasAfter !== currentReplicas) {
    target.replicas = result.replicasAfter;
    target.lastScaledBy = `ScaledObject/${so.metadata.name} (keda-operator)`;
    world.workloadsDirty = true;
    const fields = { 'Original Replicas Count': currentReplicas, 'New Replicas Count': result.replicasAfter };
    const phase = result.executor.phase;
    if (phase === 'activated') kedaLog(world, so, 'scaleexecutor', 'Successfully updated ScaleTarget', fields);
    else if (phase === 'deactivated') {
      const which = resolveSpec(so.spec).idleReplicaCount !== undefined ? 'idleReplicaCount' : 'minReplicaCount';
      kedaLog(world, so, 'scaleexecutor', `Successfully set ScaleTarget replicas count to ScaledObject ${which}`, fields);
    } else if (phase === 'raisedToMin') kedaLog(world, so, 'scaleexecutor', 'Successfully set ScaleTarget replicas count to ScaledObject minReplicaCount', fields);
    else if (phase === 'paused') kedaLog(world, so, 'scaleexecutor', 'Successfully scaled target to paused replicas count', fields);
    if (phase === 'activated' || phase === 'deactivated') {
      record.transitions.push({ t: now, from: currentReplicas, to: result.replicasAfter, reason: phase === 'activated' ? 'KEDAScaleTargetActivated' : 'KEDAScaleTargetDeactivated' });
    }
  }
  const wasActive = so.status?.conditions.find((c) => c.type === 'Active')?.status;
  const nowActive = result.status.conditions.find((c) => c.type === 'Active')?.status;
  if (wasActive !== nowActive && result.executor.phase !== 'paused') {
    log(world, KEDA_OPERATOR, `scaleexecutor\tActive condition ${nowActive ?? 'Unknown'}: ${result.executor.phase}\t{"scaledobject.Name": "${so.metadata.name}"}`, 'DEBUG');
  }
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
