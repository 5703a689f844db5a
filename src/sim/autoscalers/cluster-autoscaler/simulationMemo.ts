import { pushAll } from '../../core/arrays';
import { unneededNodesLimit } from './planner';
import type { UnremovableEntry } from './planner';
import {
  continueSimulation,
  recheckLog,
  restamp,
  runSimulation,
  type Candidate,
  type SimulatedStatus,
  type SimulationInput,
  type SimulationRecord,
  type SimulationResult,
} from './removalSimulation';
import type { CaLogLine, CaNode, CaPod, PdbStatus } from './types';
import { samePods } from './podsOnNodes';
import { keyCount, replayPrefix, sameNodeAt, unchangedPrefix, type LastSimulation } from './simulationPrefix';

/**
 * The removal simulation is a pure function of the destinations (nodes and the pods on them), the
 * eligible candidates in their order, the PDB budgets, the limit and a few flags. Between two scans
 * of a quiet cluster none of these change, so the last simulation is replayed instead of run again:
 * the same statuses, log lines, unneeded nodes and blockers, with the recheck deadlines stamped at
 * the current time. Any difference in the inputs runs the simulation afresh. One memo for the
 * process: another world (or another test) simply misses it.
 */
interface SimulationMemo extends SimulationRecord, LastSimulation {
  /** scaleDown.ts's generation of the bound pod views: the same generation, the same pods. */
  podsGeneration: number;
  nodes: readonly CaNode[];
  /** Label count per node: a node's labels may gain keys in place (Karpenter's registration marks). */
  labelCounts: number[];
  deleting: boolean[];
  pdbs: readonly PdbStatus[];
  eligible: readonly Candidate[];
  limit: number;
  threshold: number;
  skipNodesWithLocalStorage: boolean;
  skipNodesWithSystemPods: boolean;
  timedOut: boolean;
  empties: string[];
  simulated: number;
}

let memo: SimulationMemo | undefined;

let prefixOn = true;

/** Tests turn the prefix replay (simulationPrefix.ts) off to compare it with a simulation run afresh. */
export function useSimulationPrefix(on: boolean): void {
  prefixOn = on;
}

/** How many simulations were run, replayed, resumed or gone on from a replayed prefix (for tests). */
export const simulationCounts = { run: 0, replayed: 0, resumed: 0, fromPrefix: 0, prefixTrials: 0 };

function sameNodes(m: SimulationMemo, nodes: readonly CaNode[], deleting: ReadonlySet<string>): boolean {
  if (m.nodes.length !== nodes.length) return false;
  // Most scans delete nothing: no lookup by name per node then.
  const anyDeleting = deleting.size > 0;
  for (let i = 0; i < nodes.length; i++) {
    const b = nodes[i];
    if (m.nodes[i].name !== b.name || !sameNodeAt(m, i, b, anyDeleting && deleting.has(b.name))) return false;
  }
  return true;
}

function samePdbs(a: readonly PdbStatus[], b: readonly PdbStatus[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].name !== b[i].name || a[i].namespace !== b[i].namespace || a[i].disruptionsAllowed !== b[i].disruptionsAllowed) return false;
  }
  return true;
}

function sameEligible(a: readonly Candidate[], b: readonly Candidate[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.node.name !== y.node.name || x.util.utilization !== y.util.utilization || x.util.resourceName !== y.util.resourceName) return false;
    if (!samePods(x.movable, y.movable)) return false;
  }
  return true;
}

/**
 * The limit only decides whether the loop goes on to the next candidate (with `found` unneeded
 * nodes so far, while found < limit). A loop that never stopped at it checked counts below its
 * final count only, so any limit above that final count lets it run the same way; the limit moves
 * with the number of nodes unneeded last loop, which changes without any simulation input changing.
 * A loop that stopped at the limit prints it, so only the same limit repeats it.
 */
function sameOutcomeUnder(m: SimulationMemo, limit: number): boolean {
  return m.limit === limit || (!m.stoppedAtLimit && m.unneeded.length < limit);
}

/** Every input but the limit is the memo's. */
function sameInputs(
  m: SimulationMemo,
  input: SimulationInput,
  eligible: readonly Candidate[],
  podsGeneration: number,
  deleting: ReadonlySet<string>,
  pdbs: readonly PdbStatus[],
): boolean {
  return m.podsGeneration === podsGeneration && sameOptionsAndPdbs(m, input, pdbs) && sameNodes(m, input.nodes, deleting) && sameEligible(m.eligible, eligible);
}

/** The flags the simulation reads and the PDB budgets are the memo's. */
function sameOptionsAndPdbs(m: SimulationMemo, input: SimulationInput, pdbs: readonly PdbStatus[]): boolean {
  const o = input.options;
  return (
    m.threshold === o.scaleDownUtilizationThreshold &&
    m.skipNodesWithLocalStorage === o.skipNodesWithLocalStorage &&
    m.skipNodesWithSystemPods === o.skipNodesWithSystemPods &&
    m.timedOut === o.scaleDownSimulationTimeoutSeconds <= 0 &&
    samePdbs(m.pdbs, pdbs)
  );
}

/**
 * simulateRemovals: runSimulation, or the replay of the last one when the bound pod views are those
 * of the last call (the same `podsGeneration`) and every other input is equal. When only the limit
 * rose past the one the last loop stopped at, that loop's candidates are replayed and it goes on
 * from where it stopped (~14% of a medium-ca hour's trials were such a prefix run again).
 */
export function simulateRemovals(
  input: SimulationInput,
  eligible: readonly Candidate[],
  podsOn: ReadonlyMap<string, readonly CaPod[]>,
  podsGeneration: number,
  deleting: ReadonlySet<string>,
  minUpdateIntervalSeconds: number,
  status: (node: string, s: SimulatedStatus) => void,
  unremovable: Record<string, UnremovableEntry>,
  logs: CaLogLine[],
): SimulationResult {
  const o = input.options;
  const limit = unneededNodesLimit(keyCount(input.unneededSince), minUpdateIntervalSeconds, o);
  const pdbs = input.pdbs ?? [];
  const m = memo;
  const same = m !== undefined && sameInputs(m, input, eligible, podsGeneration, deleting, pdbs);
  if (same && sameOutcomeUnder(m, limit)) {
    simulationCounts.replayed += 1;
    for (let i = 0; i < m.statuses.length; i++) status(m.statuses[i].name, m.statuses[i].s);
    pushAll(logs, m.logs);
    restamp(m.blocked, input, unremovable);
    recheckLog(m.blocked.length, input, logs);
    // The inputs of the next scan are compared with these.
    m.nodes = input.nodes;
    m.eligible = eligible;
    return { unneeded: m.unneeded.map((i) => eligible[i].node), empties: new Set(m.empties), simulated: m.simulated };
  }
  const record: SimulationRecord = { statuses: [], logs: [], blocked: [], unneeded: [], stoppedAtLimit: false, trialLogStart: [], trialReach: [], trialLogEnd: 0 };
  const recording = (name: string, s: SimulatedStatus): void => {
    record.statuses.push({ name, s });
    status(name, s);
  };
  let result: SimulationResult;
  const run = same ? m.resume : undefined;
  if (run !== undefined && limit > m!.limit) {
    simulationCounts.resumed += 1;
    // The stopped loop's candidates, as a replay gives them, then the loop goes on with the run's
    // state, which it changes: the memo it came from may not go on from there again.
    m!.resume = undefined;
    for (let i = 0; i < run.statusCount; i++) recording(m!.statuses[i].name, m!.statuses[i].s);
    const fromLog = logs.length;
    for (let i = 0; i < run.logCount; i++) logs.push(m!.logs[i]);
    restamp(m!.blocked, input, unremovable);
    pushAll(record.blocked, m!.blocked);
    pushAll(record.unneeded, m!.unneeded);
    pushAll(record.trialLogStart, m!.trialLogStart);
    pushAll(record.trialReach, m!.trialReach);
    result = { unneeded: m!.unneeded.map((i) => eligible[i].node), empties: new Set(m!.empties), simulated: m!.simulated };
    continueSimulation(run, input, eligible, limit, recording, unremovable, logs, result, record, fromLog);
  } else {
    const prefix = prefixOn && m !== undefined && sameOptionsAndPdbs(m, input, pdbs) ? unchangedPrefix(m, input, eligible, podsOn, deleting, limit) : 0;
    if (prefix > 0) {
      simulationCounts.fromPrefix += 1;
      simulationCounts.prefixTrials += prefix;
      result = { unneeded: [], empties: new Set(), simulated: 0 };
      const fromLog = logs.length;
      const run = replayPrefix(m!, prefix, input, eligible, podsOn, deleting, recording, unremovable, logs, record, result);
      continueSimulation(run, input, eligible, limit, recording, unremovable, logs, result, record, fromLog);
    } else {
      simulationCounts.run += 1;
      result = runSimulation(input, eligible, podsOn, deleting, limit, recording, unremovable, logs, record);
    }
  }
  memo = {
    ...record,
    podsGeneration,
    podsOn,
    nodes: input.nodes,
    labelCounts: input.nodes.map((n) => keyCount(n.labels)),
    deleting: input.nodes.map((n) => deleting.has(n.name)),
    pdbs: pdbs.map((p) => ({ name: p.name, namespace: p.namespace, disruptionsAllowed: p.disruptionsAllowed })),
    eligible,
    limit,
    threshold: o.scaleDownUtilizationThreshold,
    skipNodesWithLocalStorage: o.skipNodesWithLocalStorage,
    skipNodesWithSystemPods: o.skipNodesWithSystemPods,
    timedOut: o.scaleDownSimulationTimeoutSeconds <= 0,
    empties: [...result.empties],
    simulated: result.simulated,
  };
  return result;
}
