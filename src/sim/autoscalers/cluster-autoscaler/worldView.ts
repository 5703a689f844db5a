import type { DaemonSet, Node, NodeGroup, Pod, World } from '../../core/types';
import { templateRequest } from '../../cluster/pods';
import { countNodesOfGroup, findNodeOfGroup, nodeGroupLabels } from '../../cloud/nodeGroups';
import { podIsActive } from '../../lifecycle/apply';
import { schedPodOf } from '../../cluster/scheduling/worldView';
import { listPdbs, pdbStatus, pdbsSelecting, type PodDisruptionBudget } from '../../cluster/disruption/pdb';
import type { PdbStatus } from './types';
import { TO_BE_DELETED_TAINT } from './eligibility';
import type { ScaleUpGroup } from './scaleUp';
import { pricePerHour, templateForInstanceType } from './template';
import type { CaNode, CaPod, DaemonSetSpec, TemplateNode } from './types';
import type { ManagedGroup } from './discovery';

/**
 * The CA's read of the world: the engine's nodes, pods and node groups as the plain views the
 * pure planning functions take. Seconds, millicores, MiB.
 */

/** A node the API server knows (it registered); Launching instances are not Node objects yet. */
export function isRegistered(node: Node): boolean {
  return node.state !== 'Launching' && node.state !== 'Gone';
}

/** The Ready condition: cordoned and draining nodes are still Ready. */
export function isReadyCondition(node: Node): boolean {
  return node.state === 'Ready' || node.state === 'Cordoned' || node.state === 'Draining';
}

/**
 * A registered node that never became Ready is "not started" for the CA: it is still an upcoming
 * node of its group, not an unready one (clusterstate's NotStarted).
 */
export function hasStarted(node: Node): boolean {
  // launchNode sets readyMs to -1 until the first Ready; nodes that predate the scenario have a negative time.
  return node.readyMs !== -1 || isReadyCondition(node);
}

/** A CaNode with what it was built from: the node's fields that can change are replaced, never edited in place. */
interface CachedCaNode {
  view: CaNode;
  group: string | undefined;
  allocatable: Node['allocatable'];
  capacity: Node['capacity'];
  ready: boolean;
  unschedulable: boolean;
  labels: Node['labels'];
  annotations: Node['annotations'];
  taints: Node['taints'];
}

/**
 * The last view of each node, reused while its inputs are the same objects: a scan built a view per
 * registered node (72,000 objects, 7.5 MB an hour at 200 nodes) to find them unchanged. Labels can
 * gain keys in place; the view holds the same object then, as a fresh one would.
 */
const nodeViews = new WeakMap<Node, CachedCaNode>();

/** `asgByPool`: node group name → ASG name, for the groups the CA manages (it names groups by ASG). */
export function caNodeOf(node: Node, asgByPool: ReadonlyMap<string, string>): CaNode {
  const group = node.poolKind === 'nodeGroup' ? asgByPool.get(node.pool) : undefined;
  const ready = isReadyCondition(node);
  const c = nodeViews.get(node);
  if (
    c !== undefined &&
    c.group === group &&
    c.ready === ready &&
    c.unschedulable === node.unschedulable &&
    c.allocatable === node.allocatable &&
    c.capacity === node.capacity &&
    c.labels === node.labels &&
    c.annotations === node.annotations &&
    c.taints === node.taints
  ) {
    return c.view;
  }
  const view: CaNode = {
    name: node.name,
    group,
    instanceType: node.instanceType,
    allocatable: node.allocatable,
    capacity: node.capacity,
    ready,
    unschedulable: node.unschedulable,
    createdAtSeconds: node.createdMs / 1000,
    labels: node.labels,
    annotations: node.annotations,
    taints: node.taints,
  };
  nodeViews.set(node, { view, group, allocatable: node.allocatable, capacity: node.capacity, ready, unschedulable: node.unschedulable, labels: node.labels, annotations: node.annotations, taints: node.taints });
  return view;
}

/** `pdbs`: listPdbs(world), to name the pod's budget (omitted: no budget is looked up). */
export function caPodOf(pod: Pod, pdbs?: readonly PodDisruptionBudget[]): CaPod {
  return buildCaPod(pod, pdbs ? pdbsSelecting(pdbs, pod)[0]?.name : undefined);
}

function buildCaPod(pod: Pod, pdbName: string | undefined): CaPod {
  // Everything kube-scheduler's filter reads, so the CA simulates exactly what the scheduler decides.
  // Object.assign rather than a spread followed by more keys, which V8 builds on a slow path
  // (3–17 µs an object: 90 ms a scan at 5,000 pods).
  return Object.assign(schedPodOf(pod), {
    namespace: pod.namespace,
    name: pod.name,
    ownerKind: pod.ownerKind === 'None' ? undefined : pod.ownerKind,
    nodeName: pod.nodeName === '' ? undefined : pod.nodeName,
    nominatedNodeName: pod.nominatedNodeName,
    isDaemonSet: pod.ownerKind === 'DaemonSet',
    annotations: pod.spec.annotations,
    createdAtSeconds: pod.createdMs / 1000,
    terminationGracePeriodSeconds: pod.spec.terminationGracePeriodSeconds,
    hasLocalStorage: (pod.spec.localStorageVolumes ?? []).length > 0,
    pdbName,
    // The API server sets deletionTimestamp to the delete time plus the grace period.
    deletionTimestampSeconds: pod.state === 'Terminating' ? pod.deletionMs / 1000 + pod.spec.terminationGracePeriodSeconds : undefined,
  });
}

/** A CaPod with what it was built from: it stays valid while these are the same. */
interface CachedCaPod {
  view: CaPod;
  spec: Pod['spec'];
  labels: Pod['labels'];
  request: Pod['request'];
  state: Pod['state'];
  nodeName: string;
  deletionMs: number;
  pdbName: string | undefined;
  /** Where the pod was in the list of the call numbered `call` (see lastBoundList). */
  at: number;
  call: number;
}

/**
 * The last view built for each pod. A pod's spec, labels and request are replaced, never changed in
 * place (the spec is shared with its ReplicaSet's template; see cluster/pods.ts), so a view built from
 * the same objects, state, node, deletion time and budget is the same view (a pod's creation time
 * never changes).
 * Keyed by the pod object: a restored checkpoint's pods simply miss it. The planners never change a view.
 */
const views = new WeakMap<Pod, CachedCaPod>();

/**
 * The last list boundCaPods was given and each of its pods' cache entries, in the same order. The
 * world lists pods in insertion order, so the next list is mostly the same pods in the same order with
 * a few removed or added: walking both lists side by side finds each entry by one comparison, where a
 * WeakMap lookup per pod was most of a rebuild (5,000 pods, ~30 rebuilds an hour in medium-ca).
 */
let lastBoundList: { pods: readonly Pod[]; entries: CachedCaPod[]; call: number } | undefined;
/** The entries list before the last, refilled by the next call (a list of 5,000 a rebuild otherwise). */
let spareEntries: CachedCaPod[] = [];

function sameInputs(c: CachedCaPod, pod: Pod, pdbName: string | undefined): boolean {
  return (
    c.spec === pod.spec &&
    c.labels === pod.labels &&
    c.request === pod.request &&
    c.state === pod.state &&
    c.nodeName === pod.nodeName &&
    c.deletionMs === pod.deletionMs &&
    c.pdbName === pdbName
  );
}

/** caPodOf for every bound pod, reusing the view of a pod whose inputs did not change since the last scan. */
export function boundCaPods(pods: readonly Pod[], pdbs: readonly PodDisruptionBudget[]): CaPod[] {
  const out: CaPod[] = new Array<CaPod>(pods.length);
  // Written in order from 0: a slot past the end appends, and the old list's capacity is kept.
  const entries = spareEntries;
  const prev = lastBoundList;
  const prevPods = prev?.pods ?? [];
  const prevCall = prev?.call ?? 0;
  const call = prevCall + 1;
  // The next position of the previous list expected to match.
  let j = 0;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    const pdbName = pdbs.length > 0 ? pdbsSelecting(pdbs, pod)[0]?.name : undefined;
    let c: CachedCaPod | undefined;
    if (j < prevPods.length && prevPods[j] === pod) {
      c = prev!.entries[j];
      j++;
    } else {
      c = views.get(pod);
      // Pods before it in the previous list are gone from this one (the order is kept): skip past them.
      if (c !== undefined && c.call === prevCall && c.at >= j) j = c.at + 1;
    }
    if (c === undefined || !sameInputs(c, pod, pdbName)) {
      c = { view: buildCaPod(pod, pdbName), spec: pod.spec, labels: pod.labels, request: pod.request, state: pod.state, nodeName: pod.nodeName, deletionMs: pod.deletionMs, pdbName, at: i, call };
      views.set(pod, c);
    } else {
      c.at = i;
      c.call = call;
    }
    entries[i] = c;
    out[i] = c.view;
  }
  if (entries.length > pods.length) entries.length = pods.length;
  spareEntries = prev?.entries ?? [];
  lastBoundList = { pods, entries, call };
  return out;
}

/** The last scan's bound pod views per world, with the world's podsVersion they were built at. */
const lastBound = new WeakMap<World, { podsVersion: number; views: CaPod[] }>();
let verifyReuse = false;

/**
 * Tests turn this on: every reused list is checked against a fresh boundCaPods, so a pod change
 * that does not bump world.podsVersion fails loudly instead of going stale.
 */
export function verifyBoundViewReuse(on: boolean): void {
  verifyReuse = on;
}

/**
 * boundCaPods(boundPods(world), pdbs), reused whole while world.podsVersion says no pod changed
 * since the last scan (most scans of a steady cluster): walking every pod only to find each view
 * unchanged was ~8% of a 200-node run with the CA. PDBs select pods by label, so with any PDB the
 * views are rebuilt (their per-pod cache still applies).
 */
export function boundCaPodsOf(world: World, pdbs: readonly PodDisruptionBudget[]): CaPod[] {
  const last = lastBound.get(world);
  if (pdbs.length === 0 && last !== undefined && last.podsVersion === world.podsVersion) {
    if (verifyReuse) {
      const fresh = boundCaPods(boundPodsList(world), pdbs);
      if (fresh.length !== last.views.length || fresh.some((v, i) => v !== last.views[i])) {
        throw new Error(`bound pod views reused at podsVersion ${world.podsVersion}, but a pod changed without bumping it`);
      }
    }
    return last.views;
  }
  const views = boundCaPods(boundPodsList(world), pdbs);
  if (pdbs.length === 0) lastBound.set(world, { podsVersion: world.podsVersion, views });
  else lastBound.delete(world);
  return views;
}

/** The last list withoutExpendable filtered, with its cutoff and result. */
let lastExpendableCut: { pods: readonly CaPod[]; cutoff: number; kept: CaPod[] } | undefined;

/**
 * static_autoscaler.go RunOnce builds its snapshot from FilterOutExpendablePods(scheduled pods): a
 * pod below --expendable-pods-priority-cutoff holds no room and is never a pod to move. The list
 * itself comes back when no pod is expendable; the last filtering is reused while boundCaPodsOf
 * hands back the same list (one pass over every bound pod per scan, 360 scans an hour).
 */
export function withoutExpendable(pods: CaPod[], cutoff: number): CaPod[] {
  const last = lastExpendableCut;
  if (last !== undefined && last.pods === pods && last.cutoff === cutoff) return last.kept;
  let expendable = false;
  for (let i = 0; i < pods.length; i++) {
    if ((pods[i].priority ?? 0) < cutoff) {
      expendable = true;
      break;
    }
  }
  const kept = expendable ? pods.filter((p) => (p.priority ?? 0) >= cutoff) : pods;
  lastExpendableCut = { pods, cutoff, kept };
  return kept;
}

/** Pending pods the scheduler marked PodScheduled=False/Unschedulable. */
export function unschedulablePods(world: World): Pod[] {
  const out: Pod[] = [];
  for (const name of world.pendingPods) {
    const p = world.pods.get(name);
    if (!p || p.state !== 'Pending' || p.nodeName !== '') continue;
    const c = p.conditions.find((x) => x.type === 'PodScheduled');
    if (c?.status === 'False' && c.reason === 'Unschedulable') out.push(p);
  }
  return out.sort((a, b) => a.uid - b.uid);
}

/**
 * static_autoscaler.go listPods' line, "Found N pods in the cluster: …", which it skips in "the boring
 * scenario, when all pods are scheduled". Every pod the engine holds is listed (the CA lists all
 * pods); none is unprocessed, since the scheduler marks a pod it cannot place at once.
 * Only pods waiting for the scheduler can be unbound, so an empty pending set is the boring case.
 */
export function foundPodsLine(world: World): string | undefined {
  if (world.pendingPods.size === 0) return undefined;
  let scheduled = 0;
  let unschedulable = 0;
  for (const p of world.pods.values()) {
    if (p.nodeName !== '') scheduled++;
    else if (p.conditions.some((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable')) unschedulable++;
  }
  const total = world.pods.size;
  if (scheduled === total) return undefined;
  return `Found ${total} pods in the cluster: ${scheduled} scheduled, ${unschedulable} unschedulable, 0 unprocessed by scheduler, ${total - scheduled - unschedulable} ignored (most likely using custom scheduler)`;
}

/**
 * Pods bound to a node that still count against it. Terminating pods are included: the CA's
 * snapshot holds them until they are gone, and its utilization skips only those terminating past
 * their grace period (simulator/utilization, drain.IsPodLongTerminating).
 */
export function boundPods(world: World, into: Pod[] = []): Pod[] {
  let n = 0;
  for (const p of world.pods.values()) if (p.nodeName !== '' && (podIsActive(p) || p.state === 'Terminating')) into[n++] = p;
  if (into.length > n) into.length = n;
  return into;
}

/**
 * Two lists boundPods refills in turn (a new list of 5,000 pods a rebuild otherwise): the one
 * boundCaPods walked last is left alone, since its next call compares with it.
 */
const podLists: [Pod[], Pod[]] = [[], []];

function boundPodsList(world: World): Pod[] {
  return boundPods(world, lastBoundList?.pods === podLists[0] ? podLists[1] : podLists[0]);
}

/** The last spec of each DaemonSet with the template it came from: a template is replaced, never edited. */
const dsSpecs = new WeakMap<DaemonSet, { template: DaemonSet['template']; spec: DaemonSetSpec }>();

export function daemonSetSpecs(world: World): DaemonSetSpec[] {
  const out: DaemonSetSpec[] = [];
  for (const ds of world.daemonSets.values()) {
    const known = dsSpecs.get(ds);
    if (known !== undefined && known.template === ds.template) {
      out.push(known.spec);
      continue;
    }
    const spec: DaemonSetSpec = {
      name: ds.name,
      namespace: ds.namespace,
      requests: templateRequest(ds.template),
      nodeSelector: ds.template.nodeSelector,
      tolerations: ds.template.tolerations,
    };
    dsSpecs.set(ds, { template: ds.template, spec });
    out.push(spec);
  }
  return out;
}

/**
 * The node a group would add. Like upstream, a live Ready node of the group is the best template
 * (its real allocatable and labels); otherwise the instance type's catalog entry.
 */
export function templateOfGroup(world: World, group: NodeGroup): TemplateNode | undefined {
  const live = findNodeOfGroup(world, group, (n) => n.state === 'Ready');
  if (live) {
    return {
      allocatable: live.allocatable,
      capacity: live.capacity,
      labels: live.labels,
      taints: live.taints.filter((t) => t.key !== TO_BE_DELETED_TAINT),
    };
  }
  return templateForInstanceType(group.instanceTypes[0], { labels: nodeGroupLabels(group), taints: group.taints });
}

/** Nodes of the group that have started (Ready at least once) and are not being removed. */
export function startedNodesOfGroup(world: World, group: NodeGroup): number {
  return countNodesOfGroup(world, group, isStarted);
}

/** Registered and Ready at least once: what the CA counts as a group's registered node. */
export function isStarted(n: Node): boolean {
  return isRegistered(n) && hasStarted(n);
}

export function scaleUpGroupOf(world: World, group: NodeGroup, managed: ManagedGroup): ScaleUpGroup | undefined {
  const template = templateOfGroup(world, group);
  if (!template) return undefined;
  return {
    name: managed.asg.name,
    minSize: managed.minSize,
    maxSize: managed.maxSize,
    targetSize: group.desiredCapacity,
    instanceType: group.instanceTypes[0],
    template,
    pricePerHour: pricePerHour(group.instanceTypes[0], world.region),
    registeredNodes: startedNodesOfGroup(world, group),
  };
}

/** Every PodDisruptionBudget with the disruptions it allows now. */
export function pdbStatuses(world: World): PdbStatus[] {
  return listPdbs(world).map((b) => ({ name: b.name, namespace: b.namespace, disruptionsAllowed: pdbStatus(world, b).disruptionsAllowed }));
}
