import { SCALE_DOWN_DISABLED_ANNOTATION } from './eligibility';
import type { CaOptions } from './flags';
import { formatGoDuration } from './goFlags';
import { log } from './messages';
import { nodeEligibility, type NodeEligibility } from './nodeEligibility';
import { candidateRank, type UnremovableEntry } from './planner';
import type { Candidate } from './removalSimulation';
import type { NodeScaleDownStatus, ScaleDownGroup } from './scaleDownStatus';
import { nodeStatus, settledStatus, statusReuseVerified } from './statusReuse';
import type { CaLogLine, CaNode, CaPod } from './types';
import { nodeUtilization, type UtilizationInfo } from './utilization';
import { msg } from '../../core/message';

/** The first 20 candidates of a loop print their utilization; the rest are counted in one line. */
const UTIL_LOGS_QUOTA = 20;

export interface RankedCandidate extends Candidate {
  rank: number;
  index: number;
}

/** The first step of planScaleDown: every node's status, and the candidates for the simulation. */
export interface NodeCategories {
  /** Every node's status, in node order. */
  statuses: NodeScaleDownStatus[];
  /** The candidates' statuses by node name: the simulation and the unneeded timers write to them. */
  candidateStatuses: Map<string, NodeScaleDownStatus>;
  eligible: RankedCandidate[];
  /** Log lines of this step, in order. */
  logs: CaLogLine[];
}

export interface CategorizeInput {
  nowSeconds: number;
  nodes: readonly CaNode[];
  groups: readonly ScaleDownGroup[];
  options: CaOptions;
  unneededSince: Readonly<Record<string, number>>;
  podsOn: ReadonlyMap<string, readonly CaPod[]>;
  /** planScaleDown's generation of the bound pod views: the same generation, the same pods per node. */
  podsGeneration: number;
  deleting: ReadonlySet<string>;
  /** The recheck deadlines still held, or undefined when none is. */
  unremovable: Readonly<Record<string, UnremovableEntry>> | undefined;
}

const NO_PODS: readonly CaPod[] = [];

/** What a node's position holds in a categorization, for its replay (see CategoriesMemo). */
const SETTLED = 0;
const CANDIDATE = 1;
const RECENT = 2;

/** A categorization with, per node position, what it found there. */
interface Categorization extends NodeCategories {
  kinds: number[];
  /** The candidates' verdicts, at their positions. */
  verdicts: (NodeEligibility | undefined)[];
}

/** A node skipped as RecentlyUnremovable; the utilization is computed for the why panel only. */
function recentStatus(n: CaNode, utilization: UtilizationInfo, recent: UnremovableEntry, now: number): NodeScaleDownStatus {
  return {
    node: n.name,
    group: n.group,
    state: 'blocked',
    reason: 'RecentlyUnremovable',
    utilization,
    explanation: msg('engine.ca.node.recentlyUnremovable', {
      node: n.name,
      blocker: recent.reason,
      ago: formatGoDuration(now - recent.atSeconds),
      recheck: formatGoDuration(recent.untilSeconds - now),
    }),
  };
}

function candidateOf(n: CaNode, e: NodeEligibility, unneededSince: Readonly<Record<string, number>>, index: number): RankedCandidate {
  return { node: n, movable: e.movable, util: e.el.utilization!, rank: candidateRank(e.movable.length === 0, unneededSince[n.name] !== undefined), index };
}

/** The recheck deadlines by node name, or undefined when none is held. */
function deadlinesOf(unremovable: Readonly<Record<string, UnremovableEntry>> | undefined): Map<string, UnremovableEntry> | undefined {
  let out: Map<string, UnremovableEntry> | undefined;
  for (const name in unremovable) (out ??= new Map()).set(name, unremovable[name]);
  return out;
}

function categorizeNodes(input: CategorizeInput): Categorization {
  const { options: o, nowSeconds: now, podsOn, deleting } = input;
  // The few deadlines in a Map, asked first: the record read by node name and the deleting check
  // for every node were about half of a build's own time in profiles of a medium-ca hour.
  const deadlines = deadlinesOf(input.unremovable);
  const groups = new Map(input.groups.map((g) => [g.name, g]));
  const out: Categorization = { statuses: [], candidateStatuses: new Map(), eligible: [], logs: [], kinds: [], verdicts: [] };
  let recentlyUnremovable = 0;
  // eligibility.go FilterOutUnremovable: klogx.NewLoggingQuota(20) for the candidates' utilization lines.
  let utilLogsLeft = UTIL_LOGS_QUOTA;
  for (let at = 0; at < input.nodes.length; at++) {
    const n = input.nodes[at];
    const pods = podsOn.get(n.name) ?? NO_PODS;
    out.kinds.push(SETTLED);
    out.verdicts.push(undefined);
    if (!n.group) {
      out.statuses.push({
        node: n.name,
        state: 'not-autoscaled',
        reason: 'NotAutoscaled',
        explanation: msg('engine.ca.node.notAutoscaled', { node: n.name }),
      });
      continue;
    }
    const group = groups.get(n.group);
    if (group && group.targetSize <= group.minSize && !deleting.has(n.name)) {
      out.logs.push(
        log(1, 'pre_filtering_processor.go:67', `Skipping ${n.name} - node group min size reached (current: ${group.targetSize}, min: ${group.minSize})`),
      );
      out.statuses.push({
        node: n.name,
        group: n.group,
        state: 'not-candidate',
        reason: 'NodeGroupMinSizeReached',
        explanation: msg('engine.ca.node.atMinSize', { node: n.name, group: n.group, size: group.targetSize, min: group.minSize }),
      });
      continue;
    }
    const recent = deadlines === undefined || !deadlines.has(n.name) || deleting.has(n.name) ? undefined : deadlines.get(n.name);
    if (recent) {
      // Skipped before any other check.
      recentlyUnremovable += 1;
      const utilization = nodeUtilization(n.allocatable, pods, {
        ignoreDaemonSetsUtilization: o.ignoreDaemonSetsUtilization,
        ignoreMirrorPodsUtilization: o.ignoreMirrorPodsUtilization,
        nowSeconds: now,
      });
      out.kinds[at] = RECENT;
      out.statuses.push(recentStatus(n, utilization, recent, now));
      continue;
    }
    const e = nodeEligibility(n, pods, deleting.has(n.name), o, now, input.nodes.length);
    // klogx UpTo(utilLogsQuota): a candidate's utilization line counts against the quota.
    if (e.log && (!e.el.candidate || --utilLogsLeft >= 0)) out.logs.push(e.log);
    if (!e.el.candidate) {
      out.statuses.push(settledStatus(n, e, at));
      continue;
    }
    const status = nodeStatus(n, e);
    out.statuses.push(status);
    out.candidateStatuses.set(n.name, status);
    out.kinds[at] = CANDIDATE;
    out.verdicts[at] = e;
    out.eligible.push(candidateOf(n, e, input.unneededSince, out.eligible.length));
  }
  if (utilLogsLeft < 0) out.logs.push(log(4, 'eligibility.go:102', `Skipped logging utilization for ${-utilLogsLeft} other nodes`));
  if (recentlyUnremovable > 0) {
    out.logs.push(
      log(1, 'eligibility.go:104', `Scale-down calculation: ignoring ${recentlyUnremovable} nodes unremovable in the last ${formatGoDuration(o.unremovableNodeRecheckTimeoutSeconds)}`),
    );
  }
  return out;
}

/**
 * The last categorization without a terminating pod, with what it was computed from. Such a
 * categorization reads the time only for the recently unremovable nodes' explanations (without a
 * terminating pod no verdict or utilization does: the long-terminating rule), and the unneeded timers
 * only for the candidates' ranks; so the same nodes, pods, groups, options and recheck deadlines' nodes
 * give the same categories at every position and the same log lines: the scans of a steady cluster
 * between pod changes. It is replayed position by position: a settled status is the built one (no one
 * writes to it: statusReuse.ts), a candidate's status and ranked entry are built afresh from its
 * verdict (the simulation and the timers write to them), and a recently unremovable node's status
 * from its deadline and the time. One memo for the process: another world's nodes and pods miss it.
 */
interface CategoriesMemo {
  categories: Categorization;
  podsGeneration: number;
  options: CaOptions;
  nodes: readonly CaNode[];
  /** Per node, what a node can change in place: its annotation keys and the scale-down-disabled one. */
  disabled: boolean[];
  deleting: boolean[];
  groups: ScaleDownGroup[];
  /** The nodes holding a recheck deadline, in the record's order. */
  unremovable: string[];
  /** No candidate and no recently unremovable node: the statuses themselves are replayed whole. */
  settled: boolean;
}

let memo: CategoriesMemo | undefined;

/** How many categorizations were computed and how many taken from the memo (for tests). */
export const categorizeCounts = { built: 0, reused: 0 };

/** Whether any bound pod is terminating, for the last generation of pod views asked about. */
let lastTerminating: { generation: number; any: boolean } | undefined;

function anyTerminating(input: CategorizeInput): boolean {
  if (lastTerminating?.generation !== input.podsGeneration) {
    let any = false;
    for (const pods of input.podsOn.values()) for (const p of pods) if (p.deletionTimestampSeconds !== undefined) any = true;
    lastTerminating = { generation: input.podsGeneration, any };
  }
  return lastTerminating.any;
}

const disabledOf = (n: CaNode): boolean => n.annotations?.[SCALE_DOWN_DISABLED_ANNOTATION] === 'true';

function keysOf(r: Readonly<Record<string, unknown>> | undefined): string[] {
  const out: string[] = [];
  for (const k in r) out.push(k);
  return out;
}

function sameKeys(keys: readonly string[], r: Readonly<Record<string, unknown>> | undefined): boolean {
  let i = 0;
  for (const k in r) if (keys[i++] !== k) return false;
  return i === keys.length;
}

function sameInputs(m: CategoriesMemo, input: CategorizeInput): boolean {
  if (m.podsGeneration !== input.podsGeneration || m.options !== input.options || m.nodes.length !== input.nodes.length) return false;
  if (m.groups.length !== input.groups.length) return false;
  for (let i = 0; i < m.groups.length; i++) {
    const a = m.groups[i];
    const b = input.groups[i];
    if (a.name !== b.name || a.minSize !== b.minSize || a.targetSize !== b.targetSize) return false;
  }
  if (!sameKeys(m.unremovable, input.unremovable)) return false;
  const anyDeleting = input.deleting.size > 0;
  for (let i = 0; i < m.nodes.length; i++) {
    const a = m.nodes[i];
    const b = input.nodes[i];
    if (
      a.name !== b.name ||
      a.group !== b.group ||
      a.ready !== b.ready ||
      a.allocatable !== b.allocatable ||
      a.annotations !== b.annotations ||
      m.disabled[i] !== disabledOf(b) ||
      m.deleting[i] !== (anyDeleting && input.deleting.has(b.name))
    )
      return false;
  }
  return true;
}

function replay(m: CategoriesMemo, input: CategorizeInput): NodeCategories {
  const built = m.categories;
  if (m.settled) return { statuses: built.statuses, candidateStatuses: new Map(), eligible: [], logs: built.logs };
  const out: NodeCategories = { statuses: [], candidateStatuses: new Map(), eligible: [], logs: built.logs };
  for (let at = 0; at < input.nodes.length; at++) {
    const kind = built.kinds[at];
    if (kind === SETTLED) {
      out.statuses.push(built.statuses[at]);
      continue;
    }
    const n = input.nodes[at];
    if (kind === RECENT) {
      // The built status is not written to (it is not a candidate's): its utilization is this one's.
      out.statuses.push(recentStatus(n, built.statuses[at].utilization!, input.unremovable![n.name], input.nowSeconds));
      continue;
    }
    const e = built.verdicts[at]!;
    const status = nodeStatus(n, e);
    out.statuses.push(status);
    out.candidateStatuses.set(n.name, status);
    out.eligible.push(candidateOf(n, e, input.unneededSince, out.eligible.length));
  }
  return out;
}

const json = (x: unknown): string => JSON.stringify(x);

function sameCategories(a: NodeCategories, b: NodeCategories): boolean {
  if (a.statuses.length !== b.statuses.length || a.logs.length !== b.logs.length || a.eligible.length !== b.eligible.length) return false;
  for (let i = 0; i < a.statuses.length; i++) {
    const x = a.statuses[i];
    const y = b.statuses[i];
    if (x.node !== y.node || x.group !== y.group || x.state !== y.state || x.reason !== y.reason || json(x.utilization) !== json(y.utilization)) return false;
    if (json(x.explanation) !== json(y.explanation)) return false;
    if (a.candidateStatuses.get(x.node) !== undefined !== (b.candidateStatuses.get(y.node) !== undefined)) return false;
  }
  for (let i = 0; i < a.eligible.length; i++) {
    const x = a.eligible[i];
    const y = b.eligible[i];
    if (x.node !== y.node || x.rank !== y.rank || x.index !== y.index || json(x.util) !== json(y.util) || x.movable.length !== y.movable.length) return false;
    if (x.movable.some((p, j) => p !== y.movable[j])) return false;
  }
  for (let i = 0; i < a.logs.length; i++) if (json(a.logs[i]) !== json(b.logs[i])) return false;
  return true;
}

/**
 * categorizeNodes, or the replay of the last categorization when it saw no terminating pod and its
 * inputs are the same. Settled statuses and the log lines handed back are the last build's (read
 * only); the candidates' statuses, the candidate map and the ranked list are fresh.
 */
export function nodeCategories(input: CategorizeInput): NodeCategories {
  const m = memo;
  if (m !== undefined && sameInputs(m, input)) {
    const replayed = replay(m, input);
    if (statusReuseVerified() && !sameCategories(replayed, categorizeNodes(input))) {
      throw new Error('scale-down categories reused, but they differ from a fresh build: an input changed without changing the key');
    }
    categorizeCounts.reused += 1;
    // The nodes of this scan are compared with the next's.
    m.nodes = input.nodes;
    return replayed;
  }
  const categories = categorizeNodes(input);
  categorizeCounts.built += 1;
  memo = anyTerminating(input)
    ? undefined
    : {
        categories,
        podsGeneration: input.podsGeneration,
        options: input.options,
        nodes: input.nodes,
        disabled: input.nodes.map(disabledOf),
        deleting: input.nodes.map((n) => input.deleting.has(n.name)),
        groups: input.groups.map((g) => ({ name: g.name, minSize: g.minSize, targetSize: g.targetSize })),
        unremovable: keysOf(input.unremovable),
        settled: categories.eligible.length === 0 && !categories.kinds.includes(RECENT),
      };
  return categories;
}
