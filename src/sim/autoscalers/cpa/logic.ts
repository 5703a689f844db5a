import type { CpaParams, LadderEntry, LadderParams, LinearParams } from './params';

/** What the CPA reads of a node (k8sclient.GetClusterStatus). */
export interface CpaNode {
  allocatableCpuMillis: number;
  ready: boolean;
  /** spec.unschedulable (cordoned). */
  unschedulable: boolean;
  labels?: Record<string, string>;
}

export interface ClusterStatus {
  totalNodes: number;
  schedulableNodes: number;
  /** Whole cores: the sum of allocatable CPU, rounded up (Quantity.Value()). */
  totalCores: number;
  schedulableCores: number;
}

/** `--nodelabels=k1=v1,k2=v2`: a node counts only if it carries every pair. */
export function nodeMatchesLabels(node: CpaNode, selector: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  return Object.entries(selector).every(([k, v]) => node.labels?.[k] === v);
}

export function clusterStatus(nodes: readonly CpaNode[], nodeLabels?: Record<string, string>): ClusterStatus {
  let totalMillis = 0;
  let schedulableMillis = 0;
  let totalNodes = 0;
  let schedulableNodes = 0;
  for (const n of nodes) {
    if (!nodeMatchesLabels(n, nodeLabels)) continue;
    totalNodes += 1;
    totalMillis += n.allocatableCpuMillis;
    if (!n.unschedulable && n.ready) {
      schedulableNodes += 1;
      schedulableMillis += n.allocatableCpuMillis;
    }
  }
  return {
    totalNodes,
    schedulableNodes,
    totalCores: Math.ceil(totalMillis / 1000),
    schedulableCores: Math.ceil(schedulableMillis / 1000),
  };
}

export interface CpaDecision {
  replicas: number;
  nodes: number;
  cores: number;
  /** Which counts were used: schedulable, or total with includeUnschedulableNodes. */
  basis: 'schedulable' | 'total';
  explanation: string;
}

function countsFor(status: ClusterStatus, includeUnschedulable: boolean): { nodes: number; cores: number } {
  return includeUnschedulable
    ? { nodes: status.totalNodes, cores: status.totalCores }
    : { nodes: status.schedulableNodes, cores: status.schedulableCores };
}

interface LinearTerm {
  value: number;
  text: string;
}

function linearTerm(count: number, unit: string, perReplica: number, p: LinearParams): LinearTerm {
  // A zero per-replica value contributes 1, unclamped (upstream getExpectedReplicasFromParam).
  if (perReplica === 0) return { value: 1, text: `1 (${unit}PerReplica unset)` };
  const raw = Math.ceil(count / perReplica);
  let value = p.max !== 0 ? Math.min(p.max, raw) : raw;
  value = Math.max(p.min, value);
  const clamp = value !== raw ? ` → ${value} (min ${p.min}${p.max !== 0 ? `, max ${p.max}` : ''})` : '';
  return { value, text: `ceil(${count} ${unit} / ${perReplica})${clamp}` };
}

export function linearReplicas(p: LinearParams, status: ClusterStatus): CpaDecision {
  const { nodes, cores } = countsFor(status, p.includeUnschedulableNodes);
  const fromCores = linearTerm(cores, 'cores', p.coresPerReplica, p);
  const fromNodes = linearTerm(nodes, 'nodes', p.nodesPerReplica, p);
  let nodesValue = fromNodes.value;
  let spf = '';
  if (p.preventSinglePointFailure && nodes > 1 && nodesValue < 2) {
    nodesValue = 2;
    spf = '; preventSinglePointFailure with >1 node raises the nodes term to 2';
  }
  const replicas = Math.max(fromCores.value, nodesValue);
  return {
    replicas,
    nodes,
    cores,
    basis: p.includeUnschedulableNodes ? 'total' : 'schedulable',
    explanation: `replicas = max(${fromNodes.text}, ${fromCores.text}) = ${replicas}${spf}`,
  };
}

/** The replicas of the last entry whose threshold ≤ value; below the first threshold, the first entry. */
export function ladderLookup(
  entries: readonly LadderEntry[],
  value: number,
): { replicas: number; step?: LadderEntry } {
  if (entries.length === 0) return { replicas: 0 };
  let pos = entries.findIndex((e) => value < e[0]);
  if (pos === -1) pos = entries.length;
  const step = entries[pos > 0 ? pos - 1 : 0];
  return { replicas: step[1], step };
}

export function ladderReplicas(p: LadderParams, status: ClusterStatus): CpaDecision {
  const { nodes, cores } = countsFor(status, p.includeUnschedulableNodes);
  const byCores = ladderLookup(p.coresToReplicas, cores);
  const byNodes = ladderLookup(p.nodesToReplicas, nodes);
  const replicas = Math.max(byCores.replicas, byNodes.replicas);
  const kind = p.includeUnschedulableNodes ? '' : 'schedulable ';
  const describe = (n: number, unit: string, r: { replicas: number; step?: LadderEntry }): string =>
    r.step
      ? `${n} ${kind}${unit} → ladder step [${r.step[0]}, ${r.step[1]}] → ${r.replicas} replicas`
      : `no ${unit} ladder → 0`;
  const parts: string[] = [];
  if (p.nodesToReplicas.length > 0) parts.push(describe(nodes, 'nodes', byNodes));
  if (p.coresToReplicas.length > 0) parts.push(describe(cores, 'cores', byCores));
  if (parts.length === 0) parts.push('both ladders empty → 0');
  return {
    replicas,
    nodes,
    cores,
    basis: p.includeUnschedulableNodes ? 'total' : 'schedulable',
    explanation: `${parts.join('; ')}; replicas = ${replicas}`,
  };
}

export function expectedReplicas(p: CpaParams, status: ClusterStatus): CpaDecision {
  return p.mode === 'linear' ? linearReplicas(p, status) : ladderReplicas(p, status);
}
