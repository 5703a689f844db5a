import { nextFloat } from '../../core/rng';
import type { Node, Pod, PodTemplate, World } from '../../core/types';
import { emitEvent } from '../../core/world';
import { bindPod, setCondition } from '../pods';
import { anyBoundAntiAffinity, lowestBoundPriority } from '../boundPodIndex';
import { enterPodState } from '../../lifecycle/apply';
import { failedSchedulingMessage, filterNode, needsClusterState, preFilter, type FilterStatus, type SchedNode, type SchedPod } from './filter';
import { schedNodeOf, schedPodOf } from './worldView';
import { nominatedPods, notEligibleReason, preempt, withNominated } from './preemptionWorld';

/**
 * kube-scheduler's default profile, for the plugins that matter to autoscaling: NodeUnschedulable,
 * TaintToleration (including the not-ready taint on new nodes), NodeAffinity (nodeSelector and
 * required affinity), NodeResourcesFit (requests only), then LeastAllocated + BalancedAllocation
 * scoring. Like the real scheduler it stops filtering once it has enough feasible nodes
 * (percentageOfNodesToScore) and starts each search where the previous one stopped. A pod that
 * fits nowhere runs DefaultPreemption (preemptionWorld.ts); a pod nominated to a node tries that
 * node first, and pods of lower priority see it there already.
 */

/** Reasons a node rejects the pod: from the first failing plugin, as the framework reports them. */
export function filterNodeForPod(world: World, pod: Pod, node: Node): string[] {
  return filterNode(schedPodOf(pod), schedNodeOf(world, node)).reasons;
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
  return failedSchedulingMessage(nodeCount, reasonCounts);
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
  // Instances that have not registered are not Node objects yet: the scheduler cannot see them.
  const nodes: Node[] = [];
  const views: SchedNode[] = [];
  world.nodes.forEach((n) => {
    if (n.state === 'Launching' || n.state === 'Gone') return;
    nodes.push(n);
    views.push(schedNodeOf(world, n));
  });
  const cursor = ((world.autoscalers[cursorKey] as SchedulerCursor | undefined) ??= { nextStart: 0 });
  const memo: PassMemo = { failed: new Map(), perNode: new Map() };
  const pass: Pass = { world, nodes, views, cursor, bound: undefined, memo, nominated: nominatedPods(world) };
  for (const pod of pending) {
    const outcome = schedulePod(world, pod, pass);
    if (outcome <= PREEMPTED_ON_0) {
      const preemptedOn = PREEMPTED_ON_0 - outcome;
      // The victims are terminating and the pod waits there: every verdict about that node is stale.
      for (const v of memo.perNode.values()) {
        v.statuses[preemptedOn] = undefined;
        v.scores[preemptedOn] = undefined;
      }
      memo.failed.clear();
      views[preemptedOn] = schedNodeOf(world, nodes[preemptedOn]);
      pass.nominated = nominatedPods(world);
    }
    if (outcome >= 0) {
      const bound = outcome;
      memo.failed.clear();
      // Only the node that took the pod changed: forget its verdicts. A pod with anti-affinity
      // also changes what every node in its domain allows, so then forget them all.
      if (pod.spec.podAntiAffinity) memo.perNode.clear();
      for (const v of memo.perNode.values()) {
        v.statuses[bound] = undefined;
        v.scores[bound] = undefined;
      }
      // Later pods in this pass see the pod on its node (topology spread, anti-affinity, ports).
      views[bound] = schedNodeOf(world, nodes[bound]);
      if (pass.bound && pod.spec.podAntiAffinity) pass.bound.anti.push({ pod: schedPodOf(pod), node: views[bound] });
    }
  }
}

/** schedulePod's outcome: a node index (bound there), NOT_BOUND, or PREEMPTED_ON_0 - i (preempted on node i). */
const NOT_BOUND = -1;
const PREEMPTED_ON_0 = -2;

interface BoundPods {
  /** Pods with required anti-affinity anywhere in the cluster (their rules also bind incoming pods). */
  anti: { pod: SchedPod; node: SchedNode }[];
  /** The lowest priority of any bound pod (Infinity when none), so preemption's dry run is skipped when nothing is lower. */
  lowestPriority: number;
}

/**
 * What the pass needs from the bound pods, taken when the first pod is filtered (before any bind).
 * The lowest priority used to be taken when first needed, possibly after binds; it decides the
 * same: a pod bound earlier in the pass has at least the priority of every pod after it (pending
 * pods go by priority, highest first), so it cannot be lower than their priority. The bound pods
 * are walked only when one of them has anti-affinity (boundPodIndex.ts counts both). forEach
 * rather than for…of: an unoptimized for…of over a Map allocates a result object per pod.
 */
function scanBoundPods(pass: Pass): BoundPods {
  if (pass.bound) return pass.bound;
  const { world, views } = pass;
  const out: BoundPods = { anti: [], lowestPriority: lowestBoundPriority(world) };
  if (anyBoundAntiAffinity(world)) {
    let byName: Map<string, SchedNode> | undefined;
    world.pods.forEach((p) => {
      if (p.nodeName === '' || !p.spec.podAntiAffinity || p.state === 'Gone') return;
      byName ??= new Map(views.map((v) => [v.name, v]));
      const v = byName.get(p.nodeName);
      if (v) out.anti.push({ pod: schedPodOf(p), node: v });
    });
  }
  return (pass.bound = out);
}

interface Pass {
  world: World;
  nodes: Node[];
  views: SchedNode[];
  cursor: SchedulerCursor;
  /** Taken when the first pod is filtered. */
  bound: BoundPods | undefined;
  memo: PassMemo;
  /** Pods waiting for the node their preemption freed, by node name. */
  nominated: Map<string, Pod[]>;
}

/**
 * What one scheduling pass remembers between pods with the same scheduling signature (pods of one
 * ReplicaSet, typically thousands at once when a big deployment starts): verdicts of pods that fit
 * nowhere, and each node's filter verdict and score. Both are what the plugins would compute again:
 * only a bind changes a node, and it changes only the node that took the pod.
 */
interface PassMemo {
  failed: Map<string, FailedVerdict>;
  /** By signature, for pods without topology spread or anti-affinity (their verdicts read other nodes). */
  perNode: Map<string, NodeVerdicts>;
}

interface NodeVerdicts {
  statuses: (FilterStatus | undefined)[];
  scores: (number | undefined)[];
}

/**
 * What a pod that fit no node was told: the same for every pod with its scheduling signature, unless
 * preemption could help (then each pod runs its own PostFilter, as each may pick other victims).
 */
interface FailedVerdict {
  message: string;
  victimsPossible: boolean;
}

/**
 * Everything the filter plugins read of a pod. Two pending pods with the same signature get the
 * same verdict from the same nodes: one that fits nowhere examines every node (so the search
 * cursor comes back where it started) and draws no random number, so a replica of it would too.
 */
function schedulingSignature(sp: SchedPod): string {
  return JSON.stringify([sp.namespace, sp.labels, sp.requests, sp.priority, sp.tolerations, sp.nodeSelector, sp.requiredNodeAffinity, sp.podAntiAffinity, sp.topologySpread, sp.hostPorts]);
}

/**
 * A pod's signature, kept per pod spec. Everything in it but the namespace, the labels and the
 * request comes from the spec, and the pods of a ReplicaSet share their spec, labels and request
 * objects, none of which is changed in place (a resize or a relabel replaces them): so the same
 * four objects give the same string, without a JSON.stringify per pending pod.
 */
const signatures = new WeakMap<PodTemplate, { namespace: string; labels: unknown; request: unknown; signature: string }>();

function podSignature(pod: Pod, sp: SchedPod): string {
  const known = signatures.get(pod.spec);
  if (known !== undefined && known.namespace === pod.namespace && known.labels === pod.labels && known.request === pod.request) return known.signature;
  // preemptionPolicy is not the filters' business but decides whether the pod may preempt.
  const signature = schedulingSignature(sp) + (pod.spec.preemptionPolicy ?? '');
  signatures.set(pod.spec, { namespace: pod.namespace, labels: pod.labels, request: pod.request, signature });
  return signature;
}

const NO_REASONS: ReadonlyMap<string, number> = new Map();

/** A node as this pod sees it, with the pods nominated there that it must respect. */
function viewFor(pass: Pass, pod: Pod, i: number): SchedNode {
  return withNominated(pass.views[i], pod, pass.nominated.get(pass.nodes[i].name));
}

/** Try one pod: the index of the node it was bound to, or NOT_BOUND, or PREEMPTED_ON_0 - (the node it preempted on). */
function schedulePod(world: World, pod: Pod, pass: Pass): number {
  const { nodes, views, cursor, memo, nominated } = pass;
  const want = feasibleNodesToFind(nodes.length);
  const sp = schedPodOf(pod);
  const signature = podSignature(pod, sp);
  const known = memo.failed.get(signature);
  if (known && !known.victimsPossible && !pod.nominatedNodeName) {
    markUnschedulable(world, pod, known);
    return NOT_BOUND;
  }
  const n = nodes.length;
  const clusterWide = needsClusterState(sp);
  const bound = scanBoundPods(pass);
  const state = preFilter(sp, clusterWide ? views : [], bound.anti);
  // evaluateNominatedNode: a pod whose preemption freed a node tries that node alone first.
  if (pod.nominatedNodeName) {
    const j = nodes.findIndex((x) => x.name === pod.nominatedNodeName);
    if (j >= 0 && filterNode(sp, viewFor(pass, pod, j), state).reasons.length === 0) return bind(world, pod, nodes, j);
  }
  let verdicts: NodeVerdicts | undefined;
  if (!clusterWide) {
    verdicts = memo.perNode.get(signature);
    // Sized and filled up front: writing index 700 of an empty array first turns it into a
    // dictionary (a hash lookup per node visit); a filled array stays a flat one.
    if (!verdicts) memo.perNode.set(signature, (verdicts = { statuses: new Array<FilterStatus | undefined>(n).fill(undefined), scores: new Array<number | undefined>(n).fill(undefined) }));
  }
  const mayPreempt = bound.lowestPriority < pod.spec.priority;
  const statuses: (FilterStatus | undefined)[] | undefined = mayPreempt ? new Array<FilterStatus | undefined>(n).fill(undefined) : undefined;
  // Made at the first node that rejects the pod: most pods that bind never need one.
  let reasonCounts: Map<string, number> | undefined;
  let best = -1;
  let bestScore = -1;
  let ties = 0;
  let found = 0;
  let examined = 0;
  let notHelpful = 0;
  let victimsPossible = false;
  // Nodes from the cursor on, wrapping at the end (a compare instead of a modulo per node).
  for (let i = n > 0 ? cursor.nextStart % n : 0; examined < n && found < want; examined++, i = i + 1 === n ? 0 : i + 1) {
    const node = nodes[i];
    // A node others wait for is seen with them on it, so its verdict is this pod's alone.
    const waiting = nominated.size > 0 && nominated.has(node.name);
    const status = waiting ? filterNode(sp, viewFor(pass, pod, i), state) : verdicts ? (verdicts.statuses[i] ??= filterNode(sp, views[i], state)) : filterNode(sp, views[i], state);
    if (statuses) statuses[i] = status;
    if (status.reasons.length > 0) {
      reasonCounts ??= new Map<string, number>();
      for (const r of status.reasons) reasonCounts.set(r, (reasonCounts.get(r) ?? 0) + 1);
      if (status.unresolvable) notHelpful++;
      else if (!victimsPossible && mayPreempt) victimsPossible = preemptionCouldHelp(sp, waiting ? viewFor(pass, pod, i) : views[i], state);
      continue;
    }
    found++;
    const score = verdicts && !waiting ? (verdicts.scores[i] ??= scoreNode(pod, node)) : scoreNode(pod, node);
    if (score > bestScore) {
      best = i;
      bestScore = score;
      ties = 1;
    } else if (score === bestScore) {
      // Reservoir sampling among equal scores, as the scheduler's selectHost does.
      ties++;
      if (nextFloat(world.rng) * ties < 1) best = i;
    }
  }
  if (n > 0) cursor.nextStart = (cursor.nextStart + examined) % n;
  if (best >= 0) return bind(world, pod, nodes, best);
  const counts = reasonCounts ?? NO_REASONS;
  const fitError = failedSchedulingMessage(n, counts);
  // DefaultPreemption's PostFilter: its refusal is appended to the FitError, "preemption: …".
  // Eligibility comes first (a Never pod, or one whose victims are still terminating).
  const reason = pod.spec.preemptionPolicy === 'Never' || pod.nominatedNodeName ? notEligibleReason(world, pod, nodes, statuses ?? []) : undefined;
  if (reason) {
    const verdict = { message: `${fitError} preemption: ${reason}`, victimsPossible: pod.spec.preemptionPolicy !== 'Never' };
    // Its siblings (same signature, same policy) would be refused the same way.
    if (pod.spec.preemptionPolicy === 'Never') memo.failed.set(signature, verdict);
    markUnschedulable(world, pod, verdict);
    return NOT_BOUND;
  }
  if (victimsPossible && statuses) {
    const { nominated: on } = preempt(world, pod, sp, nodes, nodes.map((_, i) => viewFor(pass, pod, i)), statuses, state);
    if (on >= 0) {
      // A successful PostFilter adds nothing to the message; the pod waits with its nominated node.
      markUnschedulable(world, pod, { message: fitError, victimsPossible });
      return PREEMPTED_ON_0 - on;
    }
  }
  const verdict: FailedVerdict = {
    message: failedSchedulingMessage(n, counts, { notHelpful, noVictims: n - notHelpful }),
    victimsPossible,
  };
  memo.failed.set(signature, verdict);
  markUnschedulable(world, pod, verdict);
  return NOT_BOUND;
}

function bind(world: World, pod: Pod, nodes: Node[], i: number): number {
  // The nomination has served its purpose once the pod is bound (wherever it went). Deleted, not
  // set to undefined: a checkpoint restores a pod without the key, and replays must compare equal.
  if (pod.nominatedNodeName !== undefined) delete pod.nominatedNodeName;
  bindPod(world, pod, nodes[i]);
  world.pendingPods.delete(pod.name);
  enterPodState(world, pod, 'Scheduled');
  return i;
}

function markUnschedulable(world: World, pod: Pod, { message }: FailedVerdict): void {
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

/** SelectVictimsOnNode's first step: with every lower-priority pod gone, would the pod fit? */
function preemptionCouldHelp(pod: SchedPod, node: SchedNode, state: ReturnType<typeof preFilter>): boolean {
  const prio = pod.priority ?? 0;
  const pods = node.pods ?? [];
  const victims = pods.filter((p) => (p.priority ?? 0) < prio);
  if (victims.length === 0) return false;
  const keep = pods.filter((p) => (p.priority ?? 0) >= prio);
  const freed = victims.reduce(
    (acc, p) => ({ cpuMillis: acc.cpuMillis - p.requests.cpuMillis, memoryMiB: acc.memoryMiB - p.requests.memoryMiB, pods: acc.pods - 1 }),
    { ...node.requested },
  );
  return filterNode(pod, { ...node, requested: freed, pods: keep }, state).reasons.length === 0;
}
