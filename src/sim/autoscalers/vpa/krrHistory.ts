/**
 * The playground's own "Prometheus" for KRR: every 1.25 minutes (the simple strategy's step) each
 * Deployment pod's metric (what metrics-server last saw) is appended to a per-pod series, kept for
 * the strategy's 14-day window. `krrRows` runs the simple strategy over it; `krrSimpleView` prints
 * the table `krr simple` prints. A one-off report: nothing here acts on the cluster.
 */
import type { World } from '../../core/types';
import { METRIC_RESOLUTION_MS } from '../../metrics/metricsServer';
import { formatKrrTable, krrSimpleRecommend, KRR_SIMPLE_DEFAULTS, samplesAtStep, type KrrRow, type KrrSettings, type KrrValue } from './krr';
import { blockBytes, blockEnd, blockFrames, buildKrrBlock, forEachBlockSeries, KRR_BLOCK_SECONDS, type KrrBlock, type KrrBlockFrame } from './krrBlocks';

/**
 * One pod's history, as krrRows reads it: parallel arrays (seconds, millicores, MiB). Built on
 * demand from the frames; the world keeps frames, not these.
 */
export interface KrrPodSeries {
  namespace: string;
  /** The Deployment the pod belonged to. */
  workload: string;
  t: number[];
  cpu: number[];
  mem: number[];
}

/** Which pods a frame covers, by position. Consecutive frames over the same pods share one. */
export interface KrrFramePods {
  names: readonly string[];
  namespaces: readonly string[];
  workloads: readonly string[];
}

/**
 * One step's samples of every Deployment pod, column by column. Values are stored as integers
 * (thousandths, the precision they are rounded to), so v / 1000 is exactly the rounded value.
 * A frame is frozen once written: checkpoints share it instead of copying it (cloneData shares
 * frozen objects), so a day of history costs its size once, not once per checkpoint.
 */
export interface KrrFrame {
  t: number;
  pods: KrrFramePods;
  cpu: Int32Array | Float64Array;
  mem: Int32Array | Float64Array;
}

export interface KrrHistory {
  /**
   * Closed 2-hour windows, compacted (krrBlocks.ts), oldest first; frozen, so checkpoints share them.
   * Optional only for worlds made before blocks existed.
   */
  blocks?: KrrBlock[];
  /** The head: the current 2-hour window's frames, oldest first; trimmed to the strategy's window. */
  frames: KrrFrame[];
  lastSampleMs: number;
}

export const KRR_STEP_MS = KRR_SIMPLE_DEFAULTS.timeframeDurationMinutes * 60_000;
const WINDOW_SECONDS = KRR_SIMPLE_DEFAULTS.historyDurationHours * 3600;

export function emptyKrrHistory(): KrrHistory {
  return { blocks: [], frames: [], lastSampleMs: -1 };
}

/** The world's KRR history, if its VPA state has one yet (the first 75-s step makes it). */
export function krrHistoryIn(world: World): KrrHistory | undefined {
  return (world.autoscalers.vpa as { krr?: KrrHistory } | undefined)?.krr;
}

function historyOf(world: World): KrrHistory {
  const existing = krrHistoryIn(world);
  if (existing) return existing;
  const created = emptyKrrHistory();
  const s = world.autoscalers.vpa as { krr?: KrrHistory } | undefined;
  if (s) s.krr = created;
  return created;
}

/** How often frames are trimmed to the window (trimming every step would cost more than it saves). */
const PRUNE_EVERY_SECONDS = 3600;
const INT32_MAX = 2_147_483_647;

let scratch = { picked: new Int32Array(0), cpu: new Int32Array(0), mem: new Int32Array(0) };

/**
 * The Deployment pods' CPU slots, names, namespaces and Deployments in the world's pod order, kept
 * while world.podsVersion holds: no pod was created or removed, and a pod's name, namespace and
 * Deployment never change. A sample then reads the metric columns by slot instead of fetching
 * every pod (every 15 s), and a frame's pods are taken from here by position, not looked up by name.
 */
interface DeploymentPodSlots {
  podsVersion: number;
  slots: Int32Array;
  names: string[];
  namespaces: string[];
  workloads: string[];
}
const keptSlots = new WeakMap<World, DeploymentPodSlots>();

function deploymentPodSlots(world: World): DeploymentPodSlots {
  const kept = keptSlots.get(world);
  if (kept !== undefined && kept.podsVersion === world.podsVersion) return kept;
  // Sized for every pod and cut to the Deployment pods after: grown by push, the three lists were
  // copied at each growth.
  const size = world.pods.size;
  const slots = new Int32Array(size);
  const names = new Array<string>(size);
  const namespaces = new Array<string>(size);
  const workloads = new Array<string>(size);
  let n = 0;
  // forEach, not for...of: this runs too seldom to be optimized, and unoptimized for...of over a
  // Map makes an iterator result per pod.
  world.pods.forEach((pod) => {
    if (!pod.deployment) return;
    slots[n] = pod.cpuSlot;
    names[n] = pod.name;
    namespaces[n] = pod.namespace;
    workloads[n] = pod.deployment;
    n++;
  });
  names.length = n;
  namespaces.length = n;
  workloads.length = n;
  const fresh = { podsVersion: world.podsVersion, slots: slots.subarray(0, n), names, namespaces, workloads };
  keptSlots.set(world, fresh);
  return fresh;
}

/**
 * Frame pods that hold every pod of a listing, by that listing. A frame of the same listing whose
 * pods all have a sample again has these very names, so it shares them without comparing 5,000
 * names (a frame shares its predecessor's pods exactly when the names are the same).
 */
const wholeListingOf = new WeakMap<KrrFramePods, DeploymentPodSlots>();

/** The listed pods at `picked[0..n)` have the names of `pods`. */
function sameNames(pods: KrrFramePods, listed: readonly string[], picked: Int32Array, n: number): boolean {
  const names = pods.names;
  if (names.length !== n) return false;
  for (let i = 0; i < n; i++) if (names[i] !== listed[picked[i]]) return false;
  return true;
}

function pickedPods(listing: DeploymentPodSlots, picked: Int32Array, n: number): KrrFramePods {
  const names = new Array<string>(n);
  const namespaces = new Array<string>(n);
  const workloads = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const at = picked[i];
    names[i] = listing.names[at];
    namespaces[i] = listing.namespaces[at];
    workloads[i] = listing.workloads[at];
  }
  return Object.freeze({ names: Object.freeze(names), namespaces: Object.freeze(namespaces), workloads: Object.freeze(workloads) });
}

/**
 * The columns of a step where some thousandth does not fit an int32 (no real pod's): each column
 * as int32 if all of its values fit, else as exact doubles.
 */
function wideColumns(world: World, slots: Int32Array, picked: Int32Array, n: number): { cpu: Int32Array | Float64Array; mem: Int32Array | Float64Array } {
  const { metricCpuMillis, metricMemoryMiB } = world.podCpu;
  const cpu = new Float64Array(n);
  const mem = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const slot = slots[picked[k]];
    cpu[k] = Math.round(metricCpuMillis[slot] * 1000);
    mem[k] = Math.round(metricMemoryMiB[slot] * 1000);
  }
  const fits = (values: Float64Array) => values.every((v) => !(v > INT32_MAX || v < -INT32_MAX));
  return { cpu: fits(cpu) ? Int32Array.from(cpu) : cpu, mem: fits(mem) ? Int32Array.from(mem) : mem };
}

/** One step: record every Deployment pod's latest metric; hourly, forget what fell out of the window. */
export function sampleKrrHistory(world: World, history: KrrHistory): void {
  const now = world.timeMs / 1000;
  const prune = history.lastSampleMs < 0 || Math.floor(now / PRUNE_EVERY_SECONDS) !== Math.floor(history.lastSampleMs / 1000 / PRUNE_EVERY_SECONDS);
  history.lastSampleMs = world.timeMs;
  // Scratch columns sized for every pod and kept between samples: growing arrays by push to 30,000
  // entries, or allocating fresh buffers each step, costs more than the walk itself. A frame keeps
  // copies (slices, and the pods only when their names changed).
  const capacity = world.pods.size;
  if (scratch.cpu.length < capacity) scratch = { picked: new Int32Array(capacity), cpu: new Int32Array(capacity), mem: new Int32Array(capacity) };
  const { picked, cpu, mem } = scratch;
  // The metric's figures from the ledger's columns (NaN: no metric), not from each metric object.
  const { metricCpuMillis, metricMemoryMiB } = world.podCpu;
  const listing = deploymentPodSlots(world);
  const slots = listing.slots;
  let n = 0;
  // Written as int32 in the walk itself (a second pass converting doubles cost as much as the
  // walk); a value past int32, which no real pod reports, sends the step to wideColumns.
  let wide = false;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const cpuMillis = metricCpuMillis[slot];
    if (cpuMillis !== cpuMillis) continue;
    const c = Math.round(cpuMillis * 1000);
    const m = Math.round(metricMemoryMiB[slot] * 1000);
    if (c > INT32_MAX || c < -INT32_MAX || m > INT32_MAX || m < -INT32_MAX) wide = true;
    picked[n] = i;
    cpu[n] = c;
    mem[n] = m;
    n++;
  }
  if (prune) pruneHistory(history, now - WINDOW_SECONDS);
  if (n === 0) return;
  const prev = history.frames[history.frames.length - 1]?.pods;
  const whole = n === slots.length;
  let pods: KrrFramePods;
  if (prev !== undefined && ((whole && wholeListingOf.get(prev) === listing) || sameNames(prev, listing.names, picked, n))) pods = prev;
  else pods = pickedPods(listing, picked, n);
  if (whole) wholeListingOf.set(pods, listing);
  const columns = wide ? wideColumns(world, slots, picked, n) : { cpu: cpu.slice(0, n), mem: mem.slice(0, n) };
  history.frames.push(Object.freeze({ t: now, pods, cpu: columns.cpu, mem: columns.mem }));
  compactClosedWindows(history);
}

/**
 * Once a frame of a newer 2-hour window arrives, the older window is closed: its frames become one
 * compacted block (what Prometheus does with its head block). The samples stay exactly the same.
 */
export function compactClosedWindows(history: KrrHistory): void {
  const frames = history.frames;
  const newest = Math.floor(frames[frames.length - 1].t / KRR_BLOCK_SECONDS);
  let n = 0;
  while (n < frames.length && Math.floor(frames[n].t / KRR_BLOCK_SECONDS) < newest) n++;
  if (n === 0) return;
  const blocks = (history.blocks ??= []);
  // One block per closed window (normally the head holds a single one).
  let from = 0;
  while (from < n) {
    const w = Math.floor(frames[from].t / KRR_BLOCK_SECONDS);
    let to = from;
    while (to < n && Math.floor(frames[to].t / KRR_BLOCK_SECONDS) === w) to++;
    blocks.push(buildKrrBlock(frames.slice(from, to)));
    from = to;
  }
  frames.splice(0, n);
}

/** Forget samples older than `cutoff` (seconds), in blocks and head alike. */
function pruneHistory(history: KrrHistory, cutoff: number): void {
  const blocks = history.blocks ?? [];
  let b = 0;
  while (b < blocks.length && blockEnd(blocks[b]) < cutoff) b++;
  if (b > 0) blocks.splice(0, b);
  // The window's edge cuts through the oldest block: rebuild it from its samples at or after the cutoff.
  if (blocks.length > 0 && blockStart(blocks[0]) < cutoff) {
    const kept = blockFrames(blocks[0]).filter((f) => f.t >= cutoff);
    blocks[0] = buildKrrBlock(kept);
  }
  let n = 0;
  while (n < history.frames.length && history.frames[n].t < cutoff) n++;
  if (n > 0) history.frames.splice(0, n);
}

function blockStart(block: KrrBlock): number {
  return 'frames' in block ? block.frames[0].t : block.t[0];
}

/** Per-pod series from the frames, in the order pods were first seen. */
export function krrSeries(history: KrrHistory): Map<string, KrrPodSeries> {
  const series = new Map<string, KrrPodSeries>();
  const append = (name: string, namespace: string, workload: string, t: number[], cpu: number[], mem: number[]): void => {
    let s = series.get(name);
    if (!s) series.set(name, (s = { namespace, workload, t: [], cpu: [], mem: [] }));
    for (let k = 0; k < t.length; k++) {
      s.t.push(t[k]);
      s.cpu.push(cpu[k] / 1000);
      s.mem.push(mem[k] / 1000);
    }
  };
  for (const block of history.blocks ?? []) forEachBlockSeries(block, append);
  // The open window's frames read like a block that has not been compacted yet.
  forEachBlockSeries({ frames: history.frames }, append);
  return series;
}

/** Bytes the history's columns hold (frames shared by checkpoints count once). */
export function krrHistoryBytes(history: KrrHistory): number {
  let bytes = 0;
  for (const b of history.blocks ?? []) bytes += blockBytes(b);
  let lastPods: KrrFramePods | undefined;
  for (const f of history.frames) {
    bytes += f.cpu.byteLength + f.mem.byteLength;
    if (f.pods !== lastPods) bytes += f.pods.names.length * 24;
    lastPods = f.pods;
  }
  return bytes;
}

function current(v: number): KrrValue {
  return v > 0 ? v : null;
}

/** The simple strategy per container of every Deployment with history, in namespace/name order. */
export function krrRows(world: World, settings: KrrSettings = { ...KRR_SIMPLE_DEFAULTS }): KrrRow[] {
  const history = historyOf(world);
  const now = world.timeMs / 1000;
  const rows: KrrRow[] = [];
  const byWorkload = new Map<string, { namespace: string; name: string; pods: [string, KrrPodSeries][] }>();
  for (const entry of krrSeries(history)) {
    const key = `${entry[1].namespace}/${entry[1].workload}`;
    let w = byWorkload.get(key);
    if (!w) byWorkload.set(key, (w = { namespace: entry[1].namespace, name: entry[1].workload, pods: [] }));
    w.pods.push(entry);
  }
  for (const key of [...byWorkload.keys()].sort()) {
    const w = byWorkload.get(key)!;
    const d = world.deployments.get(w.name);
    if (!d || d.namespace !== w.namespace) continue;
    const containers = d.template.containers;
    const totalCpuRequest = containers.reduce((a, c) => a + c.requests.cpuMillis, 0);
    const totalMemRequest = containers.reduce((a, c) => a + c.requests.memoryMiB, 0);
    for (const c of containers) {
      // Pod metrics are per pod; a container's share follows its share of the requests.
      const cpuShare = totalCpuRequest > 0 ? c.requests.cpuMillis / totalCpuRequest : 1 / containers.length;
      const memShare = totalMemRequest > 0 ? c.requests.memoryMiB / totalMemRequest : 1 / containers.length;
      const cpuByPod: Record<string, number[]> = {};
      const memByPod: Record<string, number[]> = {};
      let points = 0;
      for (const [pod, s] of w.pods.slice().sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const cpu = s.t.map((t, i) => ({ t, v: s.cpu[i] * cpuShare }));
        const mem = s.t.map((t, i) => ({ t, v: s.mem[i] * memShare }));
        cpuByPod[pod] = samplesAtStep(cpu, now, settings);
        memByPod[pod] = samplesAtStep(mem, now, settings);
        // Prometheus scrapes at metrics-server's resolution: several raw points behind each step sample.
        points += (s.t.length * KRR_STEP_MS) / METRIC_RESOLUTION_MS;
      }
      rows.push(
        krrSimpleRecommend(
          {
            namespace: w.namespace,
            name: w.name,
            kind: 'Deployment',
            container: c.name,
            cpuSamplesMillisByPod: cpuByPod,
            memorySamplesMiBByPod: memByPod,
            current: {
              cpuRequest: current(c.requests.cpuMillis),
              cpuLimit: current(c.limits.cpuMillis),
              memoryRequest: current(Math.round(c.requests.memoryMiB)),
              memoryLimit: current(Math.round(c.limits.memoryMiB)),
            },
            cpuPointCount: points,
            memoryPointCount: points,
          },
          settings,
        ),
      );
    }
  }
  return rows;
}

/** What `krr simple` prints over the playground's history. */
export function krrSimpleView(world: World): string {
  const rows = krrRows(world);
  const header = [
    'Running Simple Strategy',
    `  history: ${KRR_SIMPLE_DEFAULTS.historyDurationHours}h at a ${KRR_SIMPLE_DEFAULTS.timeframeDurationMinutes}m step; CPU request = p${KRR_SIMPLE_DEFAULTS.cpuPercentile} per pod (no CPU limit); memory = peak + ${KRR_SIMPLE_DEFAULTS.memoryBufferPercentage}%`,
    '',
  ];
  if (rows.length === 0) return [...header, 'No workloads with usage history yet.'].join('\n');
  const notes = rows.filter((r) => r.info.length > 0).map((r) => `  ${r.name}/${r.container}: ${r.info.join('; ')}`);
  return [...header, formatKrrTable(rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

/**
 * Freeze the frames and blocks again after the world crossed a structured clone (the engine worker
 * hands worlds to the page that way): clones keep shared objects shared but not frozen, and
 * checkpoints copy what is not frozen.
 */
export function freezeKrrFrames(world: World): void {
  const history = krrHistoryIn(world);
  for (const b of history?.blocks ?? []) {
    if (Object.isFrozen(b)) continue;
    if ('frames' in b) {
      for (const f of b.frames) freezeFrame(f);
      Object.freeze(b.frames);
    } else {
      Object.freeze(b.names);
      Object.freeze(b.namespaces);
      Object.freeze(b.workloads);
    }
    Object.freeze(b);
  }
  for (const f of history?.frames ?? []) freezeFrame(f);
}

function freezeFrame(f: KrrBlockFrame): void {
  if (Object.isFrozen(f)) return;
  if (!Object.isFrozen(f.pods)) {
    Object.freeze(f.pods.names);
    Object.freeze(f.pods.namespaces);
    Object.freeze(f.pods.workloads);
    Object.freeze(f.pods);
  }
  Object.freeze(f);
}
