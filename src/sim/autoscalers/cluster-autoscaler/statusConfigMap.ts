import type { Node, World } from '../../core/types';
import { putConfigMap } from '../../resources/configMapKind';
import { countsInGroup } from '../../cloud/nodeGroups';
import { isBackedOff } from './backoff';
import { hasToBeDeletedTaint } from './eligibility';
import type { CaOptions } from './flags';
import { formatGoTime } from './messages';
import type { CaWorldState } from './state';
import type { ClusterHealth } from './status';
import { renderStatusYaml, type ConditionView, type GroupStatusYaml, type NodeCountsView } from './statusYaml';
import type { ScanGroup } from './types';
import { hasStarted, isReadyCondition, isRegistered } from './worldView';

export const STATUS_CONFIGMAP = { namespace: 'kube-system', name: 'cluster-autoscaler-status' };

function emptyCounts(): NodeCountsView {
  return { total: 0, ready: 0, notStarted: 0, beingDeleted: 0, unready: 0, longUnregistered: 0, unregistered: 0 };
}

/**
 * clusterstate's readiness of a set of nodes: every registered node is being deleted, not started,
 * ready or unready (in that order); instances without a Node are unregistered, and long
 * unregistered past --max-node-provision-time.
 */
function countNode(n: Node, into: NodeCountsView, nowMs: number, options: CaOptions): void {
  if (n.state === 'Gone') return;
  if (!isRegistered(n)) {
    if (n.terminateWhenDrained) return;
    into.unregistered++;
    if (n.createdMs + options.maxNodeProvisionTimeSeconds * 1000 < nowMs) into.longUnregistered++;
    return;
  }
  into.total++;
  if (hasToBeDeletedTaint(n.taints)) into.beingDeleted++;
  else if (!hasStarted(n)) into.notStarted++;
  else if (isReadyCondition(n)) into.ready++;
  else into.unready++;
}

/** The cluster's counts and each managed group's, in one pass over the nodes. */
function countAllNodes(world: World, groups: readonly ScanGroup[], options: CaOptions): { cluster: NodeCountsView; byGroup: Map<string, NodeCountsView> } {
  const cluster = emptyCounts();
  const byGroup = new Map<string, NodeCountsView>();
  for (const g of groups) byGroup.set(g.group.name, emptyCounts());
  for (const n of world.nodes.values()) {
    countNode(n, cluster, world.timeMs, options);
    const counts = n.poolKind === 'nodeGroup' ? byGroup.get(n.pool) : undefined;
    if (counts !== undefined && countsInGroup(n, world.nodeGroups.get(n.pool)!)) countNode(n, counts, world.timeMs, options);
  }
  return { cluster, byGroup };
}

/** clusterstate.IsNodeGroupHealthy's thresholds, as the cluster's: unready beyond both is unhealthy. */
function healthOf(c: NodeCountsView, options: CaOptions): string {
  const unhealthy = c.unready > options.okTotalUnreadyCount && c.unready > (options.maxTotalUnreadyPercentage / 100) * c.total;
  return unhealthy ? 'Unhealthy' : 'Healthy';
}

/** A condition with its lastTransitionTime: the first loop that wrote this status for this condition. */
function condition(since: NonNullable<CaWorldState['statusSince']>, key: string, status: string, now: number, startEpochMs: number): ConditionView {
  let entry = since[key];
  if (entry?.status !== status) since[key] = entry = { status, atSeconds: now };
  return { status, sinceEpochMs: startEpochMs + entry.atSeconds * 1000 };
}

// A condition with one more field, written out: a spread that adds a key takes V8's slow path.
function withBackoff(c: ConditionView, backoff: GroupStatusYaml['scaleUp']['backoff']): GroupStatusYaml['scaleUp'] {
  return { status: c.status, sinceEpochMs: c.sinceEpochMs, backoff };
}

function withCandidates(c: ConditionView, candidates: number): GroupStatusYaml['scaleDown'] {
  return { status: c.status, sinceEpochMs: c.sinceEpochMs, candidates };
}

/** Each group's unneeded nodes from the scan's verdicts, in one pass (a filter per group walked every node). */
function unneededByGroup(state: CaWorldState): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of state.why.nodes) if (n.state === 'unneeded' && n.group !== undefined) out.set(n.group, (out.get(n.group) ?? 0) + 1);
  return out;
}

/** A group's condition keys in statusSince, made once per group name (three strings built and looked up every loop). */
const conditionKeys = new Map<string, { health: string; scaleUp: string; scaleDown: string }>();

function conditionKeysOf(group: string): { health: string; scaleUp: string; scaleDown: string } {
  let keys = conditionKeys.get(group);
  if (keys === undefined) {
    keys = { health: `${group}/health`, scaleUp: `${group}/scaleUp`, scaleDown: `${group}/scaleDown` };
    // A bound, not an eviction order: worlds have a handful of groups.
    if (conditionKeys.size >= 1024) conditionKeys.clear();
    conditionKeys.set(group, keys);
  }
  return keys;
}

/** What the CA writes to kube-system/cluster-autoscaler-status at the end of every loop. */
export function writeStatusConfigMap(
  world: World,
  state: CaWorldState,
  groups: readonly ScanGroup[],
  health: ClusterHealth,
  options: CaOptions,
): void {
  const now = world.timeMs / 1000;
  const since = (state.statusSince ??= {});
  const startEpochMs = world.startEpochMs;
  let candidates = 0;
  const counted = countAllNodes(world, groups, options);
  const candidatesByGroup = unneededByGroup(state);
  const groupViews = groups.map((g) => {
    const name = g.managed.asg.name;
    const counts = counted.byGroup.get(g.group.name)!;
    const backoff = state.backoff[name];
    const backedOff = backoff !== undefined && isBackedOff(state.backoff, name, now);
    const inProgress = state.requests.some((r) => r.group === name);
    const groupCandidates = candidatesByGroup.get(name) ?? 0;
    candidates += groupCandidates;
    const keys = conditionKeysOf(name);
    return {
      name,
      health: condition(since, keys.health, healthOf(counts, options), now, startEpochMs),
      counts,
      cloudProviderTarget: g.group.desiredCapacity,
      minSize: g.managed.minSize,
      maxSize: g.managed.maxSize,
      scaleUp: withBackoff(
        condition(since, keys.scaleUp, backedOff ? 'Backoff' : inProgress ? 'InProgress' : 'NoActivity', now, startEpochMs),
        backedOff ? { errorCode: backoff.errorCode, errorMessage: backoff.errorMessage } : undefined,
      ),
      scaleDown: withCandidates(condition(since, keys.scaleDown, groupCandidates > 0 ? 'CandidatesPresent' : 'NoCandidates', now, startEpochMs), groupCandidates),
    };
  });
  // New every loop: formatted without the kept texts (goTimeString).
  const at = formatGoTime(world.startEpochMs + world.timeMs);
  const text = renderStatusYaml({
    time: at,
    probeEpochMs: world.startEpochMs + world.timeMs,
    health: condition(since, 'health', health.healthy ? 'Healthy' : 'Unhealthy', now, startEpochMs),
    counts: counted.cluster,
    scaleUp: condition(since, 'scaleUp', state.requests.length > 0 ? 'InProgress' : 'NoActivity', now, startEpochMs),
    scaleDown: withCandidates(condition(since, 'scaleDown', candidates > 0 ? 'CandidatesPresent' : 'NoCandidates', now, startEpochMs), candidates),
    groups: groupViews,
  });
  putConfigMap(world, {
    ...STATUS_CONFIGMAP,
    data: { status: text },
    annotations: { 'cluster-autoscaler.kubernetes.io/last-updated': at },
  });
}
