import { nodeUtilization, type UtilizationInfo, type UtilizationPod } from './utilization';
import type { CaPod, PdbStatus } from './types';

export const SCALE_DOWN_DISABLED_ANNOTATION = 'cluster-autoscaler.kubernetes.io/scale-down-disabled';
export const SAFE_TO_EVICT_ANNOTATION = 'cluster-autoscaler.kubernetes.io/safe-to-evict';
export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';

/** The node carries the CA's ToBeDeleted taint. A loop, not `.some`: asked of every node every scan. */
export function hasToBeDeletedTaint(taints: readonly { key: string }[] | undefined): boolean {
  if (taints === undefined) return false;
  for (let i = 0; i < taints.length; i++) if (taints[i].key === TO_BE_DELETED_TAINT) return true;
  return false;
}

export type UnremovableReason =
  | 'CurrentlyBeingDeleted'
  | 'ScaleDownDisabledAnnotation'
  | 'ScaleDownUnreadyDisabled'
  | 'NotUnderutilized'
  | 'NotAutoscaled'
  | 'UnexpectedError';

export interface EligibilityInput {
  allocatable: { cpuMillis: number; memoryMiB: number };
  pods: readonly UtilizationPod[];
  ready: boolean;
  annotations?: Record<string, string>;
  beingDeleted?: boolean;
}

export interface EligibilityOptions {
  scaleDownUtilizationThreshold: number;
  scaleDownUnreadyEnabled: boolean;
  ignoreDaemonSetsUtilization: boolean;
  ignoreMirrorPodsUtilization: boolean;
}

export interface Eligibility {
  candidate: boolean;
  reason?: UnremovableReason;
  utilization?: UtilizationInfo;
}

/**
 * eligibility.Checker: is this node a scale-down candidate at all (before the drain simulation)?
 * Utilization equal to the threshold is NOT underutilized.
 */
export function checkScaleDownEligibility(
  node: EligibilityInput,
  opts: EligibilityOptions,
  nowSeconds?: number,
): Eligibility {
  if (node.beingDeleted) return { candidate: false, reason: 'CurrentlyBeingDeleted' };
  if (node.annotations?.[SCALE_DOWN_DISABLED_ANNOTATION] === 'true') {
    return { candidate: false, reason: 'ScaleDownDisabledAnnotation' };
  }
  // A literal, not a spread of the options: a spread followed by a new key is V8's slow path.
  const utilization = nodeUtilization(node.allocatable, node.pods, {
    ignoreDaemonSetsUtilization: opts.ignoreDaemonSetsUtilization,
    ignoreMirrorPodsUtilization: opts.ignoreMirrorPodsUtilization,
    nowSeconds,
  });
  if (!opts.scaleDownUnreadyEnabled && !node.ready) {
    return { candidate: false, reason: 'ScaleDownUnreadyDisabled', utilization };
  }
  if (!(utilization.utilization < opts.scaleDownUtilizationThreshold)) {
    return { candidate: false, reason: 'NotUnderutilized', utilization };
  }
  return { candidate: true, utilization };
}

export interface DrainOptions {
  skipNodesWithLocalStorage: boolean;
  skipNodesWithSystemPods: boolean;
}

/**
 * drain.GetPodsForDeletionOnNodeDrain for one pod: why it blocks the node's removal, or undefined.
 * `safe-to-evict: "true"` lifts every rule; the rules' order and texts follow upstream.
 */
export function drainBlocker(pod: CaPod, opts: DrainOptions): string | undefined {
  if (pod.isDaemonSet || pod.isMirror) return undefined;
  const safe = pod.annotations?.[SAFE_TO_EVICT_ANNOTATION];
  if (safe === 'true') return undefined;
  if (!pod.ownerKind) return `${pod.namespace}/${pod.name} is not replicated`;
  if (pod.namespace === 'kube-system' && opts.skipNodesWithSystemPods && !pod.pdbName) {
    return `non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: ${pod.name}`;
  }
  if (pod.hasLocalStorage && opts.skipNodesWithLocalStorage)
    return `pod with local storage present: ${pod.name}`;
  if (safe === 'false') return `pod annotated as not safe to evict present: ${pod.name}`;
  return undefined;
}

/** PDB check across one simulation pass: each eviction spends one allowed disruption. */
export function takePdbDisruption(pod: CaPod, remaining: Map<string, number>): string | undefined {
  if (!pod.pdbName) return undefined;
  const k = `${pod.namespace}/${pod.pdbName}`;
  const left = remaining.get(k);
  if (left === undefined) return undefined;
  if (left < 1) return `not enough pod disruption budget to move ${pod.namespace}/${pod.name}`;
  remaining.set(k, left - 1);
  return undefined;
}

export function pdbBudget(pdbs: readonly PdbStatus[]): Map<string, number> {
  return new Map(pdbs.map((p) => [`${p.namespace}/${p.name}`, p.disruptionsAllowed]));
}

export interface RemovalTimerInput {
  unneededForSeconds: number;
  ready: boolean;
  secondsSinceLastScaleUp: number;
  secondsSinceLastScaleDownDelete?: number;
  secondsSinceLastScaleDownFailure?: number;
}

export interface RemovalTimerOptions {
  scaleDownUnneededTimeSeconds: number;
  scaleDownUnreadyTimeSeconds: number;
  scaleDownDelayAfterAddSeconds: number;
  scaleDownDelayAfterDeleteSeconds: number;
  scaleDownDelayAfterFailureSeconds: number;
}

/** Scale-down pauses for delay-after-add/delete/failure after the matching event. */
export function scaleDownCooldown(
  t: Omit<RemovalTimerInput, 'unneededForSeconds' | 'ready'>,
  o: RemovalTimerOptions,
): string | undefined {
  if (t.secondsSinceLastScaleUp < o.scaleDownDelayAfterAddSeconds) return 'scale-down-delay-after-add';
  if ((t.secondsSinceLastScaleDownDelete ?? Infinity) < o.scaleDownDelayAfterDeleteSeconds)
    return 'scale-down-delay-after-delete';
  if ((t.secondsSinceLastScaleDownFailure ?? Infinity) < o.scaleDownDelayAfterFailureSeconds)
    return 'scale-down-delay-after-failure';
  return undefined;
}

/** Unneeded long enough: since + unneeded-time (unready-time for NotReady nodes) ≤ now. */
export function unneededLongEnough(
  unneededForSeconds: number,
  ready: boolean,
  o: RemovalTimerOptions,
): boolean {
  return unneededForSeconds >= (ready ? o.scaleDownUnneededTimeSeconds : o.scaleDownUnreadyTimeSeconds);
}

export function shouldDeleteUnneededNode(t: RemovalTimerInput, o: RemovalTimerOptions): boolean {
  return scaleDownCooldown(t, o) === undefined && unneededLongEnough(t.unneededForSeconds, t.ready, o);
}
