import type { LoadSpec, LoadState, Pod, World } from '../core/types';
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
}

const indexCache = new WeakMap<World, ReadyIndex>();

export function readyIndex(world: World): ReadyIndex {
  const cached = indexCache.get(world);
  if (cached && cached.version === world.readyVersion) return cached;
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
    const t = previous.get(load) ?? { load, size: 0, caps: [], slots: [], groups: [], state: undefined };
    t.size = 0;
    t.groups = [];
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
  return { version: world.readyVersion, loads, busy, targets, targetOfSlot };
}
