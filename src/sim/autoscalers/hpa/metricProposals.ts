/**
 * computeReplicasForMetrics: one proposal per spec.metrics entry, with the status entry, the
 * metric's name as the controller words it, and on failure the condition and event it raises.
 */
import { isClientError } from './metricsClient';
import type { HpaPodInfo } from './podGrouping';
import { quantityToMilli } from './quantity';
import {
  NO_PODS,
  plainMetricReplicas,
  resourceUtilizationFromTotals,
  resourceUtilizationReplicas,
  type CalcResult,
  type PerPodCalculation,
} from './replicaCalculator';
import { objectProposal, externalProposal } from './valueMetricProposals';
import { fail, mq, type MetricContext, type MetricProposal } from './proposalCommon';
import type { MetricSpec, MetricStatus, MetricTarget } from './types';
import { msg, type Message } from '../../core/message';
import { pushAll } from '../../core/arrays';
import { boundedMemo } from '../../core/memo';

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

/** The per-pod calculation, from the client's one-pass totals when it gives them (their doc says when). */
function resourceCalculation(ctx: MetricContext, resource: string, target: MetricTarget, container: string | undefined, label: string): CalcResult<PerPodCalculation> {
  const useAverageValue = target.averageValue !== undefined;
  const { cpuInitializationPeriodSeconds, initialReadinessDelaySeconds } = ctx.config;
  const grouping = { cpuReadinessChecks: resource === 'cpu', nowSeconds: ctx.nowSeconds, cpuInitializationPeriodSeconds, initialReadinessDelaySeconds };
  const totals = useAverageValue ? undefined : ctx.metrics.resourceUtilizationTotals?.(resource, container, grouping);
  if (totals) return resourceUtilizationFromTotals(perPodInput(ctx, NO_PODS, label, { resource, targetUtilization: target.averageUtilization ?? 0 }), totals);
  const listed = ctx.metrics.podResourceMetrics(resource, container);
  if (isClientError(listed) || !listed.pods.some((p) => p.sampleMilli !== undefined)) {
    const inner = isClientError(listed) ? listed.error : 'no metrics returned from resource metrics API';
    return { ok: false, error: `unable to get metrics for resource ${resource}: ${inner}` };
  }
  if (useAverageValue) return plainMetricReplicas(perPodInput(ctx, listed.pods, label, { targetAverageMilli: quantityToMilli(target.averageValue ?? '0'), resource }));
  return resourceUtilizationReplicas(perPodInput(ctx, listed.pods, label, { resource, targetUtilization: target.averageUtilization ?? 0 }));
}

/** Resource and ContainerResource share computeStatusForResourceMetricGeneric. */
function resourceProposal(ctx: MetricContext, resource: string, target: MetricTarget, container: string | undefined): MetricProposal {
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
  const current = useAverageValue
    ? { averageValue: mq(calc.averageMilli) }
    : { averageUtilization: calc.utilizationPercent, averageValue: mq(calc.averageMilli) };
  const status: MetricStatus = container
    ? { type: 'ContainerResource', containerResource: { name: resource, container, current } }
    : { type: 'Resource', resource: { name: resource, current } };
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

export function computeReplicasForMetric(ctx: MetricContext, spec: MetricSpec): MetricProposal {
  switch (spec.type) {
    case 'Resource':
      return resourceProposal(ctx, spec.resource.name, spec.resource.target, undefined);
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

export function computeReplicasForMetrics(ctx: MetricContext, specs: readonly MetricSpec[]): MetricsOutcome {
  // Loops, not map/find with closures, into lists of their final size (a first push reserves 17
  // slots): one HPA, one metric, every 15 s.
  const proposals = new Array<MetricProposal>(specs.length);
  const statuses = new Array<MetricStatus>(specs.length);
  const replicas = new Array<number | null>(specs.length);
  const events: HpaEvent[] = [];
  let firstInvalid: Extract<MetricProposal, { ok: false }> | undefined;
  for (let i = 0; i < specs.length; i++) {
    const p = computeReplicasForMetric(ctx, specs[i]);
    proposals[i] = p;
    statuses[i] = p.ok ? p.status : { type: '' };
    replicas[i] = p.ok ? p.replicas : null;
  }
  // One metric's own lines serve unless a line is added below (the caller copies them).
  let explanation: Message[] = proposals.length > 0 ? proposals[0].explanation : [];
  if (proposals.length > 1) explanation = explanation.slice();
  for (let i = 0; i < proposals.length; i++) {
    const p = proposals[i];
    if (i > 0) pushAll(explanation, p.explanation);
    if (!p.ok) {
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
