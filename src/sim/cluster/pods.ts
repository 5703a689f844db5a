import { nextInt, randomSuffix } from '../core/rng';
import type { Node, Pod, PodCondition, PodCpuLedger, PodTemplate, Resources, World } from '../core/types';
import { emitEvent } from '../core/world';
import { notePodChanged } from './podChanges';
import { noteBinding, noteRemoval } from './boundPodIndex';
import { settleCpu } from './cpuLedgerPending';

export function templateRequest(t: PodTemplate): Resources {
  const sum = (key: keyof Resources) => t.containers.reduce((a, c) => a + c.requests[key], 0);
  const initMax = (key: keyof Resources) => t.initContainers.reduce((a, c) => Math.max(a, c.requests[key]), 0);
  return {
    cpuMillis: Math.max(sum('cpuMillis'), initMax('cpuMillis')),
    memoryMiB: Math.max(sum('memoryMiB'), initMax('memoryMiB')),
  };
}

/** Sum of container limits; 0 when any container is unlimited for that resource. */
export function templateLimit(t: PodTemplate): Resources {
  const lim = (key: keyof Resources) =>
    t.containers.some((c) => c.limits[key] === 0) ? 0 : t.containers.reduce((a, c) => a + c.limits[key], 0);
  return { cpuMillis: lim('cpuMillis'), memoryMiB: lim('memoryMiB') };
}

/**
 * A template's requests and limits, computed once and shared by every pod created from it. Frozen:
 * pods only ever replace these (the VPA's admission does), never change them in place, and
 * checkpoints share frozen objects instead of copying one pair per pod.
 */
const templateResources = new WeakMap<PodTemplate, { request: Resources; limit: Resources }>();
function sharedTemplateResources(t: PodTemplate): { request: Resources; limit: Resources } {
  let r = templateResources.get(t);
  if (!r) templateResources.set(t, (r = { request: Object.freeze(templateRequest(t)), limit: Object.freeze(templateLimit(t)) }));
  return r;
}

function grownColumn(column: Float64Array, length: number): Float64Array {
  const grown = new Float64Array(length);
  grown.set(column);
  return grown;
}

function allocateCpuSlot(ledger: PodCpuLedger): number {
  const slot = ledger.free.length > 0 ? ledger.free.pop()! : ledger.next++;
  if (slot >= ledger.used.length) {
    const length = ledger.used.length * 2;
    ledger.used = grownColumn(ledger.used, length);
    ledger.metricCpuMillis = grownColumn(ledger.metricCpuMillis, length);
    ledger.metricMemoryMiB = grownColumn(ledger.metricMemoryMiB, length);
    ledger.scrapeCpuMilliMs = grownColumn(ledger.scrapeCpuMilliMs, length);
    ledger.scrapeMs = grownColumn(ledger.scrapeMs, length);
  }
  ledger.used[slot] = 0;
  ledger.metricCpuMillis[slot] = NaN;
  ledger.metricMemoryMiB[slot] = NaN;
  ledger.scrapeCpuMilliMs[slot] = 0;
  ledger.scrapeMs[slot] = -1;
  return slot;
}

/** The pod's cumulative CPU, millicore-milliseconds. */
export function podCpuUsedMilliMs(world: World, pod: Pod): number {
  settleCpu(world);
  return world.podCpu.used[pod.cpuSlot];
}

/** The world.ownerIndex key of an owner's pods. */
export function ownerKey(kind: string, name: string) {
  return `${kind}/${name}`;
}

export function indexPod(world: World, pod: Pod): void {
  if (pod.ownerKind === 'None') return;
  const key = ownerKey(pod.ownerKind, pod.ownerName);
  let owned = world.ownerIndex.get(key);
  if (!owned) world.ownerIndex.set(key, (owned = new Map<string, Pod>()));
  owned.set(pod.name, pod);
}

export function podsOwnedBy(world: World, kind: 'ReplicaSet' | 'DaemonSet', name: string): Pod[] {
  return appendPodsOwnedBy(world, kind, name, []);
}

/**
 * The owner's pods as they are indexed, by name (the index itself: read it, do not keep it or change
 * pods' owners while iterating); undefined when the owner has none. A Map, not an iterable that is
 * sometimes an array: a for-of over one known kind of iterator allocates nothing per step.
 */
export function ownedPodIndex(world: World, kind: 'ReplicaSet' | 'DaemonSet', name: string): ReadonlyMap<string, Pod> | undefined {
  return world.ownerIndex.get(ownerKey(kind, name));
}

/** podsOwnedBy, appended to `out` (no array per owner when listing a deployment's ReplicaSets). */
export function appendPodsOwnedBy(world: World, kind: 'ReplicaSet' | 'DaemonSet', name: string, out: Pod[]): Pod[] {
  const owned = world.ownerIndex.get(ownerKey(kind, name));
  if (owned) for (const pod of owned.values()) out.push(pod);
  return out;
}

/**
 * Mutating admission (e.g. the VPA admission controller) runs on every pod before it is stored.
 * A hook that changes `pod.spec` must also refresh `pod.request` and `pod.limit`
 * (templateRequest / templateLimit).
 */
export const podAdmissionHooks: ((world: World, pod: Pod) => void)[] = [];

export interface NewPod {
  name?: string;
  namespace: string;
  ownerKind: Pod['ownerKind'];
  ownerName: string;
  deployment: string;
  template: PodTemplate;
  generateNameBase?: string;
}

export function createPod(world: World, p: NewPod): Pod {
  let name = p.name;
  if (!name) {
    do name = `${p.generateNameBase ?? p.ownerName}-${randomSuffix(world.rng)}`;
    while (world.pods.has(name));
  }
  const resources = sharedTemplateResources(p.template);
  // The slot may be a removed pod's, still owed CPU: that goes to it before the slot is reset.
  settleCpu(world);
  const pod: Pod = {
    uid: world.nextUid++,
    name,
    namespace: p.namespace,
    ownerKind: p.ownerKind,
    ownerName: p.ownerName,
    deployment: p.deployment,
    spec: p.template,
    request: resources.request,
    limit: resources.limit,
    nodeName: '',
    ip: '',
    state: 'Pending',
    readyConditionStatus: '',
    readyConditionSinceMs: -1,
    epoch: 0,
    createdMs: world.timeMs,
    scheduledMs: -1,
    startedMs: -1,
    readySinceMs: -1,
    deletionMs: -1,
    restarts: 0,
    lastTerminationReason: '',
    conditions: [],
    unschedulableMessage: '',
    cpuSlot: allocateCpuSlot(world.podCpu),
    metric: null,
    memoryMiB: 0,
    labels: p.template.labels,
  };
  for (const admit of podAdmissionHooks) admit(world, pod);
  world.pods.set(name, pod);
  notePodChanged(world, pod);
  world.pendingPods.add(name);
  indexPod(world, pod);
  world.workloadsDirty = true;
  world.schedulerDirty = true;
  if (p.ownerKind !== 'None') {
    emitEvent(world, {
      kind: p.ownerKind,
      name: p.ownerName,
      namespace: p.namespace,
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `Created pod: ${name}`,
      source: p.ownerKind === 'DaemonSet' ? 'daemonset-controller' : 'replicaset-controller',
    });
  }
  return pod;
}

export function setCondition(pod: Pod, type: PodCondition['type'], status: 'True' | 'False', nowMs: number, reason?: string, message?: string) {
  let condition = pod.conditions.find((c) => c.type === type);
  if (condition) {
    if (condition.status !== status) condition.lastTransitionMs = nowMs;
    condition.status = status;
    condition.reason = reason;
    condition.message = message;
  } else {
    pod.conditions.push((condition = { type, status, reason, message, lastTransitionMs: nowMs }));
  }
  if (type === 'Ready') mirrorReadyCondition(pod, condition);
}

/** Pod.readyConditionStatus/SinceMs follow the Ready condition; call after changing it in place. */
export function mirrorReadyCondition(pod: Pod, ready: PodCondition): void {
  pod.readyConditionStatus = ready.status;
  pod.readyConditionSinceMs = ready.lastTransitionMs;
}

/** "10.0.1." of a node named ip-10-0-1-23..., '' for a name of another form; kept per node (a name never changes). */
const subnetPrefixes = new WeakMap<Node, string>();

function subnetPrefix(node: Node): string {
  let prefix = subnetPrefixes.get(node);
  if (prefix === undefined) {
    const subnet = /^ip-(\d+)-(\d+)-(\d+)-/.exec(node.name);
    prefix = subnet ? `${subnet[1]}.${subnet[2]}.${subnet[3]}.` : '';
    subnetPrefixes.set(node, prefix);
  }
  return prefix;
}

/** Bind a pod to a node: reserve its requests there (the scheduler cache's assume + bind). */
export function bindPod(world: World, pod: Pod, node: Node): void {
  noteBinding(world, pod);
  pod.nodeName = node.name;
  notePodChanged(world, pod);
  world.pendingPods.delete(pod.name);
  // The VPC CNI hands out secondary IPs from the node's subnet.
  const subnet = subnetPrefix(node);
  pod.ip = subnet !== '' ? `${subnet}${nextInt(world.rng, 2, 254)}` : '';
  node.requested.cpuMillis += pod.request.cpuMillis;
  node.requested.memoryMiB += pod.request.memoryMiB;
  node.requested.pods += 1;
  node.podNames.push(pod.name);
}

/** The pod object is deleted from the API: release what it held. */
export function removePod(world: World, pod: Pod): void {
  const node = world.nodes.get(pod.nodeName);
  if (node) {
    node.requested.cpuMillis -= pod.request.cpuMillis;
    node.requested.memoryMiB -= pod.request.memoryMiB;
    node.requested.pods -= 1;
    const i = node.podNames.indexOf(pod.name);
    if (i >= 0) node.podNames.splice(i, 1);
  }
  // Free the CPU slot once, and only while this pod still holds it (a second removal of the same
  // pod must not hand one slot to two pods).
  if (world.pods.get(pod.name) === pod) world.podCpu.free.push(pod.cpuSlot);
  noteRemoval(world, pod);
  world.pods.delete(pod.name);
  notePodChanged(world, pod);
  world.pendingPods.delete(pod.name);
  if (pod.ownerKind !== 'None') world.ownerIndex.get(`${pod.ownerKind}/${pod.ownerName}`)?.delete(pod.name);
  world.schedulerDirty = true;
  world.workloadsDirty = true;
}
