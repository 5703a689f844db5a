/**
 * The recommender's estimation chain (upstream logic/estimator.go and logic/recommender.go):
 *   percentile → + margin → × confidence multiplier → raised to the pod minimum share.
 * Amounts are integers (CPU millicores, memory bytes); each step truncates, as ResourceAmount does.
 */
import type { AggregateContainerState } from './aggregateState';
import { CPU_HISTOGRAM_OPTIONS, MEMORY_HISTOGRAM_OPTIONS, percentile } from './histogram';
import { VPA_DEFAULTS } from './types';

export interface CpuMemoryAmounts {
  cpu: number;
  memory: number;
}

/** Upstream resourceAmountFromFloat: negative → 0, above the max → the max, else truncated. */
export function resourceAmountFromFloat(amount: number): number {
  if (Number.isNaN(amount) || amount < 0) return 0;
  if (amount > VPA_DEFAULTS.maxResourceAmount) return VPA_DEFAULTS.maxResourceAmount;
  return Math.trunc(amount);
}

export function scaleResource(amount: number, factor: number): number {
  return resourceAmountFromFloat(amount * factor);
}

export function cpuAmountFromCores(cores: number): number {
  return resourceAmountFromFloat(cores * 1000);
}

export function percentileEstimate(
  state: AggregateContainerState,
  cpuPercentile: number,
  memoryPercentile: number,
): CpuMemoryAmounts {
  return {
    cpu: cpuAmountFromCores(percentile(CPU_HISTOGRAM_OPTIONS, state.cpuUsage, cpuPercentile)),
    memory: resourceAmountFromFloat(percentile(MEMORY_HISTOGRAM_OPTIONS, state.memoryPeaks, memoryPercentile)),
  };
}

/** amount + trunc(amount × fraction): the margin is truncated on its own, then added. */
export function withMargin(amount: number, marginFraction: number): number {
  return amount + scaleResource(amount, marginFraction);
}

export interface HistoryExtent {
  firstSampleSeconds: number | null;
  lastSampleSeconds: number | null;
  totalSamplesCount: number;
}

/**
 * How much history backs an estimate: min(lifespan / interval, samples / interval-in-minutes).
 * With the default 24h interval and one sample a minute this is the number of days of history.
 */
export function historyConfidence(
  history: HistoryExtent,
  confidenceIntervalSeconds: number = VPA_DEFAULTS.confidenceIntervalSeconds,
): number {
  const lifespan =
    history.firstSampleSeconds === null || history.lastSampleSeconds === null
      ? 0
      : history.lastSampleSeconds - history.firstSampleSeconds;
  const lifespanInIntervals = lifespan / confidenceIntervalSeconds;
  const samplesAmount = history.totalSamplesCount / (confidenceIntervalSeconds / 60);
  return Math.min(lifespanInIntervals, samplesAmount);
}

/** (1 + multiplier/confidence)^exponent; with no history this is +Inf (e > 0) or 0 (e < 0). */
export function confidenceFactor(confidence: number, multiplier: number, exponent: number): number {
  return Math.pow(1 + multiplier / confidence, exponent);
}

export function applyConfidence(amount: number, confidence: number, multiplier: number, exponent: number): number {
  return scaleResource(amount, confidenceFactor(confidence, multiplier, exponent));
}

/** The pod-wide minimum split evenly across the containers the VPA covers. */
export function podMinimumPerContainer(
  containerCount: number,
  podMinCpuMillicores: number = VPA_DEFAULTS.podMinCpuMillicores,
  podMinMemoryMb: number = VPA_DEFAULTS.podMinMemoryMb,
): CpuMemoryAmounts {
  const fraction = 1 / Math.max(containerCount, 1);
  return {
    cpu: scaleResource(cpuAmountFromCores(podMinCpuMillicores * 0.001), fraction),
    memory: scaleResource(resourceAmountFromFloat(podMinMemoryMb * 1024 * 1024), fraction),
  };
}

export interface EstimatorConfig {
  targetCpuPercentile: number;
  lowerBoundCpuPercentile: number;
  upperBoundCpuPercentile: number;
  targetMemoryPercentile: number;
  lowerBoundMemoryPercentile: number;
  upperBoundMemoryPercentile: number;
  marginFraction: number;
  confidenceIntervalSeconds: number;
  podMinCpuMillicores: number;
  podMinMemoryMb: number;
}

export const DEFAULT_ESTIMATOR_CONFIG: EstimatorConfig = {
  targetCpuPercentile: VPA_DEFAULTS.targetCpuPercentile,
  lowerBoundCpuPercentile: VPA_DEFAULTS.lowerBoundCpuPercentile,
  upperBoundCpuPercentile: VPA_DEFAULTS.upperBoundCpuPercentile,
  targetMemoryPercentile: VPA_DEFAULTS.targetMemoryPercentile,
  lowerBoundMemoryPercentile: VPA_DEFAULTS.lowerBoundMemoryPercentile,
  upperBoundMemoryPercentile: VPA_DEFAULTS.upperBoundMemoryPercentile,
  marginFraction: VPA_DEFAULTS.marginFraction,
  confidenceIntervalSeconds: VPA_DEFAULTS.confidenceIntervalSeconds,
  podMinCpuMillicores: VPA_DEFAULTS.podMinCpuMillicores,
  podMinMemoryMb: VPA_DEFAULTS.podMinMemoryMb,
};

/** Bounds' confidence multipliers: the upper bound shrinks as 1 + 1/days, the lower bound recovers fast. */
export const UPPER_BOUND_CONFIDENCE = { multiplier: 1.0, exponent: 1.0 } as const;
export const LOWER_BOUND_CONFIDENCE = { multiplier: 0.001, exponent: -2.0 } as const;

/** Every intermediate value, so a panel can explain the result. */
export interface EstimateSteps {
  percentiles: { target: CpuMemoryAmounts; lower: CpuMemoryAmounts; upper: CpuMemoryAmounts };
  withMargin: { target: CpuMemoryAmounts; lower: CpuMemoryAmounts; upper: CpuMemoryAmounts };
  confidence: number;
  withConfidence: { lower: CpuMemoryAmounts; upper: CpuMemoryAmounts };
  podMinimum: CpuMemoryAmounts;
  final: { target: CpuMemoryAmounts; lowerBound: CpuMemoryAmounts; upperBound: CpuMemoryAmounts };
}

/*
 * Each step as a plain function of both amounts, not a closure mapped over them: the chain runs per
 * container every minute, and each closure made per call (named, under tsx, by a defineProperty)
 * cost more than the arithmetic.
 */
function margined(a: CpuMemoryAmounts, marginFraction: number): CpuMemoryAmounts {
  return { cpu: withMargin(a.cpu, marginFraction), memory: withMargin(a.memory, marginFraction) };
}

function confident(a: CpuMemoryAmounts, confidence: number, bound: { multiplier: number; exponent: number }): CpuMemoryAmounts {
  return {
    cpu: applyConfidence(a.cpu, confidence, bound.multiplier, bound.exponent),
    memory: applyConfidence(a.memory, confidence, bound.multiplier, bound.exponent),
  };
}

/** The min-resources estimator: each amount raised to at least its minimum. */
export function atLeast(a: CpuMemoryAmounts, min: CpuMemoryAmounts): CpuMemoryAmounts {
  return { cpu: Math.max(a.cpu, min.cpu), memory: Math.max(a.memory, min.memory) };
}

/** Runs the chain from already-read percentiles; `estimateContainer` reads them from the histograms. */
export function estimateFromPercentiles(
  percentiles: EstimateSteps['percentiles'],
  confidence: number,
  containerCount: number,
  config: EstimatorConfig = DEFAULT_ESTIMATOR_CONFIG,
): EstimateSteps {
  const withMarginAmounts = {
    target: margined(percentiles.target, config.marginFraction),
    lower: margined(percentiles.lower, config.marginFraction),
    upper: margined(percentiles.upper, config.marginFraction),
  };
  const withConfidence = {
    lower: confident(withMarginAmounts.lower, confidence, LOWER_BOUND_CONFIDENCE),
    upper: confident(withMarginAmounts.upper, confidence, UPPER_BOUND_CONFIDENCE),
  };
  const podMinimum = podMinimumPerContainer(containerCount, config.podMinCpuMillicores, config.podMinMemoryMb);
  return {
    percentiles,
    withMargin: withMarginAmounts,
    confidence,
    withConfidence,
    podMinimum,
    final: {
      target: atLeast(withMarginAmounts.target, podMinimum),
      lowerBound: atLeast(withConfidence.lower, podMinimum),
      upperBound: atLeast(withConfidence.upper, podMinimum),
    },
  };
}

export function estimateContainer(
  state: AggregateContainerState,
  containerCount: number,
  config: EstimatorConfig = DEFAULT_ESTIMATOR_CONFIG,
): EstimateSteps {
  const percentiles = {
    target: percentileEstimate(state, config.targetCpuPercentile, config.targetMemoryPercentile),
    lower: percentileEstimate(state, config.lowerBoundCpuPercentile, config.lowerBoundMemoryPercentile),
    upper: percentileEstimate(state, config.upperBoundCpuPercentile, config.upperBoundMemoryPercentile),
  };
  const confidence = historyConfidence(state, config.confidenceIntervalSeconds);
  return estimateFromPercentiles(percentiles, confidence, containerCount, config);
}
