import { pdbBudget, takePdbDisruption } from './eligibility';
import { addPodToNode, firstFitFrom, fitNodeOf, hasAntiAffinity, type FitNode } from './fit';
import { movablePods } from './movablePods';
import { RoomBounds } from './roomBounds';
import { formatGoDuration } from './goFlags';
import { goTimeWithMonotonic, log } from './messages';
import type { CaLogLine, CaNode, CaPod, PdbStatus } from './types';
import type { UtilizationInfo } from './utilization';
import type { CaOptions } from './flags';
import type { UnremovableEntry } from './planner';
import { msg, type Message, type MessageParam } from '../../core/message';
import type { SchedPod } from '../../cluster/scheduling/filter';

/** What the simulation reads of the planner's input. */
export interface SimulationInput {
  nowSeconds: number;
  nodes: readonly CaNode[];
  pods: readonly CaPod[];
  pdbs?: readonly PdbStatus[];
  options: CaOptions;
  unneededSince: Readonly<Record<string, number>>;
  startEpochMs?: number;
  processStartSeconds?: number;
}

type StatusSink = (node: string, s: SimulatedStatus) => void;

/** A node that passed the eligibility check, waiting for its removal simulation. */
export interface Candidate {
  node: CaNode;
  /** Pods the drain would evict (drainability rule longterminating skips pods past their grace period). */
  movable: CaPod[];
  util: UtilizationInfo;
}

/** The per-node verdict the simulation writes (a subset of NodeScaleDownStatus). */
export interface SimulatedStatus {
  state: 'not-candidate' | 'blocked' | 'unneeded';
  reason?: string;
  destinations?: { pod: string; node: string }[];
  explanation: Message;
}

/** What one simulation did, to replay it when the next scan's inputs are the same (simulationMemo.ts). */
export interface SimulationRecord {
  statuses: { name: string; s: SimulatedStatus }[];
  /** Log lines of the loop, before the recheck summary. */
  logs: CaLogLine[];
  blocked: { name: string; reason: string }[];
  /** Indexes into the eligible list. */
  unneeded: number[];
  /** The loop stopped at the unneeded-nodes limit (its value is then in the skipped nodes' statuses). */
  stoppedAtLimit: boolean;
  /** Where it stopped, to go on from there under a higher limit (simulationMemo.ts). */
  resume?: SimulationRun;
  /**
   * Per trial, in eligible order (trial j is eligible[j] and statuses[j]): where its log lines
   * start in `logs`, and how far into the destinations its first fits looked (simulationPrefix.ts).
   */
  trialLogStart: number[];
  trialReach: string[];
  /** Where the trials' log lines end in `logs` (a stop line may follow). */
  trialLogEnd: number;
}

/**
 * What a trial's outcome depended on among the destinations, by the name of the furthest one it
 * examined (first fit, and the hints that skip nodes, read every destination before the one taken):
 * REACHED_NONE when it examined none (blocked before placing, or nothing to place), REACHED_ALL
 * when a pod found no place (it examined them all).
 */
export const REACHED_NONE = '';
export const REACHED_ALL = '*';

/**
 * A simulation's working state before candidate `next`: the destinations as the trials before it
 * left them, the PDB budgets, the room bounds. A loop that stopped at the limit is exactly where a
 * loop under a higher limit would be at that candidate, so it may go on from there.
 */
export interface SimulationRun {
  next: number;
  dest: FitNode[];
  budget: Map<string, number>;
  holders: [] | undefined;
  bounds: RoomBounds;
  copiedIn: Int32Array;
  trialStamp: number;
  unremovableCount: number;
  /** How many of the record's statuses and log lines came before the stop. */
  statusCount: number;
  logCount: number;
}

export interface SimulationResult {
  /** Removable nodes, in the order found. */
  unneeded: CaNode[];
  /** Removable nodes with nothing to evict. */
  empties: Set<string>;
  /** Nodes whose removal was simulated. */
  simulated: number;
}

/**
 * The last destination built per node: a trial never changes one (it copies a node before adding a
 * pod), so the same node fields and the same pod array (scaleDown.ts keeps a node's array while its
 * pod views are the same) give the same destination. Another world's nodes only miss it.
 */
const destinations = new Map<string, { node: CaNode; pods: readonly CaPod[]; fit: FitNode }>();

function destinationOf(node: CaNode, pods: readonly CaPod[], nodeCount: number): FitNode {
  const d = destinations.get(node.name);
  if (d !== undefined && d.pods === pods && d.node.allocatable === node.allocatable && d.node.labels === node.labels && d.node.taints === node.taints && d.node.unschedulable === node.unschedulable) {
    return d.fit;
  }
  const fit = fitNodeOf(node, pods);
  if (destinations.size > 2 * nodeCount + 64) destinations.clear();
  destinations.set(node.name, { node, pods, fit });
  return fit;
}


/** The last pod list asked about and its answer: scans hand back the same list while no pod changed. */
let lastAnti: { pods: readonly CaPod[]; any: boolean } | undefined;

function anyAntiAffinity(pods: readonly CaPod[]): boolean {
  if (lastAnti?.pods !== pods) lastAnti = { pods, any: pods.some(hasAntiAffinity) };
  return lastAnti.any;
}

/** Where the node named is in `nodes`, -1 when it is not there (a cordoned or unready candidate). */
export function indexOfNode(nodes: readonly FitNode[], name: string): number {
  for (let i = 0; i < nodes.length; i++) if (nodes[i].name === name) return i;
  return -1;
}

/**
 * withPod's sums on a node copy the trial already owns: the same additions, in place. The copy's
 * requested figures and pod list are its own (withPod built them), so nothing else sees them change;
 * a new figures object per pod was ~2 MB of a medium-ca hour.
 */
export function addPodInPlace(node: FitNode, pod: CaPod): void {
  const r = node.requested;
  r.cpuMillis += pod.requests.cpuMillis;
  r.memoryMiB += pod.requests.memoryMiB;
  r.pods += 1;
  (node.pods as SchedPod[]).push(pod);
}

/** Nodes the loop stopped before: neither unneeded nor unremovable this loop (upstream keeps no record of them). */
function skipRest(eligible: readonly Candidate[], from: number, reason: string, why: Message, threshold: number, status: StatusSink): void {
  for (let j = from; j < eligible.length; j++) {
    const c = eligible[j];
    const params: Record<string, MessageParam> = { node: c.node.name, resource: c.util.resourceName, utilization: c.util.utilization.toFixed(2), threshold };
    status(c.node.name, { state: 'not-candidate', reason, explanation: msg(why.key, Object.assign(params, why.params)) });
  }
}

/**
 * planner.go categorizeNodes' loop over the eligible nodes, in order: stop at the simulation
 * timeout or once unneededNodesLimit() removable nodes are found; otherwise simulate the node's
 * removal (simulator/cluster.go SimulateNodeRemoval: drain blockers and PDBs, then a place for every
 * pod on the other destinations, kept for the later nodes when it succeeds). A node that fails is
 * remembered in `unremovable` until now + --unremovable-node-recheck-timeout.
 */
export function runSimulation(
  input: SimulationInput,
  eligible: readonly Candidate[],
  podsOn: ReadonlyMap<string, readonly CaPod[]>,
  deleting: ReadonlySet<string>,
  limit: number,
  status: StatusSink,
  unremovable: Record<string, UnremovableEntry>,
  logs: CaLogLine[],
  record?: SimulationRecord,
): SimulationResult {
  const result: SimulationResult = { unneeded: [], empties: new Set(), simulated: 0 };
  if (eligible.length === 0) return result;
  continueSimulation(startRun(input, podsOn, deleting), input, eligible, limit, status, unremovable, logs, result, record, logs.length);
  return result;
}

/** A simulation's working state before its first candidate. */
export function startRun(input: SimulationInput, podsOn: ReadonlyMap<string, readonly CaPod[]>, deleting: ReadonlySet<string>): SimulationRun {
  // Destination capacity in node order, updated as the simulation moves pods; removable nodes drop out.
  // A trial works on it in place and a failed one is undone: nearly every trial succeeds, and a
  // copy of the list per trial (~200 nodes, ~4,200 trials an hour in medium-ca) cost more.
  const dest: FitNode[] = [];
  for (const n of input.nodes) {
    if (n.ready && !n.unschedulable && !deleting.has(n.name)) dest.push(destinationOf(n, podsOn.get(n.name) ?? [], input.nodes.length));
  }
  return {
    next: 0,
    dest,
    budget: pdbBudget(input.pdbs ?? []),
    // No pod with required anti-affinity anywhere: none appears by moving pods, so skip the lookup per pod.
    holders: anyAntiAffinity(input.pods) ? undefined : [],
    bounds: new RoomBounds(),
    // Which trial copied the node at each index of `dest` (a trial's indexes are fixed): a stamp per
    // trial instead of a Set of copies, which was a new Set for each of ~4,000 trials an hour.
    copiedIn: new Int32Array(dest.length),
    trialStamp: 0,
    unremovableCount: 0,
    statusCount: 0,
    logCount: 0,
  };
}

/**
 * The loop from candidate `run.next` on, adding to `result` and `record`; `fromLog` is where the
 * record's log lines start in `logs`. Ends with the recheck summary.
 */
export function continueSimulation(
  run: SimulationRun,
  input: SimulationInput,
  eligible: readonly Candidate[],
  limit: number,
  status: StatusSink,
  unremovable: Record<string, UnremovableEntry>,
  logs: CaLogLine[],
  result: SimulationResult,
  record: SimulationRecord | undefined,
  fromLog: number,
): void {
  const { options: o, nowSeconds: now } = input;
  const threshold = o.scaleDownUtilizationThreshold;
  const { dest, budget, holders, bounds, copiedIn } = run;
  // The nodes the current trial replaced by its copies, and where, to undo it.
  const replacedAt: number[] = [];
  const replaced: FitNode[] = [];
  let trialStamp = run.trialStamp;
  let unremovableCount = run.unremovableCount;
  let stopped = false;
  for (let i = run.next; i < eligible.length; i++) {
    const { node: n, movable, util } = eligible[i];
    if (o.scaleDownSimulationTimeoutSeconds <= 0) {
      if (record) record.trialLogEnd = logs.length - fromLog;
      logs.push(log(0, 'planner.go:277', `${eligible.length - i} out of ${eligible.length} nodes skipped in scale down simulation due to timeout.`, 'W'));
      skipRest(eligible, i, 'SimulationTimeout', msg('engine.ca.node.simulationTimeout'), threshold, status);
      stopped = true;
      break;
    }
    if (result.unneeded.length >= limit) {
      if (record) {
        record.trialLogEnd = logs.length - fromLog;
        run.next = i;
        run.trialStamp = trialStamp;
        run.unremovableCount = unremovableCount;
        run.statusCount = record.statuses.length;
        run.logCount = logs.length - fromLog;
        record.resume = run;
      }
      logs.push(
        log(4, 'planner.go:281', `${eligible.length - i} out of ${eligible.length} nodes skipped in scale down simulation: there are already ${result.unneeded.length} unneeded nodes so no point in looking for more. Total atomic scale down nodes: 0`),
      );
      skipRest(eligible, i, 'UnneededNodesLimit', msg('engine.ca.node.notSimulated', { found: result.unneeded.length, limit }), threshold, status);
      if (record) record.stoppedAtLimit = true;
      stopped = true;
      break;
    }
    result.simulated += 1;
    if (record) record.trialLogStart.push(logs.length - fromLog);
    logs.push(log(2, 'cluster.go:165', `Simulating node ${n.name} removal`));
    const prepared = movablePods(movable, o);
    let blocker = prepared.blocker;
    // Each eviction spends one allowed disruption; with no budgets there is nothing to spend.
    const spent = budget.size > 0 ? new Map(budget) : undefined;
    if (!blocker && spent) for (const p of movable) if ((blocker = takePdbDisruption(p, spent))) break;
    // At its final size: a trial that succeeds places every movable pod (one grown by push was two or three arrays a trial).
    const placed = new Array<{ pod: string; node: string }>(movable.length);
    // The other destinations in their order; the trial fills them, copying a node the first time
    // it takes a pod (later pods go into that private copy).
    let at = -1;
    let candidate: FitNode | undefined;
    let replacedCount = 0;
    let furthest = -1;
    // Drain blockers and budgets fail GetPodsToMove; a pod with no place fails findPlaceFor. The two print differently.
    const drainBlocked = blocker !== undefined;
    if (!blocker) {
      at = indexOfNode(dest, n.name);
      if (at >= 0) {
        candidate = dest[at];
        for (let q = at + 1; q < dest.length; q++) dest[q - 1] = dest[q];
        dest.pop();
      }
      bounds.startTrial(at);
      trialStamp += 1;
      // Where the pod before went: a pod with the same node-local rules cannot fit before it.
      let prevAt = 0;
      for (let j = 0; j < movable.length; j++) {
        const p = movable[j];
        const from = holders !== undefined && holders.length === 0 && prepared.sameRulesAsPrevious[j] ? prevAt : 0;
        const k = firstFitFrom(p, dest, holders, bounds.startFor(p, dest, from), prepared.clusterWide[j]);
        if (k < 0) {
          blocker = `can reschedule only ${j} out of ${movable.length} pods`;
          break;
        }
        const target = dest[k];
        if (copiedIn[k] === trialStamp) addPodInPlace(target, p);
        else {
          replacedAt[replacedCount] = k;
          replaced[replacedCount++] = target;
          dest[k] = addPodToNode(target, p);
          copiedIn[k] = trialStamp;
        }
        placed[j] = { pod: prepared.keys[j], node: target.name };
        prevAt = k;
        if (k > furthest) furthest = k;
      }
    }
    if (record) record.trialReach.push(drainBlocked ? REACHED_NONE : blocker ? REACHED_ALL : furthest < 0 ? REACHED_NONE : dest[furthest].name);
    if (blocker) {
      // Undone: the destinations are as they were before the trial.
      for (let r = 0; r < replacedCount; r++) dest[replacedAt[r]] = replaced[r];
      if (candidate !== undefined) dest.splice(at, 0, candidate);
      unremovableCount += 1;
      record?.blocked.push({ name: n.name, reason: blocker });
      unremovable[n.name] = { atSeconds: now, untilSeconds: now + o.unremovableNodeRecheckTimeoutSeconds, reason: blocker };
      status(n.name, {
        state: 'blocked',
        reason: blocker,
        explanation: msg('engine.ca.node.blocked', { node: n.name, resource: util.resourceName, utilization: util.utilization.toFixed(2), threshold, blocker }),
      });
      logs.push(
        drainBlocked
          ? log(2, 'cluster.go:170', `Node ${n.name} cannot be removed: ${blocker}`)
          : log(2, 'cluster.go:181', `Node ${n.name} is not suitable for removal: ${blocker}`),
      );
      continue;
    }
    // Committed: later candidates see these pods on their new nodes, and this node no longer as a destination.
    bounds.commit();
    if (spent) for (const [k, v] of spent) budget.set(k, v);
    logs.push(log(2, 'cluster.go:184', `Node ${n.name} may be removed`));
    status(n.name, { state: 'unneeded', destinations: placed, explanation: msg('engine.ca.node.candidate', { node: n.name }) });
    if (movable.length === 0) result.empties.add(n.name);
    result.unneeded.push(n);
    record?.unneeded.push(i);
  }
  if (record) {
    // A loop that stopped early set the end before its stop line; one that ran out of candidates ends here.
    if (!stopped) record.trialLogEnd = logs.length - fromLog;
    record.logs = logs.slice(fromLog);
  }
  recheckLog(unremovableCount, input, logs);
}

/** planner.go's summary of the nodes that failed the simulation this loop. */
export function recheckLog(unremovableCount: number, input: SimulationInput, logs: CaLogLine[]): void {
  if (unremovableCount === 0) return;
  const at = input.nowSeconds + input.options.unremovableNodeRecheckTimeoutSeconds;
  // timestamp.Add(recheckTimeout): a time from time.Now(), printed with its monotonic reading.
  const when = input.startEpochMs === undefined ? formatGoDuration(at) : goTimeWithMonotonic(input.startEpochMs + at * 1000, (at - (input.processStartSeconds ?? 0)) * 1000);
  logs.push(log(1, 'planner.go:305', `${unremovableCount} nodes found to be unremovable in simulation, will re-check them at ${when}`));
}

/** The recheck deadlines of the nodes a replayed loop (or replayed trials) found unremovable, from now. */
export function restamp(blocked: readonly { name: string; reason: string }[], input: SimulationInput, unremovable: Record<string, UnremovableEntry>): void {
  const o = input.options;
  for (const b of blocked) {
    unremovable[b.name] = { atSeconds: input.nowSeconds, untilSeconds: input.nowSeconds + o.unremovableNodeRecheckTimeoutSeconds, reason: b.reason };
  }
}
