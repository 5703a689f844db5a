/**
 * From per-container history to `status.recommendation`, as the VPA recommender writes it every
 * `--recommender-interval` (1m): the estimation chain, then the VPA's container policies
 * (mode Off drops the container, controlledResources filters, min/maxAllowed caps).
 */
import type { AggregateContainerState } from './aggregateState';
import {
  DEFAULT_ESTIMATOR_CONFIG,
  estimateContainer,
  type CpuMemoryAmounts,
  type EstimateSteps,
  type EstimatorConfig,
} from './estimator';
import { formatCpuMillis, humanMemory } from './quantity';
import {
  containerPolicyFor,
  type ContainerResourcePolicy,
  type RecommendedContainerResources,
  type ResourceAmounts,
  type VerticalPodAutoscalerSpec,
  type VpaCondition,
  type VpaResourceName,
} from './types';
import { msg, type Message } from '../../core/message';

export {
  addCpuSample,
  addMemoryPeak,
  recordOom,
  emptyAggregateState,
  type AggregateContainerState,
} from './aggregateState';

export interface ContainerRecommendationDetail {
  recommendation: RecommendedContainerResources;
  steps: EstimateSteps;
  /** e.g. "target cpu 587m = p90 511m × 1.15". */
  explanation: Message[];
}

export interface RecommendResult {
  recommendation: { containerRecommendations: RecommendedContainerResources[] };
  details: ContainerRecommendationDetail[];
  conditions: VpaCondition[];
}

function controlled(policy: ContainerResourcePolicy | undefined): VpaResourceName[] {
  return policy?.controlledResources ?? ['cpu', 'memory'];
}

function filterResources(amounts: CpuMemoryAmounts, resources: VpaResourceName[]): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const r of resources) out[r] = amounts[r];
  return out;
}

/** Caps each present resource to [minAllowed, maxAllowed]. */
export function capToPolicy(amounts: ResourceAmounts, policy: ContainerResourcePolicy | undefined): ResourceAmounts {
  const out: ResourceAmounts = { ...amounts };
  for (const r of ['cpu', 'memory'] as const) {
    const v = out[r];
    if (v === undefined) continue;
    const min = policy?.minAllowed?.[r];
    const max = policy?.maxAllowed?.[r];
    let capped = v;
    if (min !== undefined && capped < min) capped = min;
    if (max !== undefined && capped > max) capped = max;
    out[r] = capped;
  }
  return out;
}

function hasHistory(state: AggregateContainerState): boolean {
  return state.totalSamplesCount > 0 || state.memoryWindowEndSeconds !== null;
}

function fmt(resource: VpaResourceName, amount: number): string {
  return resource === 'cpu' ? formatCpuMillis(amount) : humanMemory(amount);
}

function explain(
  steps: EstimateSteps,
  resources: VpaResourceName[],
  capped: ResourceAmounts,
  config: EstimatorConfig,
): Message[] {
  const lines: Message[] = [];
  const factor = (1 + config.marginFraction).toFixed(2);
  for (const r of resources) {
    const p = r === 'cpu' ? config.targetCpuPercentile : config.targetMemoryPercentile;
    const pct = `p${Math.round(p * 100)}`;
    const raw = steps.final.target[r];
    let line =
      raw === steps.podMinimum[r] && steps.withMargin.target[r] < steps.podMinimum[r]
        ? msg('engine.vpa.targetPodMinimum', { resource: r, target: fmt(r, raw), estimate: fmt(r, steps.withMargin.target[r]) })
        : msg('engine.vpa.target', { resource: r, target: fmt(r, raw), percentile: pct, value: fmt(r, steps.percentiles.target[r]), factor });
    const c = capped[r];
    if (c !== undefined && c !== raw) line = msg('engine.vpa.capped', { line, capped: fmt(r, c) });
    lines.push(line);
  }
  const conf = steps.confidence;
  lines.push(
    Number.isFinite(conf) && conf > 0
      ? msg('engine.vpa.confidence', { confidence: conf.toFixed(3), upper: (1 + 1 / conf).toFixed(2), lower: Math.pow(1 + 0.001 / conf, -2).toFixed(3) })
      : msg('engine.vpa.noHistory'),
  );
  return lines;
}

/**
 * One recommender pass for one VPA. `states` holds every container of the VPA's pods (the pod
 * minimum is split across all of them); containers without samples or with mode Off get none.
 */
export function recommend(
  states: Record<string, AggregateContainerState>,
  spec: VerticalPodAutoscalerSpec,
  nowSeconds: number,
  config: EstimatorConfig = DEFAULT_ESTIMATOR_CONFIG,
): RecommendResult {
  const names = Object.keys(states).sort();
  const details: ContainerRecommendationDetail[] = [];
  for (const name of names) {
    const state = states[name];
    if (!hasHistory(state)) continue;
    const policy = containerPolicyFor(spec, name);
    if (policy?.mode === 'Off') continue;
    const steps = estimateContainer(state, names.length, config);
    const resources = controlled(policy);
    const target = filterResources(steps.final.target, resources);
    const recommendation: RecommendedContainerResources = {
      containerName: name,
      target: capToPolicy(target, policy),
      lowerBound: capToPolicy(filterResources(steps.final.lowerBound, resources), policy),
      upperBound: capToPolicy(filterResources(steps.final.upperBound, resources), policy),
      uncappedTarget: target,
    };
    details.push({ recommendation, steps, explanation: explain(steps, resources, recommendation.target, config) });
  }
  const provided = details.length > 0;
  const conditions: VpaCondition[] = [
    {
      type: 'RecommendationProvided',
      status: provided ? 'True' : 'False',
      ...(provided ? {} : { reason: 'NoHistory', message: 'No usage samples yet' }),
      lastTransitionTime: nowSeconds,
    },
  ];
  if (names.length === 0) {
    conditions.push({
      type: 'NoPodsMatched',
      status: 'True',
      reason: 'NoPodsMatched',
      message: 'No pods match this VPA object',
      lastTransitionTime: nowSeconds,
    });
  }
  return {
    recommendation: { containerRecommendations: details.map((d) => d.recommendation) },
    details,
    conditions,
  };
}

/** Keeps each condition's lastTransitionTime when its status did not change. */
export function mergeConditions(previous: VpaCondition[], next: VpaCondition[]): VpaCondition[] {
  return next.map((c) => {
    const old = previous.find((p) => p.type === c.type);
    return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  });
}
