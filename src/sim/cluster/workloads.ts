import type { Deployment, Pod, ReplicaSet, World } from '../core/types';
import { emitEvent } from '../core/world';
import { createPod, podsOwnedBy } from './pods';
import { podIsActive, sendPod } from '../lifecycle/apply';
import { countActivePods, countReadyPods } from './activePodCount';

/**
 * The Deployment and ReplicaSet controllers: a Deployment owns one ReplicaSet per pod-template
 * hash; a rollout surges the new one and shrinks the old ones within maxSurge/maxUnavailable
 * (25% each by default); each ReplicaSet creates or deletes pods to match its replicas.
 */

export function resolvePercent(value: string | number, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const pct = Number(value.replace('%', '')) / 100;
  return roundUp ? Math.ceil(pct * total) : Math.floor(pct * total);
}

export function replicaSetsOf(world: World, d: Deployment): ReplicaSet[] {
  const out: ReplicaSet[] = [];
  for (const rs of world.replicaSets.values()) if (rs.deployment === d.name && rs.namespace === d.namespace) out.push(rs);
  return out.sort((a, b) => a.createdMs - b.createdMs);
}

function activePods(world: World, rs: ReplicaSet): Pod[] {
  return podsOwnedBy(world, 'ReplicaSet', rs.name).filter(podIsActive);
}

/** How many of the ReplicaSet's pods are active (and of those, Ready), without listing them. */
function countActive(world: World, rs: ReplicaSet, readyOnly: boolean): number {
  return readyOnly ? countReadyPods(world, rs.name, rs.deployment) : countActivePods(world, 'ReplicaSet', rs.name, rs.deployment);
}

/**
 * Each deployment's ReplicaSets (namespace → deployment → oldest first), in one pass over them all.
 * Nested maps rather than "namespace/name" keys: this runs on nearly every tick, and the keys were
 * a string per ReplicaSet and per deployment each time.
 */
function replicaSetsByDeployment(world: World): Map<string, Map<string, ReplicaSet[]>> {
  const out = new Map<string, Map<string, ReplicaSet[]>>();
  for (const rs of world.replicaSets.values()) {
    let inNamespace = out.get(rs.namespace);
    if (!inNamespace) out.set(rs.namespace, (inNamespace = new Map<string, ReplicaSet[]>()));
    const list = inNamespace.get(rs.deployment);
    if (list) list.push(rs);
    else inNamespace.set(rs.deployment, [rs]);
  }
  // The same stable sort replicaSetsOf applies to the same order of ReplicaSets.
  for (const inNamespace of out.values()) for (const list of inNamespace.values()) if (list.length > 1) list.sort((a, b) => a.createdMs - b.createdMs);
  return out;
}

function setRsReplicas(world: World, d: Deployment, rs: ReplicaSet, replicas: number): void {
  if (rs.replicas === replicas) return;
  const verb = replicas > rs.replicas ? 'up' : 'down';
  emitEvent(world, {
    kind: 'Deployment',
    name: d.name,
    namespace: d.namespace,
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${verb} replica set ${rs.name} from ${rs.replicas} to ${replicas}`,
    source: 'deployment-controller',
  });
  rs.replicas = replicas;
}

/** Old ReplicaSets stay at 0 replicas as rollout history, up to revisionHistoryLimit (10). */
const REVISION_HISTORY_LIMIT = 10;

function pruneHistory(world: World, old: ReplicaSet[]): void {
  const idle = old.filter((rs) => rs.replicas === 0 && countActive(world, rs, false) === 0);
  for (const rs of idle.slice(0, Math.max(0, idle.length - REVISION_HISTORY_LIMIT))) world.replicaSets.delete(rs.name);
}

export function syncDeployment(world: World, d: Deployment, sets: ReplicaSet[] = replicaSetsOf(world, d)): void {
  let current = sets.find((rs) => rs.templateHash === d.templateHash);
  if (!current) {
    current = {
      name: `${d.name}-${d.templateHash}`,
      namespace: d.namespace,
      deployment: d.name,
      templateHash: d.templateHash,
      template: d.template,
      replicas: 0,
      createdMs: world.timeMs,
    };
    world.replicaSets.set(current.name, current);
    sets.push(current);
  }
  // Outside a rollout the current set is the only one: no history to prune, no old pods to shrink
  // (what the general path below does then, without its arrays).
  if (sets.length === 1) {
    setRsReplicas(world, d, current, d.replicas);
    return;
  }
  const old = sets.filter((rs) => rs !== current);
  pruneHistory(world, old);
  const oldTotal = old.reduce((a, rs) => a + rs.replicas, 0);
  if (oldTotal === 0) {
    setRsReplicas(world, d, current, d.replicas);
    return;
  }
  // Rolling update.
  const maxSurge = resolvePercent(d.maxSurge, d.replicas, true);
  const maxUnavailable = Math.max(resolvePercent(d.maxUnavailable, d.replicas, false), maxSurge === 0 ? 1 : 0);
  const allowedTotal = d.replicas + maxSurge;
  const upTo = Math.min(d.replicas, current.replicas + Math.max(0, allowedTotal - (current.replicas + oldTotal)));
  setRsReplicas(world, d, current, upTo);
  const readyTotal = countActive(world, current, true) + old.reduce((a, rs) => a + countActive(world, rs, true), 0);
  let canRemove = Math.max(0, readyTotal - (d.replicas - maxUnavailable));
  for (const rs of old) {
    const notReady = Math.max(0, rs.replicas - countActive(world, rs, true));
    const cut = Math.min(rs.replicas, notReady + canRemove);
    canRemove -= Math.max(0, cut - notReady);
    if (cut > 0) setRsReplicas(world, d, rs, rs.replicas - cut);
  }
}

/** kube's ActivePods ordering for deletion: unscheduled, pending, not ready, shorter ready, more restarts, newer. */
// Module functions, not closures made per comparison: a sort of 300 pods compares thousands of
// times, and each closure (with its name wrapper under tsx) was an allocation.
const assigned = (p: Pod): number => (p.nodeName ? 1 : 0);
const phase = (p: Pod): number => (p.state === 'Pending' ? 0 : p.state === 'Scheduled' || p.state === 'ContainerCreating' ? 1 : 2);
const ready = (p: Pod): number => (p.state === 'Ready' ? 1 : 0);

function deletionRank(a: Pod, b: Pod): number {
  return (
    assigned(a) - assigned(b) ||
    phase(a) - phase(b) ||
    ready(a) - ready(b) ||
    b.readySinceMs - a.readySinceMs ||
    b.restarts - a.restarts ||
    b.createdMs - a.createdMs ||
    b.uid - a.uid
  );
}

/**
 * kube-controller-manager's ReplicaSet controller creates or deletes at most this many pods per
 * sync (pkg/controller/replicaset/replica_set.go BurstReplicas), then waits to observe them before
 * the next sync. So a ReplicaSet 3,000 pods short fills up over several ticks, not in one.
 */
export const BURST_REPLICAS = 500;

export function syncReplicaSet(world: World, rs: ReplicaSet): void {
  // Counted first: most passes find the count right and need no list.
  const short = rs.replicas - countActive(world, rs, false);
  const diff = Math.max(-BURST_REPLICAS, Math.min(BURST_REPLICAS, short));
  // The rest waits for the next sync, one tick later (the pods this one made are observed by then).
  if (diff !== short) world.workloadsDirty = true;
  if (diff > 0) {
    for (let i = 0; i < diff; i++) {
      createPod(world, {
        namespace: rs.namespace,
        ownerKind: 'ReplicaSet',
        ownerName: rs.name,
        deployment: rs.deployment,
        template: rs.template,
      });
    }
  } else if (diff < 0) {
    const victims = activePods(world, rs).sort(deletionRank).slice(0, -diff);
    for (const pod of victims) {
      sendPod(world, pod, 'DELETE');
      emitEvent(world, {
        kind: 'ReplicaSet',
        name: rs.name,
        namespace: rs.namespace,
        type: 'Normal',
        reason: 'SuccessfulDelete',
        message: `Deleted pod: ${pod.name}`,
        source: 'replicaset-controller',
      });
    }
  }
}

export function syncWorkloads(world: World): void {
  if (!world.workloadsDirty) return;
  world.workloadsDirty = false;
  const setsByDeployment = replicaSetsByDeployment(world);
  for (const d of world.deployments.values()) syncDeployment(world, d, setsByDeployment.get(d.namespace)?.get(d.name) ?? []);
  for (const rs of world.replicaSets.values()) syncReplicaSet(world, rs);
}
