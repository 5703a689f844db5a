/**
 * The VPA updater's loop (every --updater-interval, 1 m), per VPA in Recreate/Auto/InPlaceOrRecreate
 * mode: over the target's pods bound to a node, rank those the restriction lets go by update
 * priority, then evict (or resize in place) as many as each ReplicaSet's eviction tolerance allows
 * (restriction.ts). Evicted pods come back through the ReplicaSet and the admission hook,
 * which gives them the target; a replacement that no longer fits stays Pending, as it would.
 */
import type { Pod, World } from '../../core/types';
import type { CaLogLine } from '../cluster-autoscaler/types';
import { checkEviction } from '../../cluster/disruption/eviction';
import { emitEvent } from '../../core/world';
import { sendPod } from '../../lifecycle/apply';
import { pushAll } from '../../core/arrays';
import { printKlogLines } from '../cluster-autoscaler/output';
import { applyRecommendation, capToContainerLimits, type ContainerResources } from './admission';
import { formatCpuMillis, humanMemory } from './quantity';
import { targetPods } from './recommenderLoop';
import { recommenderProcess, targetSelector, VPA_VERBOSITY } from './recommenderLog';
import { podContainerResources, setPodContainerResources, totalRequests } from './podResources';
import { podPhase } from '../../lifecycle/phase';
import { canEvict, canInPlaceUpdate, creatorMaps, listedByUpdater, waitingForTolerance, type CreatorMaps } from './restriction';
import { stepObjectMachine } from './machineState';
import {
  inPlaceOrEvict,
  isQuickOom,
  podUpdatePriority,
  updateQueue,
  updateVerdict,
  type ContainerRequestsAndRecommendation,
  type EvictionBudgetConfig,
  type UpdateCandidate,
} from './updater';
import * as klog from './updaterLog';
import { containerPolicyFor, effectiveUpdateMode, VPA_DEFAULTS, type RecommendedContainerResources, type VerticalPodAutoscalerSpec, type VpaResourceName } from './types';
import { vpaObjects, vpaState, type VpaObjectState, type VpaPodDecision } from './worldState';
import { msg, type Message } from '../../core/message';

interface PodCandidate extends UpdateCandidate {
  pod: Pod;
  containers: ContainerRequestsAndRecommendation[];
  /** The recommendation as the updater's capping processor hands it on: VPA status order, this pod's containers only. */
  processed: RecommendedContainerResources[];
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
  const current = podContainerResources(pod);
  // The updater ranks against the same capped recommendation the admission controller applies.
  const processed: RecommendedContainerResources[] = [];
  for (const found of recs) {
    const c = current.find((x) => x.name === found.containerName);
    if (c) processed.push(containerPolicyFor(spec, c.name)?.controlledValues === 'RequestsOnly' ? capToContainerLimits(found, c.limits) : found);
  }
  const containers = current.map((c) => {
    const rec = processed.find((r) => r.containerName === c.name);
    return { requests: c.requests, ...(rec ? { recommendation: rec } : {}) };
  });
  const oom = vpaState(world).ooms[pod.name];
  return {
    name: pod.name,
    pod,
    containers,
    processed,
    priority: podUpdatePriority(containers),
    ageSeconds: pod.startedMs >= 0 ? (world.timeMs - pod.startedMs) / 1000 : null,
    lastOomRunSeconds: pod.lastTerminationReason === 'OOMKilled' && oom ? oom.runSeconds : null,
  };
}

/** Keys for updateVerdict's reasons. */
const VERDICT_KEYS: Record<ReturnType<typeof updateVerdict>['reason'], string> = {
  outsideRecommendedRange: 'engine.vpa.verdict.outsideRecommendedRange',
  quickOOM: 'engine.vpa.verdict.quickOOM',
  longLivedAndFarFromTarget: 'engine.vpa.verdict.longLivedAndFarFromTarget',
  noStartTime: 'engine.vpa.verdict.noStartTime',
  shortLivedWithinRange: 'engine.vpa.verdict.shortLivedWithinRange',
  resourceDiffTooLow: 'engine.vpa.verdict.resourceDiffTooLow',
  quickOOMButNoChange: 'engine.vpa.verdict.quickOOMButNoChange',
};

/** The decision for the Why panel, with each container's request against the recommendation. */
function whyMessage(c: PodCandidate, extra?: Message): Message {
  const parts = [msg(VERDICT_KEYS[updateVerdict(c).reason]), ...priorityReasons(c.containers)];
  if (c.priority.scaleUp) parts.push(msg('engine.vpa.scaleUp'));
  parts.push(msg('engine.vpa.resourceDiff', { diff: c.priority.resourceDiff.toFixed(2) }));
  if (extra) parts.push(extra);
  return msg('engine.vpa.reasons', { parts });
}

/** UpdatePriorityCalculator.AddPod's lines for one pod: a quick OOM, then admitted or why not. */
function priorityLines(world: World, c: PodCandidate, lines: CaLogLine[]): void {
  if (isQuickOom(c)) lines.push(klog.quickOomDetected(c.pod, vpaState(world).ooms[c.pod.name].container));
  const verdict = updateVerdict(c);
  lines.push(verdict.admitted ? klog.acceptedForUpdate(c.pod, c.priority.resourceDiff, c.processed) : klog.notUpdating(c.pod, verdict.reason, c.priority));
}

function podEvent(world: World, pod: Pod, reason: string, message: string): void {
  emitEvent(world, { kind: 'Pod', name: pod.name, namespace: pod.namespace, type: 'Normal', reason, message, source: 'vpa-updater' });
}

function evict(world: World, obj: VpaObjectState, c: PodCandidate, decisions: VpaPodDecision[], lines: CaLogLine[], extraWhy?: Message): boolean {
  lines.push(klog.evictingPod(c.pod));
  // The updater evicts through the Eviction API: a PodDisruptionBudget can refuse it.
  const api = checkEviction(world, c.pod);
  if (!api.ok) {
    decisions.push({ pod: c.pod.name, action: 'skipped', reason: msg('engine.vpa.evictionRefused', { message: api.message }) });
    pushAll(lines, klog.evictionRefused(c.pod, api.message));
    return false;
  }
  // pods_eviction_restriction.go Evict: one event on the pod, one on the VPA.
  podEvent(world, c.pod, 'EvictedByVPA', klog.EVICTED_BY_VPA_MESSAGE);
  emitEvent(world, {
    kind: 'VerticalPodAutoscaler',
    name: obj.vpa.metadata.name,
    namespace: obj.vpa.metadata.namespace ?? 'default',
    type: 'Normal',
    reason: 'EvictedPod',
    message: klog.evictedPodMessage(c.pod),
    source: 'vpa-updater',
  });
  sendPod(world, c.pod, 'EVICT');
  obj.evictions++;
  decisions.push({ pod: c.pod.name, action: 'evicted', reason: whyMessage(c, extraWhy) });
  pushAll(lines, klog.evictionEvents(c.pod, obj.vpa));
  return true;
}

/** GetContainersResourcesForPod for the resize: the target as requests, limits scaled where the container had them. */
function resizePlans(spec: VerticalPodAutoscalerSpec, c: PodCandidate, current: readonly ContainerResources[], next: readonly ContainerResources[]): (klog.ResizePlan | undefined)[] {
  return current.map((cur, i) => {
    const rec = c.processed.find((r) => r.containerName === cur.name);
    if (!rec) return undefined;
    const limits: klog.ResizePlan['limits'] = {};
    if (containerPolicyFor(spec, cur.name)?.controlledValues !== 'RequestsOnly') {
      for (const r of ['cpu', 'memory'] as const) if (cur.limits[r] !== undefined && next[i].limits[r] !== undefined) limits[r] = next[i].limits[r];
    }
    return { hadRequests: Object.keys(cur.requests).length > 0, hadLimits: Object.keys(cur.limits).length > 0, requests: rec.target, limits };
  });
}

/**
 * Why the restriction held a pod back before ranking (filterNonEvictablePods /
 * filterNonInPlaceUpdatablePods): its group was left out, it is Pending (in place), or its group
 * may lose no more pods.
 */
function heldReason(maps: CreatorMaps, c: PodCandidate, budget: EvictionBudgetConfig): Message {
  const group = maps.byPod.get(c.pod.name);
  if (!group) return maps.excluded.get(c.pod.name)!;
  return podPhase(c.pod) === 'Pending' ? msg('engine.vpa.pendingDeferred') : waitingForTolerance(group, budget);
}

/**
 * One updater pass over one VPA. `lines` collects what upstream's RunOnce logs for it, in its order:
 * GetCreatorMaps, the restriction's filter, each remaining pod's priority, then the updates.
 */
export function runUpdaterFor(world: World, obj: VpaObjectState, lines: CaLogLine[] = []): void {
  const t = world.timeMs / 1000;
  const mode = effectiveUpdateMode(obj.vpa.spec);
  const recs = obj.vpa.status?.recommendation?.containerRecommendations ?? [];
  const decisions: VpaPodDecision[] = [];
  obj.lastUpdate = { t, decisions };
  if (mode === 'Off' || mode === 'Initial') {
    stepObjectMachine(obj, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    return;
  }
  const live = targetPods(world, obj.vpa);
  const pods = live.filter(listedByUpdater);
  const budget: EvictionBudgetConfig = {
    minReplicas: obj.vpa.spec.updatePolicy?.minReplicas ?? VPA_DEFAULTS.updaterMinReplicas,
    evictionToleranceFraction: VPA_DEFAULTS.evictionTolerance,
  };
  const inPlace = mode === 'InPlaceOrRecreate';
  const maps = creatorMaps(world, obj.vpa, pods, budget, lines);
  const candidates = pods.map((p) => candidateFor(world, p, recs, obj.vpa.spec));
  // The whole filter runs before the priority calculator sees any pod, so its :101 lines come first.
  const passed: PodCandidate[] = [];
  const held: PodCandidate[] = [];
  for (const c of candidates) {
    const ok = inPlace ? canInPlaceUpdate(maps, c.pod, budget) : canEvict(maps, c.pod, budget) ? 'approved' : 'held';
    if (ok === 'approved') passed.push(c);
    else held.push(c);
    if (ok === 'deferred') lines.push(klog.cannotResizeInPlace(c.pod));
  }
  for (const c of passed) priorityLines(world, c, lines);
  if (recs.length === 0) {
    stepObjectMachine(obj, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    return;
  }
  const queue = updateQueue(passed);
  let evicted = 0;
  let resized = 0;
  // RunOnce resizes first and evicts the pods that fell back to eviction after.
  const evictionLines: CaLogLine[] = [];
  for (const c of queue) {
    // A pod that passed the filter has a group; the checks below see this loop's disruptions.
    const group = maps.byPod.get(c.pod.name)!;
    if (inPlace) {
      if (canInPlaceUpdate(maps, c.pod, budget) !== 'approved') {
        decisions.push({ pod: c.pod.name, action: 'waiting', reason: waitingForTolerance(group, budget) });
        lines.push(klog.cannotResizeInPlace(c.pod), klog.inPlaceDeferred(c.pod));
        continue;
      }
      const current = podContainerResources(c.pod);
      const next = applyRecommendation(current, recs, obj.vpa.spec).containers;
      const node = world.nodes.get(c.pod.nodeName);
      const free = node
        ? { cpuMillis: node.allocatable.cpuMillis - node.requested.cpuMillis, memoryBytes: Math.round((node.allocatable.memoryMiB - node.requested.memoryMiB) * 1048576) }
        : { cpuMillis: 0, memoryBytes: 0 };
      const decision = inPlaceOrEvict({ nodeFree: free, currentPodRequests: totalRequests(current), newPodRequests: totalRequests(next) });
      group.disrupted++;
      if (decision.action === 'resizeInPlace') {
        pushAll(lines, klog.inPlaceUpdateLines(c.pod, resizePlans(obj.vpa.spec, c, current, next)));
        setPodContainerResources(world, c.pod, next);
        // The annotations patch the updater sends after the /resize one. No event: 1.4.2 has its
        // InPlaceResizedByVPA event commented out (pods_inplace_restriction.go:162-165).
        c.pod.spec = { ...c.pod.spec, annotations: { ...c.pod.spec.annotations, vpaInPlaceUpdated: 'true' } };
        obj.resizedInPlace++;
        resized++;
        decisions.push({ pod: c.pod.name, action: 'resizedInPlace', reason: whyMessage(c) });
      } else {
        if (evict(world, obj, c, decisions, evictionLines, msg('engine.vpa.noRoom', { resource: decision.short }))) evicted++;
      }
      continue;
    }
    if (!canEvict(maps, c.pod, budget)) {
      decisions.push({ pod: c.pod.name, action: 'waiting', reason: waitingForTolerance(group, budget) });
      continue;
    }
    // Evicting a Pending pod costs the group no running replica (pods_eviction_restriction.go:102-109).
    const pending = podPhase(c.pod) === 'Pending';
    if (!evict(world, obj, c, decisions, lines)) continue;
    evicted++;
    if (!pending) group.disrupted++;
  }
  pushAll(lines, evictionLines);
  let admittedButHeld = 0;
  for (const c of held) {
    if (updateVerdict(c).admitted) {
      admittedButHeld++;
      decisions.push({ pod: c.pod.name, action: 'waiting', reason: heldReason(maps, c, budget) });
    } else decisions.push({ pod: c.pod.name, action: 'skipped', reason: msg(VERDICT_KEYS[updateVerdict(c).reason]) });
  }
  for (const c of passed) {
    if (!queue.includes(c)) decisions.push({ pod: c.pod.name, action: 'skipped', reason: msg(VERDICT_KEYS[updateVerdict(c).reason]) });
  }
  // The pod lister never returns an unscheduled pod: the updater neither ranks nor counts it.
  for (const p of live) if (!listedByUpdater(p)) decisions.push({ pod: p.name, action: 'skipped', reason: msg('engine.vpa.unscheduled') });
  stepObjectMachine(obj, { type: 'UPDATER_RAN', queued: queue.length + admittedButHeld, evicted, resizedInPlace: resized });
}

/**
 * RunOnce: the VPAs it skips are logged first, then each VPA with live pods is updated. The
 * InPlaceOrRecreate path runs as with --feature-gates=InPlaceOrRecreate=true (alpha and off by
 * default in 1.4): without the gate upstream warns and evicts instead.
 */
export function runUpdater(world: World): void {
  const state = vpaState(world);
  for (const name of Object.keys(state.ooms)) if (!world.pods.has(name)) delete state.ooms[name];
  const objs = vpaObjects(world);
  const lines: CaLogLine[] = [];
  let eligible = 0;
  for (const obj of objs) {
    const mode = effectiveUpdateMode(obj.vpa.spec);
    if (mode === 'Off' || mode === 'Initial') lines.push(klog.skippedForMode(obj.vpa));
    else if ('error' in targetSelector(world, obj.vpa)) lines.push(klog.skippedForSelector(obj.vpa));
    else eligible++;
  }
  const installed = recommenderProcess(world, objs.length > 0) !== undefined;
  if (eligible === 0 && installed) lines.push(klog.noVpaObjects());
  for (const obj of objs) runUpdaterFor(world, obj, lines);
  if (installed) printKlogLines(world, 'vpa-updater', lines, VPA_VERBOSITY);
}
