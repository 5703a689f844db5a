import { nextFloat } from '../../core/rng';
import type { Node, Pod, World } from '../../core/types';
import { emitEvent } from '../../core/world';
import { bindPod, setCondition } from '../pods';
import { enterPodState } from '../../lifecycle/apply';
import { matchesNodeAffinity, tolerates, untoleratedTaint } from './predicates';

/**
 * kube-scheduler's default profile, for the plugins that matter to autoscaling: NodeUnschedulable,
 * TaintToleration (including the not-ready taint on new nodes), NodeAffinity (nodeSelector and
 * required affinity), NodeResourcesFit (requests only), then LeastAllocated + BalancedAllocation
 * scoring. Like the real scheduler it stops filtering once it has enough feasible nodes
 * (percentageOfNodesToScore) and starts each search where the previous one stopped.
 */

const NOT_READY_TAINT = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' as const };
const UNREACHABLE_TAINT = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' as const };

/** Reasons a node rejects the pod: from the first failing plugin, as the framework reports them. */
export function filterNode(pod: Pod, node: Node): string[] {
  if (node.unschedulable && !pod.spec.tolerations.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    return ['node(s) were unschedulable'];
  }
  if (node.state !== 'Ready' && node.state !== 'Cordoned') {
    const taint = node.state === 'NotReady' ? UNREACHABLE_TAINT : NOT_READY_TAINT;
    if (!pod.spec.tolerations.some((t) => tolerates(t, taint))) {
      return [`node(s) had untolerated taint {${taint.key}: }`];
    }
  }
  const taint = untoleratedTaint(pod, node);
  if (taint) return [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`];
  if (!matchesNodeAffinity(pod, node.labels)) return ["node(s) didn't match Pod's node affinity/selector"];
  const reasons: string[] = [];
  if (node.requested.pods + 1 > node.allocatable.pods) reasons.push('Too many pods');
  const r = pod.request;
  if (r.cpuMillis > 0 && r.cpuMillis > node.allocatable.cpuMillis - node.requested.cpuMillis) reasons.push('Insufficient cpu');
  if (r.memoryMiB > 0 && r.memoryMiB > node.allocatable.memoryMiB - node.requested.memoryMiB) reasons.push('Insufficient memory');
  return reasons;
}

export function scoreNode(pod: Pod, node: Node): number {
  const cpu = (node.requested.cpuMillis + pod.request.cpuMillis) / node.allocatable.cpuMillis;
  const mem = (node.requested.memoryMiB + pod.request.memoryMiB) / node.allocatable.memoryMiB;
  const leastAllocated = ((1 - cpu + (1 - mem)) / 2) * 100;
  const mean = (cpu + mem) / 2;
  const std = Math.sqrt(((cpu - mean) ** 2 + (mem - mean) ** 2) / 2);
  const balanced = (1 - std) * 100;
  return Math.trunc(leastAllocated) + Math.trunc(balanced);
}

export function unschedulableMessage(nodeCount: number, reasonCounts: Map<string, number>): string {
  const parts = [...reasonCounts.entries()].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}

function feasibleNodesToFind(nodeCount: number): number {
  if (nodeCount < 100) return nodeCount;
  const pct = Math.max(5, 50 - Math.trunc(nodeCount / 125));
  return Math.max(100, Math.trunc((nodeCount * pct) / 100));
}

interface SchedulerCursor {
  nextStart: number;
}
const cursorKey = '__scheduler';

export function schedulePendingPods(world: World): void {
  if (!world.schedulerDirty) return;
  world.schedulerDirty = false;
  const pending: Pod[] = [];
  for (const name of world.pendingPods) {
    const p = world.pods.get(name);
    if (p && p.state === 'Pending' && !p.nodeName) pending.push(p);
  }
  if (pending.length === 0) return;
  pending.sort((a, b) => b.spec.priority - a.spec.priority || a.createdMs - b.createdMs || a.uid - b.uid);
  const nodes = [...world.nodes.values()];
  const cursor = ((world.autoscalers[cursorKey] as SchedulerCursor | undefined) ??= { nextStart: 0 });
  for (const pod of pending) schedulePod(world, pod, nodes, cursor);
}

function schedulePod(world: World, pod: Pod, nodes: Node[], cursor: SchedulerCursor): void {
  const want = feasibleNodesToFind(nodes.length);
  const reasonCounts = new Map<string, number>();
  let best: Node | undefined;
  let bestScore = -1;
  let ties = 0;
  let found = 0;
  let examined = 0;
  const n = nodes.length;
  for (; examined < n && found < want; examined++) {
    const node = nodes[(cursor.nextStart + examined) % n];
    const reasons = filterNode(pod, node);
    if (reasons.length > 0) {
      for (const r of reasons) reasonCounts.set(r, (reasonCounts.get(r) ?? 0) + 1);
      continue;
    }
    found++;
    const score = scoreNode(pod, node);
    if (score > bestScore) {
      best = node;
      bestScore = score;
      ties = 1;
    } else if (score === bestScore) {
      // Reservoir sampling among equal scores, as the scheduler's selectHost does.
      ties++;
      if (nextFloat(world.rng) * ties < 1) best = node;
    }
  }
  if (n > 0) cursor.nextStart = (cursor.nextStart + examined) % n;
  if (best) {
    bindPod(world, pod, best);
    world.pendingPods.delete(pod.name);
    enterPodState(world, pod, 'Scheduled');
    return;
  }
  const message = unschedulableMessage(n, reasonCounts);
  setCondition(pod, 'PodScheduled', 'False', world.timeMs, 'Unschedulable', message);
  if (message !== pod.unschedulableMessage) {
    pod.unschedulableMessage = message;
    emitEvent(world, {
      kind: 'Pod',
      name: pod.name,
      namespace: pod.namespace,
      type: 'Warning',
      reason: 'FailedScheduling',
      message,
      source: 'default-scheduler',
    });
  }
}
