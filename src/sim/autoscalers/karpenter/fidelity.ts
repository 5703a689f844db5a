import type { FidelityAdapter } from '../../../fidelity/types';
import { computeAllocatable, kubeReservedCpuMillis, kubeReservedMemoryMiB } from '../../cloud/allocatable';
import { findInstanceType, onDemandPrice, type InstanceType } from '../../cloud/catalog';
import { offeringsFor } from '../../cloud/offerings';
import { firstBatch } from './batcher';
import { allowedDisruptions, allowedDisruptionsByReason, isBudgetActive, remainingDisruptions } from './disruption/budgets';
import type { DisruptionNode, NodePod } from './disruption/candidates';
import { computeConsolidation, decideReplacement, filterOptionsByWorstPrice, filterOutSameType } from './disruption/consolidation';
import { buildBudgetMapping, computeDisruption, disruptionCandidates } from './disruption/controller';
import { emptiness } from './disruption/methods';
import {
  FAKE_ZONE,
  fakeAssortedCatalog,
  fakeInstanceType,
  requirementsFromValueMap,
  testNodePool,
} from './fidelityFixtures';
import { eniLimitedMaxPods, instanceTypeLabels } from './instanceTypes';
import { checkMinValues, minValuesError } from './minValues';
import { chooseLaunch } from './offeringSelection';
import { parseBudgets } from './parse';
import { IssueCollector } from './parseHelpers';
import { requirementsFrom } from './requirements';
import { filterByRemainingResources, initialRemaining, solveScheduling, type PlannedNodeClaim } from './scheduling';
import type { CapacityType, DisruptionBudget, InstanceTypeOption, NodePool, Offering, PodToSchedule } from './types';
import { parseCpuMillis, parseDurationSeconds, parseMemoryMiB } from './units';

/* Vector inputs are loose JSON; these helpers read them into the engine's types. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EPOCH_2000 = Date.UTC(2000, 0, 1);

function budgetsOf(raw: unknown): DisruptionBudget[] {
  const issues = new IssueCollector();
  const budgets = parseBudgets(raw, 'budgets', issues);
  if (issues.errors.length) throw new Error(issues.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return budgets;
}

function numericPrice(p: unknown, fallback = 1): number {
  return typeof p === 'number' ? p : fallback;
}

function offeringsOf(raw: Json[] | undefined): Offering[] {
  return (raw ?? []).map((o) => ({
    zone: (o.zone as string | undefined) ?? FAKE_ZONE,
    capacityType: o.ct as CapacityType,
    price: o.price as number,
    available: o.available !== false,
  }));
}

function podsOf(count: number, prefix: string, cpuMillis = 100): NodePod[] {
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix}-pod-${i}`, cpuMillis, memoryMiB: 64 }));
}

function disruptionNode(name: string, option: InstanceTypeOption, o: Partial<DisruptionNode>): DisruptionNode {
  const offer = option.offerings[0];
  return {
    name,
    nodeClaimName: `${name}-claim`,
    nodePool: 'default',
    instanceType: option.name,
    capacityType: offer?.capacityType ?? 'on-demand',
    zone: offer?.zone ?? FAKE_ZONE,
    price: offer?.price ?? 1,
    labels: { ...option.labels, 'karpenter.sh/nodepool': 'default', 'topology.kubernetes.io/zone': offer?.zone ?? FAKE_ZONE },
    taints: [],
    allocatable: option.allocatable,
    pods: [],
    initialized: true,
    ready: true,
    markedForDeletion: false,
    createdAtSeconds: 0,
    initializedAtSeconds: 0,
    ...o,
  };
}

function binpack(input: Json) {
  const overhead = input.overheadPerNode as Json | undefined;
  const catalog = fakeAssortedCatalog({
    cpuMillis: (overhead?.cpuMilli as number | undefined) ?? 100,
    memoryMiB: (overhead?.memoryMiB as number | undefined) ?? 10,
  });
  const ds = input.daemonSetOverhead as Json | null | undefined;
  const pods: PodToSchedule[] = (input.pods as Json[]).map((p, i) => ({
    name: `pod-${i}`,
    cpuMillis: p.cpuMilli as number,
    memoryMiB: p.memoryMiB as number,
  }));
  const result = solveScheduling({
    pods,
    templates: [{ nodePool: testNodePool(), instanceTypes: catalog }],
    daemonSets: ds ? [{ name: 'ds', cpuMillis: (ds.cpuMilli as number) ?? 0, memoryMiB: (ds.memoryMiB as number) ?? 0 }] : [],
  });
  const first = result.newNodeClaims[0];
  const launch = first ? chooseLaunch(first.instanceTypeOptions, first.requirements) : undefined;
  return { nodeClaims: result.newNodeClaims.length, instanceType: launch?.instanceType, price: launch?.price };
}

function consolidateAgainstOfferings(input: Json) {
  const cand = input.candidate as Json;
  const replacementOfferings = offeringsOf(input.replacementOfferings as Json[]);
  const ct = (cand.capacityType as CapacityType | undefined) ?? 'on-demand';
  const zone = (cand.zone as string | undefined) ?? replacementOfferings[0]?.zone ?? FAKE_ZONE;
  const overhead = { cpuMillis: 0, memoryMiB: 0 };
  const current = fakeInstanceType((cand.instanceType as string | undefined) ?? 'current', 4000, 8192, 110, overhead, [
    { zone, capacityType: ct, price: numericPrice(cand.price), available: true },
  ]);
  const replacement = fakeInstanceType('replacement', 4000, 8192, 110, overhead, replacementOfferings);
  const pool = testNodePool({ requirements: requirementsFromValueMap(input.nodePoolRequirements as Record<string, string[]>) });
  const node = disruptionNode('candidate', current, { pods: podsOf((cand.pods as number | undefined) ?? 1, 'candidate') });
  const d = computeConsolidation([node], { nodes: [node], templates: [{ nodePool: pool, instanceTypes: [current, replacement] }] });
  return { action: d.action };
}

function catalogOnDemandOption(name: string): InstanceTypeOption {
  const t = findInstanceType(name);
  if (!t) throw new Error(`unknown instance type ${name}`);
  const od = offeringsFor(t, { region: 'us-east-1', seed: 0 }).filter((o) => o.capacityType === 'on-demand');
  return { ...fakeInstanceType(name, t.vcpu * 1000, t.memoryMiB, t.maxPods, { cpuMillis: 0, memoryMiB: 0 }, od), labels: instanceTypeLabels(t, 'us-east-1') };
}

function syntheticType(input: Json): InstanceType {
  const known = findInstanceType(input.instanceType as string);
  return {
    name: input.instanceType as string,
    family: known?.family ?? '',
    category: known?.category ?? '',
    generation: known?.generation ?? 0,
    size: known?.size ?? '',
    arch: known?.arch ?? 'amd64',
    vcpu: (input.vcpu as number | undefined) ?? known?.vcpu ?? 0,
    memoryMiB: (input.memoryMiB as number | undefined) ?? known?.memoryMiB ?? 0,
    maxPods: (input.maxPods as number | undefined) ?? known?.maxPods ?? 110,
    gpus: 0,
    onDemandUsdPerHour: {},
  };
}

export const karpenterFidelity: FidelityAdapter = {
  component: 'Karpenter',
  shapes: {
    'Karpenter:key,minValues,types': (input: { key: string; minValues: number; types: { name: string; value: string }[] }) => {
      const reqs = new Map([[input.key, { key: input.key, complement: true, values: new Set<string>(), minValues: input.minValues }]]);
      const options = input.types.map((t) => ({ name: t.name, labels: { [input.key]: t.value }, capacity: { cpuMillis: 0, memoryMiB: 0, pods: 0 }, allocatable: { cpuMillis: 0, memoryMiB: 0, pods: 0 }, offerings: [] }));
      const check = checkMinValues(options, reqs);
      return { needed: check.needed, satisfied: Object.keys(check.unmet).length === 0, error: minValuesError(options, reqs) ?? null };
    },
    'Karpenter:budgets,emptyNodes,nodePoolNodes': (input: Json) => {
      const budgets = budgetsOf(input.budgets);
      const pool = testNodePool({ disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 0, budgets } });
      const type = fakeInstanceType('t', 4000, 8192, 110, { cpuMillis: 0, memoryMiB: 0 }, [{ zone: FAKE_ZONE, capacityType: 'on-demand', price: 1, available: true }]);
      const nodes = Array.from({ length: input.nodePoolNodes as number }, (_, i) =>
        disruptionNode(`node-${i}`, type, { pods: i < (input.emptyNodes as number) ? [] : podsOf(1, `node-${i}`) }),
      );
      const ctx = { nodes, templates: [{ nodePool: pool, instanceTypes: [type] }], nowSeconds: 60, nowEpochMs: EPOCH_2000 };
      const { mapping } = buildBudgetMapping(ctx, 'Empty');
      const outcome = emptiness(disruptionCandidates(ctx).forEmptiness, mapping);
      return {
        allowedDisruptions: allowedDisruptions(budgets, nodes.length, 'Empty', EPOCH_2000).allowed,
        nodesDeleted: outcome.command?.candidates.length ?? 0,
      };
    },
    'Karpenter:budgets,nodePoolNodes': (input: Json) => ({
      allowedDisruptions: allowedDisruptions(budgetsOf(input.budgets), input.nodePoolNodes as number, 'Underutilized', EPOCH_2000).allowed,
    }),
    'Karpenter:budgets,nodePoolNodes,nowUTC': (input: Json) => {
      const budgets = budgetsOf(input.budgets);
      const now = Date.parse(input.nowUTC as string);
      const byReason = allowedDisruptionsByReason(budgets, input.nodePoolNodes as number, now);
      // Budgets that name no reason give one answer for every reason: report it as a single number.
      const reasonSpecific = budgets.some((b) => b.reasons && b.reasons.length > 0);
      return { allowed: reasonSpecific ? byReason : byReason.Underutilized };
    },
    'Karpenter:duration,nowUTC,schedule': (input: Json) => ({
      active: isBudgetActive(
        { schedule: input.schedule as string, durationSeconds: parseDurationSeconds(input.duration as string) ?? 0 },
        Date.parse(input.nowUTC as string),
      ),
    }),
    'Karpenter:budgets,initializedNodes,notReadyOrDeletingNodes': (input: Json) => {
      const { allowed } = allowedDisruptions(budgetsOf(input.budgets), input.initializedNodes as number, 'Underutilized', EPOCH_2000);
      return { remainingDisruptions: remainingDisruptions(allowed, input.notReadyOrDeletingNodes as number) };
    },
    'Karpenter:instanceTypes,nodePoolRequirements,pod': (input: Json) => {
      const types = (input.instanceTypes as Json[]).map((t) =>
        fakeInstanceType(
          t.name as string,
          parseCpuMillis(t.cpu as string) ?? 0,
          parseMemoryMiB(t.memory as string) ?? 0,
          110,
          { cpuMillis: 0, memoryMiB: 0 },
          offeringsOf(t.offerings as Json[]),
        ),
      );
      const req = (input.pod as Json).requests as Json;
      const pod: PodToSchedule = {
        name: 'pod',
        cpuMillis: req.cpu ? (parseCpuMillis(req.cpu as string) ?? 0) : 0,
        memoryMiB: req.memory ? (parseMemoryMiB(req.memory as string) ?? 0) : 0,
      };
      const pool = testNodePool({ requirements: requirementsFromValueMap(input.nodePoolRequirements as Record<string, string[]>) });
      const claim = solveScheduling({ pods: [pod], templates: [{ nodePool: pool, instanceTypes: types }] }).newNodeClaims[0];
      const launch = claim ? chooseLaunch(claim.instanceTypeOptions, claim.requirements) : undefined;
      return { launchedInstanceType: launch?.instanceType, capacityType: launch?.capacityType };
    },
    'Karpenter:catalog,daemonSetOverhead,overheadPerNode,pods': binpack,
    'Karpenter:catalog,pods': binpack,
    'Karpenter:batchIdleDurationSeconds,batchMaxDurationSeconds,cases': (input: Json) => {
      const settings = { idleSeconds: input.batchIdleDurationSeconds as number, maxSeconds: input.batchMaxDurationSeconds as number };
      const batches = (input.cases as Json[]).map((c) => firstBatch(c.podArrivalSeconds as number[], settings));
      return { windowCloseSeconds: batches.map((b) => b?.windowCloseSeconds), podsInFirstBatch: batches.map((b) => b?.podsInBatch ?? 0) };
    },
    'Karpenter:candidate,replacementOfferings': consolidateAgainstOfferings,
    'Karpenter:candidate,nodePoolRequirements,replacementOfferings': consolidateAgainstOfferings,
    'Karpenter:nodes': (input: Json) => {
      const spec = input.nodes as Json[];
      const prices = spec.map((n) => numericPrice(n.price, Number.NaN));
      const price = prices.every((p) => Number.isNaN(p)) ? 1 : undefined;
      const nodes = spec.map((n, i) => {
        const cpu = parseCpuMillis(n.allocatableCPU as string) ?? 32000;
        const t = fakeInstanceType('fake-type', cpu, cpu * 4, 100, { cpuMillis: 0, memoryMiB: 0 }, [
          { zone: FAKE_ZONE, capacityType: 'on-demand', price: price ?? prices[i], available: true },
        ]);
        return { node: disruptionNode(n.name as string, t, { pods: podsOf(n.pods as number, n.name as string, 1000) }), type: t };
      });
      const pool = testNodePool();
      const ctx = {
        nodes: nodes.map((n) => n.node),
        templates: [{ nodePool: pool, instanceTypes: [nodes[0].type] }],
        nowSeconds: 60,
        nowEpochMs: EPOCH_2000,
      };
      const cmd = computeDisruption(ctx).command;
      const deleted = cmd?.candidates.map((c) => c.name) ?? [];
      return {
        action: cmd?.decision ?? 'none',
        deleted,
        nodeClaimsAfter: nodes.length - deleted.length + (cmd?.replacement ? 1 : 0),
      };
    },
    'Karpenter:candidatePrice,replacementOptionWorstPrices': (input: Json) => {
      const options = (input.replacementOptionWorstPrices as number[]).map((p, i) =>
        fakeInstanceType(`option-${i}`, 1000, 1024, 110, { cpuMillis: 0, memoryMiB: 0 }, [
          { zone: FAKE_ZONE, capacityType: 'on-demand', price: p, available: true },
        ]),
      );
      const kept = filterOptionsByWorstPrice(options, new Map(), input.candidatePrice as number);
      return { keptOptionPrices: kept.map((o) => o.offerings[0].price), action: kept.length > 0 ? 'replace' : 'none' };
    },
    'Karpenter:candidates,replacementOptions': (input: Json) => {
      const reqs = requirementsFrom([{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }]);
      const candidates = (input.candidates as string[]).map((name) => {
        const t = findInstanceType(name);
        if (!t) throw new Error(`unknown instance type ${name}`);
        return { instanceType: name, price: onDemandPrice(t, 'us-east-1') };
      });
      const options = (input.replacementOptions as string[]).map(catalogOnDemandOption);
      return { replacementOptionsAfterFilter: filterOutSameType(options, reqs, candidates).map((o) => o.name) };
    },
    'Karpenter:candidateCapacityType,cheaperSpotOptions,featureGateSpotToSpotConsolidation': (input: Json) => {
      const ct = input.candidateCapacityType as CapacityType;
      const gate = input.featureGateSpotToSpotConsolidation as boolean;
      const outcomes = (input.cheaperSpotOptions as number[]).map((n) => {
        const options = Array.from({ length: n }, (_, i) =>
          fakeInstanceType(`spot-${i}`, 2000, 4096, 110, { cpuMillis: 0, memoryMiB: 0 }, [
            { zone: FAKE_ZONE, capacityType: 'spot', price: 0.5 - i * 0.001, available: true },
          ]),
        );
        const claim: PlannedNodeClaim = {
          nodePool: 'default',
          requirements: new Map(),
          taints: [],
          pods: [],
          podRequests: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
          daemonOverhead: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
          instanceTypeOptions: options,
        };
        return decideReplacement([{ price: 1, capacityType: ct }], claim, { spotToSpotConsolidation: gate });
      });
      return {
        action: outcomes.map((o) => o.action),
        launchOptionCount: outcomes.map((o) => (o.action === 'replace' ? o.replacement.instanceTypeOptions.length : null)),
      };
    },
    'Karpenter:budgets,consolidateAfter,nodes': (input: Json) => {
      const consolidateAfter = parseDurationSeconds(input.consolidateAfter as string);
      const pool: NodePool = testNodePool({
        disruption: {
          consolidationPolicy: 'WhenEmptyOrUnderutilized',
          consolidateAfterSeconds: consolidateAfter === undefined ? 0 : consolidateAfter,
          budgets: budgetsOf(input.budgets),
        },
      });
      const nodes = (input.nodes as Json[]).map((n) => {
        const t = fakeInstanceType(`type-${n.name}`, 4000, 8192, 110, { cpuMillis: 0, memoryMiB: 0 }, [
          { zone: FAKE_ZONE, capacityType: 'on-demand', price: n.price as number, available: true },
        ]);
        return disruptionNode(n.name as string, t, { pods: podsOf(n.reschedulablePods as number, n.name as string) });
      });
      const ctx = { nodes, templates: [{ nodePool: pool, instanceTypes: [] }], nowSeconds: (consolidateAfter ?? 0) + 1, nowEpochMs: EPOCH_2000 };
      const { mapping } = buildBudgetMapping(ctx, 'Empty');
      const outcome = emptiness(disruptionCandidates(ctx).forEmptiness, mapping);
      return { deleted: outcome.command?.candidates.map((c) => c.name) ?? [] };
    },
    'Karpenter:existingCapacityCPU,instanceTypes,limits': (input: Json) => {
      const limits = input.limits as Json;
      const pool = testNodePool({
        limits: {
          cpuMillis: limits.cpu === undefined ? undefined : parseCpuMillis(limits.cpu as string | number),
          memoryMiB: limits.memory === undefined ? undefined : parseMemoryMiB(limits.memory as string | number),
        },
      });
      const types = (input.instanceTypes as Json[]).map((t) =>
        fakeInstanceType(t.name as string, (t.cpu as number) * 1000, (t.cpu as number) * 4096, 110, { cpuMillis: 0, memoryMiB: 0 }, [
          { zone: FAKE_ZONE, capacityType: 'on-demand', price: (t.cpu as number) * 0.05, available: true },
        ]),
      );
      const launched = { cpuMillis: ((input.existingCapacityCPU as number) ?? 0) * 1000, memoryMiB: 0 };
      const allowed = filterByRemainingResources(types, initialRemaining(pool, launched));
      const result = solveScheduling({
        pods: [{ name: 'pod', cpuMillis: 1, memoryMiB: 1 }],
        templates: [{ nodePool: pool, instanceTypes: types }],
        launchedCapacity: { [pool.name]: launched },
      });
      const cpuLeft = result.remaining[pool.name]?.cpuMillis;
      return { allowedInstanceTypes: allowed.map((t) => t.name), remainingCPUAfterLaunch: cpuLeft === undefined ? null : cpuLeft / 1000 };
    },
    'Karpenter:instanceType,maxPods,vcpu': (input: Json) => ({
      kubeReservedCPU: `${kubeReservedCpuMillis(input.vcpu as number)}m`,
      kubeReservedMemory: `${kubeReservedMemoryMiB(input.maxPods as number)}Mi`,
    }),
    'Karpenter:enis,instanceType,ipv4PerEni': (input: Json) => {
      const maxPods = eniLimitedMaxPods(input.enis as number, input.ipv4PerEni as number);
      return { maxPods, kubeReservedMemory: `${kubeReservedMemoryMiB(maxPods)}Mi` };
    },
    'Karpenter:instanceType,maxPods,memoryMiB,vcpu': (input: Json) => {
      const b = computeAllocatable(syntheticType(input));
      return {
        capacityMemoryMiB: b.capacity.memoryMiB,
        kubeReservedMemoryMiB: b.kubeReservedMemoryMiB,
        evictionMiB: b.evictionMemoryMiB,
        allocatableMemoryMiB: b.allocatable.memoryMiB,
        kubeReservedCPUMilli: b.kubeReservedCpuMillis,
        allocatableCPUMilli: b.allocatable.cpuMillis,
      };
    },
  },
};
