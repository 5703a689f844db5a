/**
 * What the VPA keeps in `world.autoscalers.vpa`: plain data only (it survives structuredClone for
 * checkpoints). The statechart is stored as its state value and context and stepped in that form by
 * the machine's compiled step (machineState.ts).
 */
import type { World } from '../../core/types';
import type { AggregateContainerState } from './aggregateState';
import { emptyKrrHistory, type KrrHistory } from './krrHistory';
import type { VerticalPodAutoscaler } from './types';
import type { VpaMachineContext, VpaStateName } from './vpaMachine';
import type { Message } from '../../core/message';

/** One point of the recommendation chart: recommendation against request against usage, per container. */
export interface VpaChartPoint {
  t: number;
  container: string;
  /** Millicores. */
  targetCpu: number;
  lowerCpu: number;
  upperCpu: number;
  /** Mean request and usage over the target's running pods. */
  requestCpu: number;
  usageCpu: number;
  /** MiB. */
  targetMemory: number;
  lowerMemory: number;
  upperMemory: number;
  requestMemory: number;
  usageMemory: number;
}

/** Why the updater did what it did to one pod in its last pass. */
export interface VpaPodDecision {
  pod: string;
  action: 'evicted' | 'resizedInPlace' | 'waiting' | 'skipped';
  reason: Message;
}

export interface VpaObjectState {
  vpa: VerticalPodAutoscaler;
  machine: { value: VpaStateName; context: VpaMachineContext };
  /** Recommender history, one per container name of the target's pods. */
  containers: Record<string, AggregateContainerState>;
  /** Per pod: the timestamp (sim ms) of the last metric fed to the recommender. */
  lastSampleMs: Record<string, number>;
  /** "target cpu 587m = p90 511m × 1.15", … from the last recommender pass. */
  explanation: Message[];
  /** The updater's last pass, pod by pod. */
  lastUpdate: { t: number; decisions: VpaPodDecision[] };
  evictions: number;
  resizedInPlace: number;
  chart: VpaChartPoint[];
}

/** A container's last OOM kill, as the recommender's OOM observer saw it (for the updater's quick-OOM rule). */
export interface ObservedOom {
  atSeconds: number;
  runSeconds: number;
  container: string;
}

/** An OOM kill as the recommender's OOM observer queues it (oom/observer.go OomInfo). */
export interface QueuedOom {
  atMs: number;
  /** The killed container's memory request, bytes (0 without one). */
  requestBytes: number;
  namespace: string;
  pod: string;
  container: string;
}

/**
 * What the recommender process remembers between runs beyond the VPAs' histories, for the lines it
 * logs: its ClusterState's pods, VPAs and aggregate states, the VPACheckpoints it wrote, and the
 * OOMs its observer queued since the last run. Present once a VPA has been seen: from then on the
 * VPA's three processes count as installed and log every loop.
 */
export interface RecommenderProcess {
  /** clusterState.Pods() after the last run, in the world's pod order: uids to tell which are gone, names to print them. */
  pods: { uids: number[]; names: string[]; namespaces: string[] };
  /** A garbage collection removed aggregate states: the next run makes them again for every pod. */
  registerAllPods: boolean;
  /** clusterState.VPAs() after the last run: "namespace/name". */
  vpas: string[];
  /** Aggregate container states by namespace, pod template and container: when made, last CPU sample (-1: none). */
  aggregates: Record<string, { createdMs: number; lastSampleMs: number }>;
  checkpoints: { namespace: string; name: string; vpa: string }[];
  /** clusterState.emptyVPAs: when a VPA without a recommendation was last reported, by "namespace/name". */
  emptyVpas: Record<string, number>;
  /** The OOM observer's channel, drained by the next run. */
  ooms: QueuedOom[];
}

export interface VpaWorldState {
  objects: Record<string, VpaObjectState>;
  /** Last OOM kill per pod name; dropped with the pod. */
  ooms: Record<string, ObservedOom>;
  krr: KrrHistory;
  recommenderProcess?: RecommenderProcess;
}

export const VPA_STATE_KEY = 'vpa';
/** Chart points kept per VPA (12 h at one recommender pass a minute, per container). */
export const VPA_CHART_POINTS = 720;

export function vpaState(world: World): VpaWorldState {
  let s = world.autoscalers[VPA_STATE_KEY] as VpaWorldState | undefined;
  if (!s) {
    s = { objects: {}, ooms: {}, krr: emptyKrrHistory() };
    world.autoscalers[VPA_STATE_KEY] = s;
  }
  return s;
}

/** VPA objects in name order (the order every loop and view uses, for determinism). */
export function vpaObjects(world: World): VpaObjectState[] {
  const s = world.autoscalers[VPA_STATE_KEY] as VpaWorldState | undefined;
  if (!s) return [];
  return Object.keys(s.objects)
    .sort()
    .map((k) => s.objects[k]);
}

/**
 * The first VPA object in name order that `matches`, as vpaObjects(world).find(matches) answers,
 * without building and sorting the list: the admission hook asks once per pod created.
 */
export function firstVpaObject(world: World, matches: (o: VpaObjectState) => boolean): VpaObjectState | undefined {
  const s = world.autoscalers[VPA_STATE_KEY] as VpaWorldState | undefined;
  if (!s) return undefined;
  let firstKey: string | undefined;
  for (const k in s.objects) if ((firstKey === undefined || k < firstKey) && matches(s.objects[k])) firstKey = k;
  return firstKey === undefined ? undefined : s.objects[firstKey];
}

export function objectKey(namespace: string, name: string): string {
  return namespace === 'default' ? name : `${namespace}/${name}`;
}
