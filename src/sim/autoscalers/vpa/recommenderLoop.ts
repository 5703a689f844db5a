/**
 * The VPA recommender's loop (every --recommender-interval, 1 m): feed each VPA's per-container
 * history from what metrics-server last reported for the target's pods, run the estimation chain
 * and write `status.recommendation` and `status.conditions`. OOM kills reach the history as they
 * happen, through `observeOom` (the recommender's OOM observer).
 */
import type { Pod, World } from '../../core/types';
import { podIsActive } from '../../lifecycle/apply';
import type { OomKill } from '../../load/workloadModel';
import { deploymentPods } from '../../resources/workloadKinds';
import { addCpuUsageInPlace, addMemoryUsageInPlace, emptyAggregateState, recordOom, type AggregateContainerState } from './aggregateState';
import { RUNNING, targetListing, type TargetListing } from './recommenderTargets';
import { mergeConditions, recommend } from './recommender';
import { BYTES_PER_MIB, type VerticalPodAutoscaler } from './types';
import { stepObjectMachine } from './machineState';
import { firstVpaObject, vpaObjects, vpaState, VPA_CHART_POINTS, type VpaObjectState } from './worldState';
import { msg } from '../../core/message';
import { printKlogLines } from '../cluster-autoscaler/output';
import { recommenderProcess, recommenderRunLines, vpaId, VPA_VERBOSITY } from './recommenderLog';

/** Pods of the VPA's target workload that have not gone away (Deployments only in the playground). */
export function targetPods(world: World, vpa: VerticalPodAutoscaler): Pod[] {
  const ref = vpa.spec.targetRef;
  if (ref.kind !== 'Deployment') return [];
  const d = world.deployments.get(ref.name);
  if (!d || d.namespace !== (vpa.metadata.namespace ?? 'default')) return [];
  return deploymentPods(world, d).filter(podIsActive);
}

function feedSamples(world: World, obj: VpaObjectState, listing: TargetListing): void {
  const { slots, names, flags, feedOf, feeds } = listing;
  // The recommender's informer lists no Pending pod (cluster_feeder.go:168-172), so only a listed
  // pod's containers get aggregate states (LoadPods → AddOrUpdateContainer): a container seen only
  // in Pending pods neither takes a share of the pod minimum nor hides NoPodsMatched. The listing's
  // container lists come in the order listed pods first have them, as the states were made pod by pod.
  const states: AggregateContainerState[][] = [];
  for (const feed of feeds) {
    const own: AggregateContainerState[] = [];
    for (const name of feed.names) own.push((obj.containers[name] ??= emptyAggregateState()));
    states.push(own);
  }
  // A pod's metric from the CPU ledger's columns: NaN exactly when it has none, and its timestamp
  // is the slot's last scrape (metrics-server writes them together; checkInvariants holds the first).
  const { metricCpuMillis, metricMemoryMiB, scrapeMs } = world.podCpu;
  const fed = obj.lastSampleMs;
  for (let i = 0; i < slots.length; i++) {
    if ((flags[i] & RUNNING) === 0) continue;
    const slot = slots[i];
    const cpuMillis = metricCpuMillis[slot];
    if (cpuMillis !== cpuMillis) continue;
    const timestampMs = scrapeMs[slot];
    const name = names[i];
    // Only a sample newer than the last one fed counts, as upstream skips repeated scrapes.
    if ((fed[name] ?? -1) >= timestampMs) continue;
    fed[name] = timestampMs;
    const at = timestampMs / 1000;
    const memoryMiB = metricMemoryMiB[slot];
    const feed = feeds[feedOf[i]];
    const own = states[feedOf[i]];
    // The loop owns these states (created here, copied by checkpoints): samples go in place.
    for (let k = 0; k < own.length; k++) {
      addCpuUsageInPlace(own[k], cpuMillis * feed.cpuShare[k], feed.requestCpuMillis[feed.firstOfName[k]], at);
      addMemoryUsageInPlace(own[k], Math.round(memoryMiB * feed.memoryShare[k] * BYTES_PER_MIB), at);
    }
  }
  // Only a pod removed since the last pruning can have left a name behind, and a removal bumps
  // world.podsVersion: most runs see the same version and skip the walk over every name.
  if (prunedAt.get(obj.lastSampleMs) !== world.podsVersion) {
    for (const name of Object.keys(obj.lastSampleMs)) if (!world.pods.has(name)) delete obj.lastSampleMs[name];
    prunedAt.set(obj.lastSampleMs, world.podsVersion);
  }
}

/** Each VPA's sample times (a world's own object: a checkpoint copy starts unpruned) by the podsVersion they were last pruned at. */
const prunedAt = new WeakMap<Record<string, number>, number>();

function recordChart(world: World, obj: VpaObjectState, listing: TargetListing): void {
  const recs = obj.vpa.status?.recommendation?.containerRecommendations ?? [];
  const { slots, flags, feedOf, feeds } = listing;
  const { metricCpuMillis, metricMemoryMiB } = world.podCpu;
  for (const r of recs) {
    // Means over the running pods that have the container (usage: those with a metric), summed in pod order.
    let count = 0;
    let requestCpu = 0;
    let requestMemory = 0;
    let measured = 0;
    let usageCpu = 0;
    let usageMemory = 0;
    for (let i = 0; i < slots.length; i++) {
      if ((flags[i] & RUNNING) === 0) continue;
      const feed = feeds[feedOf[i]];
      const k = feed.names.indexOf(r.containerName);
      if (k < 0) continue;
      count++;
      requestCpu += feed.requestCpuMillis[k];
      requestMemory += feed.requestMemoryMiB[k];
      const slot = slots[i];
      const cpuMillis = metricCpuMillis[slot];
      if (cpuMillis !== cpuMillis) continue;
      measured++;
      usageCpu += cpuMillis * feed.cpuShare[k];
      usageMemory += metricMemoryMiB[slot] * feed.memoryShare[k];
    }
    obj.chart.push({
      t: world.timeMs / 1000,
      container: r.containerName,
      targetCpu: r.target.cpu ?? 0,
      lowerCpu: r.lowerBound.cpu ?? 0,
      upperCpu: r.upperBound.cpu ?? 0,
      requestCpu: count === 0 ? 0 : requestCpu / count,
      usageCpu: round(measured === 0 ? 0 : usageCpu / measured),
      targetMemory: round((r.target.memory ?? 0) / BYTES_PER_MIB),
      lowerMemory: round((r.lowerBound.memory ?? 0) / BYTES_PER_MIB),
      upperMemory: round((r.upperBound.memory ?? 0) / BYTES_PER_MIB),
      requestMemory: round(count === 0 ? 0 : requestMemory / count),
      usageMemory: round(measured === 0 ? 0 : usageMemory / measured),
    });
  }
  const perContainer = Math.max(1, recs.length);
  if (obj.chart.length > VPA_CHART_POINTS * perContainer) obj.chart.splice(0, obj.chart.length - VPA_CHART_POINTS * perContainer);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** One recommender pass over one VPA: false when it gave no recommendation. */
export function runRecommenderFor(world: World, obj: VpaObjectState): boolean {
  const nowSeconds = world.timeMs / 1000;
  const ref = obj.vpa.spec.targetRef;
  const listing = targetListing(world, ref.kind, ref.name, obj.vpa.metadata.namespace ?? 'default');
  feedSamples(world, obj, listing);
  const result = recommend(obj.containers, obj.vpa.spec, nowSeconds);
  const previous = obj.vpa.status?.conditions ?? [];
  const provided = result.recommendation.containerRecommendations.length > 0;
  obj.vpa.status = {
    ...(provided ? { recommendation: result.recommendation } : obj.vpa.status?.recommendation ? { recommendation: obj.vpa.status.recommendation } : {}),
    conditions: mergeConditions(previous, result.conditions),
  };
  obj.explanation = result.details.flatMap((d) => d.explanation.map((line) => msg('engine.vpa.container', { container: d.recommendation.containerName, line })));
  recordChart(world, obj, listing);
  stepObjectMachine(obj, { type: 'RECOMMENDER_RAN', hasRecommendation: obj.vpa.status.recommendation !== undefined });
  return provided;
}

export function runRecommender(world: World): void {
  const objs = vpaObjects(world);
  const proc = recommenderProcess(world, objs.length > 0);
  const withoutRecommendation = new Set<string>();
  for (const obj of objs) if (!runRecommenderFor(world, obj)) withoutRecommendation.add(vpaId(obj.vpa));
  // The recommender decides nothing in its log lines; they are rendered after the pass, in RunOnce's order.
  if (proc) printKlogLines(world, 'vpa-recommender', recommenderRunLines(world, proc, withoutRecommendation), VPA_VERBOSITY);
}

/** Which VPA (if any) targets a pod's Deployment. */
export function vpaForPod(world: World, pod: Pod): VpaObjectState | undefined {
  if (!pod.deployment) return undefined;
  return firstVpaObject(
    world,
    (o) => o.vpa.spec.targetRef.kind === 'Deployment' && o.vpa.spec.targetRef.name === pod.deployment && (o.vpa.metadata.namespace ?? 'default') === pod.namespace,
  );
}

/**
 * The recommender's OOM observer: an OOM kill adds max(used + 100 MiB, used × 1.2) to the killed
 * container's memory history at once, and is remembered for the updater's quick-OOM rule.
 */
export function observeOom(world: World, pod: Pod, kill: OomKill): void {
  const state = vpaState(world);
  state.ooms[pod.name] = { atSeconds: kill.atMs / 1000, runSeconds: kill.runMs / 1000, container: kill.container };
  const spec = pod.spec.containers.find((c) => c.name === kill.container);
  const requestBytes = Math.round((spec?.requests.memoryMiB ?? kill.requestMiB) * BYTES_PER_MIB);
  // Its observer watches every pod; the recommender logs what it queued at its next run.
  recommenderProcess(world, vpaObjects(world).length > 0)?.ooms.push({ atMs: kill.atMs, requestBytes, namespace: pod.namespace, pod: pod.name, container: kill.container });
  const obj = vpaForPod(world, pod);
  if (!obj) return;
  const current = obj.containers[kill.container] ?? emptyAggregateState();
  obj.containers[kill.container] = recordOom(current, { atSeconds: kill.atMs / 1000, memoryRequestBytes: requestBytes });
}
