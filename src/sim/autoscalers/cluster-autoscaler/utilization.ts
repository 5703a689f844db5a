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

/** requested / (allocatable − skipped), as upstream divides; Infinity when nothing is left to divide by. */
function ratio(requested: number, allocatable: number, skipped: number): number {
  const denominator = allocatable - skipped;
  return denominator > 0 ? requested / denominator : requested > 0 ? Infinity : 0;
}

/** simulator/utilization.Calculate for a non-GPU node: requests over allocatable, per resource. */
export function nodeUtilization(
  allocatable: Resources,
  pods: readonly UtilizationPod[],
  opts: UtilizationOptions,
): UtilizationInfo {
  // One pass for both resources; each sum still adds its pods in order.
  let cpu = 0;
  let mem = 0;
  let cpuSkipped = 0;
  let memSkipped = 0;
  for (const pod of pods) {
    // DaemonSet and mirror pods, when ignored, leave both the sum and the denominator.
    if ((opts.ignoreDaemonSetsUtilization && pod.isDaemonSet) || (opts.ignoreMirrorPodsUtilization && pod.isMirror)) {
      cpuSkipped += pod.requests.cpuMillis;
      memSkipped += pod.requests.memoryMiB;
      continue;
    }
    if (isLongTerminating(pod, opts.nowSeconds)) continue;
    cpu += pod.requests.cpuMillis;
    mem += pod.requests.memoryMiB;
  }
  const cpuUtil = ratio(cpu, allocatable.cpuMillis, cpuSkipped);
  const memUtil = ratio(mem, allocatable.memoryMiB, memSkipped);
  return cpuUtil > memUtil
    ? { cpuUtil, memUtil, utilization: cpuUtil, resourceName: 'cpu' }
    : { cpuUtil, memUtil, utilization: memUtil, resourceName: 'memory' };
}
