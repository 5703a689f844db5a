/**
 * The VPA updater (every `--updater-interval`, 1m): which pods to update, in what order, how many
 * per controller this loop, and (InPlaceOrRecreate) resize in place or evict.
 * Upstream: pkg/updater/priority/{priority_processor.go, update_priority_calculator.go},
 * pkg/updater/restriction/pods_restriction_factory.go.
 */
import type { RecommendedContainerResources, ResourceAmounts, VpaResourceName } from './types';
import { VPA_DEFAULTS } from './types';

export interface PodPriority {
  outsideRecommendedRange: boolean;
  scaleUp: boolean;
  resourceDiff: number;
}

export interface ContainerRequestsAndRecommendation {
  /** Current requests (cpu millicores, memory bytes; any consistent unit per resource works). */
  requests: ResourceAmounts;
  /** Absent when the VPA has no recommendation for this container. */
  recommendation?: Pick<RecommendedContainerResources, 'target'> &
    Partial<Pick<RecommendedContainerResources, 'lowerBound' | 'upperBound'>>;
}

const RESOURCES: VpaResourceName[] = ['cpu', 'memory'];

/**
 * resourceDiff = Σ over resources of |Σrequest − Σtarget| / max(Σrequest, 1); scaleUp if any target
 * exceeds its request; outside range if any request is outside [lower, upper]. A missing request
 * counts as both (the container would get the namespace default, which the updater ignores).
 */
export function podUpdatePriority(containers: ContainerRequestsAndRecommendation[]): PodPriority {
  let outsideRecommendedRange = false;
  let scaleUp = false;
  const totalRequest: Partial<Record<VpaResourceName, number>> = {};
  const totalTarget: Partial<Record<VpaResourceName, number>> = {};
  for (const c of containers) {
    const rec = c.recommendation;
    if (!rec) continue;
    for (const r of RESOURCES) {
      const target = rec.target[r];
      if (target === undefined) continue;
      totalTarget[r] = (totalTarget[r] ?? 0) + target;
      const request = c.requests[r];
      if (request === undefined) {
        scaleUp = true;
        outsideRecommendedRange = true;
        continue;
      }
      totalRequest[r] = (totalRequest[r] ?? 0) + request;
      if (target > request) scaleUp = true;
      const lower = rec.lowerBound?.[r];
      const upper = rec.upperBound?.[r];
      if ((lower !== undefined && request < lower) || (upper !== undefined && request > upper)) {
        outsideRecommendedRange = true;
      }
    }
  }
  let resourceDiff = 0;
  for (const r of RESOURCES) {
    const target = totalTarget[r];
    if (target === undefined) continue;
    const request = Math.max(totalRequest[r] ?? 0, 1);
    resourceDiff += Math.abs(request - target) / request;
  }
  return { outsideRecommendedRange, scaleUp, resourceDiff };
}

export interface UpdaterConfig {
  minChangePriority: number;
  podLifetimeUpdateThresholdSeconds: number;
  evictAfterOomThresholdSeconds: number;
}

export const DEFAULT_UPDATER_CONFIG: UpdaterConfig = {
  minChangePriority: VPA_DEFAULTS.podUpdateThreshold,
  podLifetimeUpdateThresholdSeconds: VPA_DEFAULTS.podLifetimeUpdateThresholdSeconds,
  evictAfterOomThresholdSeconds: VPA_DEFAULTS.evictAfterOomThresholdSeconds,
};

export interface UpdateCandidate {
  name: string;
  priority: PodPriority;
  /** Seconds since the pod started; null when it has no start time yet. */
  ageSeconds: number | null;
  /** Seconds the container ran before its last OOM kill, if its last termination was an OOM. */
  lastOomRunSeconds?: number | null;
}

export type UpdateVerdict =
  | { admitted: true; reason: 'outsideRecommendedRange' | 'quickOOM' | 'longLivedAndFarFromTarget' }
  | {
      admitted: false;
      reason: 'noStartTime' | 'shortLivedWithinRange' | 'resourceDiffTooLow' | 'quickOOMButNoChange';
    };

export function isQuickOom(candidate: UpdateCandidate, config: UpdaterConfig = DEFAULT_UPDATER_CONFIG): boolean {
  const run = candidate.lastOomRunSeconds;
  return run !== undefined && run !== null && run < config.evictAfterOomThresholdSeconds;
}

/** Whether the updater puts a pod on its update queue (UpdatePriorityCalculator.AddPod). */
export function updateVerdict(candidate: UpdateCandidate, config: UpdaterConfig = DEFAULT_UPDATER_CONFIG): UpdateVerdict {
  const { priority } = candidate;
  const quickOom = isQuickOom(candidate, config);
  if (!priority.outsideRecommendedRange && !quickOom) {
    if (candidate.ageSeconds === null) return { admitted: false, reason: 'noStartTime' };
    if (candidate.ageSeconds < config.podLifetimeUpdateThresholdSeconds) {
      return { admitted: false, reason: 'shortLivedWithinRange' };
    }
    if (priority.resourceDiff < config.minChangePriority) return { admitted: false, reason: 'resourceDiffTooLow' };
  }
  if (quickOom && priority.resourceDiff === 0) return { admitted: false, reason: 'quickOOMButNoChange' };
  if (priority.outsideRecommendedRange) return { admitted: true, reason: 'outsideRecommendedRange' };
  return { admitted: true, reason: quickOom ? 'quickOOM' : 'longLivedAndFarFromTarget' };
}

/** Pods that want to grow first, then larger resourceDiff; stable for ties. */
export function sortByUpdatePriority<T extends { priority: Pick<PodPriority, 'scaleUp' | 'resourceDiff'> }>(
  pods: readonly T[],
): T[] {
  return pods.slice().sort((a, b) => {
    if (a.priority.scaleUp !== b.priority.scaleUp) return a.priority.scaleUp ? -1 : 1;
    return b.priority.resourceDiff - a.priority.resourceDiff;
  });
}

/** The update queue of one loop: admitted pods in priority order. */
export function updateQueue<T extends UpdateCandidate>(
  candidates: readonly T[],
  config: UpdaterConfig = DEFAULT_UPDATER_CONFIG,
): T[] {
  return sortByUpdatePriority(candidates.filter((c) => updateVerdict(c, config).admitted));
}

export interface ReplicaGroupStats {
  /** Replicas the controller asks for (spec.replicas). */
  configured: number;
  /** Live pods of the group (the updater skips groups smaller than min-replicas). */
  livePods: number;
  /** Pods currently Running. */
  running: number;
}

export interface EvictionBudgetConfig {
  minReplicas: number;
  evictionToleranceFraction: number;
}

export const DEFAULT_EVICTION_BUDGET: EvictionBudgetConfig = {
  minReplicas: VPA_DEFAULTS.updaterMinReplicas,
  evictionToleranceFraction: VPA_DEFAULTS.evictionTolerance,
};

/** Whether one more pod of the group may go, given how many were evicted earlier in this loop. */
export function canEvictAnother(
  group: ReplicaGroupStats,
  evictedSoFar: number,
  config: EvictionBudgetConfig = DEFAULT_EVICTION_BUDGET,
): boolean {
  if (group.livePods < config.minReplicas) return false;
  const tolerance = Math.trunc(group.configured * config.evictionToleranceFraction);
  const shouldBeAlive = group.configured - tolerance;
  if (group.running - evictedSoFar > shouldBeAlive) return true;
  // A small group with zero tolerance may still lose one pod when all are running.
  return group.running === group.configured && tolerance === 0 && evictedSoFar === 0;
}

export function maxEvictionsThisLoop(
  group: ReplicaGroupStats,
  config: EvictionBudgetConfig = DEFAULT_EVICTION_BUDGET,
): number {
  let n = 0;
  while (n <= group.running && canEvictAnother(group, n, config)) n++;
  return n;
}

export type InPlaceDecision = { action: 'resizeInPlace' } | { action: 'evict'; reason: string; short: 'cpu' | 'memory' };

/**
 * InPlaceOrRecreate: resize when the node can take the new requests (its free room plus what the
 * pod already holds); otherwise fall back to eviction, as the updater does when the kubelet
 * reports the resize Infeasible.
 */
export function inPlaceOrEvict(args: {
  nodeFree: { cpuMillis: number; memoryBytes: number };
  currentPodRequests: { cpuMillis: number; memoryBytes: number };
  newPodRequests: { cpuMillis: number; memoryBytes: number };
}): InPlaceDecision {
  const cpuRoom = args.nodeFree.cpuMillis + args.currentPodRequests.cpuMillis;
  const memRoom = args.nodeFree.memoryBytes + args.currentPodRequests.memoryBytes;
  if (args.newPodRequests.cpuMillis <= cpuRoom && args.newPodRequests.memoryBytes <= memRoom) {
    return { action: 'resizeInPlace' };
  }
  const short = args.newPodRequests.cpuMillis > cpuRoom ? 'cpu' : 'memory';
  return { action: 'evict', short, reason: `node has no room for the new ${short} request; resize would be Infeasible` };
}
