import {
  TO_BE_DELETED_TAINT,
  checkScaleDownEligibility,
  drainBlocker,
  pdbBudget,
  scaleDownCooldown,
  takePdbDisruption,
  unneededLongEnough,
} from './eligibility';
import { addPodToNode, firstFitIndex, fitNodeWithPods, hasAntiAffinity, podsByNode, type FitNode } from './fit';
import type { CaOptions } from './flags';
import { formatGoDuration } from './goFlags';
import {
  log,
  nodeMarkedForDeletionEvent,
  podEvictedForScaleDownEvent,
  scaleDownEmptyEvent,
  scaleDownNodeEvent,
} from './messages';
import { isLongTerminating, type UtilizationInfo } from './utilization';
import type { CaEvent, CaLogLine, CaNode, CaPod, PdbStatus } from './types';
import { msg, type Message } from '../../core/message';

export interface ScaleDownGroup {
  name: string;
  minSize: number;
  targetSize: number;
}

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
}

export type NodeScaleDownState =
  'not-autoscaled' | 'not-candidate' | 'blocked' | 'unneeded' | 'deleting' | 'to-delete';

export interface NodeScaleDownStatus {
  node: string;
  group?: string;
  state: NodeScaleDownState;
  /** An UnremovableReason, or the drain blocker's text for blocked nodes. */
  reason?: string;
  utilization?: UtilizationInfo;
  unneededForSeconds?: number;
  /** Where each movable pod would go, for unneeded nodes. */
  destinations?: { pod: string; node: string }[];
  explanation: Message;
}

export interface NodeDeletion {
  node: string;
  group: string;
  empty: boolean;
  /** Pods to evict (non-DaemonSet, non-mirror). */
  pods: string[];
}

export interface ScaleDownResult {
  unneededSince: Record<string, number>;
  cooldown?: string;
  nodes: NodeScaleDownStatus[];
  /** Taint, drain and delete these now: empty nodes in bulk, at most --max-drain-parallelism others. */
  deletions: NodeDeletion[];
  logs: CaLogLine[];
  events: CaEvent[];
}

const podKey = (p: CaPod): string => `${p.namespace}/${p.name}`;
const isMovable = (p: CaPod): boolean => !p.isDaemonSet && !p.isMirror;

function fitNodeOf(node: CaNode, pods: readonly CaPod[]): FitNode {
  const empty: FitNode = {
    name: node.name,
    allocatable: node.allocatable,
    requested: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    labels: node.labels,
    taints: node.taints,
    unschedulable: node.unschedulable,
  };
  return fitNodeWithPods(empty, pods);
}

function fmtUtil(u: UtilizationInfo): { resource: string; utilization: string } {
  return { resource: u.resourceName, utilization: u.utilization.toFixed(2) };
}

/**
 * One scale-down pass: compute utilization and eligibility per node, simulate moving each
 * candidate's pods onto the remaining nodes (first fit with the scheduler's checks), track how long
 * each node has been unneeded, and pick the nodes to delete when no cooldown applies.
 */
export function planScaleDown(input: ScaleDownInput): ScaleDownResult {
  const { options: o, nowSeconds: now } = input;
  const out: ScaleDownResult = { unneededSince: {}, nodes: [], deletions: [], logs: [], events: [] };
  const deleting = new Set(input.deletingNodes ?? []);
  for (const n of input.nodes) if (n.taints?.some((t) => t.key === TO_BE_DELETED_TAINT)) deleting.add(n.name);
  const podsOn = podsByNode(input.pods);
  // Destination capacity, updated as the simulation moves pods; removable nodes drop out.
  const dest = new Map<string, FitNode>();
  for (const n of input.nodes) {
    if (n.ready && !n.unschedulable && !deleting.has(n.name))
      dest.set(n.name, fitNodeOf(n, podsOn.get(n.name) ?? []));
  }
  const budget = pdbBudget(input.pdbs ?? []);
  // No pod with required anti-affinity anywhere: none appears by moving pods, so skip the lookup per pod.
  const holders = input.pods.some(hasAntiAffinity) ? undefined : [];
  const threshold = o.scaleDownUtilizationThreshold;
  const unneeded: CaNode[] = [];
  const statuses = new Map<string, NodeScaleDownStatus>();
  const empties = new Set<string>();
  for (const n of input.nodes) {
    const pods = podsOn.get(n.name) ?? [];
    if (!n.group) {
      statuses.set(n.name, {
        node: n.name,
        state: 'not-autoscaled',
        reason: 'NotAutoscaled',
        explanation: msg('engine.ca.node.notAutoscaled', { node: n.name }),
      });
      continue;
    }
    const el = checkScaleDownEligibility(
      {
        allocatable: n.allocatable,
        pods,
        ready: n.ready,
        annotations: n.annotations,
        beingDeleted: deleting.has(n.name),
      },
      o,
      now,
    );
    const status: NodeScaleDownStatus = {
      node: n.name,
      group: n.group,
      state: 'not-candidate',
      reason: el.reason,
      utilization: el.utilization,
      explanation: msg('engine.ca.node.candidate', { node: n.name }),
    };
    statuses.set(n.name, status);
    if (!el.candidate) {
      if (el.reason === 'CurrentlyBeingDeleted') {
        status.state = 'deleting';
        status.explanation = msg('engine.ca.node.deleting', { node: n.name });
      } else if (el.reason === 'NotUnderutilized' && el.utilization) {
        out.logs.push(
          log(
            4,
            'eligibility.go:162',
            `Node ${n.name} is not suitable for removal - ${el.utilization.resourceName} utilization too big (${el.utilization.utilization.toFixed(6)})`,
          ),
        );
        status.explanation = msg('engine.ca.node.notUnderutilized', { node: n.name, ...fmtUtil(el.utilization), threshold });
      } else if (el.reason === 'ScaleDownDisabledAnnotation') {
        out.logs.push(
          log(
            1,
            'eligibility.go:139',
            `Skipping ${n.name} from delete consideration - the node is marked as no scale down`,
          ),
        );
        status.explanation = msg('engine.ca.node.disabledAnnotation', { node: n.name });
      } else {
        status.explanation = msg('engine.ca.node.unready', { node: n.name });
      }
      continue;
    }
    out.logs.push(
      log(
        4,
        'eligibility.go:166',
        `Node ${n.name} - ${el.utilization!.resourceName} utilization ${el.utilization!.utilization.toFixed(6)}`,
      ),
    );
    // Drain simulation: blockers first, then a place for every movable pod on another node.
    // drainability rule longterminating: pods terminating past their grace period are skipped.
    const movable = pods.filter((p) => isMovable(p) && !isLongTerminating(p, now));
    let blocker: string | undefined;
    for (const p of movable) {
      blocker = drainBlocker(p, o);
      if (blocker) break;
    }
    const spent = new Map(budget);
    if (!blocker) for (const p of movable) if ((blocker = takePdbDisruption(p, spent))) break;
    const placed: { pod: string; node: string }[] = [];
    // The other destinations in their order; the simulation fills them in place.
    const trial = [...dest.values()].filter((d) => d.name !== n.name);
    if (!blocker) {
      for (const p of movable) {
        const i = firstFitIndex(p, trial, holders);
        if (i < 0) {
          blocker = `can reschedule only ${placed.length} out of ${movable.length} pods`;
          break;
        }
        trial[i] = addPodToNode(trial[i], p);
        placed.push({ pod: podKey(p), node: trial[i].name });
      }
    }
    if (blocker) {
      status.state = 'blocked';
      status.reason = blocker;
      status.explanation = msg('engine.ca.node.blocked', { node: n.name, ...fmtUtil(el.utilization!), threshold, blocker });
      out.logs.push(log(2, 'cluster.go:180', `node ${n.name} cannot be removed: ${blocker}`));
      continue;
    }
    // Commit: later candidates see these pods on their new nodes, and this node no longer as a destination.
    for (const d of trial) dest.set(d.name, d);
    dest.delete(n.name);
    for (const [k, v] of spent) budget.set(k, v);
    status.state = 'unneeded';
    status.destinations = placed;
    if (movable.length === 0) empties.add(n.name);
    unneeded.push(n);
  }

  for (const n of unneeded) {
    const since = input.unneededSince[n.name] ?? now;
    out.unneededSince[n.name] = since;
    const status = statuses.get(n.name)!;
    status.unneededForSeconds = now - since;
    const needed = n.ready ? o.scaleDownUnneededTimeSeconds : o.scaleDownUnreadyTimeSeconds;
    status.explanation = msg('engine.ca.node.unneeded', {
      node: n.name,
      ...fmtUtil(status.utilization!),
      threshold,
      since: formatGoDuration(now - since),
      needed: formatGoDuration(needed),
    });
    out.logs.push(log(2, 'nodes.go:123', `${n.name} was unneeded for ${formatGoDuration(now - since)}`));
  }

  const ago = (t: number | undefined): number | undefined => (t === undefined ? undefined : now - t);
  out.cooldown = scaleDownCooldown(
    {
      secondsSinceLastScaleUp: ago(input.lastScaleUpAtSeconds) ?? Infinity,
      secondsSinceLastScaleDownDelete: ago(input.lastScaleDownDeleteAtSeconds),
      secondsSinceLastScaleDownFailure: ago(input.lastScaleDownFailAtSeconds),
    },
    o,
  );
  out.logs.push(
    log(
      4,
      'static_autoscaler.go:660',
      `Scale down status: lastScaleUpTime=${input.lastScaleUpAtSeconds ?? 'never'} scaleDownInCooldown=${out.cooldown !== undefined}`,
    ),
  );
  if (out.cooldown || !o.scaleDownEnabled) {
    for (const s of statuses.values())
      if (s.state === 'unneeded')
        s.explanation = msg('engine.ca.node.paused', { line: s.explanation, reason: out.cooldown ?? '--scale-down-enabled=false' });
    out.nodes = [...statuses.values()];
    return out;
  }

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
          'pre_filtering_processor.go:66',
          `Skipping ${n.name} - node group min size reached (current: ${group?.targetSize ?? 0}, min: ${group?.minSize ?? 0})`,
        ),
      );
      const st = statuses.get(n.name)!;
      st.explanation = msg('engine.ca.node.minSize', { line: st.explanation });
      continue;
    }
    const empty = empties.has(n.name);
    if (!empty && drains >= o.maxDrainParallelism) continue;
    if (!empty) drains += 1;
    room.set(n.group!, left - 1);
    const pods = (podsOn.get(n.name) ?? []).filter((p) => isMovable(p) && p.deletionTimestampSeconds === undefined);
    out.deletions.push({ node: n.name, group: n.group!, empty, pods: pods.map(podKey) });
    const status = statuses.get(n.name)!;
    status.state = 'to-delete';
    out.events.push(nodeMarkedForDeletionEvent(n.name));
    if (empty) {
      out.logs.push(log(0, 'actuator.go:161', `Scale-down: removing empty node "${n.name}"`));
      out.events.push(scaleDownEmptyEvent(n.name));
    } else {
      const util = status.utilization!.utilization;
      out.logs.push(
        log(
          0,
          'actuator.go:291',
          `Scale-down: removing node ${n.name}, utilization: ${util.toFixed(6)}, pods to reschedule: ${pods.map((p) => p.name).join(',')}`,
        ),
      );
      out.events.push(
        scaleDownNodeEvent(
          n.name,
          util,
          pods.map((p) => p.name),
        ),
      );
      for (const p of pods) out.events.push(podEvictedForScaleDownEvent(p));
    }
  }
  if (unneeded.length === 0) out.logs.push(log(1, 'legacy.go:298', 'No candidates for scale down'));
  out.nodes = [...statuses.values()];
  return out;
}
