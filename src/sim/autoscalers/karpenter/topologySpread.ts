import { matchesLabelSelector, matchesNodeAffinity } from '../../cluster/scheduling/filter';
import { minOf } from '../../core/arrays';
import type { TopologySpreadConstraint } from '../../core/types';
import { availableCompatibleOfferings } from './offeringSelection';
import { LABEL_CAPACITY_TYPE, LABEL_HOSTNAME, LABEL_ZONE, requirementHas, type Requirement, type Requirements } from './requirements';
import type { InstanceTypeOption, PodToSchedule } from './types';

/**
 * Pod topology spread in Karpenter's provisioning scheduler (kubernetes-sigs/karpenter
 * pkg/controllers/provisioning/scheduling/topology.go and topologygroup.go): before a pod joins a
 * NodeClaim, each hard constraint (DoNotSchedule) narrows the claim to the one domain with the
 * fewest matching pods whose skew stays within maxSkew (nextDomainTopologySpread), counted over
 * the existing and in-flight nodes and the claims already opened in this round. Without it every
 * pod of a zone-spread Deployment went to one cheapest-zone node, where kube-scheduler then let
 * only one of them run, and Karpenter launched more nodes there, each left empty.
 */

/** What a round of scheduling has placed so far, as the spread counts read it. */
export interface SpreadView {
  /** Existing and in-flight nodes with the pods bound, nominated or placed on them. */
  nodes(): Iterable<{ labels: Record<string, string>; pods: readonly PodToSchedule[] }>;
  /** NodeClaims opened in this round. */
  claims(): Iterable<{ requirements: Requirements; pods: readonly PodToSchedule[] }>;
  /** Domains the NodePools could launch into for a topology key (the universe upstream builds from them). */
  launchable(key: string): ReadonlySet<string>;
}

const hardConstraints = (pod: PodToSchedule): TopologySpreadConstraint[] =>
  (pod.topologySpread ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');

/** The pod with its ScheduleAnyway constraints made DoNotSchedule; undefined when it has none. */
export function preferredSpreadAsRequired(pod: PodToSchedule): PodToSchedule | undefined {
  const spread = pod.topologySpread;
  if (!spread?.some((c) => c.whenUnsatisfiable === 'ScheduleAnyway')) return undefined;
  return { ...pod, topologySpread: spread.map((c) => (c.whenUnsatisfiable === 'ScheduleAnyway' ? { ...c, whenUnsatisfiable: 'DoNotSchedule' } : c)) };
}

export function hasHardSpread(pod: PodToSchedule): boolean {
  return hardConstraints(pod).length > 0;
}

function counted(c: TopologySpreadConstraint, namespace: string, p: PodToSchedule): boolean {
  return (p.namespace ?? 'default') === namespace && matchesLabelSelector(c.labelSelector, p.labels);
}

function countOf(c: TopologySpreadConstraint, namespace: string, pods: readonly PodToSchedule[]): number {
  let n = 0;
  for (const p of pods) if (counted(c, namespace, p)) n++;
  return n;
}

/** The single value a requirement pins, if it pins one. */
function pinned(r: Requirement | undefined): string | undefined {
  return r && !r.complement && r.values.size === 1 ? r.values.values().next().value : undefined;
}

/** Matching pods per domain of `key`, over nodes the pod's node affinity admits and claims pinned to one domain. */
function domainCounts(pod: PodToSchedule, c: TopologySpreadConstraint, view: SpreadView): Map<string, number> {
  const namespace = pod.namespace ?? 'default';
  const counts = new Map<string, number>();
  for (const d of view.launchable(c.topologyKey)) counts.set(d, 0);
  for (const n of view.nodes()) {
    const d = n.labels[c.topologyKey];
    if (d === undefined || !matchesNodeAffinity(pod, n.labels)) continue;
    counts.set(d, (counts.get(d) ?? 0) + countOf(c, namespace, n.pods));
  }
  for (const claim of view.claims()) {
    const d = pinned(claim.requirements.get(c.topologyKey));
    if (d !== undefined) counts.set(d, (counts.get(d) ?? 0) + countOf(c, namespace, claim.pods));
  }
  return counts;
}

const allows = (r: Requirement | undefined, value: string) => r === undefined || requirementHas(r, value);

/**
 * The requirements a pod's spread constraints add when it joins a claim whose requirements (the
 * claim's with the pod's own) are `joined`, or why it cannot join.
 */
export function spreadRequirements(
  pod: PodToSchedule,
  claimPods: readonly PodToSchedule[],
  podRequirements: Requirements,
  joined: Requirements,
  view: SpreadView,
): { requirements: Requirement[] } | { error: string } {
  const namespace = pod.namespace ?? 'default';
  const out: Requirement[] = [];
  for (const c of hardConstraints(pod)) {
    const self = counted(c, namespace, pod) ? 1 : 0;
    if (c.topologyKey === LABEL_HOSTNAME) {
      // A new NodeClaim is a hostname domain of its own, so the minimum is always 0 (domainMinCount).
      if (countOf(c, namespace, claimPods) + self > c.maxSkew) return { error: `unsatisfiable topology constraint for topology spread, key=${c.topologyKey}` };
      continue;
    }
    const counts = domainCounts(pod, c, view);
    const podDomains = [...counts.keys()].filter((d) => allows(podRequirements.get(c.topologyKey), d)).sort();
    let min = podDomains.length === 0 ? 0 : minOf(podDomains.map((d) => counts.get(d)!));
    if (c.minDomains !== undefined && podDomains.length < c.minDomains) min = 0;
    // Upstream walks a Go map (any order); the sorted walk keeps the choice deterministic.
    let best: string | undefined;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const d of podDomains) {
      if (!allows(joined.get(c.topologyKey), d)) continue;
      const count = counts.get(d)! + self;
      if (count - min <= c.maxSkew && count < bestCount) {
        best = d;
        bestCount = count;
      }
    }
    if (best === undefined) return { error: `unsatisfiable topology constraint for topology spread, key=${c.topologyKey}` };
    out.push({ key: c.topologyKey, complement: false, values: new Set([best]) });
  }
  return { requirements: out };
}

/** The zones or capacity types the templates' instance types offer (available, within each template's requirements). */
export function launchableDomains(templates: readonly { requirements: Requirements; instanceTypes: readonly InstanceTypeOption[] }[], key: string): Set<string> {
  const out = new Set<string>();
  for (const t of templates) {
    for (const it of t.instanceTypes) {
      if (key === LABEL_ZONE || key === LABEL_CAPACITY_TYPE) {
        for (const o of availableCompatibleOfferings(it, t.requirements)) out.add(key === LABEL_ZONE ? o.zone : o.capacityType);
      } else if (it.labels[key] !== undefined && allows(t.requirements.get(key), it.labels[key])) out.add(it.labels[key]);
    }
    const r = t.requirements.get(key);
    if (r && !r.complement && key !== LABEL_ZONE && key !== LABEL_CAPACITY_TYPE) for (const v of r.values) out.add(v);
  }
  return out;
}
