import { SCALE_DOWN_DISABLED_ANNOTATION } from './eligibility';
import type { CaOptions } from './flags';
import { formatGoDuration } from './goFlags';
import { log } from './messages';
import { nodeEligibility } from './nodeEligibility';
import { candidateRank, type UnremovableEntry } from './planner';
import type { Candidate } from './removalSimulation';
import type { NodeScaleDownStatus, ScaleDownGroup } from './scaleDownStatus';
import { nodeStatus, settledStatus, statusReuseVerified } from './statusReuse';
import type { CaLogLine, CaNode, CaPod } from './types';
import { nodeUtilization } from './utilization';
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

function categorizeNodes(input: CategorizeInput): NodeCategories {
  const { options: o, nowSeconds: now, podsOn, deleting, unremovable } = input;
  const groups = new Map(input.groups.map((g) => [g.name, g]));
  const out: NodeCategories = { statuses: [], candidateStatuses: new Map(), eligible: [], logs: [] };
  let recentlyUnremovable = 0;
  // eligibility.go FilterOutUnremovable: klogx.NewLoggingQuota(20) for the candidates' utilization lines.
  let utilLogsLeft = UTIL_LOGS_QUOTA;
  for (let at = 0; at < input.nodes.length; at++) {
    const n = input.nodes[at];
    const pods = podsOn.get(n.name) ?? NO_PODS;
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
    // A keyed read by a node name that is not a key costs ~0.2 µs; most scans hold no deadline at all.
    const recent = unremovable === undefined || deleting.has(n.name) ? undefined : unremovable[n.name];
    if (recent) {
      // Skipped before any other check; the utilization is computed for the why panel only.
      recentlyUnremovable += 1;
      const utilization = nodeUtilization(n.allocatable, pods, {
        ignoreDaemonSetsUtilization: o.ignoreDaemonSetsUtilization,
        ignoreMirrorPodsUtilization: o.ignoreMirrorPodsUtilization,
        nowSeconds: now,
      });
      out.statuses.push({
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
      });
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
    out.eligible.push({
      node: n,
      movable: e.movable,
      util: e.el.utilization!,
      rank: candidateRank(e.movable.length === 0, input.unneededSince[n.name] !== undefined),
      index: out.eligible.length,
    });
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
 * The last categorization that found no candidate and held no recheck deadline, with what it was
 * computed from. Such a categorization reads neither the time (unless a pod is terminating: the
 * long-terminating rule) nor the unneeded timers, and writes to none of its statuses (they are
 * settled: statusReuse.ts), so the same nodes, pods, groups and options give the same statuses and
 * log lines: the usual scan of a busy, steady cluster. One memo for the process: another world's
 * nodes and pods miss it.
 */
interface CategoriesMemo {
  categories: NodeCategories;
  podsGeneration: number;
  options: CaOptions;
  nodes: readonly CaNode[];
  /** Per node, what a node can change in place: its annotation keys and the scale-down-disabled one. */
  disabled: boolean[];
  deleting: boolean[];
  groups: ScaleDownGroup[];
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

function sameInputs(m: CategoriesMemo, input: CategorizeInput): boolean {
  if (m.podsGeneration !== input.podsGeneration || m.options !== input.options || m.nodes.length !== input.nodes.length) return false;
  if (m.groups.length !== input.groups.length) return false;
  for (let i = 0; i < m.groups.length; i++) {
    const a = m.groups[i];
    const b = input.groups[i];
    if (a.name !== b.name || a.minSize !== b.minSize || a.targetSize !== b.targetSize) return false;
  }
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

function sameCategories(a: NodeCategories, b: NodeCategories): boolean {
  if (a.statuses.length !== b.statuses.length || a.logs.length !== b.logs.length || b.eligible.length > 0) return false;
  for (let i = 0; i < a.statuses.length; i++) {
    const x = a.statuses[i];
    const y = b.statuses[i];
    if (x.node !== y.node || x.group !== y.group || x.state !== y.state || x.reason !== y.reason || x.utilization !== y.utilization) return false;
    if (JSON.stringify(x.explanation) !== JSON.stringify(y.explanation)) return false;
  }
  for (let i = 0; i < a.logs.length; i++) if (JSON.stringify(a.logs[i]) !== JSON.stringify(b.logs[i])) return false;
  return true;
}

/**
 * categorizeNodes, or the last categorization when it found no candidate, held no deadline, saw no
 * terminating pod and its inputs are the same. The statuses and log lines handed back are the last
 * scan's (read only); the candidate map is fresh, and empty.
 */
export function nodeCategories(input: CategorizeInput): NodeCategories {
  const m = memo;
  if (m !== undefined && input.unremovable === undefined && sameInputs(m, input)) {
    if (statusReuseVerified() && !sameCategories(m.categories, categorizeNodes(input))) {
      throw new Error('scale-down categories reused, but they differ from a fresh build: an input changed without changing the key');
    }
    categorizeCounts.reused += 1;
    // The nodes of this scan are compared with the next's.
    m.nodes = input.nodes;
    return { statuses: m.categories.statuses, candidateStatuses: new Map(), eligible: [], logs: m.categories.logs };
  }
  const categories = categorizeNodes(input);
  categorizeCounts.built += 1;
  memo =
    categories.eligible.length === 0 && input.unremovable === undefined && !anyTerminating(input)
      ? {
          categories,
          podsGeneration: input.podsGeneration,
          options: input.options,
          nodes: input.nodes,
          disabled: input.nodes.map(disabledOf),
          deleting: input.nodes.map((n) => input.deleting.has(n.name)),
          groups: input.groups.map((g) => ({ name: g.name, minSize: g.minSize, targetSize: g.targetSize })),
        }
      : undefined;
  return categories;
}
