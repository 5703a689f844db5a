import { hasToBeDeletedTaint, scaleDownCooldown, unneededLongEnough } from './eligibility';
import type { CaOptions } from './flags';
import { formatGoDuration } from './goFlags';
import {
  goTimeWithMonotonic,
  log,
  nodeMarkedForDeletionEvent,
  podEvictedForScaleDownEvent,
  scaleDownEmptyEvent,
  scaleDownNodeEvent,
} from './messages';
import { keepUnremovable, nextMinUpdateInterval, type UnremovableEntry } from './planner';
import type { SimulatedStatus } from './removalSimulation';
import { simulateRemovals } from './simulationMemo';
import { podsOnNodes } from './podsOnNodes';
import { nodeCategories, type RankedCandidate } from './categorize';
import type { CaEvent, CaLogLine, CaNode, CaPod, PdbStatus } from './types';
import { msg, type Message } from '../../core/message';
import { pushAll } from '../../core/arrays';
import { goFormatFloat } from '../../core/goFormat';
import type { UtilizationInfo } from './utilization';

import type { NodeScaleDownStatus, ScaleDownGroup } from './scaleDownStatus';

export type { NodeScaleDownStatus, ScaleDownGroup } from './scaleDownStatus';

export interface ScaleDownInput {
  nowSeconds: number;
  nodes: readonly CaNode[];
  /** Pods bound to nodes. */
  pods: readonly CaPod[];
  groups: readonly ScaleDownGroup[];
  pdbs?: readonly PdbStatus[];
  options: CaOptions;
  /** State carried between loops: node name → first second it was seen unneeded. */
  unneededSince: Readonly<Record<string, number>>;
  /** Nodes already being deleted (tainted ToBeDeletedByClusterAutoscaler or terminating). */
  deletingNodes?: readonly string[];
  lastScaleUpAtSeconds?: number;
  lastScaleDownDeleteAtSeconds?: number;
  lastScaleDownFailAtSeconds?: number;
  /** State carried between loops: nodes whose removal simulation failed, skipped until their recheck deadline. */
  unremovable?: Readonly<Record<string, UnremovableEntry>>;
  /** State carried between loops: when the planner last ran, and the shortest interval between its runs. */
  lastUpdateAtSeconds?: number;
  minUpdateIntervalSeconds?: number;
  /** The sim's wall-clock epoch, to print times in log lines as klog does. */
  startEpochMs?: number;
  /** When the CA process started (sim seconds): the origin of the monotonic readings its times print. */
  processStartSeconds?: number;
  /** This loop's scale-up found only very new unschedulable pods (DisableScaleDownForLoop). */
  scaleDownForbidden?: boolean;
}

export type { NodeScaleDownState } from './nodeEligibility';

export interface NodeDeletion {
  node: string;
  group: string;
  empty: boolean;
  /** Pods to evict (non-DaemonSet, non-mirror). */
  pods: string[];
  /** The actuator's line, printed once the node is tainted. */
  log: CaLogLine;
}

export interface ScaleDownResult {
  unneededSince: Record<string, number>;
  /** Recheck deadlines to carry to the next loop. */
  unremovable: Record<string, UnremovableEntry>;
  minUpdateIntervalSeconds: number;
  /** Nodes whose removal was simulated this loop. */
  simulated: number;
  /** Why scale-down waits this loop: the delay flag in force, or a clause (scaleDownForbidden). */
  cooldown?: string | Message;
  nodes: NodeScaleDownStatus[];
  /** Taint, drain and delete these now: empty nodes in bulk, at most --max-drain-parallelism others. */
  deletions: NodeDeletion[];
  logs: CaLogLine[];
  events: CaEvent[];
}

const podKey = (p: CaPod): string => `${p.namespace}/${p.name}`;
const isMovable = (p: CaPod): boolean => !p.isDaemonSet && !p.isMirror;

function hasKeys(o: Readonly<Record<string, unknown>> | undefined): boolean {
  for (const _ in o) return true;
  return false;
}


/** The last node list's names: the scans of a steady cluster list the very same node views. */
let lastNames: { nodes: CaNode[]; names: Set<string> } | undefined;

function nodeNames(nodes: readonly CaNode[]): ReadonlySet<string> {
  const last = lastNames;
  if (last !== undefined && last.nodes.length === nodes.length && last.nodes.every((n, i) => n === nodes[i])) return last.names;
  lastNames = { nodes: nodes.slice(), names: new Set(nodes.map((n) => n.name)) };
  return lastNames.names;
}

/** A candidate's simulated verdict, field by field: Object.assign took its generic path for each of ~120 candidates a scan. */
function setStatus(statuses: ReadonlyMap<string, NodeScaleDownStatus>, node: string, sim: SimulatedStatus): void {
  const status = statuses.get(node)!;
  status.state = sim.state;
  status.explanation = sim.explanation;
  if (sim.reason !== undefined) status.reason = sim.reason;
  if (sim.destinations !== undefined) status.destinations = sim.destinations;
}

function secondsSince(now: number, t: number | undefined): number | undefined {
  return t === undefined ? undefined : now - t;
}

const byRank = (a: RankedCandidate, b: RankedCandidate): number => a.rank - b.rank || a.index - b.index;

/**
 * One scale-down pass, as upstream's planner runs it every loop (cluster-autoscaler 1.33,
 * core/scaledown/planner/planner.go categorizeNodes):
 * 1. candidates: autoscaled nodes whose group is above its min size (pre_filtering_processor.go);
 * 2. eligibility (eligibility.go FilterOutUnremovable): nodes that failed a removal simulation
 *    less than --unremovable-node-recheck-timeout ago are skipped as RecentlyUnremovable; the rest
 *    are checked for deletion in progress, the scale-down-disabled annotation, readiness and
 *    utilization;
 * 3. removal simulation of the eligible nodes, empty ones first, then those unneeded last loop,
 *    until unneededNodesLimit() removable nodes are found (or --scale-down-simulation-timeout):
 *    drain blockers, PDBs, then a place for every movable pod on the remaining nodes (first fit with
 *    the scheduler's checks). A node that fails is remembered with its recheck deadline.
 * Then it tracks how long each node has been unneeded and picks the nodes to delete when no
 * cooldown applies.
 */
export function planScaleDown(input: ScaleDownInput): ScaleDownResult {
  const { options: o, nowSeconds: now } = input;
  const out: ScaleDownResult = {
    unneededSince: {},
    unremovable: {},
    minUpdateIntervalSeconds: nextMinUpdateInterval(input.minUpdateIntervalSeconds, input.lastUpdateAtSeconds, now, o),
    simulated: 0,
    nodes: [],
    deletions: [],
    logs: [],
    events: [],
  };
  const deleting = new Set(input.deletingNodes ?? []);
  // Indexed loops in this function: a for...of here allocated an iterator result per node per scan.
  for (let i = 0; i < input.nodes.length; i++) if (hasToBeDeletedTaint(input.nodes[i].taints)) deleting.add(input.nodes[i].name);
  out.logs.push(log(4, 'static_autoscaler.go:568', 'Calculating unneeded nodes'));
  const { byNode: podsOn, generation: podsGeneration } = podsOnNodes(input.pods);
  const anyUnremovable = hasKeys(input.unremovable);
  if (anyUnremovable) out.unremovable = keepUnremovable(input.unremovable, nodeNames(input.nodes), now);
  const threshold = o.scaleDownUtilizationThreshold;
  const { statuses, candidateStatuses, eligible, logs } = nodeCategories({
    nowSeconds: now,
    nodes: input.nodes,
    groups: input.groups,
    options: o,
    unneededSince: input.unneededSince,
    podsOn,
    podsGeneration,
    deleting,
    unremovable: anyUnremovable ? out.unremovable : undefined,
  });
  // One copy of the categorization's lines (one per node) at their size, rather than grown by push.
  out.logs = out.logs.concat(logs);
  eligible.sort(byRank);
  // The status sink is written in the call: under tsx (the bench and the tests) a closure kept in a
  // const is also named by a defineProperty call, every scan.
  const sim = simulateRemovals(input, eligible, podsOn, podsGeneration, deleting, out.minUpdateIntervalSeconds, (node, status) => setStatus(candidateStatuses, node, status), out.unremovable, out.logs);
  out.simulated = sim.simulated;
  const { unneeded, empties } = sim;
  // RemovableAt prints these only when the scale-down runs, the empty nodes first.
  const emptyLines: CaLogLine[] = [];
  const drainLines: CaLogLine[] = [];
  const neededReady = formatGoDuration(o.scaleDownUnneededTimeSeconds);
  const neededUnready = formatGoDuration(o.scaleDownUnreadyTimeSeconds);
  for (let i = 0; i < unneeded.length; i++) {
    const n = unneeded[i];
    const since = input.unneededSince[n.name] ?? now;
    out.unneededSince[n.name] = since;
    const status = candidateStatuses.get(n.name)!;
    status.unneededForSeconds = now - since;
    const unneededFor = formatGoDuration(now - since);
    status.explanation = msg('engine.ca.node.unneeded', {
      node: n.name,
      resource: status.utilization!.resourceName, utilization: status.utilization!.utilization.toFixed(2),
      threshold,
      since: unneededFor,
      needed: n.ready ? neededReady : neededUnready,
    });
    if (empties.has(n.name)) emptyLines.push(log(2, 'nodes.go:126', `${n.name} was unneeded for ${unneededFor}`));
    else drainLines.push(log(2, 'nodes.go:134', `${n.name} was unneeded for ${unneededFor}`));
  }

  // isScaleDownInCooldown: a loop that disabled scale-down counts as in cooldown, before the delays.
  out.cooldown = input.scaleDownForbidden ? msg('engine.ca.scaleDownForbidden') : scaleDownCooldown(
    {
      secondsSinceLastScaleUp: secondsSince(now, input.lastScaleUpAtSeconds) ?? Infinity,
      secondsSinceLastScaleDownDelete: secondsSince(now, input.lastScaleDownDeleteAtSeconds),
      secondsSinceLastScaleDownFailure: secondsSince(now, input.lastScaleDownFailAtSeconds),
    },
    o,
  );
  out.logs.push(log(4, 'static_autoscaler.go:611', scaleDownStatusLine(input, out.cooldown !== undefined)));
  if (out.cooldown || !o.scaleDownEnabled) {
    for (const s of statuses)
      if (s.state === 'unneeded')
        s.explanation = msg('engine.ca.node.paused', { line: s.explanation, reason: out.cooldown ?? '--scale-down-enabled=false' });
    out.nodes = statuses;
    // With --scale-down-enabled=false the loop skips the whole section; the statuses still feed the why panel.
    if (!o.scaleDownEnabled) out.logs = [];
    return out;
  }
  if (!statuses.some(isScaleDownCandidate)) {
    out.logs.push(log(4, 'static_autoscaler.go:633', 'Starting scale down: no scale down candidates. skipping...'));
    out.nodes = statuses;
    return out;
  }
  out.logs.push(log(4, 'static_autoscaler.go:638', 'Starting scale down'));
  pushAll(out.logs, emptyLines);
  pushAll(out.logs, drainLines);

  const room = new Map(input.groups.map((g) => [g.name, g.targetSize - g.minSize]));
  const ready = unneeded.filter((n) => unneededLongEnough(now - out.unneededSince[n.name], n.ready, o));
  // Empty nodes go first and in bulk; non-empty ones are drained a few at a time.
  ready.sort(
    (a, b) =>
      Number(empties.has(b.name)) - Number(empties.has(a.name)) ||
      out.unneededSince[a.name] - out.unneededSince[b.name],
  );
  let drains = 0;
  for (const n of ready) {
    if (out.deletions.length >= o.maxScaleDownParallelism) break;
    const group = input.groups.find((g) => g.name === n.group);
    const left = room.get(n.group!) ?? 0;
    if (!group || left < 1) {
      out.logs.push(
        log(
          1,
          'nodes.go:236',
          `Skipping ${n.name} - node group min size reached`,
        ),
      );
      const st = candidateStatuses.get(n.name)!;
      st.explanation = msg('engine.ca.node.minSize', { line: st.explanation });
      continue;
    }
    const empty = empties.has(n.name);
    if (!empty && drains >= o.maxDrainParallelism) continue;
    if (!empty) drains += 1;
    room.set(n.group!, left - 1);
    const pods = (podsOn.get(n.name) ?? []).filter((p) => isMovable(p) && p.deletionTimestampSeconds === undefined);
    const status = candidateStatuses.get(n.name)!;
    status.state = 'to-delete';
    out.events.push(nodeMarkedForDeletionEvent(n.name));
    let line: CaLogLine;
    if (empty) {
      line = log(0, 'actuator.go:175', `Scale-down: removing empty node "${n.name}"`);
      out.events.push(scaleDownEmptyEvent(n.name));
    } else {
      const util = utilizationInfoText(status.utilization!);
      line = log(0, 'actuator.go:268', `Scale-down: removing node ${n.name}, utilization: ${util}, pods to reschedule: ${pods.map((p) => p.name).join(',')}`);
      out.events.push(
        scaleDownNodeEvent(
          n.name,
          util,
          pods.map((p) => p.name),
        ),
      );
      for (const p of pods) out.events.push(podEvictedForScaleDownEvent(p));
    }
    out.deletions.push({ node: n.name, group: n.group!, empty, pods: pods.map(podKey), log: line });
  }
  out.nodes = statuses;
  return out;
}

/** The pre-filter's scale-down candidates: autoscaled nodes whose group is above its min size. */
const isScaleDownCandidate = (s: NodeScaleDownStatus): boolean => s.state !== 'not-autoscaled' && s.reason !== 'NodeGroupMinSizeReached';

/** utilization.Info printed with %v (simulator/utilization/info.go): {CpuUtil MemUtil GpuUtil DynamicResourceUtil ResourceName Utilization}. */
export function utilizationInfoText(u: UtilizationInfo): string {
  return `{${goFormatFloat(u.cpuUtil)} ${goFormatFloat(u.memUtil)} 0 0 ${u.resourceName} ${goFormatFloat(u.utilization)}}`;
}

/**
 * static_autoscaler.go's "Scale down status" line. Its three times come from time.Now(), so Go
 * prints them with their monotonic reading; NewStaticAutoscaler starts them an hour before the
 * process started (initialScaleTime). scaleDownForbidden is the loop's DisableScaleDownForLoop.
 */
function scaleDownStatusLine(input: ScaleDownInput, inCooldown: boolean): string {
  return (
    `Scale down status: lastScaleUpTime=${statusTime(input, input.lastScaleUpAtSeconds)} lastScaleDownDeleteTime=${statusTime(input, input.lastScaleDownDeleteAtSeconds)} ` +
    `lastScaleDownFailTime=${statusTime(input, input.lastScaleDownFailAtSeconds)} scaleDownForbidden=${input.scaleDownForbidden === true} scaleDownInCooldown=${inCooldown}`
  );
}

function statusTime(input: ScaleDownInput, t: number | undefined): string {
  const start = input.processStartSeconds ?? 0;
  const at = t ?? start - 3600;
  return goTimeWithMonotonic((input.startEpochMs ?? 0) + at * 1000, (at - start) * 1000);
}
