/**
 * The VPA recommender's loop (every --recommender-interval, 1 m): feed each VPA's per-container
 * history from what metrics-server last reported for the target's pods, run the estimation chain
 * and write `status.recommendation` and `status.conditions`. OOM kills reach the history as they
 * happen, through `observeOom` (the recommender's OOM observer).
 */
import type { Pod, World } from '../../core/types';
import { podIsActive } from '../../lifecycle/apply';
import { podPhase } from '../../lifecycle/phase';
import type { OomKill } from '../../load/workloadModel';
import { deploymentPods } from '../../resources/workloadKinds';
import { addCpuSampleInPlace, addMemoryPeakInPlace, emptyAggregateState, recordOom } from './aggregateState';
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

/** A container's share of its pod's usage (metrics are per pod): its share of the pod's requests. */
interface ContainerShare {
  name: string;
  cpu: number;
  memory: number;
}

/** Shares per container list: a list is shared by every pod of a template and replaced, never edited. */
const sharesByContainers = new WeakMap<Pod['spec']['containers'], readonly ContainerShare[]>();

export function containerShares(pod: Pod): readonly ContainerShare[] {
  const cs = pod.spec.containers;
  const known = sharesByContainers.get(cs);
  if (known !== undefined) return known;
  const cpuTotal = cs.reduce((a, c) => a + c.requests.cpuMillis, 0);
  const memTotal = cs.reduce((a, c) => a + c.requests.memoryMiB, 0);
  const shares = cs.map((c) => ({
    name: c.name,
    cpu: cpuTotal > 0 ? c.requests.cpuMillis / cpuTotal : 1 / cs.length,
    memory: memTotal > 0 ? c.requests.memoryMiB / memTotal : 1 / cs.length,
  }));
  sharesByContainers.set(cs, shares);
  return shares;
}

function feedSamples(world: World, obj: VpaObjectState, pods: Pod[]): void {
  for (const pod of pods) {
    // The recommender's informer lists no Pending pod (cluster_feeder.go:168-172), so only a listed
    // pod's containers get aggregate states (LoadPods → AddOrUpdateContainer): a container seen only
    // in Pending pods neither takes a share of the pod minimum nor hides NoPodsMatched.
    if (podPhase(pod) === 'Pending') continue;
    for (const c of pod.spec.containers) obj.containers[c.name] ??= emptyAggregateState();
    const m = pod.metric;
    if (!m || (pod.state !== 'Running' && pod.state !== 'Ready')) continue;
    // Only a sample newer than the last one fed counts, as upstream skips repeated scrapes.
    if ((obj.lastSampleMs[pod.name] ?? -1) >= m.timestampMs) continue;
    obj.lastSampleMs[pod.name] = m.timestampMs;
    const at = m.timestampMs / 1000;
    for (const share of containerShares(pod)) {
      const spec = pod.spec.containers.find((c) => c.name === share.name)!;
      // The loop owns these states (created here, copied by checkpoints): the CPU sample goes in place.
      const state = obj.containers[share.name];
      addCpuSampleInPlace(state, { usageMillis: m.cpuMillis * share.cpu, requestMillis: spec.requests.cpuMillis, atSeconds: at });
      addMemoryPeakInPlace(state, { usageBytes: Math.round(m.memoryMiB * share.memory * BYTES_PER_MIB), atSeconds: at });
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

function recordChart(world: World, obj: VpaObjectState, pods: Pod[]): void {
  const recs = obj.vpa.status?.recommendation?.containerRecommendations ?? [];
  for (const r of recs) {
    // Means over the running pods that have the container (usage: those with a metric), summed in pod order.
    let count = 0;
    let requestCpu = 0;
    let requestMemory = 0;
    let measured = 0;
    let usageCpu = 0;
    let usageMemory = 0;
    for (const p of pods) {
      if (p.state !== 'Running' && p.state !== 'Ready') continue;
      const c = p.spec.containers.find((x) => x.name === r.containerName);
      if (!c) continue;
      count++;
      requestCpu += c.requests.cpuMillis;
      requestMemory += c.requests.memoryMiB;
      if (!p.metric) continue;
      const share = containerShares(p).find((s) => s.name === r.containerName)!;
      measured++;
      usageCpu += p.metric.cpuMillis * share.cpu;
      usageMemory += p.metric.memoryMiB * share.memory;
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
  const pods = targetPods(world, obj.vpa);
  feedSamples(world, obj, pods);
  const result = recommend(obj.containers, obj.vpa.spec, nowSeconds);
  const previous = obj.vpa.status?.conditions ?? [];
  const provided = result.recommendation.containerRecommendations.length > 0;
  obj.vpa.status = {
    ...(provided ? { recommendation: result.recommendation } : obj.vpa.status?.recommendation ? { recommendation: obj.vpa.status.recommendation } : {}),
    conditions: mergeConditions(previous, result.conditions),
  };
  obj.explanation = result.details.flatMap((d) => d.explanation.map((line) => msg('engine.vpa.container', { container: d.recommendation.containerName, line })));
  recordChart(world, obj, pods);
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
