/**
 * computeReplicasForMetrics: one proposal per spec.metrics entry, with the status entry, the
 * metric's name as the controller words it, and on failure the condition and event it raises.
 */
import { isClientError, type ResourceUtilizationTotals } from './metricsClient';
import type { HpaPodInfo, PodGroupingOptions } from './podGrouping';
import { quantityToMilli } from './quantity';
import {
  NO_PODS,
  plainMetricReplicas,
  resourceUtilizationFromTotals,
  resourceUtilizationReplicas,
  type CalcResult,
  type PerPodCalculation,
  type PerPodMetricInput,
} from './replicaCalculator';
import { objectProposal, externalProposal } from './valueMetricProposals';
import { fail, mq, type MetricContext, type MetricProposal } from './proposalCommon';
import type { MetricSpec, MetricStatus, MetricTarget } from './types';
import { msg, type Message } from '../../core/message';
import { pushAll } from '../../core/arrays';
import { boundedMemo } from '../../core/memo';
import { keysAre } from './statusCopy';

export type { MetricContext, MetricProposal } from './proposalCommon';

export interface HpaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/**
 * The calculators' input with its metric-specific fields written in the literal: V8 builds a
 * spread followed by new keys (`{ ...base, resource }`) on a slow path, ~1.3 µs an object.
 */
function perPodInput<T extends object>(ctx: MetricContext, pods: readonly HpaPodInfo[], metricLabel: string, extra: T) {
  return Object.assign(
    {
      currentReplicas: ctx.specReplicas,
      pods,
      tolerances: ctx.tolerances,
      nowSeconds: ctx.nowSeconds,
      cpuInitializationPeriodSeconds: ctx.config.cpuInitializationPeriodSeconds,
      initialReadinessDelaySeconds: ctx.config.initialReadinessDelaySeconds,
      metricLabel,
    },
    extra,
  );
}

/**
 * A resource metric's name in the rescale reason and the ScalingActive message, one string per
 * (resource, kind): built anew each sync it was a fresh string that the condition comparison then
 * had to flatten and compare character by character.
 */
const resourceMetricNames = [0, 1, 2, 3].map(() => new Map<string, string>());

function resourceMetricName(resource: string, container: boolean, averageValue: boolean): string {
  const names = resourceMetricNames[(averageValue ? 2 : 0) + (container ? 1 : 0)];
  let name = names.get(resource);
  if (name === undefined) {
    name = averageValue ? `${resource} resource` : `${resource} ${container ? 'container ' : ''}resource utilization (percentage of request)`;
    if (names.size >= 256) names.clear();
    names.set(resource, name);
  }
  return name;
}

function wrapResourceError(e: string, resource: string, container: string | undefined): string {
  return container ? `failed to get ${container} container metric value: ${e}` : `failed to get ${resource} resource metric value: ${e}`;
}

/**
 * The grouping options the totals are asked with and the calculation's input from the totals,
 * refilled per metric rather than made: the client compares the options during the call, and the
 * calculation reads its input; neither keeps them.
 */
const totalsGrouping: PodGroupingOptions = { cpuReadinessChecks: true, nowSeconds: 0, cpuInitializationPeriodSeconds: 0, initialReadinessDelaySeconds: 0 };
const totalsInput: PerPodMetricInput & { resource: string; targetUtilization: number } = {
  currentReplicas: 0,
  pods: NO_PODS,
  tolerances: { scaleDown: 0, scaleUp: 0 },
  nowSeconds: 0,
  cpuInitializationPeriodSeconds: 0,
  initialReadinessDelaySeconds: 0,
  metricLabel: '',
  resource: '',
  targetUtilization: 0,
};

function utilizationFromTotals(ctx: MetricContext, totals: ResourceUtilizationTotals, label: string, resource: string, targetUtilization: number): CalcResult<PerPodCalculation> {
  const input = totalsInput;
  input.currentReplicas = ctx.specReplicas;
  input.tolerances = ctx.tolerances;
  input.nowSeconds = ctx.nowSeconds;
  input.cpuInitializationPeriodSeconds = ctx.config.cpuInitializationPeriodSeconds;
  input.initialReadinessDelaySeconds = ctx.config.initialReadinessDelaySeconds;
  input.metricLabel = label;
  input.resource = resource;
  input.targetUtilization = targetUtilization;
  return resourceUtilizationFromTotals(input, totals);
}

/** The per-pod calculation, from the client's one-pass totals when it gives them (their doc says when). */
function resourceCalculation(ctx: MetricContext, resource: string, target: MetricTarget, container: string | undefined, label: string): CalcResult<PerPodCalculation> {
  const useAverageValue = target.averageValue !== undefined;
  const grouping = totalsGrouping;
  grouping.cpuReadinessChecks = resource === 'cpu';
  grouping.nowSeconds = ctx.nowSeconds;
  grouping.cpuInitializationPeriodSeconds = ctx.config.cpuInitializationPeriodSeconds;
  grouping.initialReadinessDelaySeconds = ctx.config.initialReadinessDelaySeconds;
  const totals = useAverageValue ? undefined : ctx.metrics.resourceUtilizationTotals?.(resource, container, grouping);
  if (totals) return utilizationFromTotals(ctx, totals, label, resource, target.averageUtilization ?? 0);
  const listed = ctx.metrics.podResourceMetrics(resource, container);
  if (isClientError(listed) || !listed.pods.some((p) => p.sampleMilli !== undefined)) {
    const inner = isClientError(listed) ? listed.error : 'no metrics returned from resource metrics API';
    return { ok: false, error: `unable to get metrics for resource ${resource}: ${inner}` };
  }
  if (useAverageValue) return plainMetricReplicas(perPodInput(ctx, listed.pods, label, { targetAverageMilli: quantityToMilli(target.averageValue ?? '0'), resource }));
  return resourceUtilizationReplicas(perPodInput(ctx, listed.pods, label, { resource, targetUtilization: target.averageUtilization ?? 0 }));
}

/**
 * `previous` when it is the status entry resourceProposal would build for a Resource metric (not a
 * container's): the literal's keys in its order, and the same values.
 */
function sameResourceStatus(previous: MetricStatus | undefined, resource: string, utilization: number | undefined, averageValue: string): previous is MetricStatus {
  if (previous === undefined || previous.type !== 'Resource' || !keysAre(previous, RESOURCE_STATUS_KEYS)) return false;
  const source = previous.resource;
  if (source.name !== resource || !keysAre(source, RESOURCE_SOURCE_KEYS)) return false;
  const current = source.current;
  if (utilization === undefined) return keysAre(current, AVERAGE_VALUE_KEYS) && current.averageValue === averageValue;
  return keysAre(current, UTILIZATION_KEYS) && current.averageUtilization === utilization && current.averageValue === averageValue;
}
const RESOURCE_STATUS_KEYS = ['type', 'resource'] as const;
const RESOURCE_SOURCE_KEYS = ['name', 'current'] as const;
const AVERAGE_VALUE_KEYS = ['averageValue'] as const;
const UTILIZATION_KEYS = ['averageUtilization', 'averageValue'] as const;

function resourceStatus(resource: string, container: string | undefined, useAverageValue: boolean, calc: PerPodCalculation, previous: MetricStatus | undefined): MetricStatus {
  const averageValue = mq(calc.averageMilli);
  if (!container && sameResourceStatus(previous, resource, useAverageValue ? undefined : calc.utilizationPercent, averageValue)) return previous;
  const current = useAverageValue ? { averageValue } : { averageUtilization: calc.utilizationPercent, averageValue };
  return container ? { type: 'ContainerResource', containerResource: { name: resource, container, current } } : { type: 'Resource', resource: { name: resource, current } };
}

/** Resource and ContainerResource share computeStatusForResourceMetricGeneric. */
function resourceProposal(ctx: MetricContext, resource: string, target: MetricTarget, container: string | undefined, previous?: MetricStatus): MetricProposal {
  const label = container ? `${resource} of container ${container}` : resource;
  const reason = container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
  const useAverageValue = target.averageValue !== undefined;
  if (!useAverageValue && target.averageUtilization === undefined) {
    const e = 'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set';
    return fail(reason, e, wrapResourceError(e, resource, container), label);
  }
  const what = useAverageValue ? 'usage' : 'utilization';
  const calc = resourceCalculation(ctx, resource, target, container, label);
  if (!calc.ok) {
    const e = `failed to get ${resource} ${what}: ${calc.error}`;
    return fail(reason, e, wrapResourceError(e, resource, container), label);
  }
  const status = resourceStatus(resource, container, useAverageValue, calc, previous);
  const metricName = resourceMetricName(resource, Boolean(container), useAverageValue);
  return { ok: true, replicas: calc.replicas, metricName, status, explanation: calc.explanation, details: calc };
}

function podsProposal(ctx: MetricContext, spec: Extract<MetricSpec, { type: 'Pods' }>['pods']): MetricProposal {
  const name = spec.metric.name;
  const wrap = (e: string) => `failed to get pods metric value: ${e}`;
  const listed = ctx.metrics.podsMetric(name, spec.metric.selector);
  let calc: CalcResult<PerPodCalculation>;
  if (isClientError(listed) || !listed.pods.some((p) => p.sampleMilli !== undefined)) {
    const inner = isClientError(listed) ? listed.error : 'no metrics returned from custom metrics API';
    calc = { ok: false, error: `unable to get metric ${name}: ${inner}` };
  } else {
    calc = plainMetricReplicas(perPodInput(ctx, listed.pods, name, { targetAverageMilli: quantityToMilli(spec.target.averageValue ?? '0') }));
  }
  if (!calc.ok) return fail('FailedGetPodsMetric', calc.error, wrap(calc.error), name);
  return {
    ok: true,
    replicas: calc.replicas,
    metricName: `pods metric ${name}`,
    status: { type: 'Pods', pods: { metric: { ...spec.metric }, current: { averageValue: mq(calc.averageMilli) } } },
    explanation: calc.explanation,
    details: calc,
  };
}

/** `previous`: the previous status's entry for this metric, which its status may then be (see MetricContext). */
export function computeReplicasForMetric(ctx: MetricContext, spec: MetricSpec, previous?: MetricStatus): MetricProposal {
  switch (spec.type) {
    case 'Resource':
      return resourceProposal(ctx, spec.resource.name, spec.resource.target, undefined, previous);
    case 'ContainerResource':
      return resourceProposal(ctx, spec.containerResource.name, spec.containerResource.target, spec.containerResource.container);
    case 'Pods':
      return podsProposal(ctx, spec.pods);
    case 'Object':
      return objectProposal(ctx, spec.object);
    case 'External':
      return externalProposal(ctx, spec.external);
    default: {
      const e = `unknown metric source type "${(spec as { type: string }).type}"`;
      return fail('InvalidMetricSourceType', e, e, 'metric');
    }
  }
}

/** ScalingActive per metric name (see resourceMetricName); the caller only reads it (setCond copies its fields). */
const validMetricCondition = boundedMemo(
  (name: string): MetricsOutcome['scalingActive'] =>
    Object.freeze({ status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${name}` }),
  256,
);

export interface MetricsOutcome {
  /** -1 when the HPA must not scale this cycle (every metric failed, or a failure plus a scale-down). */
  replicas: number;
  metricName: string;
  statuses: MetricStatus[];
  proposals: MetricProposal[];
  invalidCount: number;
  /** "invalid metrics (n invalid out of m), first error is: …" when any metric failed. */
  error?: string;
  /** The ScalingActive condition to set. */
  scalingActive: { status: 'True' | 'False'; reason: string; message: string };
  events: HpaEvent[];
  explanation: Message[];
}

/**
 * The combining rule: the max over valid proposals; -1 (do not scale) when every metric failed or
 * when some failed and the valid max is below spec.replicas (never scale down on partial data).
 */
export function combineMetricProposals(
  specReplicas: number,
  proposals: readonly (number | null)[],
): { replicas: number; index: number; invalidCount: number } {
  let replicas = 0;
  let index = -1;
  let invalidCount = 0;
  for (let i = 0; i < proposals.length; i++) {
    const p = proposals[i];
    if (p === null) {
      invalidCount++;
      continue;
    }
    if (replicas === 0 || p > replicas) {
      replicas = p;
      index = i;
    }
  }
  if (invalidCount > 0 && (invalidCount >= proposals.length || replicas < specReplicas)) return { replicas: -1, index: -1, invalidCount };
  return { replicas, index, invalidCount };
}

/** Each metric's proposal for combineMetricProposals, one list for every call (combine keeps none of it). */
const proposalReplicas: (number | null)[] = [];

/** Most syncs' metrics raise no event: one frozen empty list serves them. */
const NO_EVENTS: HpaEvent[] = Object.freeze([]) as unknown as HpaEvent[];

export function computeReplicasForMetrics(ctx: MetricContext, specs: readonly MetricSpec[]): MetricsOutcome {
  // Loops, not map/find with closures, into lists of their final size (a first push reserves 17
  // slots): one HPA, one metric, every 15 s.
  const proposals = new Array<MetricProposal>(specs.length);
  const replicas = proposalReplicas;
  replicas.length = specs.length;
  const previous = ctx.previousMetrics;
  let samePrevious = previous !== undefined && previous.length === specs.length;
  for (let i = 0; i < specs.length; i++) {
    const p = computeReplicasForMetric(ctx, specs[i], previous?.[i]);
    proposals[i] = p;
    replicas[i] = p.ok ? p.replicas : null;
    if (samePrevious && (!p.ok || p.status !== previous![i])) samePrevious = false;
  }
  // Statuses that are the previous ones, one by one, are the previous list (nothing edits a status).
  const statuses = samePrevious ? (previous as MetricStatus[]) : new Array<MetricStatus>(specs.length);
  if (!samePrevious) for (let i = 0; i < specs.length; i++) statuses[i] = proposals[i].ok ? (proposals[i] as { status: MetricStatus }).status : { type: '' };
  let events: HpaEvent[] = NO_EVENTS;
  let firstInvalid: Extract<MetricProposal, { ok: false }> | undefined;
  // One metric's own lines serve unless a line is added below (the caller copies them).
  let explanation: Message[] = proposals.length > 0 ? proposals[0].explanation : [];
  if (proposals.length > 1) explanation = explanation.slice();
  for (let i = 0; i < proposals.length; i++) {
    const p = proposals[i];
    if (i > 0) pushAll(explanation, p.explanation);
    if (!p.ok) {
      if (events === NO_EVENTS) events = [];
      events.push({ type: 'Warning', reason: p.reason, message: p.conditionError });
      firstInvalid ??= p;
    }
  }
  const combined = combineMetricProposals(ctx.specReplicas, replicas);
  const invalidCount = combined.invalidCount;
  const error = firstInvalid
    ? `invalid metrics (${invalidCount} invalid out of ${specs.length}), first error is: ${firstInvalid.error}`
    : undefined;
  if (firstInvalid && combined.replicas === -1) {
    if (proposals.length === 1) explanation = explanation.slice();
    explanation.push(
      invalidCount >= specs.length
        ? msg('engine.hpa.noMetric')
        : msg('engine.hpa.partialMetrics'),
    );
    return {
      replicas: -1,
      metricName: '',
      statuses,
      proposals,
      invalidCount,
      error,
      scalingActive: { status: 'False', reason: firstInvalid.reason, message: `the HPA was unable to compute the replica count: ${firstInvalid.conditionError}` },
      events,
      explanation,
    };
  }
  const chosen = proposals[combined.index];
  const metricName = chosen?.ok ? chosen.metricName : '';
  if (specs.length > 1) explanation.push(msg('engine.hpa.maxOfProposals', { replicas: combined.replicas, metric: metricName }));
  return {
    replicas: combined.replicas,
    metricName,
    statuses,
    proposals,
    invalidCount,
    error,
    scalingActive: validMetricCondition(metricName),
    events,
    explanation,
  };
}
