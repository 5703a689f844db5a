import type { LoadSpec, LoadState, Pod, World } from '../core/types';
import { oweCpu, settleCpu } from '../cluster/cpuLedgerPending';
import { loadByDeployment } from './targets';
import { podBusyCpuMillis, podCpuCap } from './workloadModel';

/**
 * Which Ready pods each load reaches, and which Ready pods run a busy loop of their own. Derived
 * data, rebuilt only when a pod becomes or stops being Ready (or a load, service or deployment
 * changes: those bump world.readyVersion too); kept outside the world so checkpoints stay lean.
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
   * A pod of the target also runs a busy loop: its counter takes the request CPU, then the loop's,
   * every tick, so the target's additions are made at once to keep that order.
   */
  busyInside: boolean;
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
  // The rebuild refills the targets' slot lists: what they owe goes to the pods it was owed to.
  if (cached?.owing) settleCpu(world);
  const built = buildIndex(world, cached);
  indexCache.set(world, built);
  return built;
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
    const t = previous.get(load) ?? { load, size: 0, caps: [], slots: [], groups: [], state: undefined, owed: new Float64Array(32), owedCount: 0, busyInside: false };
    t.size = 0;
    t.groups = [];
    t.busyInside = false;
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
      busyRate = Math.min(demand, podCpuCap(pod, node));
      busy.pods.push(pod);
      busy.rates.push(busyRate);
    }
    if (target === undefined) continue;
    // A NotReady node's pods are marked not Ready by the node lifecycle controller (MarkPodsNotReady),
    // so the Service's endpoints drop them: traffic goes to the other pods.
    if (node?.state === 'NotReady') continue;
    const fullCap = limitCpu > 0 ? limitCpu : (node?.allocatable.cpuMillis ?? 1000);
    const cap = Math.max(1, fullCap - busyRate);
    target.caps[target.size] = cap;
    target.slots[target.size] = pod.cpuSlot;
    target.size++;
    if (busyRate > 0) target.busyInside = true;
    countCap(target.groups, cap);
  }
  for (const t of filled) {
    t.caps.length = t.size;
    t.slots.length = t.size;
  }
  const targets = [...byTarget.values()];
  const slotCount = world.podCpu.used.length;
  const targetOfSlot = reuse !== undefined && reuse.targetOfSlot.length === slotCount ? reuse.targetOfSlot : new Int32Array(slotCount);
  targetOfSlot.fill(-1);
  for (let i = 0; i < targets.length; i++) {
    const { slots, size } = targets[i];
    for (let j = 0; j < size; j++) targetOfSlot[slots[j]] = i;
  }
  return { version: world.readyVersion, loads, busy, targets, targetOfSlot, owing: false };
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
