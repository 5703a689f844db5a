import { takePdbDisruption } from './eligibility';
import { addPodToNode } from './fit';
import type { UnremovableEntry } from './planner';
import { samePods } from './podsOnNodes';
import {
  addPodInPlace,
  REACHED_ALL,
  REACHED_NONE,
  restamp,
  startRun,
  type Candidate,
  type SimulatedStatus,
  type SimulationInput,
  type SimulationRecord,
  type SimulationResult,
  type SimulationRun,
} from './removalSimulation';
import type { CaLogLine, CaNode, CaPod } from './types';

/**
 * The removal simulation's trials run in candidate order, each on the destinations the trials
 * before it left. When some pods moved since the last simulation, the trials that never looked
 * at a destination whose pods or state changed come out exactly as they did: the same candidate
 * with the same pods, first fit over the same leading destinations. So the last simulation's
 * leading trials up to the first such change are replayed (statuses, log lines, placements) and
 * the loop goes on from there. While the HPAs scale a cluster down, ~a third of an hour's trials
 * in medium-ca are such a prefix; while the CA drains a node the first candidate changes every
 * loop (the node drained was it), and everything runs afresh.
 */

/** What the last simulation kept of its inputs and trials (simulationMemo.ts's memo). */
export interface LastSimulation extends SimulationRecord {
  nodes: readonly CaNode[];
  labelCounts: number[];
  deleting: boolean[];
  podsOn: ReadonlyMap<string, readonly CaPod[]>;
  eligible: readonly Candidate[];
}

const NO_PODS: readonly CaPod[] = [];

export function keyCount(o: Readonly<Record<string, unknown>> | undefined): number {
  // Counted in place: Object.keys made an array per node per scan (7 MB an hour at 200 nodes).
  // Labels (and the unneeded timers) are plain records, with no inherited enumerable key, so for...in counts their own keys;
  // an Object.hasOwn call per key made the count ~10x slower (~3,000 keys a scan at 200 nodes).
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * Whether what a simulation reads of node `n` (besides its pods) is what the last one read of the
 * node at `at`: readiness, cordon, capacity, labels (their count too: Karpenter adds keys in place),
 * taints and whether it is being deleted.
 */
export function sameNodeAt(m: LastSimulation, at: number, n: CaNode, deletingNow: boolean): boolean {
  const o = m.nodes[at];
  return (
    o.ready === n.ready &&
    o.unschedulable === n.unschedulable &&
    o.allocatable === n.allocatable &&
    o.labels === n.labels &&
    o.taints === n.taints &&
    m.labelCounts[at] === keyCount(n.labels) &&
    m.deleting[at] === deletingNow
  );
}

/**
 * Where, in the last simulation's node order, the first node is whose part in a simulation may
 * differ now (its pods, readiness, schedulability, deletion, capacity, labels or taints), a node
 * gone counting where it was; the node count when none differs. -1 when a node is new or the
 * order changed: every destination index may then differ.
 */
function firstChangedNode(m: LastSimulation, nodes: readonly CaNode[], podsOn: ReadonlyMap<string, readonly CaPod[]>, deleting: ReadonlySet<string>): number {
  const old = m.nodes;
  const anyDeleting = deleting.size > 0;
  let first = old.length;
  let a = 0;
  for (let b = 0; b < nodes.length; b++) {
    const n = nodes[b];
    while (a < old.length && old[a].name !== n.name) {
      if (a < first) first = a;
      a++;
    }
    if (a === old.length) return -1;
    if (a < first && (!sameNodeAt(m, a, n, anyDeleting && deleting.has(n.name)) || (m.podsOn.get(n.name) ?? NO_PODS) !== (podsOn.get(n.name) ?? NO_PODS))) first = a;
    a++;
  }
  return a < first ? a : first;
}

/**
 * How many of the last simulation's trials a fresh one would repeat exactly. The caller has
 * checked that the options and the PDBs are the same.
 */
export function unchangedPrefix(
  m: LastSimulation,
  input: SimulationInput,
  eligible: readonly Candidate[],
  podsOn: ReadonlyMap<string, readonly CaPod[]>,
  deleting: ReadonlySet<string>,
  limit: number,
): number {
  const trials = m.trialReach.length;
  if (trials === 0) return 0;
  const first = firstChangedNode(m, input.nodes, podsOn, deleting);
  if (first < 0) return 0;
  // The destinations before the first change are as they were (a node gone or changed is at or after it).
  const unchanged = new Set<string>();
  for (let i = 0; i < first; i++) unchanged.add(m.nodes[i].name);
  const allUnchanged = first === m.nodes.length;
  let found = 0;
  let j = 0;
  for (; j < trials && j < eligible.length; j++) {
    // The loop checks the unneeded-nodes limit before each trial.
    if (found >= limit) break;
    const reach = m.trialReach[j];
    if (reach === REACHED_ALL ? !allUnchanged : reach !== REACHED_NONE && !unchanged.has(reach)) break;
    const was = m.eligible[j];
    const is = eligible[j];
    if (was.node.name !== is.node.name || was.util.utilization !== is.util.utilization || was.util.resourceName !== is.util.resourceName || !samePods(was.movable, is.movable)) break;
    if (m.statuses[j].s.state === 'unneeded') found++;
  }
  return j;
}

/**
 * The last simulation's first `count` trials given again (statuses to `status`, log lines,
 * unneeded nodes, recheck deadlines stamped now) and the working state a fresh loop would have
 * after them: the destinations with each removable node out and its pods where the trial put
 * them (copied as a trial copies them), and the PDB budgets spent.
 */
export function replayPrefix(
  m: LastSimulation,
  count: number,
  input: SimulationInput,
  eligible: readonly Candidate[],
  podsOn: ReadonlyMap<string, readonly CaPod[]>,
  deleting: ReadonlySet<string>,
  status: (node: string, s: SimulatedStatus) => void,
  unremovable: Record<string, UnremovableEntry>,
  logs: CaLogLine[],
  record: SimulationRecord,
  result: SimulationResult,
): SimulationRun {
  const run = startRun(input, podsOn, deleting);
  const dest = run.dest;
  const indexOf = new Map<string, number>();
  for (let k = 0; k < dest.length; k++) indexOf.set(dest[k].name, k);
  // Indexes stay put while replaying: removed nodes are marked and dropped at the end.
  const removed = new Uint8Array(dest.length);
  const copiedBy = new Int32Array(dest.length);
  let blocked = 0;
  for (let t = 0; t < count; t++) {
    const { name, s } = m.statuses[t];
    status(name, s);
    record.trialReach.push(m.trialReach[t]);
    record.trialLogStart.push(m.trialLogStart[t]);
    if (s.state !== 'unneeded') {
      record.blocked.push(m.blocked[blocked++]);
      continue;
    }
    const { node, movable } = eligible[t];
    const at = indexOf.get(node.name);
    if (at !== undefined) removed[at] = 1;
    // A trial that succeeded spent one disruption per evicted pod.
    if (run.budget.size > 0) for (const p of movable) takePdbDisruption(p, run.budget);
    const placed = s.destinations!;
    for (let q = 0; q < placed.length; q++) {
      const k = indexOf.get(placed[q].node)!;
      if (copiedBy[k] === t + 1) addPodInPlace(dest[k], movable[q]);
      else {
        dest[k] = addPodToNode(dest[k], movable[q]);
        copiedBy[k] = t + 1;
      }
    }
    record.unneeded.push(t);
    result.unneeded.push(node);
    if (movable.length === 0) result.empties.add(node.name);
  }
  restamp(record.blocked, input, unremovable);
  const end = count < m.trialLogStart.length ? m.trialLogStart[count] : m.trialLogEnd;
  for (let i = 0; i < end; i++) logs.push(m.logs[i]);
  result.simulated = count;
  const kept = dest.filter((_, k) => removed[k] === 0);
  run.dest = kept;
  run.copiedIn = new Int32Array(kept.length);
  run.next = count;
  run.unremovableCount = blocked;
  return run;
}
