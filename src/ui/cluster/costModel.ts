import type { CapacityType, World } from '../../sim/core/types';
import { HOURS_PER_MONTH } from './format';
import { shortNodeName } from './nodeBox';
import { countNode, emptyNodeCounts } from '../common/nodeCounts';
import { nodeVisualState, type NodeVisualState } from './podStatus';

/** eks-node-viewer's view of the cluster: what is requested of what is allocatable, and what it costs. */
export interface Allocation {
  requested: number;
  allocatable: number;
}

export interface CostRow {
  name: string;
  shortName: string;
  pool: string;
  instanceType: string;
  capacityType: CapacityType;
  /** As the grid's node box has it (a cordoned Ready node is 'cordoned'), so both say the same word. */
  state: NodeVisualState;
  cpu: Allocation;
  memory: Allocation;
  pods: number;
  pricePerHour: number;
  /** The node's labels, for the table's extra label columns (eks-node-viewer --extra-labels). */
  labels: Record<string, string>;
}

export interface CostTypeRow {
  instanceType: string;
  capacityType: CapacityType;
  count: number;
  cpu: Allocation;
  memory: Allocation;
  pricePerHour: number;
}

export interface CostSummary {
  /** Registered nodes (common/nodeCounts): the status line's and the charts' definition. */
  nodes: number;
  readyNodes: number;
  launchingNodes: number;
  podsRunning: number;
  podsPending: number;
  perHour: number;
  perMonth: number;
  cpu: Allocation;
  memory: Allocation;
  rows: CostRow[];
  byType: CostTypeRow[];
}

/** Beyond this many nodes the header shows one row per instance type instead of one per node. */
export const COLLAPSE_NODES = 40;

export function summarizeCost(world: World): CostSummary {
  const rows: CostRow[] = [];
  const counts = emptyNodeCounts();
  let perHour = 0;
  const nodes = [...world.nodes.values()]
    .filter((n) => n.state !== 'Gone')
    .sort((a, b) => (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : a.createdMs - b.createdMs || (a.name < b.name ? -1 : 1)));
  for (const n of nodes) {
    const state = nodeVisualState(n);
    if (!state) continue; // Gone, filtered above; this only tells the type checker
    // EC2 bills from launch until termination completes, so launching and terminating nodes count.
    perHour += n.pricePerHour;
    countNode(counts, n.state);
    rows.push({
      name: n.name,
      shortName: shortNodeName(n.name),
      pool: n.pool,
      instanceType: n.instanceType,
      capacityType: n.capacityType,
      state,
      cpu: { requested: n.requested.cpuMillis, allocatable: n.allocatable.cpuMillis },
      memory: { requested: n.requested.memoryMiB, allocatable: n.allocatable.memoryMiB },
      pods: n.requested.pods,
      pricePerHour: n.pricePerHour,
      labels: n.labels,
    });
  }
  let podsRunning = 0;
  let podsPending = 0;
  for (const p of world.pods.values()) {
    if (p.state === 'Ready' || p.state === 'Running') podsRunning++;
    else if (p.state === 'Pending') podsPending++;
  }
  const byKey = new Map<string, CostTypeRow>();
  const cpu: Allocation = { requested: 0, allocatable: 0 };
  const memory: Allocation = { requested: 0, allocatable: 0 };
  for (const r of rows) {
    const key = `${r.instanceType}/${r.capacityType}`;
    let t = byKey.get(key);
    if (!t) {
      t = {
        instanceType: r.instanceType,
        capacityType: r.capacityType,
        count: 0,
        cpu: { requested: 0, allocatable: 0 },
        memory: { requested: 0, allocatable: 0 },
        pricePerHour: 0,
      };
      byKey.set(key, t);
    }
    t.count++;
    t.pricePerHour += r.pricePerHour;
    for (const [into, from] of [
      [t.cpu, r.cpu],
      [t.memory, r.memory],
      [cpu, r.cpu],
      [memory, r.memory],
    ] as const) {
      into.requested += from.requested;
      into.allocatable += from.allocatable;
    }
  }
  const byType = [...byKey.values()].sort((a, b) => b.count - a.count || a.instanceType.localeCompare(b.instanceType));
  return {
    nodes: counts.nodes,
    readyNodes: counts.ready,
    launchingNodes: counts.launching,
    podsRunning,
    podsPending,
    perHour,
    perMonth: perHour * HOURS_PER_MONTH,
    cpu,
    memory,
    rows,
    byType,
  };
}
