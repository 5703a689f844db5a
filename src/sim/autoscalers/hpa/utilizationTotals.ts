/**
 * A resource Utilization metric's first pass (podResourceMetrics, groupPods, missingRequest and
 * utilizationRatio) as one pass over the pods themselves, for HpaMetricsClient.resourceUtilizationTotals.
 * Those four walked the target's pods or their infos one after another, and filling an info per pod
 * was the largest of them. Any pod that would send the calculation elsewhere (no request, missing
 * or unready) ends the pass with no answer, and the caller takes those four again; in a steady
 * state every pod is ready. utilizationTotals.test.ts holds both paths to the same answers.
 */
import type { Pod, PodCpuLedger } from '../../core/types';
import { podPhase } from '../../lifecycle/phase';
import type { ResourceUtilizationTotals } from './metricsClient';
import type { PodGroup, PodGroupingOptions } from './podGrouping';

/** Milli-units of a resource: millicores for cpu, milli-bytes for memory (as Quantity.MilliValue()). */
export function requestMilliOf(pod: Pod, resource: string, container?: string): number | undefined {
  if (resource !== 'cpu' && resource !== 'memory') return undefined;
  let sum = 0;
  let covered = 0;
  for (const c of pod.spec.containers) {
    if (container && c.name !== container) continue;
    const v = resource === 'cpu' ? c.requests.cpuMillis : c.requests.memoryMiB;
    if (v === 0) return undefined;
    sum += v;
    covered++;
  }
  if (covered === 0) return undefined;
  return resource === 'cpu' ? sum : sum * 1048576 * 1000;
}

export function sampleMilliOf(pod: Pod, resource: string, container?: string): number | undefined {
  const m = pod.metric;
  if (!m) return undefined;
  // Usage is modelled per pod; a container's share follows its share of the pod's requests.
  let share = 1;
  if (container) {
    const total = pod.spec.containers.reduce((a, c) => a + (resource === 'cpu' ? c.requests.cpuMillis : c.requests.memoryMiB), 0);
    const mine = pod.spec.containers.find((c) => c.name === container);
    if (!mine) return undefined;
    share = total > 0 ? (resource === 'cpu' ? mine.requests.cpuMillis : mine.requests.memoryMiB) / total : 1 / pod.spec.containers.length;
  }
  if (resource === 'cpu') return usageMilli(resource, m.cpuMillis * share);
  if (resource === 'memory') return usageMilli(resource, m.memoryMiB * share);
  return undefined;
}

/** A usage (millicores, or MiB) as the metrics API's milli-units: Quantity.MilliValue(). */
function usageMilli(resource: 'cpu' | 'memory', usage: number): number {
  return resource === 'cpu' ? Math.round(usage) : Math.round(usage * 1048576 * 1000);
}

/**
 * What classifyWorldPod makes of a pod before its sample is looked at: every step of it that reads
 * only the pod's state, conditions and times. 'initializing' is a pod in its CPU initialization
 * period, whose answer also reads its metric's window and the time. None of these change while the
 * pod stays in its state, except that sim time only carries an 'initializing' pod past that period
 * (the HPA's kept listing, targetListing.ts, relies on both).
 */
export type SettledGroup = 'ignored' | 'pending' | 'ready' | 'unready' | 'initializing';

export function settledGroup(pod: Pod, options: PodGroupingOptions): SettledGroup {
  const state = pod.state;
  // deletionTimestamp set, or phase Failed (podPhase: only an evicted pod).
  if (state === 'Terminating' || state === 'Evicted') return 'ignored';
  if (podPhase(pod) === 'Pending') return 'pending';
  if (!options.cpuReadinessChecks) return 'ready';
  const readyStatus = pod.readyConditionStatus;
  if (readyStatus === '' || !(pod.scheduledMs >= 0 && pod.nodeName)) return 'unready';
  const start = pod.scheduledMs / 1000;
  if (start + options.cpuInitializationPeriodSeconds > options.nowSeconds) return 'initializing';
  const neverReady = readyStatus === 'False' && start + options.initialReadinessDelaySeconds > pod.readyConditionSinceMs / 1000;
  return neverReady ? 'unready' : 'ready';
}

/**
 * classifyPod on the pod itself, reading what fillPodInfo would have put in its HpaPodInfo
 * (`sampleMilli` as sampleMilliOf gave it): the one-pass totals below classify without
 * writing an info per pod. A fast-check property holds the two to the same answer.
 */
export function classifyWorldPod(pod: Pod, sampleMilli: number | undefined, options: PodGroupingOptions): PodGroup {
  const settled = settledGroup(pod, options);
  if (settled === 'ignored') return 'ignored';
  if (settled === 'pending') return 'unready';
  // No sample: the pod has no metric (or, for one container, none that is that container's).
  if (sampleMilli === undefined) return 'missing';
  if (settled !== 'initializing') return settled;
  // Only a pod in its first minutes comes here: its metric object is read for the window.
  const m = pod.metric!;
  const staleSample = m.timestampMs / 1000 < pod.readyConditionSinceMs / 1000 + m.windowMs / 1000;
  return pod.readyConditionStatus === 'False' || staleSample ? 'unready' : 'ready';
}

/**
 * sampleMilliOf(pod, resource) for the whole pod, read from the ledger's metric columns
 * (PodCpuLedger; NaN where the pod has no metric) instead of the pod's metric object: the HPA's
 * listing asks it of every pod of its target each sync.
 */
export function columnSampleMilli(ledger: PodCpuLedger, pod: Pod, resource: 'cpu' | 'memory'): number | undefined {
  return slotSampleMilli(resource === 'cpu' ? ledger.metricCpuMillis : ledger.metricMemoryMiB, pod.cpuSlot, resource);
}

/** columnSampleMilli by a CPU slot in that resource's metric column, for a caller that kept the slots. */
export function slotSampleMilli(column: Float64Array, slot: number, resource: 'cpu' | 'memory'): number | undefined {
  const usage = column[slot];
  return usage !== usage ? undefined : usageMilli(resource, usage);
}

/**
 * The pass pod by pod, so that the HPA's listing of its target's pods can run it while it fetches
 * each pod anyway (controller.ts), instead of a second walk over the same pods.
 */
export class UtilizationAccumulator {
  private readyPodCount = 0;
  private usageTotal = 0;
  private requestTotal = 0;
  private ignored: string[] = [];
  /** A pod sent the calculation elsewhere: the rest are not looked at. */
  private failed = false;
  private lastContainers: Pod['spec']['containers'] | null = null;
  private request: number | undefined;

  constructor(
    public resource: 'cpu' | 'memory',
    public options: PodGroupingOptions,
  ) {}

  /**
   * Starts over for another listing, as a new accumulator would: the engine keeps one for every
   * sync (controller.ts). A list of ignored names already handed out by totals() is left as it was.
   */
  restart(resource: 'cpu' | 'memory', options: PodGroupingOptions): void {
    this.resource = resource;
    this.options = options;
    this.readyPodCount = 0;
    this.usageTotal = 0;
    this.requestTotal = 0;
    if (this.ignored.length > 0) this.ignored = [];
    this.failed = false;
    this.lastContainers = null;
    this.request = undefined;
  }

  /** `sampleMilli` is sampleMilliOf(pod, resource): the caller may have it from elsewhere (columnSampleMilli). */
  add(pod: Pod, sampleMilli: number | undefined): void {
    if (this.failed) return;
    // A ReplicaSet's pods share their template's container list (resourceMetricPods says why
    // the previous pod's request then serves).
    const containers = pod.spec.containers;
    if (containers !== this.lastContainers) {
      this.lastContainers = containers;
      this.request = requestMilliOf(pod, this.resource);
    }
    const request = this.request;
    if (request === undefined) return this.fail();
    const group = classifyWorldPod(pod, sampleMilli, this.options);
    if (group === 'ready') this.addReady(1, sampleMilli!, request);
    else if (group === 'ignored') this.addIgnored(pod.name);
    else this.fail();
  }

  /**
   * Ready pods: their count, and the sums of their samples and requests. In list order over the
   * ready pods, as utilizationRatio adds them (a caller that sums several pods itself starts from
   * zero, as the accumulator does).
   */
  addReady(count: number, sampleMilli: number, request: number): void {
    this.readyPodCount += count;
    this.usageTotal += sampleMilli;
    this.requestTotal += request;
  }

  addIgnored(name: string): void {
    this.ignored.push(name);
  }

  /** A pod sends the calculation elsewhere (no request, missing or unready): no totals. */
  fail(): void {
    this.failed = true;
  }

  totals(): ResourceUtilizationTotals | undefined {
    if (this.failed || this.readyPodCount === 0 || this.requestTotal === 0) return undefined;
    return { readyPodCount: this.readyPodCount, usageTotal: this.usageTotal, requestTotal: this.requestTotal, ignored: this.ignored };
  }
}

export function utilizationTotals(pods: readonly Pod[], resource: 'cpu' | 'memory', options: PodGroupingOptions): ResourceUtilizationTotals | undefined {
  const acc = new UtilizationAccumulator(resource, options);
  for (let i = 0; i < pods.length; i++) acc.add(pods[i], sampleMilliOf(pods[i], resource));
  return acc.totals();
}
