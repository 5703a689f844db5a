import { minOf } from '../../core/arrays';
import type { LabelSelector, NodeSelectorRequirement, PodAffinityTerm, Taint, Toleration, TopologySpreadConstraint } from '../../core/types';

export type { LabelSelector, PodAffinityTerm, TopologySpreadConstraint };

/**
 * The one scheduling simulation: kube-scheduler's default filter plugins as pure functions over
 * plain pods and nodes. kube-scheduler (scheduler.ts), the Cluster Autoscaler's scale-up and
 * scale-down simulations and Karpenter's placement on existing nodes all call `filterNode`, so they
 * cannot disagree about where a pod fits. Plugin order and reason strings follow
 * kubernetes/kubernetes pkg/scheduler/framework/plugins/{nodeunschedulable, tainttoleration,
 * nodeaffinity, nodeports, noderesources/fit.go, podtopologyspread/filtering.go,
 * interpodaffinity/filtering.go}; the framework stops at the first plugin that rejects a node.
 */

export interface SchedResources {
  cpuMillis: number;
  memoryMiB: number;
}

/** The scheduling-relevant part of a pod. */
export interface SchedPod {
  namespace?: string;
  labels?: Record<string, string>;
  requests: SchedResources;
  priority?: number;
  tolerations?: readonly Toleration[];
  nodeSelector?: Record<string, string>;
  /** requiredDuringSchedulingIgnoredDuringExecution node affinity: OR of terms, each an AND. */
  requiredNodeAffinity?: readonly NodeSelectorRequirement[][];
  /** Required pod anti-affinity terms. */
  podAntiAffinity?: readonly PodAffinityTerm[];
  topologySpread?: readonly TopologySpreadConstraint[];
  hostPorts?: readonly number[];
  /** Being deleted: still occupies the node, but no longer counted by topology spread. */
  terminating?: boolean;
}

export interface SchedNode {
  name: string;
  labels?: Record<string, string>;
  taints?: readonly Taint[];
  unschedulable?: boolean;
  allocatable: SchedResources & { pods: number };
  requested: SchedResources & { pods: number };
  /** Pods on the node (for inter-pod rules and host ports); omitted = none known. */
  pods?: readonly SchedPod[];
}

export interface FilterStatus {
  /** Empty when the node fits. */
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption on this node cannot help. */
  unresolvable: boolean;
}

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints";
export const REASON_SPREAD_LABEL = `${REASON_SPREAD} (missing required label)`;
export const REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** TaintToleration filter: the first NoSchedule/NoExecute taint no toleration matches. */
export function firstUntoleratedTaint(tolerations: readonly Toleration[] | undefined, taints: readonly Taint[] | undefined): Taint | undefined {
  // Loops rather than find/some with closures: this runs for every node the scheduler examines.
  if (!taints) return undefined;
  for (const taint of taints) {
    if (taint.effect === 'PreferNoSchedule') continue;
    let tolerated = false;
    if (tolerations) for (const t of tolerations) if (tolerates(t, taint)) { tolerated = true; break; }
    if (!tolerated) return taint;
  }
  return undefined;
}

export function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return v !== undefined && (r.values ?? []).includes(v);
    case 'NotIn':
      return v === undefined || !(r.values ?? []).includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    case 'Gt':
    case 'Lt': {
      // Both sides must parse as integers (component-helpers nodeaffinity), else no match.
      if (v === undefined || !/^-?\d+$/.test(v) || !/^-?\d+$/.test(r.values?.[0] ?? '')) return false;
      return r.operator === 'Gt' ? Number(v) > Number(r.values![0]) : Number(v) < Number(r.values![0]);
    }
  }
  return false;
}

/** NodeAffinity filter: nodeSelector AND (any one of the required terms; an empty term matches nothing). */
const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

export function matchesNodeAffinity(pod: Pick<SchedPod, 'nodeSelector' | 'requiredNodeAffinity'>, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? EMPTY_LABELS;
  const selector = pod.nodeSelector;
  if (selector) for (const k in selector) if (l[k] !== selector[k]) return false;
  const terms = pod.requiredNodeAffinity;
  if (!terms || terms.length === 0) return true;
  return terms.some((term) => term.length > 0 && term.every((r) => requirementMatches(r, l)));
}

export function matchesLabelSelector(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  // A nil selector matches nothing (metav1.LabelSelectorAsSelector of nil is labels.Nothing()).
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) if (!requirementMatches(e, l)) return false;
  return true;
}

/**
 * A verdict that is the same for every node it rejects, built once and frozen: the scheduler and
 * the autoscalers' simulations reject nodes by the thousand, and every reader only reads them.
 */
function sharedStatus(reasons: string[], unresolvable: boolean): FilterStatus {
  return Object.freeze({ reasons: Object.freeze(reasons) as string[], unresolvable });
}

const UNSCHEDULABLE_STATUS = sharedStatus([REASON_UNSCHEDULABLE], true);
const NODE_AFFINITY_STATUS = sharedStatus([REASON_NODE_AFFINITY], true);
const NODE_PORTS_STATUS = sharedStatus([REASON_NODE_PORTS], false);
const SPREAD_LABEL_STATUS = sharedStatus([REASON_SPREAD_LABEL], true);
const SPREAD_STATUS = sharedStatus([REASON_SPREAD], false);
const ANTI_AFFINITY_STATUS = sharedStatus([REASON_ANTI_AFFINITY], false);
const EXISTING_ANTI_AFFINITY_STATUS = sharedStatus([REASON_EXISTING_ANTI_AFFINITY], false);

/** NodeResourcesFit's verdicts, by which resources are short (pods 1, cpu 2, memory 4) and unresolvable (8). */
const RESOURCE_STATUSES: FilterStatus[] = Array.from({ length: 16 }, (_, bits) => {
  const reasons: string[] = [];
  if (bits & 1) reasons.push('Too many pods');
  if (bits & 2) reasons.push('Insufficient cpu');
  if (bits & 4) reasons.push('Insufficient memory');
  return sharedStatus(reasons, (bits & 8) !== 0);
});

/** NodeResourcesFit: every failing resource, pods first; "Unresolvable" when it exceeds allocatable outright. */
export function resourceReasons(pod: SchedPod, node: SchedNode): FilterStatus {
  let bits = 0;
  const a = node.allocatable;
  const u = node.requested;
  if (u.pods + 1 > a.pods) bits |= 1;
  const r = pod.requests;
  if (r.cpuMillis > 0 && r.cpuMillis > a.cpuMillis - u.cpuMillis) {
    bits |= 2;
    if (r.cpuMillis > a.cpuMillis) bits |= 8;
  }
  if (r.memoryMiB > 0 && r.memoryMiB > a.memoryMiB - u.memoryMiB) {
    bits |= 4;
    if (r.memoryMiB > a.memoryMiB) bits |= 8;
  }
  return RESOURCE_STATUSES[bits];
}

/**
 * resourceReasons(pod, node).reasons.length === 0 without building the reasons: the cheapest
 * filter, which simulations that want only "fits or not" try first (the verdict is the same in any
 * order; only the first reason would differ).
 */
export function hasRoomFor(pod: SchedPod, node: SchedNode): boolean {
  const a = node.allocatable;
  const u = node.requested;
  const r = pod.requests;
  return u.pods + 1 <= a.pods && !(r.cpuMillis > 0 && r.cpuMillis > a.cpuMillis - u.cpuMillis) && !(r.memoryMiB > 0 && r.memoryMiB > a.memoryMiB - u.memoryMiB);
}

/** PreFilter state for one pod: topology-spread counts and the domains existing pods' anti-affinity forbids. */
export interface PreFilterState {
  spread: { c: TopologySpreadConstraint; counts: Map<string, number>; min: number }[];
  /** "key\u0000value" pairs where the incoming pod's anti-affinity finds a matching pod. */
  antiAffinity: Set<string>;
  /** Pairs where an existing pod's anti-affinity rejects the incoming pod. */
  existingAntiAffinity: Set<string>;
}

const pair = (k: string, v: string): string => `${k}\u0000${v}`;

function termNamespaces(term: PodAffinityTerm, ownerNamespace: string | undefined): string[] {
  return term.namespaces && term.namespaces.length > 0 ? term.namespaces : [ownerNamespace ?? 'default'];
}

function termMatches(term: PodAffinityTerm, ownerNamespace: string | undefined, other: SchedPod): boolean {
  return termNamespaces(term, ownerNamespace).includes(other.namespace ?? 'default') && matchesLabelSelector(term.labelSelector, other.labels);
}

const hardSpread = (pod: SchedPod): TopologySpreadConstraint[] => (pod.topologySpread ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');

/**
 * True when the pod has any rule whose check needs the other pods in the cluster. A loop, not
 * hardSpread(pod).length: the scheduler and the autoscalers ask this of every pod they place, and
 * the filtered array was an allocation each time.
 */
export function needsClusterState(pod: SchedPod): boolean {
  if (pod.podAntiAffinity && pod.podAntiAffinity.length > 0) return true;
  if (pod.topologySpread) for (const c of pod.topologySpread) if (c.whenUnsatisfiable === 'DoNotSchedule') return true;
  return false;
}

/**
 * The state of a pod with no inter-pod rules in a cluster where no pod has anti-affinity: nothing
 * to record, so one shared (read-only) state rather than three objects per pod scheduled.
 */
const NO_RULES: PreFilterState = Object.freeze({ spread: [], antiAffinity: new Set<string>(), existingAntiAffinity: new Set<string>() });

/**
 * PreFilter over the whole cluster. `existingAnti`: the pods that carry required anti-affinity and
 * the nodes they run on (callers that track them pass them in; otherwise they are read off `nodes`).
 */
export function preFilter(
  pod: SchedPod,
  nodes: readonly SchedNode[],
  existingAnti?: readonly { pod: SchedPod; node: SchedNode }[],
): PreFilterState {
  const holders = existingAnti ?? nodes.flatMap((n) => (n.pods ?? []).filter((p) => (p.podAntiAffinity ?? []).length > 0).map((p) => ({ pod: p, node: n })));
  if (holders.length === 0 && !needsClusterState(pod)) return NO_RULES;
  const state: PreFilterState = { spread: [], antiAffinity: new Set(), existingAntiAffinity: new Set() };
  const constraints = hardSpread(pod);
  if (constraints.length > 0) {
    // podtopologyspread/filtering.go calPreFilterState: nodes that pass the pod's node affinity
    // (nodeAffinityPolicy Honor; taints Ignore) and carry every constraint's key form the domains.
    const eligible = nodes.filter((n) => matchesNodeAffinity(pod, n.labels) && constraints.every((c) => n.labels?.[c.topologyKey] !== undefined));
    for (const c of constraints) {
      const counts = new Map<string, number>();
      for (const n of eligible) {
        const value = n.labels![c.topologyKey];
        let count = counts.get(value) ?? 0;
        for (const p of n.pods ?? []) {
          if (!p.terminating && (p.namespace ?? 'default') === (pod.namespace ?? 'default') && matchesLabelSelector(c.labelSelector, p.labels)) count++;
        }
        counts.set(value, count);
      }
      // Fewer domains than minDomains: the global minimum is taken as 0.
      const min = counts.size < (c.minDomains ?? 1) ? 0 : counts.size === 0 ? 0 : minOf(counts.values());
      state.spread.push({ c, counts, min });
    }
  }
  const terms = pod.podAntiAffinity ?? [];
  if (terms.length > 0) {
    for (const n of nodes) {
      for (const other of n.pods ?? []) {
        for (const term of terms) {
          const v = n.labels?.[term.topologyKey];
          if (v !== undefined && termMatches(term, pod.namespace, other)) state.antiAffinity.add(pair(term.topologyKey, v));
        }
      }
    }
  }
  for (const { pod: other, node } of holders) {
    for (const term of other.podAntiAffinity ?? []) {
      const v = node.labels?.[term.topologyKey];
      if (v !== undefined && termMatches(term, other.namespace, pod)) state.existingAntiAffinity.add(pair(term.topologyKey, v));
    }
  }
  return state;
}

/** The verdict for a node that fits, shared (frozen) so the scheduler's search allocates nothing per feasible node. */
const FITS: FilterStatus = Object.freeze({ reasons: Object.freeze([]) as unknown as string[], unresolvable: false });

function portsConflict(pod: SchedPod, node: SchedNode): boolean {
  const want = pod.hostPorts;
  if (!want || want.length === 0) return false;
  for (const p of node.pods ?? []) for (const port of p.hostPorts ?? []) if (want.includes(port)) return true;
  return false;
}

/** By taint object (nodes share theirs, and the lifecycle taints are constants); checked against its key and value in case one is edited. */
const taintStatuses = new WeakMap<Taint, { key: string; value: string | undefined; status: FilterStatus }>();

function taintStatus(taint: Taint): FilterStatus {
  const known = taintStatuses.get(taint);
  if (known && known.key === taint.key && known.value === taint.value) return known.status;
  const status = sharedStatus([`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], true);
  taintStatuses.set(taint, { key: taint.key, value: taint.value, status });
  return status;
}

const UNSCHEDULABLE_TAINT: Taint = Object.freeze({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });

function toleratesUnschedulable(tolerations: readonly Toleration[] | undefined): boolean {
  if (tolerations) for (const t of tolerations) if (tolerates(t, UNSCHEDULABLE_TAINT)) return true;
  return false;
}

/**
 * Run the filter plugins on one node, in the default profile's order; the first plugin that
 * rejects decides (NodeResourcesFit reports every resource that is short).
 */
export function filterNode(pod: SchedPod, node: SchedNode, state?: PreFilterState): FilterStatus {
  if (node.unschedulable && !toleratesUnschedulable(pod.tolerations)) return UNSCHEDULABLE_STATUS;
  const taint = firstUntoleratedTaint(pod.tolerations, node.taints);
  if (taint) return taintStatus(taint);
  if (!matchesNodeAffinity(pod, node.labels)) return NODE_AFFINITY_STATUS;
  if (portsConflict(pod, node)) return NODE_PORTS_STATUS;
  // The allocation-free check first; the reasons are built only for a node that does not fit.
  if (!hasRoomFor(pod, node)) return resourceReasons(pod, node);
  const s = state ?? (needsClusterState(pod) ? preFilter(pod, [node]) : undefined);
  if (s) {
    for (const { c, counts, min } of s.spread) {
      const value = node.labels?.[c.topologyKey];
      if (value === undefined) return SPREAD_LABEL_STATUS;
      const self = matchesLabelSelector(c.labelSelector, pod.labels) ? 1 : 0;
      if ((counts.get(value) ?? 0) + self - min > c.maxSkew) return SPREAD_STATUS;
    }
    // Guarded, not `?? []`: that was an empty array per node examined.
    if (pod.podAntiAffinity) {
      for (const term of pod.podAntiAffinity) {
        const v = node.labels?.[term.topologyKey];
        if (v !== undefined && s.antiAffinity.has(pair(term.topologyKey, v))) return ANTI_AFFINITY_STATUS;
      }
    }
    for (const p of s.existingAntiAffinity) {
      const [k, v] = p.split('\u0000');
      if (node.labels?.[k] === v) return EXISTING_ANTI_AFFINITY_STATUS;
    }
  }
  return FITS;
}

/** Add a pod to a simulated node (its requests, a pod slot, and the pod for inter-pod rules). */
export function withPod<N extends SchedNode>(node: N, pod: SchedPod): N {
  return {
    ...node,
    requested: {
      cpuMillis: node.requested.cpuMillis + pod.requests.cpuMillis,
      memoryMiB: node.requested.memoryMiB + pod.requests.memoryMiB,
      pods: node.requested.pods + 1,
    },
    pods: [...(node.pods ?? []), pod],
  };
}

export interface NodeVerdict {
  status: FilterStatus;
  /** For resolvable failures: would evicting every lower-priority pod let it fit? */
  victimsPossible?: boolean;
}

/**
 * The FailedScheduling text, as framework.FitError.Error prints it: counts per reason sorted as
 * strings, then the PostFilter (DefaultPreemption) result, "preemption: 0/N nodes are available: …".
 * `preemption` is omitted when the preemption pass did not run.
 */
export function failedSchedulingMessage(
  nodeCount: number,
  reasonCounts: ReadonlyMap<string, number>,
  preemption?: { notHelpful: number; noVictims: number },
): string {
  const histogram = (m: ReadonlyMap<string, number>): string => [...m.entries()].map(([r, n]) => `${n} ${r}`).sort().join(', ');
  let msg = `0/${nodeCount} nodes are available:`;
  if (reasonCounts.size > 0) msg += ` ${histogram(reasonCounts)}.`;
  if (preemption) {
    const post = new Map<string, number>();
    if (preemption.notHelpful > 0) post.set('Preemption is not helpful for scheduling', preemption.notHelpful);
    if (preemption.noVictims > 0) post.set('No preemption victims found for incoming pod', preemption.noVictims);
    msg += ` preemption: 0/${nodeCount} nodes are available:${post.size > 0 ? ` ${histogram(post)}.` : ''}`;
  }
  return msg;
}
