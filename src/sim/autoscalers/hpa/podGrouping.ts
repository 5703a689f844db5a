/**
 * How the HPA sorts the target's pods before averaging a per-pod metric (groupPods in
 * replica_calculator.go). All times are sim seconds.
 */

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/**
 * One pod of the scale target as the HPA sees it through the pod lister and a metrics API.
 * Flat on purpose: the engine builds one per pod per sync (30,000 per 15 s at 1,000 nodes), and
 * one object instead of three (the Ready condition and the sample as their own objects) halves
 * what the sync allocates.
 */
export interface HpaPodInfo {
  name: string;
  phase: PodPhase;
  /** deletionTimestamp is set. */
  deleting?: boolean;
  /** status.startTime; undefined until the kubelet starts the pod. */
  startTimeSeconds?: number;
  /** The Ready condition's status; undefined when the pod has none yet. */
  readyStatus?: 'True' | 'False' | 'Unknown';
  /** The Ready condition's lastTransitionTime (set with readyStatus). */
  readyTransitionSeconds?: number;
  /**
   * Request of the metric's resource, summed over the containers the metric covers (regular and
   * restartable init containers, or the one named container). Undefined when some container lacks
   * the request: `missingRequestContainer` then names it for the error message.
   */
  requestMilli?: number;
  missingRequestContainer?: string;
  /**
   * The metric sample for this pod, in milli-units (millicores for CPU, milli-bytes for memory,
   * milli-units for custom metrics); undefined when the metrics API returned none.
   */
  sampleMilli?: number;
  /** End of the sample window (metrics-server's timestamp); set with sampleMilli. */
  sampleTimestampSeconds?: number;
  sampleWindowSeconds?: number;
}

export type PodGroup = 'ready' | 'unready' | 'missing' | 'ignored';

export interface PodGroupingOptions {
  /** True for the CPU resource only: readiness and the initialization period apply to CPU. */
  cpuReadinessChecks: boolean;
  nowSeconds: number;
  cpuInitializationPeriodSeconds: number;
  initialReadinessDelaySeconds: number;
}

/** Classifies one pod; the order of checks matters and follows the controller. */
export function classifyPod(pod: HpaPodInfo, options: PodGroupingOptions): PodGroup {
  if (pod.deleting || pod.phase === 'Failed') return 'ignored';
  if (pod.phase === 'Pending') return 'unready';
  if (pod.sampleMilli === undefined) return 'missing';
  if (!options.cpuReadinessChecks) return 'ready';
  const readyStatus = pod.readyStatus;
  if (readyStatus === undefined || pod.startTimeSeconds === undefined) return 'unready';
  const start = pod.startTimeSeconds;
  const readySince = pod.readyTransitionSeconds ?? 0;
  if (start + options.cpuInitializationPeriodSeconds > options.nowSeconds) {
    // Still initializing: CPU is often spiky at start, so only a sample taken wholly after the pod
    // became ready counts.
    const staleSample = (pod.sampleTimestampSeconds ?? 0) < readySince + (pod.sampleWindowSeconds ?? 0);
    return readyStatus === 'False' || staleSample ? 'unready' : 'ready';
  }
  // Past initialization: ignore only a pod that never became ready (its last transition came
  // within the initial readiness delay, i.e. it is the False it started with).
  const neverReady = readyStatus === 'False' && start + options.initialReadinessDelaySeconds > readySince;
  return neverReady ? 'unready' : 'ready';
}

export interface PodGroups {
  readyPodCount: number;
  /** Each pod's group, in the order of the pods given (the sums walk pods in that order). */
  groupOf: PodGroup[];
  unready: string[];
  missing: string[];
  ignored: string[];
}

/**
 * `into`, when given, is refilled as `groupOf` instead of a new list: the replica calculators pass
 * one kept list (a hundred entries per sync), read it within the calculation and keep none of it.
 */
export function groupPods(pods: readonly HpaPodInfo[], options: PodGroupingOptions, into?: PodGroup[]): PodGroups {
  const groupOf = into ?? new Array<PodGroup>(pods.length);
  groupOf.length = pods.length;
  const groups: PodGroups = { readyPodCount: 0, groupOf, unready: [], missing: [], ignored: [] };
  for (let i = 0; i < pods.length; i++) {
    const group = classifyPod(pods[i], options);
    groups.groupOf[i] = group;
    if (group === 'ready') groups.readyPodCount++;
    else groups[group].push(pods[i].name);
  }
  return groups;
}

/** Pods with phase Running and Ready=True: the multiplier for Object/External Value targets. */
export function countReadyRunningPods(pods: readonly HpaPodInfo[]): number {
  return pods.filter((p) => p.phase === 'Running' && p.readyStatus === 'True').length;
}
