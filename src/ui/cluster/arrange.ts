import type { Node } from '../../sim/core/types';
import type { GridPod } from '../../sim/views/gridSlice';
import type { NodeGroupBy, NodeSort } from '../../store/gridViewStore';
import type { NodeVisualState } from './podStatus';

/**
 * How the grid arranges nodes before it places them: which group each goes in and the order within
 * a group. The placement itself (boxes, tiles, wrapping) is layout.ts.
 */

/** A node with its pods, split into the workload tiles and the DaemonSet strip. */
export interface NodeBucket {
  node: Node;
  state: NodeVisualState;
  regular: GridPod[];
  daemon: GridPod[];
}

/** The group a node goes in: its node group / NodePool, zone, instance type, capacity type or a label's value. */
export function groupKey(node: Node, by: NodeGroupBy): string {
  switch (by) {
    case 'pool':
      return node.pool || '—';
    case 'zone':
      return node.zone || '—';
    case 'instanceType':
      return node.instanceType;
    case 'capacityType':
      return node.capacityType;
    default:
      return node.labels[by.slice('label:'.length)] ?? '—';
  }
}

function cpuUsed(b: NodeBucket): number {
  let used = 0;
  for (const p of b.regular) used += p.metric?.cpuMillis ?? 0;
  for (const p of b.daemon) used += p.metric?.cpuMillis ?? 0;
  return used;
}

/**
 * eks-node-viewer's `--node-sort` and kube-ops-view's sort: oldest first by default; names and
 * instance types ascending; requests, utilization (actual CPU over allocatable) and price with
 * the largest first, which is what a person looks for. Ties keep the age order.
 */
export function sortBuckets(list: NodeBucket[], by: NodeSort): void {
  const age = (a: NodeBucket, b: NodeBucket) => a.node.createdMs - b.node.createdMs || (a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0);
  const desc = (f: (b: NodeBucket) => number) => (a: NodeBucket, b: NodeBucket) => f(b) - f(a) || age(a, b);
  const cmp: Record<NodeSort, (a: NodeBucket, b: NodeBucket) => number> = {
    age,
    name: (a, b) => (a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0),
    instanceType: (a, b) => a.node.instanceType.localeCompare(b.node.instanceType) || age(a, b),
    cpu: desc((b) => b.node.requested.cpuMillis),
    memory: desc((b) => b.node.requested.memoryMiB),
    utilization: desc((b) => (b.node.allocatable.cpuMillis > 0 ? cpuUsed(b) / b.node.allocatable.cpuMillis : 0)),
    price: desc((b) => b.node.pricePerHour),
  };
  list.sort(cmp[by]);
}

