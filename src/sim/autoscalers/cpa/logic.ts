import type { CpaParams, LadderEntry, LadderParams, LinearParams } from './params';
import { msg, type Message } from '../../core/message';

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
  explanation: Message;
}

function countsFor(status: ClusterStatus, includeUnschedulable: boolean): { nodes: number; cores: number } {
  return includeUnschedulable
    ? { nodes: status.totalNodes, cores: status.totalCores }
    : { nodes: status.schedulableNodes, cores: status.schedulableCores };
}

interface LinearTerm {
  value: number;
  text: Message;
}

function linearTerm(count: number, unit: 'nodes' | 'cores', perReplica: number, p: LinearParams): LinearTerm {
  // A zero per-replica value contributes 1, unclamped (upstream getExpectedReplicasFromParam).
  if (perReplica === 0) return { value: 1, text: msg('engine.cpa.termUnset', { param: `${unit}PerReplica` }) };
  const raw = Math.ceil(count / perReplica);
  let value = p.max !== 0 ? Math.min(p.max, raw) : raw;
  value = Math.max(p.min, value);
  const term = msg(unit === 'nodes' ? 'engine.cpa.termNodes' : 'engine.cpa.termCores', { count, perReplica });
  if (value === raw) return { value, text: term };
  return {
    value,
    text: p.max !== 0 ? msg('engine.cpa.clampedMinMax', { term, value, min: p.min, max: p.max }) : msg('engine.cpa.clampedMin', { term, value, min: p.min }),
  };
}

export function linearReplicas(p: LinearParams, status: ClusterStatus): CpaDecision {
  const { nodes, cores } = countsFor(status, p.includeUnschedulableNodes);
  const fromCores = linearTerm(cores, 'cores', p.coresPerReplica, p);
  const fromNodes = linearTerm(nodes, 'nodes', p.nodesPerReplica, p);
  let nodesValue = fromNodes.value;
  let spf = false;
  if (p.preventSinglePointFailure && nodes > 1 && nodesValue < 2) {
    nodesValue = 2;
    spf = true;
  }
  const replicas = Math.max(fromCores.value, nodesValue);
  const params = { nodes: fromNodes.text, cores: fromCores.text, replicas };
  return {
    replicas,
    nodes,
    cores,
    basis: p.includeUnschedulableNodes ? 'total' : 'schedulable',
    explanation: msg(spf ? 'engine.cpa.linearSpf' : 'engine.cpa.linear', params),
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
  const keys = {
    nodes: p.includeUnschedulableNodes ? 'engine.cpa.ladder.totalNodes' : 'engine.cpa.ladder.schedulableNodes',
    cores: p.includeUnschedulableNodes ? 'engine.cpa.ladder.totalCores' : 'engine.cpa.ladder.schedulableCores',
  };
  const none = { nodes: 'engine.cpa.ladder.noNodes', cores: 'engine.cpa.ladder.noCores' };
  const describe = (n: number, unit: 'nodes' | 'cores', r: { replicas: number; step?: LadderEntry }): Message =>
    r.step ? msg(keys[unit], { count: n, threshold: r.step[0], stepReplicas: r.step[1], replicas: r.replicas }) : msg(none[unit]);
  const parts: Message[] = [];
  if (p.nodesToReplicas.length > 0) parts.push(describe(nodes, 'nodes', byNodes));
  if (p.coresToReplicas.length > 0) parts.push(describe(cores, 'cores', byCores));
  if (parts.length === 0) parts.push(msg('engine.cpa.ladder.bothEmpty'));
  return {
    replicas,
    nodes,
    cores,
    basis: p.includeUnschedulableNodes ? 'total' : 'schedulable',
    explanation: msg('engine.cpa.ladderResult', { steps: parts, replicas }),
  };
}

export function expectedReplicas(p: CpaParams, status: ClusterStatus): CpaDecision {
  return p.mode === 'linear' ? linearReplicas(p, status) : ladderReplicas(p, status);
}
