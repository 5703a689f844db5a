import type { Resources } from './types';

export interface UtilizationPod {
  requests: Resources;
  isDaemonSet?: boolean;
  isMirror?: boolean;
  deletionTimestampSeconds?: number;
  terminationGracePeriodSeconds?: number;
}

export interface UtilizationOptions {
  ignoreDaemonSetsUtilization: boolean;
  ignoreMirrorPodsUtilization: boolean;
  nowSeconds?: number;
}

export interface UtilizationInfo {
  cpuUtil: number;
  memUtil: number;
  /** The larger of the two (memory wins a tie, as upstream compares cpu > mem). */
  utilization: number;
  resourceName: 'cpu' | 'memory';
}

/** Upstream drain.IsPodLongTerminating: past deletionTimestamp + grace period + 30 s. */
const LONG_TERMINATING_EXTRA_SECONDS = 30;

export function isLongTerminating(pod: UtilizationPod, now: number | undefined): boolean {
  if (pod.deletionTimestampSeconds === undefined || now === undefined) return false;
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  return pod.deletionTimestampSeconds + grace + LONG_TERMINATING_EXTRA_SECONDS < now;
}

function resourceUtil(
  key: keyof Resources,
  allocatable: Resources,
  pods: readonly UtilizationPod[],
  opts: UtilizationOptions,
): number {
  let requested = 0;
  let skipped = 0;
  for (const pod of pods) {
    const value = pod.requests[key];
    // DaemonSet and mirror pods, when ignored, leave both the sum and the denominator.
    if (
      (opts.ignoreDaemonSetsUtilization && pod.isDaemonSet) ||
      (opts.ignoreMirrorPodsUtilization && pod.isMirror)
    ) {
      skipped += value;
      continue;
    }
    if (isLongTerminating(pod, opts.nowSeconds)) continue;
    requested += value;
  }
  const denominator = allocatable[key] - skipped;
  return denominator > 0 ? requested / denominator : requested > 0 ? Infinity : 0;
}

/** simulator/utilization.Calculate for a non-GPU node: requests over allocatable, per resource. */
export function nodeUtilization(
  allocatable: Resources,
  pods: readonly UtilizationPod[],
  opts: UtilizationOptions,
): UtilizationInfo {
  const cpuUtil = resourceUtil('cpuMillis', allocatable, pods, opts);
  const memUtil = resourceUtil('memoryMiB', allocatable, pods, opts);
  return cpuUtil > memUtil
    ? { cpuUtil, memUtil, utilization: cpuUtil, resourceName: 'cpu' }
    : { cpuUtil, memUtil, utilization: memUtil, resourceName: 'memory' };
}
