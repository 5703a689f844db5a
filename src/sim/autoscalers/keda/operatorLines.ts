/**
 * keda-operator 2.18.0's lines for what the engine simulates, one builder per call site (file:line
 * at tag v2.18.0 of kedacore/keda unless said otherwise). Only lines printed at the default info
 * level are here: V(1) lines ("Notify scaleHandler…", "ScaleTarget cooling down", "Scaler for
 * scaledObject is active", …) never reach `kubectl logs`.
 */
import {
  executorFields,
  handlerFields,
  reconcileFields,
  soNamespace,
  targetGvk,
  type Field,
  type KedaLogLine,
  type Reconcile,
} from './operatorLog';
import {
  CURRENT_SCALE_ERROR_STACK,
  RECONCILE_FAILED_STACK,
  RECONCILER_ERROR_STACK,
  TARGET_DEPLOYMENT_MISSING_STACK,
  TARGET_NOT_FOUND_STACK,
} from './operatorStacks';
import type { ScaledObject } from './types';

const info = (logger: string, message: string, fields: Field[]): KedaLogLine => ({ level: 'INFO', logger, message, fields });

const reconcileInfo = (r: Reconcile, message: string, extra: Field[] = []): KedaLogLine => info('', message, [...reconcileFields(r), ...extra]);

const hpaFields = (so: ScaledObject, hpa: string): Field[] => [
  ['HPA.Namespace', soNamespace(so)],
  ['HPA.Name', hpa],
];

/* The ScaledObject reconciler (controllers/keda). */

/** scaledobject_controller.go:171 */
export const reconciling = (r: Reconcile) => reconcileInfo(r, 'Reconciling ScaledObject');

/** scaledobject_finalizer.go:98: the first reconcile of a new object. */
export const addingFinalizer = (r: Reconcile) => reconcileInfo(r, 'Adding Finalizer for the ScaledObject');

/** scaledobject_controller.go:451: the status learns the target's GVK (new object, or paused replicas removed). */
export const detectedResource = (r: Reconcile, so: ScaledObject) =>
  reconcileInfo(r, 'Detected resource targeted for scaling', [
    ['resource', targetGvk(so)],
    ['name', so.spec.scaleTargetRef.name],
  ]);

/** hpa.go:57 */
export const creatingHpa = (r: Reconcile, so: ScaledObject, hpa: string) => reconcileInfo(r, 'Creating a new HPA', hpaFields(so, hpa));

/** hpa.go:225 (spec; :235 and :246 print the same for labels and annotations). */
export const updatedHpa = (r: Reconcile, so: ScaledObject, hpa: string) => reconcileInfo(r, 'Updated HPA according to ScaledObject', hpaFields(so, hpa));

/** hpa.go:262: pausing, or renaming through advanced.horizontalPodAutoscalerConfig.name. */
export const deletingHpa = (r: Reconcile, so: ScaledObject, hpa: string) => reconcileInfo(r, 'Deleting existing HPA', hpaFields(so, hpa));

/** scaledobject_controller.go:324: a new HPA or a new generation starts a new scale loop. */
export const initializingScaling = (r: Reconcile) => reconcileInfo(r, 'Initializing Scaling logic according to ScaledObject Specification');

/** scaledobject_finalizer.go:90 */
export const finalized = (r: Reconcile) => reconcileInfo(r, 'Successfully finalized ScaledObject');

/** scaledobject_controller.go:419: the target does not exist (the unstructured Get's NotFound). */
export const targetNotFound = (r: Reconcile, so: ScaledObject, error: string): KedaLogLine => ({
  level: 'ERROR',
  logger: '',
  message: "Target resource doesn't exist",
  fields: [...reconcileFields(r), ['resource', targetGvk(so)], ['name', so.spec.scaleTargetRef.name]],
  error,
  stack: TARGET_NOT_FOUND_STACK,
});

/** scaledobject_controller.go:198: reconcileScaledObject's message with its error. */
export const reconcileFailed = (r: Reconcile, message: string, error: string): KedaLogLine => ({
  level: 'ERROR',
  logger: '',
  message,
  fields: reconcileFields(r),
  error,
  stack: RECONCILE_FAILED_STACK,
});

/** controller-runtime v0.21.0 internal/controller/controller.go:353: the request is requeued with backoff. */
export const reconcilerError = (r: Reconcile, error: string): KedaLogLine => ({
  level: 'ERROR',
  logger: '',
  message: 'Reconciler error',
  fields: reconcileFields(r),
  error,
  stack: RECONCILER_ERROR_STACK,
});

/* The scale loop (pkg/scaling), every pollingInterval. */

/** scale_scaledobjects.go:305 (scaleFromZeroOrIdle). */
export const updatedScaleTarget = (so: ScaledObject, from: number, to: number) =>
  info('scaleexecutor', 'Successfully updated ScaleTarget', [...executorFields(so), ['Original Replicas Count', from], ['New Replicas Count', to]]);

/** scale_scaledobjects.go:261 (scaleToZeroOrIdle, after the cooldown). */
export const setToIdleOrMin = (so: ScaledObject, idle: boolean, from: number, to: number) =>
  info('scaleexecutor', `Successfully set ScaleTarget replicas count to ScaledObject ${idle ? 'idleReplicaCount' : 'minReplicaCount'}`, [
    ...executorFields(so),
    ['Original Replicas Count', from],
    ['New Replicas Count', to],
  ]);

/** scale_scaledobjects.go:182: inactive and below minReplicaCount (no idleReplicaCount). */
export const raisedToMin = (so: ScaledObject, from: number, min: number) =>
  info('scaleexecutor', 'Successfully set ScaleTarget replicas count to ScaledObject minReplicaCount', [
    ...executorFields(so),
    ['Original Replicas Count', from],
    ['New Replicas Count', min],
  ]);

/** scale_scaledobjects.go:90 */
export const scaledToPausedCount = (so: ScaledObject, paused: number) =>
  info('scaleexecutor', 'Successfully scaled target to paused replicas count', [...executorFields(so), ['paused replicas', paused]]);

/**
 * The target is gone once the loop runs: scale_resolvers.go:692 (logger "scale_resolvers",
 * resource as group/Kind), then scale_scaledobjects.go:46; RequestScale returns.
 */
export function currentScaleErrors(so: ScaledObject, error: string): KedaLogLine[] {
  const ref = so.spec.scaleTargetRef;
  const group = (ref.apiVersion ?? 'apps/v1').includes('/') ? (ref.apiVersion ?? 'apps/v1').split('/')[0] : '';
  return [
    {
      level: 'ERROR',
      logger: 'scale_resolvers',
      message: "target deployment doesn't exist",
      fields: [...handlerFields(so), ['resource', `${group}/${ref.kind ?? 'Deployment'}`], ['name', ref.name]],
      error,
      stack: TARGET_DEPLOYMENT_MISSING_STACK,
    },
    { level: 'ERROR', logger: 'scaleexecutor', message: 'Error getting information on the current Scale', fields: executorFields(so), error, stack: CURRENT_SCALE_ERROR_STACK },
  ];
}
