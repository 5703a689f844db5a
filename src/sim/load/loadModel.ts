import type { LoadSpec, LoadState, World } from '../core/types';
import { oweTarget, readyIndex, settleTarget, type CapGroup, type TargetPods } from './readyIndex';

/**
 * Traffic enters through a Service and is spread evenly over its Ready pods (kube-proxy picks
 * endpoints at random, so the expected share is equal). Each request costs a fixed amount of CPU;
 * a pod serves at most cap/cost requests per second, where cap is its CPU limit (CFS quota) or,
 * without a limit, its node's allocatable CPU. Waiting follows an M/M/1 queue per pod; an open
 * loop keeps a backlog that is dropped past the request timeout, while a closed loop (clients
 * that wait for each answer, then think) slows down instead. See docs/load-model.md.
 */
export const IDLE_CPU_MILLIS = 1;
const RHO_CAP = 0.98;

export function offeredOpenLoopRps(load: LoadSpec, timeMs: number): number {
  const profile = load.profile ?? [];
  let rps = 0;
  let prev = 0;
  for (const step of profile) {
    if (timeMs < step.atMs) break;
    const into = timeMs - step.atMs;
    rps = step.rampMs > 0 && into < step.rampMs ? prev + ((step.rps - prev) * into) / step.rampMs : step.rps;
    prev = step.rps;
  }
  return rps;
}

/** Mean response time (s) when `x` req/s are spread evenly over the pods of `groups`. */
function meanResponseSeconds(x: number, serviceSeconds: number, cost: number, groups: CapGroup[], n: number): number {
  let sum = 0;
  const share = x / n;
  for (const g of groups) sum += (g.count * serviceSeconds) / (1 - Math.min(RHO_CAP, (share * cost) / g.cap));
  return sum / n;
}

/** emptyState's numbers written over `state`, its backlog kept (field by field: Object.assign costs 5× more). */
function resetState(state: LoadState): LoadState {
  state.offeredRps = 0;
  state.servedRps = 0;
  state.droppedRps = 0;
  state.p50LatencyMs = 0;
  state.p95LatencyMs = 0;
  state.perPodCpuMillis = 0;
  state.inflightPerPod = 0;
  return state;
}

function emptyState(): LoadState {
  return {
    offeredRps: 0,
    servedRps: 0,
    droppedRps: 0,
    p50LatencyMs: 0,
    p95LatencyMs: 0,
    backlog: 0,
    perPodCpuMillis: 0,
    inflightPerPod: 0,
  };
}

/** Closed-loop clients right now: the scenario's own, plus one per running load-generator pod. */
export function activeClients(world: World, load: LoadSpec): { count: number; thinkTimeMs: number } {
  let count = load.clients?.count ?? 0;
  let thinkTimeMs = load.clients?.thinkTimeMs ?? 0;
  for (const g of load.generators ?? []) {
    const p = world.pods.get(g.pod);
    if (p && (p.state === 'Running' || p.state === 'Ready')) {
      if (count === 0) thinkTimeMs = g.thinkTimeMs;
      count++;
    }
  }
  return { count, thinkTimeMs };
}

export function solveLoad(world: World, target: TargetPods, prev: LoadState | undefined, dtMs: number): LoadState {
  const { load, groups } = target;
  const n = target.size;
  // The previous state is rewritten in place: readers (trace samples, PromQL series, the HPA)
  // copy its numbers, and a fresh object per target per tick was most of what the load model
  // allocated (each double field is a boxed number of its own).
  const state = prev ? resetState(prev) : emptyState();
  const cost = load.cpuPerRequestMillis;
  const serviceSeconds = cost / 1000;
  let capacity = 0;
  for (const g of groups) capacity += (g.count * g.cap) / cost;
  const dt = dtMs / 1000;

  if (load.clients || load.generators?.length) {
    const { count: clients, thinkTimeMs } = activeClients(world, load);
    const think = thinkTimeMs / 1000;
    if (clients === 0) {
      state.backlog = 0;
      return state;
    }
    if (n === 0) {
      // Connections are refused at once; each client retries after its think time.
      const rate = clients / Math.max(think, 0.001);
      state.offeredRps = rate;
      state.droppedRps = rate;
      state.backlog = 0;
      return state;
    }
    // Throughput X solves X = clients / (R(X) + think); the left side grows and the right falls.
    let lo = 0;
    let hi = Math.min(clients / Math.max(think, 1e-6), capacity * RHO_CAP);
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (mid * (meanResponseSeconds(mid, serviceSeconds, cost, groups, n) + think) < clients) lo = mid;
      else hi = mid;
    }
    const x = lo;
    const r = meanResponseSeconds(x, serviceSeconds, cost, groups, n);
    state.offeredRps = x;
    state.servedRps = x;
    state.backlog = 0;
    setLatency(state, r, serviceSeconds);
    state.perPodCpuMillis = (x / n) * cost;
    state.inflightPerPod = (x / n) * r;
    return state;
  }

  const offered = offeredOpenLoopRps(load, world.timeMs);
  state.offeredRps = offered;
  if (offered === 0 && state.backlog === 0) return state;
  if (n === 0) {
    state.droppedRps = offered;
    state.backlog = 0;
    return state;
  }
  const demand = offered + state.backlog / dt;
  const served = Math.min(demand, capacity * RHO_CAP);
  let backlog = state.backlog + (offered - served) * dt;
  const maxBacklog = capacity * RHO_CAP * (load.timeoutMs / 1000);
  let dropped = 0;
  if (backlog > maxBacklog) {
    dropped = (backlog - maxBacklog) / dt;
    backlog = maxBacklog;
  }
  state.servedRps = served;
  state.droppedRps = dropped;
  state.backlog = Math.max(0, backlog);
  const r = meanResponseSeconds(served, serviceSeconds, cost, groups, n) + state.backlog / (capacity * RHO_CAP);
  setLatency(state, r, serviceSeconds);
  state.perPodCpuMillis = (served / n) * cost;
  state.inflightPerPod = (served / n) * r;
  return state;
}

/** Sojourn time in M/M/1 is exponential beyond the bare service time. */
function setLatency(state: LoadState, meanSeconds: number, serviceSeconds: number): void {
  const queueing = Math.max(0, meanSeconds - serviceSeconds);
  state.p50LatencyMs = (serviceSeconds + queueing * Math.LN2) * 1000;
  state.p95LatencyMs = (serviceSeconds + queueing * Math.log(20)) * 1000;
}

/**
 * Whether stepLoad may owe a target's CPU instead of adding it at once: a test's switch, to
 * compare the ledger against one made of immediate additions.
 */
let deferCpu = true;
export function setCpuDeferral(on: boolean): void {
  deferCpu = on;
}

/** One tick of traffic: the load state of every target and the CPU its Ready pods burn. */
export function stepLoad(world: World, dtMs: number): void {
  const index = readyIndex(world);
  for (const t of index.targets) {
    const prev = t.state ?? world.loadStates.get(t.load.target);
    const state = solveLoad(world, t, prev, dtMs);
    // solveLoad rewrites the previous state in place: the map already holds it (50 sets a tick otherwise).
    if (state !== prev) world.loadStates.set(t.load.target, state);
    t.state = state;
    const rate = state.perPodCpuMillis;
    const used = world.podCpu.used;
    const slots = t.slots;
    // Below the smallest cap (the usual case: a target's pods share one template) every pod adds
    // the same product, rate × dt: worked out once, and the caps are not read per pod. The same
    // multiplication of the same numbers, so the same sums to the bit. Only the scrape reads the
    // counters, every 15 s: the product is owed until then (cluster/cpuLedgerPending), not added
    // to ~5,000 counters at every tick. Not when a pod of the target also burns a busy loop's
    // CPU below: its counter takes the request CPU first at every tick.
    let minCap = Infinity;
    for (const g of t.groups) if (g.cap < minCap) minCap = g.cap;
    if (rate < minCap && t.busyInside === 0 && deferCpu) {
      oweTarget(world, index, t, rate * dtMs);
      continue;
    }
    // What the target owes from earlier ticks comes first: each counter takes its additions in tick order.
    settleTarget(used, t);
    if (rate < minCap) {
      const added = rate * dtMs;
      for (let i = 0; i < slots.length; i++) used[slots[i]] += added;
      continue;
    }
    const caps = t.caps;
    for (let i = 0; i < slots.length; i++) used[slots[i]] += (rate < caps[i] ? rate : caps[i]) * dtMs;
  }
  // The pods' own busy loops, after the requests' CPU (the same order of additions as ever).
  const { pods, rates } = index.busy;
  const used = world.podCpu.used;
  for (let i = 0; i < pods.length; i++) used[pods[i].cpuSlot] += rates[i] * dtMs;
}

/**
 * What in-flight requests add to the working set of each pod of each target, in the order of
 * `readyIndex(world).targets` (the scrape finds a pod's target through its `targetOfSlot`).
 */
export function inflightMemoryByTarget(world: World, targets: readonly TargetPods[]): Float64Array {
  // One buffer kept between scrapes, not a fresh one each time.
  if (inflightScratch.length < targets.length) inflightScratch = new Float64Array(Math.max(targets.length, 2 * inflightScratch.length));
  for (let i = 0; i < targets.length; i++) {
    const load = targets[i].load;
    inflightScratch[i] = (world.loadStates.get(load.target)?.inflightPerPod ?? 0) * load.memoryPerInflightMiB;
  }
  return inflightScratch;
}

let inflightScratch = new Float64Array(0);
