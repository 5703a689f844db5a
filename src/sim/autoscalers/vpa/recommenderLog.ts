/**
 * The vpa-recommender's klog lines, as VPA 1.4.2 (the image of upstream's deploy manifests on
 * vpa-release-1.4) prints them at its default verbosity: common.InitLoggingFlags sets --v=4 and
 * the manifests pass no --v. Line numbers are those of tag vertical-pod-autoscaler/v1.4.2.
 * RunOnce (routines/recommender.go) in order: LoadVPAs, LoadPods, LoadRealTimeMetrics (the OOMs its
 * observer queued), UpdateVPAs, MaintainCheckpoints, the aggregate states' garbage collection.
 */
import type { Pod, World } from '../../core/types';
import type { CaLogLine } from '../cluster-autoscaler/types';
import { metricsServerDown } from '../../faults/state';
import { podPhase } from '../../lifecycle/phase';
import { errorS, goJson, goJsonTime, infoS, kref } from './klogS';
import { RECOMMENDER_RUN_LINE, savedCheckpointLine, SELECTING_VPAS_LINE, usingSelectorLine } from './recommenderLineCache';
import { VPA_DEFAULTS, type VerticalPodAutoscaler } from './types';
import { vpaObjects, vpaState, VPA_STATE_KEY, type QueuedOom, type RecommenderProcess, type VpaWorldState } from './worldState';

/** The --v the VPA's components run at: common/flags.go InitLoggingFlags' default, which the deploy manifests keep. */
export const VPA_VERBOSITY = 4;

/** The API aggregator's answer while metrics-server is down, as client-go's StatusError prints it. */
const METRICS_UNAVAILABLE = 'the server is currently unable to handle the request (get pods.metrics.k8s.io)';
/** main.go --checkpoints-gc-interval and clusterState's aggregateContainerStateGCInterval. */
const CHECKPOINT_GC_MS = 10 * 60_000;
const AGGREGATE_GC_MS = 60 * 60_000;
/** cluster.go RecommendationMissingMaxDuration, printed by Go as "30m0s". */
const MISSING_MAX_MS = 30 * 60_000;
/** Memory aggregation window, 24 h × 8: an aggregate state older than that expires. */
const AGGREGATION_WINDOW_MS = 8 * 24 * 3_600_000;

/**
 * The recommender's memory, made when the first VPA appears (or an OOM is observed while one
 * exists): until a scenario uses a VPA the playground does not run its processes.
 */
export function recommenderProcess(world: World, create: boolean): RecommenderProcess | undefined {
  // Without a VPA nothing here may make the VPA's world state: the KRR history begins it at its first sample.
  if (!create) return (world.autoscalers[VPA_STATE_KEY] as VpaWorldState | undefined)?.recommenderProcess;
  const state = vpaState(world);
  if (!state.recommenderProcess && create) {
    state.recommenderProcess = { pods: { uids: [], names: [], namespaces: [] }, registerAllPods: false, vpas: [], aggregates: {}, checkpoints: [], emptyVpas: {}, ooms: [] };
  }
  return state.recommenderProcess;
}

const vpaNamespace = (vpa: VerticalPodAutoscaler) => vpa.metadata.namespace ?? 'default';
export const vpaId = (vpa: VerticalPodAutoscaler) => `${vpaNamespace(vpa)}/${vpa.metadata.name}`;
const refOf = (id: string) => kref(id.slice(0, id.indexOf('/')), id.slice(id.indexOf('/') + 1));

/** labels.Selector String(): requirements sorted by key (bytewise, as Go sorts), "k=v" joined by commas. */
function selectorString(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

const WELL_KNOWN = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'];

/** target/fetcher.go Fetch: the target's selector, or the error getSelector logs. */
export function targetSelector(world: World, vpa: VerticalPodAutoscaler): { selector: string } | { error: string } {
  const { kind, name, apiVersion } = vpa.spec.targetRef;
  const ns = vpaNamespace(vpa);
  const found =
    kind === 'Deployment' ? world.deployments.get(name) : kind === 'DaemonSet' ? world.daemonSets.get(name) : kind === 'ReplicaSet' ? world.replicaSets.get(name) : undefined;
  if (found && found.namespace === ns) {
    const deploymentSelector = kind === 'Deployment' ? world.deployments.get(name)?.selector : undefined;
    return { selector: selectorString(deploymentSelector ?? found.template.labels) };
  }
  if (WELL_KNOWN.includes(kind)) return { error: `${kind} ${ns}/${name} does not exist` };
  const version = apiVersion ?? '';
  const group = version.includes('/') ? version.slice(0, version.indexOf('/')) : '';
  return { error: `Unhandled targetRef ${version} / ${kind} / ${name}, last error no matches for kind "${kind}" in group "${group}"` };
}

/** Pods of one template share their labels, hence one aggregate state per container name. */
function aggregateKey(pod: Pod, container: string): string {
  const template =
    pod.ownerKind === 'None'
      ? JSON.stringify(Object.keys(pod.labels).sort().map((k) => [k, pod.labels[k]]))
      : `${pod.ownerKind}/${pod.ownerName}`;
  return `${pod.namespace}\n${template}\n${container}`;
}

/*
 * A pod's aggregate keys never change while its container list is the same (lists are replaced,
 * never edited): built once per template instead of on every run over thousands of pods.
 * Module memory outside the world, keyed by the objects themselves, so it holds nothing a
 * checkpoint restore could miss except time.
 */
const aggregateKeys = new WeakMap<Pod['spec']['containers'], { pod: Pod; keys: string[] }>();

function aggregateKeysOf(pod: Pod): string[] {
  const containers = pod.spec.containers;
  const cached = aggregateKeys.get(containers);
  // A container list is shared by every pod of a template: the keys are too, when owner and namespace match.
  if (cached && (cached.pod === pod || (cached.pod.ownerKind === pod.ownerKind && cached.pod.ownerName === pod.ownerName && cached.pod.namespace === pod.namespace && pod.ownerKind !== 'None'))) {
    return cached.keys;
  }
  const keys = containers.map((c) => aggregateKey(pod, c.name));
  aggregateKeys.set(containers, { pod, keys });
  return keys;
}

/** The pods the last run tracked, in uid order when the world's pod order is (see loadPods). */
function deletedSinceLastRun(proc: RecommenderProcess, uids: readonly number[], ascending: boolean, isNew: (k: number) => void): string[] {
  const prev = proc.pods;
  const deleted: string[] = [];
  const name = (i: number) => `${prev.namespaces[i]}/${prev.names[i]}`;
  let sorted = ascending;
  for (let i = 1; sorted && i < prev.uids.length; i++) sorted = prev.uids[i - 1] < prev.uids[i];
  if (sorted) {
    // Both lists ascend by uid: one merge walk finds the pods gone and the pods new since the last run.
    let i = 0;
    for (let k = 0; k < uids.length; k++) {
      while (i < prev.uids.length && prev.uids[i] < uids[k]) deleted.push(name(i++));
      if (i < prev.uids.length && prev.uids[i] === uids[k]) i++;
      else isNew(k);
    }
    while (i < prev.uids.length) deleted.push(name(i++));
  } else {
    const before = new Set(prev.uids);
    const present = new Set(uids);
    for (let i = 0; i < prev.uids.length; i++) if (!present.has(prev.uids[i])) deleted.push(name(i));
    for (let k = 0; k < uids.length; k++) if (!before.has(uids[k])) isNew(k);
  }
  return deleted.sort();
}

/**
 * The last run's listing per world, while world.podsVersion holds: no pod was created, removed or
 * moved to another state since, so the informer lists the same pods in the same order, none new and
 * none deleted. In a busy cluster about five runs in six find it so.
 */
interface Listing {
  podsVersion: number;
  tracked: readonly Pod[];
  groups: ListedGroups;
  pods: RecommenderProcess['pods'];
}
const lastListing = new WeakMap<World, Listing>();

/**
 * AddOrUpdatePod's aggregate states for the pod's containers: a module function, not a closure
 * made every run (which tsx also names, by a defineProperty each time).
 */
function register(world: World, proc: RecommenderProcess, pod: Pod): void {
  for (const key of aggregateKeysOf(pod)) proc.aggregates[key] ??= { createdMs: world.timeMs, lastSampleMs: -1 };
}

function loadPods(world: World, proc: RecommenderProcess, out: CaLogLine[]): Listing {
  const kept = lastListing.get(world);
  if (kept !== undefined && kept.podsVersion === world.podsVersion && kept.pods === proc.pods) {
    if (proc.registerAllPods) for (const p of kept.tracked) register(world, proc, p);
    proc.registerAllPods = false;
    return kept;
  }
  // The pod informer lists every pod but Pending ones (cluster_feeder.go newPodClients).
  // Sized for every pod and cut to the listed ones after: grown by push, the four lists of ~6,000
  // were copied at each growth, three times their size in all, at each change of the pods.
  const size = world.pods.size;
  const tracked = new Array<Pod>(size);
  const uids = new Array<number>(size);
  const names = new Array<string>(size);
  const namespaces = new Array<string>(size);
  // What LoadRealTimeMetrics reads of each pod (ListedGroups), taken in this walk while the pod is at hand.
  const podSlots = new Int32Array(size);
  const podGroups = new Int32Array(size);
  const podContainers = new Int32Array(size);
  const keyLists: (readonly string[])[] = [];
  const groupIndex = new Map<readonly string[], number>();
  let last: Pod | undefined;
  let lastGroup = -1;
  let n = 0;
  // Pods enter the world in uid order and keep their place, so the list usually ascends.
  let ascending = true;
  for (const p of world.pods.values()) {
    if (p.state === 'Gone' || podPhase(p) === 'Pending') continue;
    if (n > 0 && p.uid <= uids[n - 1]) ascending = false;
    tracked[n] = p;
    uids[n] = p.uid;
    names[n] = p.name;
    namespaces[n] = p.namespace;
    // A template's pods mostly come together: the one before's keys when aggregateKeysOf would
    // answer the same (same container list and owner), without its lookup.
    const containers = p.spec.containers;
    let g = lastGroup;
    if (last === undefined || containers !== last.spec.containers || p.ownerKind === 'None' || p.ownerKind !== last.ownerKind || p.ownerName !== last.ownerName || p.namespace !== last.namespace) {
      const keys = aggregateKeysOf(p);
      g = groupIndex.get(keys) ?? keyLists.length;
      if (g === keyLists.length) {
        keyLists.push(keys);
        groupIndex.set(keys, g);
      }
    }
    last = p;
    lastGroup = g;
    podSlots[n] = p.cpuSlot;
    podGroups[n] = g;
    podContainers[n] = containers.length;
    n++;
  }
  tracked.length = n;
  uids.length = n;
  names.length = n;
  namespaces.length = n;
  // AddOrUpdatePod makes the aggregate states of a pod's containers (register); only a pod new to
  // the run, or every pod after a garbage collection removed some, can lack one.
  const deleted = deletedSinceLastRun(proc, uids, ascending, (k) => {
    if (!proc.registerAllPods) register(world, proc, tracked[k]);
  });
  if (proc.registerAllPods) for (const p of tracked) register(world, proc, p);
  proc.registerAllPods = false;
  for (const id of deleted) out.push(infoS(3, 'cluster_feeder.go:471', 'Deleting Pod', { pod: refOf(id) }));
  proc.pods = { uids, names, namespaces };
  const groups = groupsInSlotOrder(world.podCpu.next, podSlots, podGroups, podContainers, n, keyLists);
  const listing = { podsVersion: world.podsVersion, tracked, groups, pods: proc.pods };
  lastListing.set(world, listing);
  return listing;
}

/**
 * The listed pods grouped by their aggregate keys (pods of one template share one key list,
 * aggregateKeysOf), with each pod's container count and CPU ledger slot: kept with the listing,
 * which LoadPods keeps while world.podsVersion holds, so a run reads only each pod's metric columns
 * instead of looking its keys up. A pod's keys, container count and slot stay while it is listed:
 * the VPA's in-place updates replace a container list, never its names.
 *
 * In ascending slot order, not the listing's: what a run takes from the pods is counts and
 * maxima, and the columns read in slot order stream through the cache (in the listing's order,
 * slots reused from removed pods scatter the reads over ~100 kB, each one a miss).
 */
interface ListedGroups {
  slots: Int32Array;
  groupOf: Int32Array;
  keyLists: (readonly string[])[];
  containerCounts: Int32Array;
}

/** The listing's pods `0..n)` (their slots, groups and container counts) in ascending slot order. */
function groupsInSlotOrder(slotCount: number, podSlots: Int32Array, podGroups: Int32Array, podContainers: Int32Array, n: number, keyLists: (readonly string[])[]): ListedGroups {
  const bySlot = new Int32Array(slotCount).fill(-1);
  for (let i = 0; i < n; i++) bySlot[podSlots[i]] = i;
  const slots = new Int32Array(n);
  const groupOf = new Int32Array(n);
  const containerCounts = new Int32Array(n);
  let j = 0;
  for (let slot = 0; slot < slotCount; slot++) {
    const i = bySlot[slot];
    if (i < 0) continue;
    slots[j] = slot;
    groupOf[j] = podGroups[i];
    containerCounts[j] = podContainers[i];
    j++;
  }
  return { slots, groupOf, keyLists, containerCounts };
}

function loadRealTimeMetrics(world: World, proc: RecommenderProcess, groups: ListedGroups, out: CaLogLine[]): void {
  let containerCount = 0;
  if (metricsServerDown(world)) {
    out.push(errorS('cluster_feeder.go:496', METRICS_UNAVAILABLE, 'Cannot get ContainerMetricsSnapshot from MetricsClient'));
  } else {
    let podMetrics = 0;
    const { groupOf, keyLists, containerCounts, slots } = groups;
    // Each group's newest sample: an aggregate state's last sample time is the latest of its pods'.
    const newest = new Float64Array(keyLists.length).fill(-Infinity);
    // The pods LoadPods just listed: a pod with a metric is never Gone and never in the Pending
    // phase (the lifecycle has no way back there; checkInvariants holds it). Read from the CPU ledger's columns, not from 5,000 pods and their metric objects scattered in
    // memory: the CPU column is NaN exactly when the pod has no metric (checkInvariants holds it),
    // and a metric's timestamp is its slot's last scrape, which metrics-server writes with it.
    const { metricCpuMillis, scrapeMs } = world.podCpu;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const cpuMillis = metricCpuMillis[slot];
      if (cpuMillis !== cpuMillis) continue;
      podMetrics++;
      containerCount += containerCounts[i];
      const g = groupOf[i];
      const at = scrapeMs[slot];
      if (at > newest[g]) newest[g] = at;
    }
    for (let g = 0; g < keyLists.length; g++) {
      const at = newest[g];
      if (at === -Infinity) continue;
      const keys = keyLists[g];
      for (let k = 0; k < keys.length; k++) {
        const state = proc.aggregates[keys[k]];
        if (state && at > state.lastSampleMs) state.lastSampleMs = at;
      }
    }
    out.push(infoS(3, 'metrics_client.go:76', 'podMetrics retrieved for all namespaces', { podMetrics }));
  }
  // Each container's snapshot is a CPU and a memory sample; every pod with metrics is tracked.
  out.push(infoS(3, 'cluster_feeder.go:523', 'ClusterSpec fed with ContainerUsageSamples', { sampleCount: 2 * containerCount, containerCount, droppedSampleCount: 0 }));
  for (const oom of proc.ooms.splice(0)) out.push(oomDetected(world, oom));
}

function oomDetected(world: World, oom: QueuedOom): CaLogLine {
  // OomInfo through encoding/json: ContainerID embeds PodID, whose fields JSON lifts into it.
  const oomInfo = goJson({
    Timestamp: goJsonTime(world.startEpochMs + oom.atMs),
    Memory: oom.requestBytes,
    ContainerID: { Namespace: oom.namespace, PodName: oom.pod, ContainerName: oom.container },
  });
  return infoS(3, 'cluster_feeder.go:528', 'OOM detected', { oomInfo });
}

/** UpdateVPAs' RecordRecommendation: a VPA left without a recommendation is reported every 30 minutes. */
function recordRecommendations(world: World, proc: RecommenderProcess, withoutRecommendation: ReadonlySet<string>, out: CaLogLine[]): void {
  for (const o of vpaObjects(world)) {
    const id = vpaId(o.vpa);
    if (!withoutRecommendation.has(id)) {
      delete proc.emptyVpas[id];
      continue;
    }
    const last = proc.emptyVpas[id];
    if (last === undefined) proc.emptyVpas[id] = world.timeMs;
    else if (last + MISSING_MAX_MS < world.timeMs) {
      proc.emptyVpas[id] = world.timeMs;
      out.push(infoS(0, 'recommender.go:110', '', { err: `VPA ${id} is missing recommendation for more than 30m0s` }));
    }
  }
}

function maintainCheckpoints(world: World, proc: RecommenderProcess, out: CaLogLine[]): void {
  for (const o of vpaObjects(world)) {
    const ns = vpaNamespace(o.vpa);
    for (const container of Object.keys(o.containers).sort()) {
      out.push(savedCheckpointLine(o, container));
      const name = `${o.vpa.metadata.name}-${container}`;
      if (!proc.checkpoints.some((c) => c.namespace === ns && c.name === name)) proc.checkpoints.push({ namespace: ns, name, vpa: o.vpa.metadata.name });
    }
  }
  // Every --checkpoints-gc-interval from the process's start (t=0); the first run after the
  // interval has passed, which with runs every minute is each tenth.
  if (world.timeMs === 0 || world.timeMs % CHECKPOINT_GC_MS !== 0) return;
  out.push(infoS(3, 'cluster_feeder.go:295', 'Starting garbage collection of checkpoints'));
  const live = new Set(vpaObjects(world).map((o) => vpaId(o.vpa)));
  const byKey = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) =>
    a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  proc.checkpoints.sort(byKey);
  proc.checkpoints = proc.checkpoints.filter((c) => {
    if (live.has(`${c.namespace}/${c.vpa}`)) return true;
    out.push(infoS(3, 'cluster_feeder.go:360', 'Orphaned VPA checkpoint cleanup - deleting', { checkpoint: kref(c.namespace, c.name) }));
    return false;
  });
}

/**
 * clusterState starts its last collection at the Unix epoch, so the first run collects, then every
 * hour. An aggregate state is kept while a running pod has it or it has samples younger than the
 * window. Its key is a struct of unexported fields: encoding/json prints {}.
 */
function collectAggregates(world: World, proc: RecommenderProcess, tracked: readonly Pod[], out: CaLogLine[]): void {
  const periodMs = VPA_DEFAULTS.recommenderIntervalSeconds * 1000;
  if ((world.timeMs - periodMs) % AGGREGATE_GC_MS !== 0) return;
  out.push(infoS(1, 'cluster.go:405', 'Garbage collection of AggregateCollectionStates triggered'));
  const contributive = new Set<string>();
  for (const p of tracked) if (podPhase(p) === 'Running') for (const key of aggregateKeysOf(p)) contributive.add(key);
  for (const key of Object.keys(proc.aggregates).sort()) {
    const a = proc.aggregates[key];
    const empty = a.lastSampleMs < 0;
    if (empty && !contributive.has(key)) {
      out.push(infoS(1, 'cluster.go:412', 'Removing empty and not contributive AggregateCollectionState', { key: goJson({}) }));
      delete proc.aggregates[key];
      proc.registerAllPods = true;
    } else if (world.timeMs - (empty ? a.createdMs : a.lastSampleMs) >= AGGREGATION_WINDOW_MS) {
      out.push(infoS(1, 'cluster.go:417', 'Removing expired AggregateCollectionState', { key: goJson({}) }));
      delete proc.aggregates[key];
      proc.registerAllPods = true;
    }
  }
}

/**
 * Everything one RunOnce prints, in its order, once the engine has written this run's
 * recommendations (`withoutRecommendation`: the VPAs this run gave none).
 */
export function recommenderRunLines(world: World, proc: RecommenderProcess, withoutRecommendation: ReadonlySet<string>): CaLogLine[] {
  const out: CaLogLine[] = [RECOMMENDER_RUN_LINE];
  const objs = vpaObjects(world);
  out.push(SELECTING_VPAS_LINE, infoS(3, 'cluster_feeder.go:422', 'Fetching VPAs', { count: objs.length }));
  for (const o of objs) {
    const target = targetSelector(world, o.vpa);
    if ('error' in target) out.push(errorS('cluster_feeder.go:615', target.error, "Cannot get target selector from VPA's targetRef"));
    out.push(usingSelectorLine(o, 'selector' in target ? target.selector : ''));
  }
  const ids = objs.map((o) => vpaId(o.vpa));
  for (const id of proc.vpas) if (!ids.includes(id)) out.push(infoS(3, 'cluster_feeder.go:450', 'Deleting VPA', { vpa: refOf(id) }));
  proc.vpas = ids;
  const { tracked, groups } = loadPods(world, proc, out);
  loadRealTimeMetrics(world, proc, groups, out);
  out.push(infoS(3, 'recommender.go:158', 'ClusterState is tracking', { pods: tracked.length, vpas: objs.length }));
  recordRecommendations(world, proc, withoutRecommendation, out);
  maintainCheckpoints(world, proc, out);
  collectAggregates(world, proc, tracked, out);
  out.push(infoS(3, 'recommender.go:170', 'ClusterState is tracking', { aggregateContainerStates: Object.keys(proc.aggregates).length }));
  return out;
}

