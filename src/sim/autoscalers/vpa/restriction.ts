/**
 * Which pods the updater sees, and the budget they are updated under, as VPA 1.4.2 decides them.
 * Tag vertical-pod-autoscaler/v1.4.2, pkg/updater/:
 * - logic/updater.go:385-390 newPodLister lists pods with spec.nodeName != "" whose phase is not
 *   Succeeded or Failed, and :197/:379-383 drop the ones being deleted. An unscheduled pod is
 *   never seen: not ranked, not evicted, not counted.
 * - restriction/pods_restriction_factory.go:183-246 GetCreatorMaps groups those pods by their
 *   controlling owner reference (:278-300): for a Deployment's pods, each ReplicaSet. A group with
 *   fewer live pods than minReplicas (:210-213), or whose owner has no replica count (:141-143,
 *   :222-225), is left out, and its pods can be neither evicted nor resized (:57-70, :82-102 of
 *   pods_{eviction,inplace}_restriction.go). `configured` is the ReplicaSet's own spec.replicas.
 */
import type { Pod, World } from '../../core/types';
import type { CaLogLine } from '../cluster-autoscaler/types';
import { msg, type Message } from '../../core/message';
import { podPhase } from '../../lifecycle/phase';
import { canEvictAnother, type EvictionBudgetConfig, type ReplicaGroupStats } from './updater';
import * as klog from './updaterLog';
import { VPA_DEFAULTS, type VerticalPodAutoscaler } from './types';

/** newPodLister's field selector and filterDeletedPods, over pods that targetPods already found live. */
export function listedByUpdater(pod: Pod): boolean {
  const phase = podPhase(pod);
  return pod.nodeName !== '' && phase !== 'Succeeded' && phase !== 'Failed';
}

/** singleGroupStats: `disrupted` is evicted + inPlaceUpdateInitiated of this loop. */
export interface CreatorGroup {
  owner: string;
  stats: ReplicaGroupStats;
  disrupted: number;
}

export interface CreatorMaps {
  /** podToReplicaCreatorMap: only pods of the groups GetCreatorMaps kept. */
  byPod: Map<string, CreatorGroup>;
  /** Why the pods of a group that was left out cannot be updated, by pod name (for the Why panel). */
  excluded: Map<string, Message>;
}

function ownerLabel(pod: Pod): string {
  return `${pod.ownerKind}/${pod.ownerName}`;
}

/** getReplicaCount for a ReplicaSet (:129-144): its spec.replicas, or the error when it is missing or 0. */
function replicaCount(world: World, pod: Pod): number | string {
  const key = `${pod.namespace}/${pod.ownerName}`;
  if (pod.ownerKind !== 'ReplicaSet') return `${pod.ownerKind} ${key} is not available`;
  const rs = world.replicaSets.get(pod.ownerName);
  if (!rs || rs.namespace !== pod.namespace) return `replica set ${key} does not exist`;
  if (rs.replicas === 0) return `replica set ${key} has no replicas config`;
  return rs.replicas;
}

/**
 * GetCreatorMaps, with the lines it logs: the per-VPA minReplicas override, then each group left
 * out. Go ranges over a map there; the playground takes owners in name order.
 */
export function creatorMaps(world: World, vpa: VerticalPodAutoscaler, pods: readonly Pod[], budget: EvictionBudgetConfig, lines: CaLogLine[]): CreatorMaps {
  const byOwner = new Map<string, Pod[]>();
  for (const p of pods) {
    const key = ownerLabel(p);
    const group = byOwner.get(key);
    if (group) group.push(p);
    else byOwner.set(key, [p]);
  }
  const out: CreatorMaps = { byPod: new Map(), excluded: new Map() };
  if (pods.length === 0) return out;
  const own = vpa.spec.updatePolicy?.minReplicas;
  if (own !== undefined) lines.push(klog.minReplicasOverridden(vpa, VPA_DEFAULTS.updaterMinReplicas, own));
  for (const [owner, members] of [...byOwner].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = members[0];
    const exclude = (why: Message) => {
      for (const p of members) out.excluded.set(p.name, why);
    };
    if (members.length < budget.minReplicas) {
      lines.push(klog.tooFewReplicas(first.namespace, first.ownerKind, first.ownerName, members.length, budget.minReplicas, VPA_DEFAULTS.updaterMinReplicas));
      exclude(msg('engine.vpa.tooFewPods', { owner, live: members.length, min: budget.minReplicas }));
      continue;
    }
    const configured = replicaCount(world, first);
    if (typeof configured === 'string') {
      lines.push(klog.replicaCountFailed(first.namespace, first.ownerKind, first.ownerName, configured));
      exclude(msg('engine.vpa.noReplicaCount', { owner, error: configured }));
      continue;
    }
    // running = live pods − Pending ones (:232-241): a bound pod not yet started is Pending.
    const pending = members.filter((p) => podPhase(p) === 'Pending').length;
    const group: CreatorGroup = { owner, stats: { configured, livePods: members.length, running: members.length - pending }, disrupted: 0 };
    for (const p of members) out.byPod.set(p.name, group);
  }
  return out;
}

/** isPodDisruptable (:341-347) for one more pod of the group, after this loop's disruptions. */
export function groupDisruptable(group: CreatorGroup, budget: EvictionBudgetConfig): boolean {
  return canEvictAnother(group.stats, group.disrupted, budget);
}

/**
 * CanEvict (pods_eviction_restriction.go:56-71): a pod of a kept group that is Pending may always
 * go; any other only while the group is disruptable.
 */
export function canEvict(maps: CreatorMaps, pod: Pod, budget: EvictionBudgetConfig): boolean {
  const group = maps.byPod.get(pod.name);
  if (!group) return false;
  return podPhase(pod) === 'Pending' || groupDisruptable(group, budget);
}

/**
 * CanInPlaceUpdate (pods_inplace_restriction.go:77-103), for a pod not already resizing (the
 * engine's resizes complete at once): approved, deferred quietly (Pending, :85-87), or deferred
 * with the :101 line (no group, or the group may lose no more pods).
 */
export function canInPlaceUpdate(maps: CreatorMaps, pod: Pod, budget: EvictionBudgetConfig): 'approved' | 'pending' | 'deferred' {
  const group = maps.byPod.get(pod.name);
  if (!group) return 'deferred';
  if (podPhase(pod) === 'Pending') return 'pending';
  return groupDisruptable(group, budget) ? 'approved' : 'deferred';
}

/** The Why panel's words for a pod the tolerance holds back. */
export function waitingForTolerance(group: CreatorGroup, budget: EvictionBudgetConfig): Message {
  const { stats } = group;
  return msg('engine.vpa.tolerance', {
    owner: group.owner,
    running: stats.running - group.disrupted,
    configured: stats.configured,
    floor: stats.configured - Math.trunc(stats.configured * budget.evictionToleranceFraction),
  });
}
