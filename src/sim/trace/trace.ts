import type { KubeEvent, Node, World } from '../core/types';
import { podIsActive } from '../lifecycle/apply';
import { autoscalerTraceEntries } from '../autoscalers/trace';

/** Trace JSON version 1 (docs/trace.md; DESIGN.md "Trace JSON"). */
export interface TraceSample {
  t: number;
  workloads: Record<string, WorkloadSample>;
  autoscalers: Record<string, Record<string, unknown>>;
  nodes: {
    total: number;
    ready: number;
    notReady: number;
    cordoned: number;
    launching: number;
    byInstanceType: Record<string, number>;
    byCapacityType: Record<string, number>;
    byPool: Record<string, number>;
    /** Sums over registered nodes (the scorecard's idle capacity). */
    allocatable?: { cpuMillis: number; memoryMiB: number };
    requested?: { cpuMillis: number; memoryMiB: number };
    /** Running totals since t=0: instances launched (initial nodes included), nodes removed. */
    launchedTotal?: number;
    terminatedTotal?: number;
  };
  pods: { pending: number; running: number; total: number; evictedTotal?: number };
  load: Record<string, { offeredRps: number; servedRps: number; droppedRps: number; p95LatencyMs: number }>;
  costPerHour: number;
  nodeDetails?: NodeDetail[];
}

export interface WorkloadSample {
  desired: number;
  replicas: number;
  ready: number;
  pending: number;
  cpuRequestMillis: number;
  cpuUsageMillis: number;
  cpuUtilization: number;
}

export interface NodeDetail {
  name: string;
  pool: string;
  instanceType: string;
  capacityType: string;
  state: string;
  allocatable: { cpuMillis: number; memoryMiB: number; pods: number };
  requested: { cpuMillis: number; memoryMiB: number; pods: number };
  pods: string[];
}

export interface Trace {
  version: 1;
  scenario: string;
  seed: number;
  durationSeconds: number;
  sampleSeconds: number;
  samples: TraceSample[];
  events: KubeEvent[];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function inc(map: Record<string, number>, key: string) {
  map[key] = (map[key] ?? 0) + 1;
}

/** A node object exists once the kubelet registered it, until it is deleted. */
function registered(n: Node): boolean {
  return n.state !== 'Launching' && n.state !== 'Gone';
}

export function sampleWorld(world: World, withNodes: boolean): TraceSample {
  // Grouped by the Deployment that owns them (kube-system left out).
  const workloads: Record<string, WorkloadSample> = {};
  for (const d of world.deployments.values()) {
    if (d.namespace === 'kube-system') continue;
    workloads[d.name] = { desired: d.replicas, replicas: 0, ready: 0, pending: 0, cpuRequestMillis: 0, cpuUsageMillis: 0, cpuUtilization: 0 };
  }
  // One pass over the pods (they are most of a sample's cost: thousands of objects read per sample).
  let pending = 0;
  let running = 0;
  let total = 0;
  for (const p of world.pods.values()) {
    total++;
    if (p.state === 'Pending') pending++;
    else if (p.state === 'Running' || p.state === 'Ready') running++;
    if (!p.deployment || p.namespace === 'kube-system' || !podIsActive(p)) continue;
    const w = workloads[p.deployment];
    if (!w) continue;
    w.replicas++;
    if (p.state === 'Ready') w.ready++;
    else if (p.state === 'Pending') w.pending++;
    w.cpuRequestMillis += p.request.cpuMillis;
    w.cpuUsageMillis += p.metric?.cpuMillis ?? 0;
  }
  for (const w of Object.values(workloads)) {
    w.cpuUtilization = w.cpuRequestMillis > 0 ? round(w.cpuUsageMillis / w.cpuRequestMillis, 4) : 0;
    w.cpuUsageMillis = round(w.cpuUsageMillis, 1);
  }
  const allocatable = { cpuMillis: 0, memoryMiB: 0 };
  const requested = { cpuMillis: 0, memoryMiB: 0 };
  const nodes: TraceSample['nodes'] = {
    total: 0,
    ready: 0,
    notReady: 0,
    cordoned: 0,
    launching: 0,
    byInstanceType: {},
    byCapacityType: {},
    byPool: {},
    allocatable,
    requested,
    launchedTotal: world.totals?.nodesLaunched ?? 0,
    terminatedTotal: world.totals?.nodesTerminated ?? 0,
  };
  let cost = 0;
  for (const n of world.nodes.values()) {
    if (n.state !== 'Gone') cost += n.pricePerHour;
    if (n.state === 'Launching') nodes.launching++;
    if (!registered(n)) continue;
    nodes.total++;
    if (n.state === 'Ready' || n.state === 'Cordoned' || n.state === 'Draining') nodes.ready++;
    else nodes.notReady++;
    if (n.unschedulable) nodes.cordoned++;
    inc(nodes.byInstanceType, n.instanceType);
    inc(nodes.byCapacityType, n.capacityType);
    inc(nodes.byPool, n.pool);
    allocatable.cpuMillis += n.allocatable.cpuMillis;
    allocatable.memoryMiB += n.allocatable.memoryMiB;
    requested.cpuMillis += n.requested.cpuMillis;
    requested.memoryMiB += n.requested.memoryMiB;
  }
  requested.memoryMiB = round(requested.memoryMiB, 1);
  allocatable.memoryMiB = round(allocatable.memoryMiB, 1);
  const load: TraceSample['load'] = {};
  for (const [target, s] of world.loadStates) {
    load[target] = {
      offeredRps: round(s.offeredRps, 2),
      servedRps: round(s.servedRps, 2),
      droppedRps: round(s.droppedRps, 2),
      p95LatencyMs: round(s.p95LatencyMs, 1),
    };
  }
  const sample: TraceSample = {
    t: Math.round(world.timeMs / 1000),
    workloads,
    autoscalers: autoscalerTraceEntries(world),
    nodes,
    pods: { pending, running, total, evictedTotal: world.totals?.podsEvicted ?? 0 },
    load,
    costPerHour: round(cost, 4),
  };
  if (withNodes) {
    sample.nodeDetails = [...world.nodes.values()].filter(registered).map((n) => ({
      name: n.name,
      pool: n.pool,
      instanceType: n.instanceType,
      capacityType: n.capacityType,
      state: n.state,
      allocatable: { ...n.allocatable },
      requested: { cpuMillis: n.requested.cpuMillis, memoryMiB: round(n.requested.memoryMiB, 1), pods: n.requested.pods },
      pods: [...n.podNames],
    }));
  }
  return sample;
}
