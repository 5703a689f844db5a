import { filterNode, matchesLabelSelector, type LabelSelector, type PreFilterState, type SchedNode, type SchedPod } from './filter';

/**
 * kube-scheduler's DefaultPreemption PostFilter as pure functions over the shared filter's pods and
 * nodes: kubernetes/kubernetes pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
 * (SelectVictimsOnNode, filterPodsWithPDBViolation, PodEligibleToPreemptOthers) and
 * pkg/scheduler/framework/preemption/preemption.go (dry run over candidate nodes,
 * pickOneNodeForPreemption). The engine side (evicting, events, nominatedNodeName) is in
 * preemptionWorld.ts.
 */

/** A pod on a candidate node, as preemption reads it. */
export interface PreemptionPod {
  key: string;
  sched: SchedPod;
  priority: number;
  /** status.startTime, ms; ties in importance go to the pod that started first. */
  startMs: number;
}

/** A PodDisruptionBudget: its selector and status.disruptionsAllowed. */
export interface PreemptionPdb {
  namespace: string;
  selector: LabelSelector;
  disruptionsAllowed: number;
}

export interface NodeVictims {
  victims: PreemptionPod[];
  numPdbViolations: number;
}

/** util.MoreImportantPod: higher priority, then the one that started earlier. */
export function moreImportant(a: PreemptionPod, b: PreemptionPod): number {
  return b.priority - a.priority || a.startMs - b.startMs;
}

function withoutPods(node: SchedNode, gone: readonly PreemptionPod[], kept: readonly SchedPod[]): SchedNode {
  let cpu = node.requested.cpuMillis;
  let mem = node.requested.memoryMiB;
  for (const p of gone) {
    cpu -= p.sched.requests.cpuMillis;
    mem -= p.sched.requests.memoryMiB;
  }
  return { ...node, requested: { cpuMillis: cpu, memoryMiB: mem, pods: node.requested.pods - gone.length }, pods: kept };
}

function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/**
 * filterPodsWithPDBViolation: in the given order, each pod a budget selects uses one of its allowed
 * disruptions; a pod that takes a budget below zero would violate it. A budget with an empty
 * selector matches nothing here (unlike the Eviction API).
 */
export function splitByPdbViolation(pods: readonly PreemptionPod[], pdbs: readonly PreemptionPdb[]): { violating: PreemptionPod[]; nonViolating: PreemptionPod[] } {
  const allowed = pdbs.map((b) => b.disruptionsAllowed);
  const violating: PreemptionPod[] = [];
  const nonViolating: PreemptionPod[] = [];
  for (const p of pods) {
    let violated = false;
    const labels = p.sched.labels ?? {};
    if (Object.keys(labels).length > 0) {
      pdbs.forEach((b, i) => {
        if (b.namespace !== (p.sched.namespace ?? 'default') || isEmptySelector(b.selector) || !matchesLabelSelector(b.selector, labels)) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(p);
  }
  return { violating, nonViolating };
}

/**
 * SelectVictimsOnNode: take every lower-priority pod off the node; if the preemptor then fits, put
 * them back one by one, most important first and PDB-violating ones before the rest, keeping each
 * that still lets it fit. Undefined when no set of victims on this node helps.
 */
export function selectVictimsOnNode(
  pod: SchedPod,
  node: SchedNode,
  podsOnNode: readonly PreemptionPod[],
  pdbs: readonly PreemptionPdb[],
  state?: PreFilterState,
): NodeVictims | undefined {
  const prio = pod.priority ?? 0;
  const potential = podsOnNode.filter((p) => p.priority < prio);
  if (potential.length === 0) return undefined;
  const kept = podsOnNode.filter((p) => p.priority >= prio).map((p) => p.sched);
  let current = withoutPods(node, potential, kept);
  if (filterNode(pod, current, state).reasons.length > 0) return undefined;
  const sorted = [...potential].sort(moreImportant);
  const { violating, nonViolating } = splitByPdbViolation(sorted, pdbs);
  const victims: PreemptionPod[] = [];
  let numPdbViolations = 0;
  const reprieve = (p: PreemptionPod): boolean => {
    const back: SchedNode = {
      ...current,
      requested: {
        cpuMillis: current.requested.cpuMillis + p.sched.requests.cpuMillis,
        memoryMiB: current.requested.memoryMiB + p.sched.requests.memoryMiB,
        pods: current.requested.pods + 1,
      },
      pods: [...(current.pods ?? []), p.sched],
    };
    if (filterNode(pod, back, state).reasons.length === 0) {
      current = back;
      return true;
    }
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) numPdbViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(moreImportant);
  return { victims, numPdbViolations };
}

export interface Candidate extends NodeVictims {
  /** Index of the node in the scheduler's node list. */
  index: number;
}

/** GetEarliestPodStartTime: the earliest start among the victims of the highest priority. */
function earliestStartOfHighest(victims: readonly PreemptionPod[]): number {
  if (victims.length === 0) return -Infinity;
  let top = -Infinity;
  for (const v of victims) top = Math.max(top, v.priority);
  let earliest = Infinity;
  for (const v of victims) if (v.priority === top) earliest = Math.min(earliest, v.startMs);
  return earliest;
}

/**
 * pickOneNodeForPreemption: each criterion keeps the candidates that score best, in turn: fewest
 * PDB violations, lowest highest-victim priority, smallest sum of victim priorities, fewest
 * victims, latest start of the highest-priority victims; then the first candidate left.
 */
export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate | undefined {
  // Priorities shifted by 2^31 so that every term of the sum is positive, as upstream does.
  const shift = 2 ** 31;
  const scores: ((c: Candidate) => number)[] = [
    (c) => -c.numPdbViolations,
    (c) => (c.victims.length === 0 ? Infinity : -c.victims.reduce((m, v) => Math.max(m, v.priority), -Infinity)),
    (c) => -c.victims.reduce((s, v) => s + v.priority + shift, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfHighest(c.victims),
  ];
  let left = [...candidates];
  for (const score of scores) {
    if (left.length <= 1) break;
    let best = -Infinity;
    let kept: Candidate[] = [];
    for (const c of left) {
      const s = score(c);
      if (s > best) {
        best = s;
        kept = [c];
      } else if (s === best) kept.push(c);
    }
    left = kept;
  }
  return left[0];
}

/** calculateNumCandidates with the default args (minCandidateNodesPercentage 10, minCandidateNodesAbsolute 100). */
export function numCandidates(nodeCount: number): number {
  return Math.min(nodeCount, Math.max(100, Math.trunc((nodeCount * 10) / 100)));
}
