import type { LoadSpec, LoadState, Node, Pod, World } from '../core/types';
import { oweCpu, settleCpu } from '../cluster/cpuLedgerPending';
import { listenForReadyChanges, readyChangesSince } from '../cluster/readyChanges';
import { loadByDeployment } from './targets';
import { podBusyCpuMillis, podCpuCap } from './workloadModel';

/**
 * Which Ready pods each load reaches, and which Ready pods run a busy loop of their own. Derived
 * data, brought up to date when a pod becomes or stops being Ready (by following just those pods:
 * readyIndexChanges.ts), and rebuilt when a load, service, deployment or node's readiness changes
 * (those bump world.readyVersion too); kept outside the world so checkpoints stay lean.
 * Both come from one walk over the pods: two walks (the busy pods, then the targets) fetched every
 * pod object from memory twice per rebuild, ~50 rebuilds an hour at 6,600 pods.
 */

/** Pods grouped by capacity: most targets have one group, since replicas share a template. */
export interface CapGroup {
  cap: number;
  count: number;
}

/** The Ready pods a load reaches, as columns in pod order. */
export interface TargetPods {
  load: LoadSpec;
  /** How many pods. */
  size: number;
  /** Each pod's CPU cap (limit, or node allocatable). */
  caps: number[];
  /** Each pod's slot in world.podCpu, parallel to `caps`. */
  slots: number[];
  /** Each pod's uid, parallel to `caps`: ascending, as the pods are in world.pods. */
  uids: number[];
  groups: CapGroup[];
  /**
   * The world's loadStates entry for this target once stepLoad has set it: stepLoad is its only
   * writer and, after the first tick, rewrites that object in place, so the entry never changes
   * and need not be looked up by name for every target at every tick.
   */
  state: LoadState | undefined;
  /**
   * The CPU each pod of the target is owed, one product per tick, oldest first (`owedCount` of
   * them): written into the ledger when it is next read or changed (cluster/cpuLedgerPending).
   */
  owed: Float64Array;
  owedCount: number;
  /**
   * How many pods of the target also run a busy loop: such a counter takes the request CPU, then
   * the loop's, every tick, so the target's additions are made at once to keep that order.
   */
  busyInside: number;
}

/** Ready pods with a constant CPU demand and the rate each burns, parallel arrays. */
export interface BusyPods {
  pods: Pod[];
  rates: number[];
}

export interface ReadyIndex {
  version: number;
  /** The load (if any) that sends traffic to each Deployment. */
  loads: Map<string, LoadSpec>;
  /** Each load's target, by the load's target name. */
  byTarget: Map<string, TargetPods>;
  busy: BusyPods;
  targets: TargetPods[];
  /**
   * Each CPU ledger slot's position in `targets` (-1: no load reaches the pod), as long as the
   * ledger's columns were at the build. The scrape reads a pod's in-flight memory through it: one
   * figure per target, where a column by slot was zeroed and refilled at every scrape.
   */
  targetOfSlot: Int32Array;
  /** Some target owes CPU, and settleOwedCpu is registered to write it. */
  owing: boolean;
}

const indexCache = new WeakMap<World, ReadyIndex>();

export function readyIndex(world: World): ReadyIndex {
  const cached = indexCache.get(world);
  if (cached && cached.version === world.readyVersion) return cached;
  // The update changes the targets' slot lists: what they owe goes to the pods it was owed to.
  if (cached?.owing) settleCpu(world);
  const changed = cached === undefined || !followChanges ? undefined : readyChangesSince(world, cached.version);
  let index: ReadyIndex;
  if (changed !== undefined && cached !== undefined) {
    followReadyChanges(world, cached, changed);
    cached.version = world.readyVersion;
    index = cached;
  } else {
    index = buildIndex(world, cached);
    indexCache.set(world, index);
  }
  listenForReadyChanges(world);
  return index;
}

/** A test's switch: rebuild the index at every change, to compare it with the one that follows pods. */
let followChanges = true;
export function setReadyChangeFollowing(on: boolean): void {
  followChanges = on;
}

/** What a Ready pod's own busy loop burns, given the loop's demand (> 0): at most the pod's cap. */
function busyRateOf(demand: number, pod: Pod, node: Node | undefined): number {
  return Math.min(demand, podCpuCap(pod, node));
}

/** The CPU a Ready pod can give its load: its cap, less what its busy loop burns (at least 1m). */
function loadCapOf(pod: Pod, node: Node | undefined, busyRate: number): number {
  return Math.max(1, podCpuCap(pod, node) - busyRate);
}

/** One more pod under `cap` (a loop: `find` made a closure per Ready pod per rebuild). */
function countCap(groups: CapGroup[], cap: number): void {
  for (let i = 0; i < groups.length; i++) {
    if (groups[i].cap === cap) {
      groups[i].count++;
      return;
    }
  }
  groups.push({ cap, count: 1 });
}

/**
 * The targets are refilled in the columns of the previous build (`reuse`, same load object), and
 * so is `targetOfSlot`: only stepLoad and the scrape read them, each within its own pass, neither
 * while the other runs, and they keep nothing. Fresh columns each rebuild were ~10 MB an hour at
 * 6,000 pods (three arrays grown by push, ~50 rebuilds).
 */
function buildIndex(world: World, reuse: ReadyIndex | undefined): ReadyIndex {
  const loads = loadByDeployment(world);
  const busy: BusyPods = { pods: [], rates: [] };
  const previous = new Map<LoadSpec, TargetPods>();
  if (reuse !== undefined) for (const t of reuse.targets) previous.set(t.load, t);
  const byTarget = new Map<string, TargetPods>();
  const filled: TargetPods[] = [];
  for (const load of world.loads.values()) {
    const t = previous.get(load) ?? { load, size: 0, caps: [], slots: [], uids: [], groups: [], state: undefined, owed: new Float64Array(32), owedCount: 0, busyInside: 0 };
    t.size = 0;
    t.groups = [];
    t.busyInside = 0;
    byTarget.set(load.target, t);
    filled.push(t);
  }
  // Without a NotReady node, a pod with a CPU limit and no busy loop needs no node lookup (one map
  // lookup by name per Ready pod per rebuild otherwise).
  let anyNodeNotReady = false;
  for (const node of world.nodes.values()) {
    if (node.state === 'NotReady') {
      anyNodeNotReady = true;
      break;
    }
  }
  // The previous pod's deployment, load and target: a Deployment's pods mostly come one after
  // another in the pod list, and the map lookups per Ready pod were most of a rebuild.
  let lastDeployment = '';
  let load: LoadSpec | undefined;
  let target: TargetPods | undefined;
  for (const pod of world.pods.values()) {
    if (pod.state !== 'Ready') continue;
    if (pod.deployment !== lastDeployment) {
      lastDeployment = pod.deployment;
      load = pod.deployment ? loads.get(pod.deployment) : undefined;
      target = load === undefined ? undefined : byTarget.get(load.target)!;
    }
    const demand = podBusyCpuMillis(pod, load);
    const limitCpu = pod.limit.cpuMillis;
    const node = demand > 0 || anyNodeNotReady || !(limitCpu > 0) ? world.nodes.get(pod.nodeName) : undefined;
    // What the pod's own loop burns: the load model leaves that much of its cap to the loop.
    let busyRate = 0;
    if (demand > 0) {
      busyRate = busyRateOf(demand, pod, node);
      busy.pods.push(pod);
      busy.rates.push(busyRate);
    }
    if (target === undefined) continue;
    // A NotReady node's pods are marked not Ready by the node lifecycle controller (MarkPodsNotReady),
    // so the Service's endpoints drop them: traffic goes to the other pods.
    if (node?.state === 'NotReady') continue;
    const cap = loadCapOf(pod, node, busyRate);
    target.caps[target.size] = cap;
    target.slots[target.size] = pod.cpuSlot;
    target.uids[target.size] = pod.uid;
    target.size++;
    if (busyRate > 0) target.busyInside++;
    countCap(target.groups, cap);
  }
  for (const t of filled) {
    t.caps.length = t.size;
    t.slots.length = t.size;
    t.uids.length = t.size;
  }
  const targets = [...byTarget.values()];
  const targetOfSlot = slotsToTargets(world, targets, reuse?.targetOfSlot);
  return { version: world.readyVersion, loads, byTarget, busy, targets, targetOfSlot, owing: false };
}

/** Each ledger slot's target, as `targets` hold them now (in `reuse` if the ledger has not grown). */
function slotsToTargets(world: World, targets: readonly TargetPods[], reuse: Int32Array | undefined): Int32Array {
  const slotCount = world.podCpu.used.length;
  const targetOfSlot = reuse !== undefined && reuse.length === slotCount ? reuse : new Int32Array(slotCount);
  targetOfSlot.fill(-1);
  for (let i = 0; i < targets.length; i++) {
    const { slots, size } = targets[i];
    for (let j = 0; j < size; j++) targetOfSlot[slots[j]] = i;
  }
  return targetOfSlot;
}

/** The first position in `uids[0, size)` whose uid is at least `uid` (they ascend). */
function positionOfUid(uids: readonly number[], size: number, uid: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (uids[mid] < uid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position in `pods` whose uid is at least `uid` (they ascend, as in world.pods). */
function positionOfPod(pods: readonly Pod[], uid: number): number {
  let lo = 0;
  let hi = pods.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pods[mid].uid < uid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Brings `index` up to date after the pods in `changed` became or stopped being Ready, and
 * nothing else that the index reads changed: the same columns, in the same order, as a rebuild
 * would make. world.pods holds pods in creation order, which is uid order, so a pod's place in a
 * column is found by its uid. Every changed pod leaves first and the Ready ones come back after:
 * a pod that left may have handed its ledger slot to one that arrived.
 */
function followReadyChanges(world: World, index: ReadyIndex, changed: readonly Pod[]): void {
  const { busy, loads, byTarget, targets, targetOfSlot } = index;
  // Arrays walked by index, not a Set walked by for...of: iterating a Set here made the engine's
  // iterator calls polymorphic, and the CA's walk over world.pods.values() then allocated an
  // iterator result per pod (4.7 MB an hour in medium-ca, measured by bench:alloc).
  const seen = new Set<Pod>();
  const pods: Pod[] = [];
  for (let i = 0; i < changed.length; i++) {
    if (seen.has(changed[i])) continue;
    seen.add(changed[i]);
    pods.push(changed[i]);
  }
  const touched: TargetPods[] = [];
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    const b = busy.pods.indexOf(pod);
    const busyRate = b < 0 ? 0 : busy.rates[b];
    if (b >= 0) {
      busy.pods.splice(b, 1);
      busy.rates.splice(b, 1);
    }
    const load = pod.deployment ? loads.get(pod.deployment) : undefined;
    const t = load === undefined ? undefined : byTarget.get(load.target);
    if (t === undefined) continue;
    const j = positionOfUid(t.uids, t.size, pod.uid);
    if (j === t.size || t.uids[j] !== pod.uid) continue;
    if (t.slots[j] < targetOfSlot.length) targetOfSlot[t.slots[j]] = -1;
    t.caps.splice(j, 1);
    t.slots.splice(j, 1);
    t.uids.splice(j, 1);
    t.size--;
    if (busyRate > 0) t.busyInside--;
    if (!touched.includes(t)) touched.push(t);
  }
  const grown = targetOfSlot.length !== world.podCpu.used.length;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    if (pod.state !== 'Ready') continue;
    const load = pod.deployment ? loads.get(pod.deployment) : undefined;
    const demand = podBusyCpuMillis(pod, load);
    const node = world.nodes.get(pod.nodeName);
    let busyRate = 0;
    if (demand > 0) {
      busyRate = busyRateOf(demand, pod, node);
      const b = positionOfPod(busy.pods, pod.uid);
      busy.pods.splice(b, 0, pod);
      busy.rates.splice(b, 0, busyRate);
    }
    const t = load === undefined ? undefined : byTarget.get(load.target);
    if (t === undefined || node?.state === 'NotReady') continue;
    const j = positionOfUid(t.uids, t.size, pod.uid);
    t.caps.splice(j, 0, loadCapOf(pod, node, busyRate));
    t.slots.splice(j, 0, pod.cpuSlot);
    t.uids.splice(j, 0, pod.uid);
    t.size++;
    if (busyRate > 0) t.busyInside++;
    if (!grown) targetOfSlot[pod.cpuSlot] = targets.indexOf(t);
    if (!touched.includes(t)) touched.push(t);
  }
  // The ledger grew for a newcomer: every slot's target is written into a longer column.
  if (grown) index.targetOfSlot = slotsToTargets(world, targets, undefined);
  for (const t of touched) {
    t.groups = [];
    for (let j = 0; j < t.size; j++) countCap(t.groups, t.caps[j]);
  }
}

/** A fresh index of the world as it is, sharing nothing with the cached one: for tests. */
export function freshReadyIndex(world: World): ReadyIndex {
  return buildIndex(world, undefined);
}

/**
 * Adds what the target's pods are owed to their counters: per slot, the products in tick order
 * (a running sum kept in a local, the same additions in the same order as one per tick). Four
 * counters at a time: one counter's sums wait each for the one before, four chains keep the
 * adder busy (a fifth of the eager additions' time where one chain took a third).
 */
export function settleTarget(used: Float64Array, t: TargetPods): void {
  const n = t.owedCount;
  if (n === 0) return;
  const { slots, owed, size } = t;
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const a = slots[i];
    const b = slots[i + 1];
    const c = slots[i + 2];
    const d = slots[i + 3];
    let sa = used[a];
    let sb = used[b];
    let sc = used[c];
    let sd = used[d];
    for (let k = 0; k < n; k++) {
      const x = owed[k];
      sa += x;
      sb += x;
      sc += x;
      sd += x;
    }
    used[a] = sa;
    used[b] = sb;
    used[c] = sc;
    used[d] = sd;
  }
  for (; i < size; i++) {
    const slot = slots[i];
    let sum = used[slot];
    for (let k = 0; k < n; k++) sum += owed[k];
    used[slot] = sum;
  }
  t.owedCount = 0;
}

function settleOwedCpu(world: World): void {
  const index = indexCache.get(world);
  if (index === undefined) return;
  index.owing = false;
  const used = world.podCpu.used;
  for (const t of index.targets) settleTarget(used, t);
}

/** `added` more for every pod of the target, written when the ledger is next read or changed. */
export function oweTarget(world: World, index: ReadyIndex, t: TargetPods, added: number): void {
  if (t.owedCount === t.owed.length) settleTarget(world.podCpu.used, t);
  t.owed[t.owedCount++] = added;
  if (!index.owing) {
    index.owing = true;
    oweCpu(world, settleOwedCpu);
  }
}
