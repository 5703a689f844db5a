/**
 * What keda-operator's ScaledObject reconciler prints when the engine creates, changes or deletes
 * a ScaledObject, and while a new one's target is missing (KEDA 2.18.0 controllers/keda). The
 * engine applies the object's effects itself (generatedHpaRecord.ts); this file only narrates them
 * with the lines upstream prints for the same reconcile, in upstream's order.
 */
import type { World } from '../../core/types';
import { hpaKey, hpaState } from '../hpa/controller';
import { generatedHpaName } from './generatedHpa';
import { kedaLog, reconcileOf, soNamespace, type KedaLogLine, type Reconcile } from './operatorLog';
import {
  addingFinalizer,
  creatingHpa,
  currentScaleErrors,
  deletingHpa,
  detectedResource,
  finalized,
  initializingScaling,
  reconcileFailed,
  reconcilerError,
  reconciling,
  targetNotFound,
  updatedHpa,
} from './operatorLines';
import type { ReconcilerState, ScaledObjectRecord } from './state';
import { pausedState, type ScaledObject } from './types';

/** message.ScaleTargetErrMsg (pkg/common/message/message.go:26). */
const SCALE_TARGET_ERR = "ScaledObject doesn't have correct scaleTargetRef specification";

/** The annotations whose change passes the controller's update predicates (controllers/keda/util/predicate.go). */
const RECONCILING_ANNOTATIONS = [
  'autoscaling.keda.sh/paused',
  'autoscaling.keda.sh/paused-replicas',
  'autoscaling.keda.sh/paused-scale-in',
  'autoscaling.keda.sh/paused-scale-out',
  'autoscaling.keda.sh/force-activation',
];

/**
 * client-go's DefaultTypedControllerRateLimiter, which controller-runtime v0.21.0 uses
 * (pkg/controller/controller.go:227): per item 5ms × 2^failures, at most 1000s (the 10 qps bucket
 * never binds for one object).
 */
function backoffMs(failures: number): number {
  return Math.min(5 * 2 ** (failures - 1), 1_000_000);
}

const notFound = (so: ScaledObject) => `deployments.apps "${so.spec.scaleTargetRef.name}" not found`;

/** Only a missing Deployment fails the check: other kinds are not simulated, but upstream would find them. */
function targetMissing(world: World, so: ScaledObject): boolean {
  return (so.spec.scaleTargetRef.kind ?? 'Deployment') === 'Deployment' && !world.deployments.has(so.spec.scaleTargetRef.name);
}

export function hpaSpecOf(world: World, so: ScaledObject): string | undefined {
  const record = hpaState(world).records[hpaKey(soNamespace(so), generatedHpaName(so))];
  return record ? JSON.stringify(record.hpa.spec) : undefined;
}

/**
 * A reconcile that gets through for a new object (or one whose target has come back): a paused
 * object stops at the pause branch (scaledobject_controller.go:242-263); the others create the HPA
 * and start the scale loop. Creating the HPA requeues the object (Owns(&HPA{}), :144), so a second
 * reconcile follows that finds nothing to do.
 */
function reconciledLines(world: World, so: ScaledObject, first: boolean, key: string): KedaLogLine[] {
  const now = world.timeMs;
  const r = reconcileOf(so, now, key);
  const lines = [reconciling(r), ...(first ? [addingFinalizer(r)] : [])];
  if (!pausedState(so.metadata.annotations).paused) {
    lines.push(detectedResource(r, so), creatingHpa(r, so, generatedHpaName(so)), initializingScaling(r));
  }
  return [...lines, reconciling(reconcileOf(so, now, `${key}/requeue`))];
}

/** The target is missing: the reconcile fails at checkTargetResourceIsScalable and is requeued. */
function failedLines(so: ScaledObject, r: Reconcile, first: boolean): KedaLogLine[] {
  const error = notFound(so);
  return [
    reconciling(r),
    ...(first ? [addingFinalizer(r)] : []),
    targetNotFound(r, so, error),
    reconcileFailed(r, SCALE_TARGET_ERR, error),
    reconcilerError(r, error),
  ];
}

function scheduleRetry(state: ReconcilerState, attemptMs: number): void {
  state.failures++;
  state.nextRetryMs = attemptMs + backoffMs(state.failures);
}

/**
 * The backoff retries of a failing first reconcile that fall in this second (the operator runs on
 * whole seconds and zap prints whole seconds, so each lands on its own second). When the target is
 * back, the next poll logs the reconcile that gets through.
 */
export function runReconcileRetries(world: World, record: ScaledObjectRecord): void {
  const state = record.reconciler;
  if (!state || state.loopStarted || state.nextRetryMs === undefined || !targetMissing(world, record.so)) return;
  while (state.nextRetryMs < world.timeMs + 1000) {
    const attemptMs: number = state.nextRetryMs;
    kedaLog(world, failedLines(record.so, reconcileOf(record.so, world.timeMs, `retry/${state.failures}`), false));
    scheduleRetry(state, attemptMs);
  }
}

/** A new ScaledObject. With its target missing the first poll tells (the target may come later in the same apply). */
export function logCreated(world: World, record: ScaledObjectRecord): void {
  const missing = targetMissing(world, record.so) && !pausedState(record.so.metadata.annotations).paused;
  record.reconciler = { loopStarted: !missing, failures: 0 };
  if (!missing) kedaLog(world, reconciledLines(world, record.so, true, 'create'));
}

/**
 * Every poll of a Deployment target. Before the first good reconcile: log it (or the first failure
 * and its retries). After it, a vanished Deployment fails RequestScale at every poll.
 */
export function logTargetAtPoll(world: World, record: ScaledObjectRecord, present: boolean): void {
  const state = record.reconciler;
  const so = record.so;
  if (!state || state.loopStarted) {
    if (!present && !pausedState(so.metadata.annotations).paused) kedaLog(world, currentScaleErrors(so, notFound(so)));
    return;
  }
  const first = state.failures === 0;
  if (present) {
    kedaLog(world, reconciledLines(world, so, first, first ? 'create' : `recovered/${state.failures}`));
    record.reconciler = { loopStarted: true, failures: 0 };
    return;
  }
  if (!first) return;
  kedaLog(world, failedLines(so, reconcileOf(so, world.timeMs, 'create'), true));
  scheduleRetry(state, world.timeMs);
  runReconcileRetries(world, record);
}

/**
 * A re-applied ScaledObject. The update predicates pass a new generation (a spec change) or a
 * change of a pause/activation annotation; anything else is never reconciled.
 */
export function logUpdated(world: World, record: ScaledObjectRecord, previous: ScaledObject, hpaBefore: string | undefined): void {
  const so = record.so;
  const specChanged = JSON.stringify(previous.spec) !== JSON.stringify(so.spec);
  const before = previous.metadata.annotations ?? {};
  const after = so.metadata.annotations ?? {};
  if (!specChanged && !RECONCILING_ANNOTATIONS.some((k) => before[k] !== after[k])) return;
  if (record.reconciler && !record.reconciler.loopStarted) return;
  const r = reconcileOf(so, world.timeMs, 'update');
  const lines = [reconciling(r)];
  const pausedBefore = pausedState(before).paused;
  const oldName = generatedHpaName(previous);
  const newName = generatedHpaName(so);
  if (pausedState(after).paused) {
    // Pausing stops the loop and deletes the HPA (:253-262); an object already paused stays as it is.
    if (!pausedBefore && hpaBefore !== undefined) lines.push(deletingHpa(r, so, oldName));
  } else {
    // Unpausing clears status.pausedReplicaCount, which rewrites the status (:398, :451).
    if (pausedBefore && previous.status?.pausedReplicaCount !== undefined) lines.push(detectedResource(r, so));
    if (hpaBefore === undefined) lines.push(creatingHpa(r, so, newName), initializingScaling(r));
    else if (oldName !== newName) lines.push(deletingHpa(r, so, oldName), creatingHpa(r, so, newName), initializingScaling(r));
    else {
      if (hpaSpecOf(world, so) !== hpaBefore) lines.push(updatedHpa(r, so, newName));
      if (specChanged) lines.push(initializingScaling(r));
    }
  }
  kedaLog(world, lines);
}

/** kubectl delete: the finalizer's reconcile (scaledobject_controller.go:174-176, scaledobject_finalizer.go:90). */
export function logDeleted(world: World, record: ScaledObjectRecord): void {
  const state = record.reconciler;
  // No reconcile yet means no finalizer: the object goes at once and the reconciler finds nothing.
  if (state && !state.loopStarted && state.failures === 0) return;
  const r = reconcileOf(record.so, world.timeMs, 'delete');
  kedaLog(world, [reconciling(r), finalized(r)]);
}
