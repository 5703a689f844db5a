/**
 * The VPA updater's loop (every --updater-interval, 1 m), per VPA in Recreate/Auto/InPlaceOrRecreate
 * mode: rank the target's pods by update priority, then evict (or resize in place) as many as the
 * eviction tolerance allows. Evicted pods come back through the ReplicaSet and the admission hook,
 * which gives them the target; a replacement that no longer fits stays Pending, as it would.
 */
import type { Pod, World } from '../../core/types';
import { checkEviction } from '../../cluster/disruption/eviction';
import { emitEvent, log } from '../../core/world';
import { sendPod } from '../../lifecycle/apply';
import { applyRecommendation, capToContainerLimits } from './admission';
import { formatCpuMillis, humanMemory } from './quantity';
import { targetPods } from './recommenderLoop';
import { isPendingPhase, isRunningPhase, podContainerResources, setPodContainerResources, totalRequests } from './podResources';
import { stepObjectMachine } from './machineState';
import {
  canEvictAnother,
  inPlaceOrEvict,
  podUpdatePriority,
  updateQueue,
  updateVerdict,
  type ContainerRequestsAndRecommendation,
  type EvictionBudgetConfig,
  type ReplicaGroupStats,
  type UpdateCandidate,
} from './updater';
import { containerPolicyFor, effectiveUpdateMode, VPA_DEFAULTS, type RecommendedContainerResources, type VerticalPodAutoscalerSpec, type VpaResourceName } from './types';
import { vpaObjects, vpaState, type VpaObjectState, type VpaPodDecision } from './worldState';
import { msg, type Message } from '../../core/message';

export const EVICTED_BY_VPA_MESSAGE = 'Pod was evicted by VPA Updater to apply resource recommendation.';
export const RESIZED_BY_VPA_MESSAGE = 'Pod was resized in place by VPA Updater.';

interface PodCandidate extends UpdateCandidate {
  pod: Pod;
  containers: ContainerRequestsAndRecommendation[];
}

function fmt(r: VpaResourceName, v: number): string {
  return r === 'cpu' ? formatCpuMillis(v) : humanMemory(v);
}

/** "memory request 50Mi < lower bound 250Mi; cpu request 100m < target 587m" for explanations. */
export function priorityReasons(containers: readonly ContainerRequestsAndRecommendation[]): Message[] {
  const out: Message[] = [];
  for (const c of containers) {
    const rec = c.recommendation;
    if (!rec) continue;
    for (const r of ['cpu', 'memory'] as const) {
      const target = rec.target[r];
      if (target === undefined) continue;
      const request = c.requests[r];
      const lower = rec.lowerBound?.[r];
      const upper = rec.upperBound?.[r];
      if (request === undefined) out.push(msg('engine.vpa.noRequest', { resource: r, target: fmt(r, target) }));
      else if (lower !== undefined && request < lower) out.push(msg('engine.vpa.belowLower', { resource: r, request: fmt(r, request), bound: fmt(r, lower) }));
      else if (upper !== undefined && request > upper) out.push(msg('engine.vpa.aboveUpper', { resource: r, request: fmt(r, request), bound: fmt(r, upper) }));
      else if (request !== target) out.push(msg('engine.vpa.toTarget', { resource: r, request: fmt(r, request), target: fmt(r, target) }));
    }
  }
  return out;
}

function candidateFor(world: World, pod: Pod, recs: readonly RecommendedContainerResources[], spec: VerticalPodAutoscalerSpec): PodCandidate {
  const containers = podContainerResources(pod).map((c) => {
    const found = recs.find((r) => r.containerName === c.name);
    // The updater ranks against the same capped recommendation the admission controller applies.
    const rec = found && containerPolicyFor(spec, c.name)?.controlledValues === 'RequestsOnly' ? capToContainerLimits(found, c.limits) : found;
    return { requests: c.requests, ...(rec ? { recommendation: rec } : {}) };
  });
  const oom = vpaState(world).ooms[pod.name];
  return {
    name: pod.name,
    pod,
    containers,
    priority: podUpdatePriority(containers),
    ageSeconds: pod.startedMs >= 0 ? (world.timeMs - pod.startedMs) / 1000 : null,
    lastOomRunSeconds: pod.lastTerminationReason === 'OOMKilled' && oom ? oom.runSeconds : null,
  };
}

/** Keys for updateVerdict's reasons (upstream's names stay in the log lines). */
const VERDICT_KEYS: Record<ReturnType<typeof updateVerdict>['reason'], string> = {
  outsideRecommendedRange: 'engine.vpa.verdict.outsideRecommendedRange',
  quickOOM: 'engine.vpa.verdict.quickOOM',
  longLivedAndFarFromTarget: 'engine.vpa.verdict.longLivedAndFarFromTarget',
  noStartTime: 'engine.vpa.verdict.noStartTime',
  shortLivedWithinRange: 'engine.vpa.verdict.shortLivedWithinRange',
  resourceDiffTooLow: 'engine.vpa.verdict.resourceDiffTooLow',
  quickOOMButNoChange: 'engine.vpa.verdict.quickOOMButNoChange',
};

/** The controller's log line: English, as a log is. */
function why(c: PodCandidate): string {
  const verdict = updateVerdict(c);
  const parts: string[] = [verdict.reason];
  if (c.priority.scaleUp) parts.push('scale up');
  parts.push(`resourceDiff ${c.priority.resourceDiff.toFixed(2)}`);
  return parts.join('; ');
}

/** The same decision for the Why panel, with each container's request against the recommendation. */
function whyMessage(c: PodCandidate, extra?: Message): Message {
  const parts = [msg(VERDICT_KEYS[updateVerdict(c).reason]), ...priorityReasons(c.containers)];
  if (c.priority.scaleUp) parts.push(msg('engine.vpa.scaleUp'));
  parts.push(msg('engine.vpa.resourceDiff', { diff: c.priority.resourceDiff.toFixed(2) }));
  if (extra) parts.push(extra);
  return msg('engine.vpa.reasons', { parts });
}

function podEvent(world: World, pod: Pod, reason: string, message: string): void {
  emitEvent(world, { kind: 'Pod', name: pod.name, namespace: pod.namespace, type: 'Normal', reason, message, source: 'vpa-updater' });
}

function evict(world: World, obj: VpaObjectState, c: PodCandidate, decisions: VpaPodDecision[], extra = '', extraWhy?: Message): boolean {
  // The updater evicts through the Eviction API: a PodDisruptionBudget can refuse it.
  const api = checkEviction(world, c.pod);
  if (!api.ok) {
    decisions.push({ pod: c.pod.name, action: 'skipped', reason: msg('engine.vpa.evictionRefused', { message: api.message }) });
    log(world, 'vpa-updater', `${obj.vpa.metadata.name}: failed to evict pod ${c.pod.name}: ${api.message}`, 'WARN');
    return false;
  }
  podEvent(world, c.pod, 'EvictedByVPA', EVICTED_BY_VPA_MESSAGE);
  sendPod(world, c.pod, 'EVICT');
  obj.evictions++;
  const reason = `${why(c)}${extra}`;
  decisions.push({ pod: c.pod.name, action: 'evicted', reason: whyMessage(c, extraWhy) });
  log(world, 'vpa-updater', `${obj.vpa.metadata.name}: evicting pod ${c.pod.name}: ${reason}`);
  return true;
}

/** One updater pass over one VPA. */
export function runUpdaterFor(world: World, obj: VpaObjectState): void {
  const t = world.timeMs / 1000;
  const mode = effectiveUpdateMode(obj.vpa.spec);
  const recs = obj.vpa.status?.recommendation?.containerRecommendations ?? [];
  const decisions: VpaPodDecision[] = [];
  obj.lastUpdate = { t, decisions };
  if (mode === 'Off' || mode === 'Initial' || recs.length === 0) {
    stepObjectMachine(obj, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    return;
  }
  const d = world.deployments.get(obj.vpa.spec.targetRef.name);
  const pods = targetPods(world, obj.vpa);
  const stats: ReplicaGroupStats = {
    configured: d?.replicas ?? 0,
    livePods: pods.length,
    running: pods.filter(isRunningPhase).length,
  };
  const budget: EvictionBudgetConfig = {
    minReplicas: obj.vpa.spec.updatePolicy?.minReplicas ?? VPA_DEFAULTS.updaterMinReplicas,
    evictionToleranceFraction: VPA_DEFAULTS.evictionTolerance,
  };
  const candidates = pods.map((p) => candidateFor(world, p, recs, obj.vpa.spec));
  const queue = updateQueue(candidates);
  let disrupted = 0;
  let evicted = 0;
  let resized = 0;
  if (queue.length > 0 && stats.livePods < budget.minReplicas) {
    for (const c of queue) decisions.push({ pod: c.pod.name, action: 'waiting', reason: msg('engine.vpa.tooFewPods', { live: stats.livePods, min: budget.minReplicas }) });
  } else {
    for (const c of queue) {
      const pending = isPendingPhase(c.pod);
      if (mode === 'InPlaceOrRecreate') {
        if (pending) {
          decisions.push({ pod: c.pod.name, action: 'waiting', reason: msg('engine.vpa.pendingDeferred') });
          continue;
        }
        if (!canEvictAnother(stats, disrupted, budget)) {
          decisions.push({ pod: c.pod.name, action: 'waiting', reason: msg('engine.vpa.tolerance', { running: stats.running - disrupted, configured: stats.configured, floor: stats.configured - Math.trunc(stats.configured * budget.evictionToleranceFraction) }) });
          continue;
        }
        const current = podContainerResources(c.pod);
        const next = applyRecommendation(current, recs, obj.vpa.spec).containers;
        const node = world.nodes.get(c.pod.nodeName);
        const free = node
          ? { cpuMillis: node.allocatable.cpuMillis - node.requested.cpuMillis, memoryBytes: Math.round((node.allocatable.memoryMiB - node.requested.memoryMiB) * 1048576) }
          : { cpuMillis: 0, memoryBytes: 0 };
        const decision = inPlaceOrEvict({ nodeFree: free, currentPodRequests: totalRequests(current), newPodRequests: totalRequests(next) });
        disrupted++;
        if (decision.action === 'resizeInPlace') {
          setPodContainerResources(world, c.pod, next);
          podEvent(world, c.pod, 'InPlaceResizedByVPA', RESIZED_BY_VPA_MESSAGE);
          obj.resizedInPlace++;
          resized++;
          const reason = why(c);
          decisions.push({ pod: c.pod.name, action: 'resizedInPlace', reason: whyMessage(c) });
          log(world, 'vpa-updater', `${obj.vpa.metadata.name}: resized pod ${c.pod.name} in place: ${reason}`);
        } else {
          if (evict(world, obj, c, decisions, `; ${decision.reason}`, msg('engine.vpa.noRoom', { resource: decision.short }))) evicted++;
        }
        continue;
      }
      if (pending || canEvictAnother(stats, disrupted, budget)) {
        if (!evict(world, obj, c, decisions)) continue;
        evicted++;
        // Evicting a Pending pod costs the group no running replica.
        if (!pending) disrupted++;
      } else {
        decisions.push({ pod: c.pod.name, action: 'waiting', reason: msg('engine.vpa.tolerance', { running: stats.running - disrupted, configured: stats.configured, floor: stats.configured - Math.trunc(stats.configured * budget.evictionToleranceFraction) }) });
      }
    }
  }
  for (const c of candidates) {
    if (!queue.includes(c)) decisions.push({ pod: c.pod.name, action: 'skipped', reason: msg(VERDICT_KEYS[updateVerdict(c).reason]) });
  }
  stepObjectMachine(obj, { type: 'UPDATER_RAN', queued: queue.length, evicted, resizedInPlace: resized });
}

export function runUpdater(world: World): void {
  const state = vpaState(world);
  for (const name of Object.keys(state.ooms)) if (!world.pods.has(name)) delete state.ooms[name];
  for (const obj of vpaObjects(world)) runUpdaterFor(world, obj);
}
