/**
 * The Go stacktraces zap prints under keda-operator's ERROR lines (see operatorLog.ts for why they
 * are on by default). Each is the call path to one logger.Error call site in the 2.18.0 image,
 * built in /workspace with -mod=vendor (Dockerfile, Makefile `manager`), so dependencies print as
 * /workspace/vendor/… at the versions vendor/modules.txt pins (controller-runtime v0.21.0). Line
 * numbers are those files' at tag v2.18.0; a closure is named as Go names it (funcN in source
 * order, nested .N). zap drops the last frame, runtime.goexit.
 */
import type { Frame } from './operatorLog';

const RECONCILER = 'github.com/kedacore/keda/v2/controllers/keda.(*ScaledObjectReconciler)';
const HANDLER = 'github.com/kedacore/keda/v2/pkg/scaling.(*scaleHandler)';
const EXECUTOR = 'github.com/kedacore/keda/v2/pkg/scaling/executor.(*scaleExecutor)';
const CR = 'sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller[...])';
const CR_FILE = 'vendor/sigs.k8s.io/controller-runtime/pkg/internal/controller/controller.go';
const SO_CONTROLLER = 'controllers/keda/scaledobject_controller.go';
const SCALE_HANDLER = 'pkg/scaling/scale_handler.go';
const SCALE_EXECUTOR = 'pkg/scaling/executor/scale_scaledobjects.go';

/** A controller-runtime worker: Start.func2.1 (:202) → processNextWorkItem (:300) → reconcileHandler. */
const WORKER: readonly Frame[] = [
  [`${CR}.processNextWorkItem`, CR_FILE, 300],
  [`${CR}.Start.func2.1`, CR_FILE, 202],
];

/** … → reconcileHandler calls c.Reconcile (:340), which calls c.Do.Reconcile (:119), KEDA's Reconcile. */
const INTO_RECONCILE: readonly Frame[] = [
  [`${CR}.Reconcile`, CR_FILE, 119],
  [`${CR}.reconcileHandler`, CR_FILE, 340],
  ...WORKER,
];

/** scaledobject_controller.go:196 calls reconcileScaledObject. */
const FROM_RECONCILE_SCALED_OBJECT: readonly Frame[] = [[`${RECONCILER}.Reconcile`, SO_CONTROLLER, 196], ...INTO_RECONCILE];

/** checkTargetResourceIsScalable:419 "Target resource doesn't exist", called from reconcileScaledObject:283. */
export const TARGET_NOT_FOUND_STACK: readonly Frame[] = [
  [`${RECONCILER}.checkTargetResourceIsScalable`, SO_CONTROLLER, 419],
  [`${RECONCILER}.reconcileScaledObject`, SO_CONTROLLER, 283],
  ...FROM_RECONCILE_SCALED_OBJECT,
];

/** scaledobject_controller.go:198 reqLogger.Error(err, msg). */
export const RECONCILE_FAILED_STACK: readonly Frame[] = [[`${RECONCILER}.Reconcile`, SO_CONTROLLER, 198], ...INTO_RECONCILE];

/** controller-runtime controller.go:353 "Reconciler error". */
export const RECONCILER_ERROR_STACK: readonly Frame[] = [[`${CR}.reconcileHandler`, CR_FILE, 353], ...WORKER];

/** The scale loop goroutine: startScaleLoop:201 → checkScalers:277 → RequestScale. */
const SCALE_LOOP: readonly Frame[] = [
  [`${HANDLER}.checkScalers`, SCALE_HANDLER, 277],
  [`${HANDLER}.startScaleLoop`, SCALE_HANDLER, 201],
];

/** scale_resolvers.go:692 "target deployment doesn't exist", from RequestScale:44 (GetCurrentReplicas). */
export const TARGET_DEPLOYMENT_MISSING_STACK: readonly Frame[] = [
  ['github.com/kedacore/keda/v2/pkg/scaling/resolver.GetCurrentReplicas', 'pkg/scaling/resolver/scale_resolvers.go', 692],
  [`${EXECUTOR}.RequestScale`, SCALE_EXECUTOR, 44],
  ...SCALE_LOOP,
];

/** scale_scaledobjects.go:46 "Error getting information on the current Scale". */
export const CURRENT_SCALE_ERROR_STACK: readonly Frame[] = [[`${EXECUTOR}.RequestScale`, SCALE_EXECUTOR, 46], ...SCALE_LOOP];
