import {
  capacityTypeAllowed,
  chooseLaunch,
  orderByPrice,
  worstLaunchPrice,
  type LaunchChoice,
} from '../offeringSelection';
import { intersectRequirements, LABEL_CAPACITY_TYPE, requirementsFrom, type Requirements } from '../requirements';
import {
  instanceTypeCompatible,
  solveScheduling,
  type LimitUsage,
  type NodePoolTemplate,
  type PlannedNodeClaim,
} from '../scheduling';
import type { DaemonSetPodSpec, InstanceTypeOption, PodToSchedule } from '../types';
import { asExistingNode, reschedulablePods, type DisruptionNode } from './candidates';

/** Single-node spot→spot replacement needs this many cheaper spot options (consolidation.go). */
export const MIN_INSTANCE_TYPES_FOR_SPOT_TO_SPOT = 15;

export interface ConsolidationContext {
  /** Every node in the cluster, candidates included. */
  nodes: readonly DisruptionNode[];
  templates: readonly NodePoolTemplate[];
  daemonSets?: readonly DaemonSetPodSpec[];
  pendingPods?: readonly PodToSchedule[];
  launchedCapacity?: Readonly<Record<string, LimitUsage>>;
  featureGates?: { spotToSpotConsolidation?: boolean };
}

export type ConsolidationDecision =
  | { action: 'none'; message?: string }
  | { action: 'delete' }
  | { action: 'replace'; replacement: PlannedNodeClaim; launch: LaunchChoice };

/** Keep options whose worst-case launch price is STRICTLY below `maxPrice`. */
export function filterOptionsByWorstPrice(
  options: readonly InstanceTypeOption[],
  reqs: Requirements,
  maxPrice: number,
): InstanceTypeOption[] {
  return options.filter((it) => worstLaunchPrice(it, reqs) < maxPrice);
}

function withCapacityType(reqs: Requirements, ct: 'spot'): Map<string, import('../requirements').Requirement> {
  return intersectRequirements(reqs, requirementsFrom([{ key: LABEL_CAPACITY_TYPE, operator: 'In', values: [ct] }]));
}

/**
 * Given the one NodeClaim a simulation needs, decide whether replacing the candidates with it is
 * worth it (computeConsolidation after the scheduling step).
 */
export function decideReplacement(
  candidates: readonly Pick<DisruptionNode, 'price' | 'capacityType'>[],
  claim: PlannedNodeClaim,
  featureGates: ConsolidationContext['featureGates'] = {},
): ConsolidationDecision {
  const candidatePrice = candidates.reduce((s, c) => s + c.price, 0);
  const allSpot = candidates.every((c) => c.capacityType === 'spot');
  let reqs: Requirements = claim.requirements;
  let options = orderByPrice(claim.instanceTypeOptions, reqs);

  if (allSpot && capacityTypeAllowed(reqs, 'spot')) {
    if (!featureGates.spotToSpotConsolidation) {
      return { action: 'none', message: "SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node" };
    }
    reqs = withCapacityType(reqs, 'spot');
    options = options.filter((it) => instanceTypeCompatible(it, reqs));
    options = filterOptionsByWorstPrice(options, reqs, candidatePrice);
    if (options.length === 0) return { action: 'none', message: "Can't replace with a cheaper node" };
    if (candidates.length === 1) {
      if (options.length < MIN_INSTANCE_TYPES_FOR_SPOT_TO_SPOT) {
        return {
          action: 'none',
          message: `SpotToSpotConsolidation requires ${MIN_INSTANCE_TYPES_FOR_SPOT_TO_SPOT} cheaper instance type options than the current candidate to consolidate, got ${options.length}`,
        };
      }
      // Launching only from the 15 cheapest keeps the result inside the set, so it is not consolidated again at once.
      options = options.slice(0, MIN_INSTANCE_TYPES_FOR_SPOT_TO_SPOT);
    }
    return finishReplace(claim, reqs, options);
  }

  options = filterOptionsByWorstPrice(options, reqs, candidatePrice);
  if (options.length === 0) return { action: 'none', message: "Can't replace with a cheaper node" };
  // Prices were filtered assuming spot launches; pin spot so a spot shortage cannot buy a pricier on-demand node.
  if (capacityTypeAllowed(reqs, 'spot') && capacityTypeAllowed(reqs, 'on-demand')) reqs = withCapacityType(reqs, 'spot');
  return finishReplace(claim, reqs, options);
}

function finishReplace(claim: PlannedNodeClaim, reqs: Requirements, options: InstanceTypeOption[]): ConsolidationDecision {
  const requirements = new Map(reqs);
  const launch = chooseLaunch(options, requirements);
  if (!launch) return { action: 'none', message: "Can't replace with a cheaper node" };
  return { action: 'replace', replacement: { ...claim, requirements, instanceTypeOptions: options }, launch };
}

/**
 * Simulate removing `candidates`: their pods (plus pending pods and pods of nodes already being
 * deleted) are rescheduled onto the rest of the cluster plus at most one new NodeClaim.
 */
export function computeConsolidation(
  candidates: readonly DisruptionNode[],
  ctx: ConsolidationContext,
): ConsolidationDecision {
  const names = new Set(candidates.map((c) => c.name));
  const deleting = ctx.nodes.filter((n) => n.markedForDeletion && !names.has(n.name));
  const others = ctx.nodes.filter((n) => !n.markedForDeletion && !names.has(n.name));
  const mustPlace = [...candidates.flatMap(reschedulablePods), ...deleting.flatMap(reschedulablePods)];
  const result = solveScheduling({
    pods: [...(ctx.pendingPods ?? []), ...mustPlace],
    existingNodes: others.map(asExistingNode),
    templates: ctx.templates,
    daemonSets: ctx.daemonSets,
    launchedCapacity: ctx.launchedCapacity,
  });
  const mustPlaceNames = new Set(mustPlace.map((p) => p.name));
  const failed = result.podErrors.find((e) => mustPlaceNames.has(e.pod));
  if (failed) return { action: 'none', message: `not all pods would schedule, ${failed.pod} => ${failed.error}` };
  const uninitialized = new Set(others.filter((n) => !n.initialized).map((n) => n.name));
  const onUninit = result.existingPlacements.find((p) => mustPlaceNames.has(p.pod) && uninitialized.has(p.node));
  if (onUninit) return { action: 'none', message: `not all pods would schedule, ${onUninit.pod} => would schedule against uninitialized node/${onUninit.node}` };
  if (result.newNodeClaims.length === 0) return { action: 'delete' };
  if (result.newNodeClaims.length > 1) {
    return { action: 'none', message: `Can't remove without creating ${result.newNodeClaims.length} candidates` };
  }
  return decideReplacement(candidates, result.newNodeClaims[0], ctx.featureGates);
}

/**
 * Multi-node replace guard (filterOutSameType): if a replacement option is one of the types being
 * removed, drop every option not strictly cheaper than the cheapest removed node of such a type.
 */
export function filterOutSameType(
  options: readonly InstanceTypeOption[],
  reqs: Requirements,
  candidates: readonly Pick<DisruptionNode, 'instanceType' | 'price'>[],
): InstanceTypeOption[] {
  const priceByType = new Map<string, number>();
  for (const c of candidates) priceByType.set(c.instanceType, Math.min(priceByType.get(c.instanceType) ?? Infinity, c.price));
  let maxPrice = Number.POSITIVE_INFINITY;
  for (const it of options) {
    const p = priceByType.get(it.name);
    if (p !== undefined && p < maxPrice) maxPrice = p;
  }
  return filterOptionsByWorstPrice(options, reqs, maxPrice);
}
