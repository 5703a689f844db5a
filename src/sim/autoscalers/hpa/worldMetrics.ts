import type { Deployment, LoadState, Pod, World } from '../../core/types';
import { metricsServerDown } from '../../faults/state';
import { deploymentPods } from '../../resources/workloadKinds';
import type { HpaMetricsClient, MetricsClientError, ResourceUtilizationTotals } from './metricsClient';
import type { HpaPodInfo, PodGroupingOptions } from './podGrouping';
import type { CrossVersionObjectReference, LabelSelector } from './types';
import { podPhase } from '../../lifecycle/phase';
import { requestMilliOf, sampleMilliOf, utilizationTotals, type UtilizationAccumulator } from './utilizationTotals';

/**
 * The HPA's view of the world through the APIs the real controller uses: the pod lister for the
 * scale target's pods, metrics.k8s.io (metrics-server samples, 15 s old at most), and the custom
 * and external metrics APIs (served here by the load model and by external metric sources such
 * as KEDA's adapter, registered in world.autoscalers.externalMetrics).
 */
export type ExternalMetricValues = Record<string, number[]>;

/**
 * external.metrics.k8s.io providers (KEDA's metrics adapter registers one). A provider answers for
 * the metric names it serves and returns undefined for the others; it is code, not world state,
 * so it computes each answer from the world when the HPA asks, as an adapter queries its scaler.
 */
export type ExternalMetricProvider = (
  world: World,
  metricName: string,
  namespace: string,
  selector?: LabelSelector,
) => { valuesMilli: number[] } | { error: string } | undefined;

export const externalMetricProviders: ExternalMetricProvider[] = [];


function blankPodInfo(): HpaPodInfo {
  // Every key always present, in one order: one object shape for all pods keeps the HPA's
  // per-pod loops on V8's fast path. Absent values are undefined, which every reader treats as unset.
  return {
    name: '',
    phase: 'Pending',
    deleting: false,
    startTimeSeconds: undefined,
    readyStatus: undefined,
    readyTransitionSeconds: undefined,
    requestMilli: undefined,
    missingRequestContainer: undefined,
    sampleMilli: undefined,
    sampleTimestampSeconds: undefined,
    sampleWindowSeconds: undefined,
  };
}

function fillPodInfo(info: HpaPodInfo, pod: Pod, requestMilli: number | undefined, sampleMilli: number | undefined): HpaPodInfo {
  // The Ready condition as the pod mirrors it (Pod.readyConditionStatus): the condition list is two
  // more objects to fetch per pod, at thousands of pods per sync.
  const readyStatus = pod.readyConditionStatus;
  const m = pod.metric;
  const sampled = m !== null && sampleMilli !== undefined;
  info.name = pod.name;
  info.phase = podPhase(pod);
  info.deleting = pod.state === 'Terminating';
  info.startTimeSeconds = pod.scheduledMs >= 0 && pod.nodeName ? pod.scheduledMs / 1000 : undefined;
  info.readyStatus = readyStatus === '' ? undefined : readyStatus;
  info.readyTransitionSeconds = readyStatus === '' ? undefined : pod.readyConditionSinceMs / 1000;
  info.requestMilli = requestMilli;
  info.missingRequestContainer = undefined;
  info.sampleMilli = sampled ? sampleMilli : undefined;
  info.sampleTimestampSeconds = sampled ? m.timestampMs / 1000 : undefined;
  info.sampleWindowSeconds = sampled ? m.windowMs / 1000 : undefined;
  return info;
}

function podInfo(pod: Pod, requestMilli: number | undefined, sampleMilli: number | undefined): HpaPodInfo {
  return fillPodInfo(blankPodInfo(), pod, requestMilli, sampleMilli);
}

/*
 * podResourceMetrics answers every HPA's every resource metric: 30,000 pod infos per 15 s at
 * 1,000 nodes. It refills one module-level list instead of allocating a list and an object per
 * pod, so its answer is valid only until the next call (HpaMetricsClient says so). The engine is
 * single-threaded and the calculators never keep the list.
 */
const podInfoPool: HpaPodInfo[] = [];
const resourcePodInfos: HpaPodInfo[] = [];

function resourceMetricPods(pods: readonly Pod[], resource: string, container: string | undefined): HpaPodInfo[] {
  while (podInfoPool.length < pods.length) podInfoPool.push(blankPodInfo());
  const out = resourcePodInfos;
  out.length = pods.length;
  // A ReplicaSet's pods share their template's container list, and container lists are replaced,
  // never edited (busyLoopCpuMillis relies on the same): the previous pod's request is this pod's
  // when the list is the same one, without walking it again.
  let lastContainers: Pod['spec']['containers'] | null = null;
  let lastRequest: number | undefined;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    const containers = pod.spec.containers;
    if (containers !== lastContainers) {
      lastContainers = containers;
      lastRequest = requestMilliOf(pod, resource, container);
    }
    out[i] = fillPodInfo(podInfoPool[i], pod, lastRequest, sampleMilliOf(pod, resource, container));
  }
  return out;
}

function sameGrouping(a: PodGroupingOptions, b: PodGroupingOptions): boolean {
  return (
    a.cpuReadinessChecks === b.cpuReadinessChecks &&
    a.nowSeconds === b.nowSeconds &&
    a.cpuInitializationPeriodSeconds === b.cpuInitializationPeriodSeconds &&
    a.initialReadinessDelaySeconds === b.initialReadinessDelaySeconds
  );
}

function allInNamespace(pods: readonly Pod[], namespace: string): boolean {
  for (let i = 0; i < pods.length; i++) if (pods[i].namespace !== namespace) return false;
  return true;
}

/**
 * The HPA's metrics client over the world for one sync. A class, not an object of closures: one
 * is made per HPA per sync, and its methods then live once on the prototype.
 */
class WorldMetricsClient implements HpaMetricsClient {
  private world!: World;
  private target!: Deployment;
  private namespace!: string;
  private pods!: readonly Pod[];
  /** Totals gathered over exactly `pods` while they were listed, if any. */
  private listedTotals: UtilizationAccumulator | undefined;

  constructor(
    world: World,
    target: Deployment,
    namespace: string,
    targetPods: Pod[],
    podsInNamespace: boolean | undefined,
    listedTotals: UtilizationAccumulator | undefined,
  ) {
    this.fill(world, target, namespace, targetPods, podsInNamespace, listedTotals);
  }

  /** Serves another sync, as a new client would (listingMetricsClient). */
  fill(world: World, target: Deployment, namespace: string, targetPods: Pod[], podsInNamespace: boolean | undefined, listedTotals: UtilizationAccumulator | undefined): this {
    this.world = world;
    this.target = target;
    this.namespace = namespace;
    // A Deployment's pods share its namespace, so the filter almost never drops one: copy only when it does.
    // A loop, not every/filter with a callback: V8 did not inline the callback (~2% of medium-hpa).
    const inNamespace = podsInNamespace ?? allInNamespace(targetPods, namespace);
    this.pods = inNamespace ? targetPods : targetPods.filter((p) => p.namespace === namespace);
    this.listedTotals = inNamespace ? listedTotals : undefined;
    return this;
  }

  /** Lets go of the sync's world (listingMetricsClient's kept client outlives it). */
  release(): void {
    this.world = undefined as never;
    this.target = undefined as never;
    this.pods = NO_WORLD_PODS;
    this.listedTotals = undefined;
  }

  private loadState(): LoadState | undefined {
    const { world, target } = this;
    for (const load of world.loads.values()) {
      const svc = world.services.get(load.target);
      const selects = svc
        ? Object.entries(svc.selector).every(([k, v]) => target.template.labels[k] === v)
        : load.target === target.name;
      if (selects) return world.loadStates.get(load.target);
    }
    return undefined;
  }

  podResourceMetrics(resource: string, container?: string): { pods: HpaPodInfo[] } | MetricsClientError {
    // The aggregated API answers 503 while its backend (metrics-server) is down.
    if (metricsServerDown(this.world)) {
      return { error: 'unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)' };
    }
    if (resource !== 'cpu' && resource !== 'memory') {
      return { error: `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API` };
    }
    return { pods: resourceMetricPods(this.pods, resource, container) };
  }

  resourceUtilizationTotals(resource: string, container: string | undefined, grouping: PodGroupingOptions): ResourceUtilizationTotals | undefined {
    if (container !== undefined || (resource !== 'cpu' && resource !== 'memory') || metricsServerDown(this.world)) return undefined;
    const listed = this.listedTotals;
    if (listed !== undefined && listed.resource === resource && sameGrouping(listed.options, grouping)) return listed.totals();
    return utilizationTotals(this.pods, resource, grouping);
  }

  podsMetric(name: string): { pods: HpaPodInfo[] } | MetricsClientError {
    const state = this.loadState();
    if (!state || !/request|rps|qps/i.test(name)) {
      return { error: `unable to get metric ${name}: unable to fetch metrics from custom metrics API: the server could not find the metric ${name} for pods` };
    }
    const ready = this.pods.filter((p) => p.state === 'Ready');
    const perPod = ready.length > 0 ? (state.servedRps / ready.length) * 1000 : 0;
    const scrapedSeconds = this.world.lastScrapeMs / 1000;
    return {
      pods: ready.map((p) =>
        Object.assign(podInfo(p, undefined, undefined), { sampleMilli: Math.round(perPod), sampleTimestampSeconds: scrapedSeconds, sampleWindowSeconds: 15 }),
      ),
    };
  }

  objectMetric(name: string, described: CrossVersionObjectReference): { valueMilli: number } | MetricsClientError {
    const state = this.world.loadStates.get(described.name);
    if (!state || !/request|rps|qps/i.test(name)) {
      return { error: `unable to get metric ${name}: ${described.kind}/${described.name}: unable to fetch metrics from custom metrics API: the server could not find the metric ${name} for ${described.kind.toLowerCase()}s ${described.name}` };
    }
    return { valueMilli: Math.round(state.servedRps * 1000) };
  }

  externalMetric(name: string, selector?: LabelSelector): { valuesMilli: number[] } | MetricsClientError {
    const { world, namespace } = this;
    for (const provider of externalMetricProviders) {
      const answer = provider(world, name, namespace, selector);
      if (answer) return answer;
    }
    const sources = world.autoscalers.externalMetrics as ExternalMetricValues | undefined;
    const values = sources?.[name];
    if (!values) {
      return { error: `unable to get external metric ${namespace}/${name}/nil: unable to fetch metrics from external metrics API: the server could not find the requested resource (get ${name}.external.metrics.k8s.io)` };
    }
    return { valuesMilli: values };
  }

  targetPods(): HpaPodInfo[] {
    return this.pods.map((p) => podInfo(p, undefined, undefined));
  }
}

const NO_WORLD_PODS: readonly Pod[] = Object.freeze([]);

/**
 * worldMetricsClient for the engine's own sync (controller.ts), one client refilled per sync
 * rather than a new one: reconcileHpa reads it during the sync and keeps nothing of it. Valid until
 * the next call; the controller lets go of it (releaseListingMetricsClient) once the sync is done.
 */
let listingClient: WorldMetricsClient | undefined;

export function listingMetricsClient(
  world: World,
  target: Deployment,
  namespace: string,
  targetPods: Pod[],
  podsInNamespace: boolean,
  listedTotals: UtilizationAccumulator | undefined,
): HpaMetricsClient {
  if (listingClient === undefined) return (listingClient = new WorldMetricsClient(world, target, namespace, targetPods, podsInNamespace, listedTotals));
  return listingClient.fill(world, target, namespace, targetPods, podsInNamespace, listedTotals);
}

export function releaseListingMetricsClient(): void {
  listingClient?.release();
}

export function worldMetricsClient(
  world: World,
  target: Deployment,
  namespace: string,
  targetPods: Pod[] = deploymentPods(world, target),
  /** Whether every pod of targetPods is in `namespace`, when the caller already knows. */
  podsInNamespace?: boolean,
  /** Utilization totals gathered over targetPods as they were listed (controller.ts). */
  listedTotals?: UtilizationAccumulator,
): HpaMetricsClient {
  return new WorldMetricsClient(world, target, namespace, targetPods, podsInNamespace, listedTotals);
}
