import {
  compatibilityError,
  intersectRequirements,
  intersectsError,
  LABEL_NODEPOOL,
  podRequirementAlternatives,
  requirementsFrom,
  requirementsFromLabels,
  untoleratedTaints,
  type Requirement,
  type Requirements,
} from './requirements';
import { availableCompatibleOfferings, orderByPrice } from './offeringSelection';
import { filterNode, preFilter, type SchedNode, type SchedPod } from '../../cluster/scheduling/filter';
import type {
  DaemonSetPodSpec,
  ExistingNode,
  InstanceTypeOption,
  NodePool,
  PodToSchedule,
  Resources,
  Taint,
} from './types';
import { maxOf } from '../../core/arrays';
import { minValuesError } from './minValues';
import { hasHardSpread, launchableDomains, preferredSpreadAsRequired, spreadRequirements, type SpreadView } from './topologySpread';

/**
 * Karpenter's provisioning scheduler (pkg/controllers/provisioning/scheduling/scheduler.go), as a
 * pure function over one batch: pods sorted by CPU then memory (descending) go to an existing or
 * in-flight node first, then to an open NodeClaim (emptiest first), then to a new NodeClaim from
 * the highest-weight NodePool that can take them. Each NodeClaim keeps every instance type that
 * still fits everything placed on it, so it can launch whichever offering is cheapest.
 */

/** Upstream truncates a NodeClaim's instance-type options to this many, cheapest first. */
export const MAX_INSTANCE_TYPES = 600;

export interface NodePoolTemplate {
  nodePool: NodePool;
  /** Instance types this pool's NodeClass can launch (offerings already reflect availability). */
  instanceTypes: readonly InstanceTypeOption[];
}

export interface LimitUsage {
  cpuMillis: number;
  memoryMiB: number;
}

export interface SchedulingInput {
  pods: readonly PodToSchedule[];
  existingNodes?: readonly ExistingNode[];
  templates: readonly NodePoolTemplate[];
  daemonSets?: readonly DaemonSetPodSpec[];
  /** Summed CAPACITY of nodes each NodePool has already launched, for `limits`. */
  launchedCapacity?: Readonly<Record<string, LimitUsage>>;
}

export interface PlannedNodeClaim {
  nodePool: string;
  requirements: Map<string, Requirement>;
  taints: Taint[];
  pods: PodToSchedule[];
  /** Sum of the pods' requests only. */
  podRequests: Resources;
  /** DaemonSet pods that would run on this NodeClaim (each takes one pod slot). */
  daemonOverhead: Resources;
  /** Cheapest first, at most MAX_INSTANCE_TYPES. */
  instanceTypeOptions: InstanceTypeOption[];
}

export interface SchedulingResult {
  newNodeClaims: PlannedNodeClaim[];
  /** Pods that fit on existing or in-flight nodes. */
  existingPlacements: { pod: string; node: string }[];
  /** Pods that fit nowhere, with Karpenter-style reasons. */
  podErrors: { pod: string; error: string }[];
  /** Remaining limit per NodePool after the new NodeClaims (undefined entries = unlimited). */
  remaining: Record<string, Partial<LimitUsage>>;
}

const ZERO: Resources = { cpuMillis: 0, memoryMiB: 0, pods: 0 };

function add(a: Resources, b: Resources): Resources {
  return { cpuMillis: a.cpuMillis + b.cpuMillis, memoryMiB: a.memoryMiB + b.memoryMiB, pods: a.pods + b.pods };
}

function podResources(p: { cpuMillis: number; memoryMiB: number }): Resources {
  return { cpuMillis: p.cpuMillis, memoryMiB: p.memoryMiB, pods: 1 };
}

export function fits(requests: Resources, allocatable: Resources): boolean {
  return (
    requests.cpuMillis <= allocatable.cpuMillis &&
    requests.memoryMiB <= allocatable.memoryMiB &&
    requests.pods <= allocatable.pods
  );
}

/** Pods sorted as Karpenter's queue does: CPU desc, memory desc, then oldest first, then name. */
export function sortPodsForScheduling<T extends PodToSchedule>(pods: readonly T[]): T[] {
  return [...pods].sort(
    (a, b) =>
      b.cpuMillis - a.cpuMillis ||
      b.memoryMiB - a.memoryMiB ||
      (a.createdAtSeconds ?? 0) - (b.createdAtSeconds ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** NodePools in the order Karpenter tries them: weight desc, then name. */
export function orderTemplates<T extends { nodePool: NodePool }>(templates: readonly T[]): T[] {
  return [...templates].sort(
    (a, b) =>
      (b.nodePool.weight ?? 0) - (a.nodePool.weight ?? 0) ||
      (a.nodePool.name < b.nodePool.name ? -1 : a.nodePool.name > b.nodePool.name ? 1 : 0),
  );
}

export function templateRequirements(pool: NodePool): Map<string, Requirement> {
  const labels = { ...pool.template.labels, [LABEL_NODEPOOL]: pool.name };
  return intersectRequirements(requirementsFrom(pool.template.requirements), requirementsFromLabels(labels));
}

/** DaemonSet pods that tolerate the template's taints and whose requirements it can meet. */
export function daemonOverheadFor(pool: NodePool, daemonSets: readonly DaemonSetPodSpec[]): Resources {
  const reqs = templateRequirements(pool);
  let total = ZERO;
  for (const ds of daemonSets) {
    if (untoleratedTaints(pool.template.taints, ds.tolerations).length > 0) continue;
    if (!podRequirementAlternatives(ds).some((alt) => compatibilityError(reqs, alt) === undefined)) continue;
    total = add(total, podResources(ds));
  }
  return total;
}

/** A type can serve requirements if its labels intersect them and an available offering matches. */
export function instanceTypeCompatible(it: InstanceTypeOption, reqs: Requirements): boolean {
  return (
    intersectsError(reqs, requirementsFromLabels(it.labels)) === undefined &&
    availableCompatibleOfferings(it, reqs).length > 0
  );
}

/** Drop types whose CAPACITY exceeds what is left of the pool's limits. */
export function filterByRemainingResources(
  types: readonly InstanceTypeOption[],
  remaining: Partial<LimitUsage>,
): InstanceTypeOption[] {
  return types.filter(
    (t) =>
      (remaining.cpuMillis === undefined || t.capacity.cpuMillis <= remaining.cpuMillis) &&
      (remaining.memoryMiB === undefined || t.capacity.memoryMiB <= remaining.memoryMiB),
  );
}

/** Opening a NodeClaim reserves the LARGEST capacity among its options against the limits. */
export function subtractMax(remaining: Partial<LimitUsage>, options: readonly InstanceTypeOption[]): Partial<LimitUsage> {
  const maxCpu = Math.max(0, maxOf(options.map((o) => o.capacity.cpuMillis)));
  const maxMem = Math.max(0, maxOf(options.map((o) => o.capacity.memoryMiB)));
  return {
    cpuMillis: remaining.cpuMillis === undefined ? undefined : remaining.cpuMillis - maxCpu,
    memoryMiB: remaining.memoryMiB === undefined ? undefined : remaining.memoryMiB - maxMem,
  };
}

export function initialRemaining(pool: NodePool, launched?: LimitUsage): Partial<LimitUsage> {
  return {
    cpuMillis: pool.limits.cpuMillis === undefined ? undefined : pool.limits.cpuMillis - (launched?.cpuMillis ?? 0),
    memoryMiB: pool.limits.memoryMiB === undefined ? undefined : pool.limits.memoryMiB - (launched?.memoryMiB ?? 0),
  };
}

interface OpenClaim extends PlannedNodeClaim {
  order: number;
}

/** Try to add a pod to a NodeClaim; on success returns the narrowed claim, else a reason. */
export function tryAddPod(
  claim: PlannedNodeClaim,
  pod: PodToSchedule,
  spread?: SpreadView,
): { claim: PlannedNodeClaim } | { error: string } {
  const blocking = untoleratedTaints(claim.taints, pod.tolerations);
  if (blocking.length > 0) return { error: `did not tolerate ${blocking[0].key}=${blocking[0].value ?? ''}:${blocking[0].effect}` };
  if (antiAffinityConflict(claim, pod)) return { error: 'would violate a pod anti-affinity rule on kubernetes.io/hostname' };
  let lastError = 'incompatible requirements';
  const withSpread = spread !== undefined && hasHardSpread(pod);
  for (const podAlt of podRequirementAlternatives(pod)) {
    let alt = podAlt;
    if (withSpread) {
      const narrowed = spreadRequirements(pod, claim.pods, podAlt, intersectRequirements(claim.requirements, podAlt), spread);
      if ('error' in narrowed) {
        lastError = narrowed.error;
        continue;
      }
      for (const r of narrowed.requirements) alt = intersectRequirements(alt, new Map([[r.key, r]]));
    }
    const err = compatibilityError(claim.requirements, alt);
    if (err) {
      lastError = `incompatible requirements, ${err}`;
      continue;
    }
    const requirements = intersectRequirements(claim.requirements, alt);
    const podRequests = add(claim.podRequests, podResources(pod));
    const total = add(podRequests, claim.daemonOverhead);
    const options = claim.instanceTypeOptions.filter(
      (it) => fits(total, it.allocatable) && instanceTypeCompatible(it, requirements),
    );
    if (options.length === 0) {
      lastError = `no instance type satisfied resources ${formatRequests(total)} and requirements`;
      continue;
    }
    const short = minValuesError(options, requirements);
    if (short) {
      lastError = short;
      continue;
    }
    return { claim: { ...claim, requirements, podRequests, pods: [...claim.pods, pod], instanceTypeOptions: options } };
  }
  return { error: lastError };
}

function formatRequests(r: Resources): string {
  return `{"cpu":"${r.cpuMillis}m","memory":"${r.memoryMiB}Mi","pods":"${r.pods}"}`;
}

/** The pod as the shared scheduling filter reads it. */
export function schedPodOfKarpenter(pod: PodToSchedule): SchedPod {
  return {
    namespace: pod.namespace,
    labels: pod.labels,
    requests: { cpuMillis: pod.cpuMillis, memoryMiB: pod.memoryMiB },
    priority: pod.priority,
    // Karpenter's type allows effect "" (matches every effect), as the core filter's undefined does.
    tolerations: pod.tolerations?.map((t) => ({ ...t, effect: t.effect === '' ? undefined : t.effect })),
    nodeSelector: pod.nodeSelector,
    requiredNodeAffinity: pod.requiredNodeAffinity,
    podAntiAffinity: pod.podAntiAffinity,
    topologySpread: pod.topologySpread,
    hostPorts: pod.hostPorts,
  };
}

type Target = ExistingNode & { used: Resources; placed: PodToSchedule[] };

function schedNodeOfTarget(n: Target): SchedNode {
  return { name: n.name, labels: n.labels, taints: n.taints, allocatable: n.allocatable, requested: n.used, pods: [...(n.pods ?? []), ...n.placed].map(schedPodOfKarpenter) };
}

/**
 * Existing and in-flight nodes are checked with kube-scheduler's own filter, so Karpenter never
 * nominates a node the scheduler would then refuse (and vice versa).
 */
function firstExistingNode(targets: Target[], pod: PodToSchedule): Target | undefined {
  const sp = schedPodOfKarpenter(pod);
  const views = targets.map(schedNodeOfTarget);
  const state = preFilter(sp, views);
  const i = views.findIndex((v) => filterNode(sp, v, state).reasons.length === 0);
  return i >= 0 ? targets[i] : undefined;
}

/** Required anti-affinity on a new NodeClaim: the claim is its own hostname domain. */
function antiAffinityConflict(claim: PlannedNodeClaim, pod: PodToSchedule): boolean {
  const hostname = 'kubernetes.io/hostname';
  const sp = schedPodOfKarpenter(pod);
  // Only the inter-pod rule is checked here; requirements and resources are the NodeClaim's own checks.
  const onHostname: SchedPod = { namespace: sp.namespace, labels: sp.labels, requests: { cpuMillis: 0, memoryMiB: 0 }, podAntiAffinity: sp.podAntiAffinity?.filter((t) => t.topologyKey === hostname) };
  if ((onHostname.podAntiAffinity ?? []).length === 0 && !claim.pods.some((p) => (p.podAntiAffinity ?? []).length > 0)) return false;
  const node: SchedNode = {
    name: 'nodeclaim',
    labels: { [hostname]: 'nodeclaim' },
    allocatable: { cpuMillis: Infinity, memoryMiB: Infinity, pods: Infinity },
    requested: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    pods: claim.pods.map(schedPodOfKarpenter).map((p) => ({ ...p, podAntiAffinity: p.podAntiAffinity?.filter((t) => t.topologyKey === hostname) })),
  };
  return filterNode(onHostname, node, preFilter(onHostname, [node])).reasons.length > 0;
}

/** The round's placements as topology spread counts them; the launchable domains are worked out once per key. */
function spreadViewOf(existing: readonly Target[], claims: readonly OpenClaim[], templates: readonly NodePoolTemplate[]): SpreadView {
  const universe = new Map<string, Set<string>>();
  const withRequirements = templates.map((t) => ({ requirements: templateRequirements(t.nodePool), instanceTypes: t.instanceTypes }));
  return {
    nodes: () => existing.map((n) => ({ labels: n.labels, pods: n.placed.length === 0 ? (n.pods ?? []) : [...(n.pods ?? []), ...n.placed] })),
    claims: () => claims,
    launchable: (key) => {
      let domains = universe.get(key);
      if (domains === undefined) universe.set(key, (domains = launchableDomains(withRequirements, key)));
      return domains;
    },
  };
}

export function solveScheduling(input: SchedulingInput): SchedulingResult {
  const daemonSets = input.daemonSets ?? [];
  const templates = orderTemplates(input.templates);
  const remaining: Record<string, Partial<LimitUsage>> = {};
  for (const t of templates) remaining[t.nodePool.name] = initialRemaining(t.nodePool, input.launchedCapacity?.[t.nodePool.name]);
  const existing: Target[] = (input.existingNodes ?? []).map((n) => ({ ...n, used: { ...n.requested }, placed: [] }));
  const claims: OpenClaim[] = [];
  const spread = spreadViewOf(existing, claims, templates);
  const existingPlacements: SchedulingResult['existingPlacements'] = [];
  const podErrors: SchedulingResult['podErrors'] = [];

  /** Place one pod: an existing node, then an open NodeClaim (emptiest first), then a new one; the errors if none. */
  const placePod = (pod: PodToSchedule): string[] | undefined => {
    const node = firstExistingNode(existing, pod);
    if (node) {
      node.used = add(node.used, podResources(pod));
      node.placed.push(pod);
      existingPlacements.push({ pod: pod.name, node: node.name });
      return undefined;
    }
    const byEmptiness = [...claims].sort((a, b) => a.pods.length - b.pods.length || a.order - b.order);
    for (const claim of byEmptiness) {
      const res = tryAddPod(claim, pod, spread);
      if ('claim' in res) {
        Object.assign(claim, res.claim);
        return undefined;
      }
    }
    const errors: string[] = [];
    for (const t of templates) {
      const name = t.nodePool.name;
      const allowedTypes = filterByRemainingResources(t.instanceTypes, remaining[name]);
      const fresh: PlannedNodeClaim = {
        nodePool: name,
        requirements: templateRequirements(t.nodePool),
        taints: t.nodePool.template.taints,
        pods: [],
        podRequests: ZERO,
        daemonOverhead: daemonOverheadFor(t.nodePool, daemonSets),
        instanceTypeOptions: allowedTypes,
      };
      const res = allowedTypes.length === 0 ? { error: 'all available instance types exceed limits for nodepool' } : tryAddPod(fresh, pod, spread);
      if ('claim' in res) {
        claims.push({ ...res.claim, order: claims.length });
        remaining[name] = subtractMax(remaining[name], res.claim.instanceTypeOptions);
        return undefined;
      }
      errors.push(`incompatible with nodepool "${name}", ${res.error}`);
    }
    return errors;
  };

  for (const pod of sortPodsForScheduling(input.pods)) {
    // preferences.go: a ScheduleAnyway spread is first tried as if required, and relaxed (dropped)
    // only when the pod cannot be placed with it.
    const strict = preferredSpreadAsRequired(pod);
    let errors = placePod(strict ?? pod);
    if (errors !== undefined && strict !== undefined) errors = placePod(pod);
    if (errors !== undefined) podErrors.push({ pod: pod.name, error: errors.join('; ') || 'no nodepools found' });
  }

  const newNodeClaims = claims.map(({ order: _order, ...c }) => ({
    ...c,
    instanceTypeOptions: orderByPrice(c.instanceTypeOptions, c.requirements).slice(0, MAX_INSTANCE_TYPES),
  }));
  return { newNodeClaims, existingPlacements, podErrors, remaining };
}

/** Total requests of a NodeClaim as Karpenter logs them: pods plus DaemonSet overhead. */
export function nodeClaimRequests(c: Pick<PlannedNodeClaim, 'podRequests' | 'daemonOverhead'>): Resources {
  return add(c.podRequests, c.daemonOverhead);
}
