/**
 * Per-container history the recommender learns from (upstream model/aggregate_container_state.go
 * and model/container.go), as plain serialisable data. Every function returns a new state, but
 * the *InPlace ones, which the recommender's loop uses on the states it alone holds.
 *
 * - CPU: one usage sample per recommender loop, weighted by max(request in cores, 0.1), so that a
 *   raised request makes older history count for less.
 * - Memory: one PEAK per 24h aggregation window, stamped at the window's end. A higher sample
 *   inside the window replaces the old peak (subtract old, add new).
 * - OOM: a synthetic memory sample of max(used + 100MiB, used × 1.2), used = max(request, peak).
 */
import {
  addSampleInPlace,
  cloneHistogram,
  CPU_HISTOGRAM_OPTIONS,
  emptyHistogram,
  MEMORY_HISTOGRAM_OPTIONS,
  subtractSampleInPlace,
  type DecayingHistogram,
} from './histogram';
import { VPA_DEFAULTS } from './types';

export interface AggregateContainerState {
  /** Values in cores. */
  cpuUsage: DecayingHistogram;
  /** Values in bytes. */
  memoryPeaks: DecayingHistogram;
  firstSampleSeconds: number | null;
  lastSampleSeconds: number | null;
  totalSamplesCount: number;
  /** End of the current memory aggregation window (seconds), null before the first sample. */
  memoryWindowEndSeconds: number | null;
  lastMemorySampleSeconds: number | null;
  /** Usage-based peak of the current window, bytes. */
  memoryPeakBytes: number;
  /** OOM-based peak of the current window, bytes. */
  oomPeakBytes: number;
}

export interface AggregationConfig {
  halfLifeSeconds: number;
  memoryAggregationIntervalSeconds: number;
  minCpuSampleWeight: number;
  oomBumpUpRatio: number;
  oomMinBumpUpBytes: number;
}

export const DEFAULT_AGGREGATION_CONFIG: AggregationConfig = {
  halfLifeSeconds: VPA_DEFAULTS.histogramHalfLifeSeconds,
  memoryAggregationIntervalSeconds: VPA_DEFAULTS.memoryAggregationIntervalSeconds,
  minCpuSampleWeight: VPA_DEFAULTS.minCpuSampleWeight,
  oomBumpUpRatio: VPA_DEFAULTS.oomBumpUpRatio,
  oomMinBumpUpBytes: VPA_DEFAULTS.oomMinBumpUpBytes,
};

export function emptyAggregateState(config: AggregationConfig = DEFAULT_AGGREGATION_CONFIG): AggregateContainerState {
  return {
    cpuUsage: emptyHistogram(CPU_HISTOGRAM_OPTIONS, config.halfLifeSeconds),
    memoryPeaks: emptyHistogram(MEMORY_HISTOGRAM_OPTIONS, config.halfLifeSeconds),
    firstSampleSeconds: null,
    lastSampleSeconds: null,
    totalSamplesCount: 0,
    memoryWindowEndSeconds: null,
    lastMemorySampleSeconds: null,
    memoryPeakBytes: 0,
    oomPeakBytes: 0,
  };
}

export interface CpuSample {
  usageMillis: number;
  requestMillis: number;
  atSeconds: number;
}

export function addCpuSample(
  state: AggregateContainerState,
  sample: CpuSample,
  config: AggregationConfig = DEFAULT_AGGREGATION_CONFIG,
): AggregateContainerState {
  if (!(sample.usageMillis >= 0)) return state;
  const next = { ...state, cpuUsage: cloneHistogram(state.cpuUsage) };
  addCpuUsageInPlace(next, sample.usageMillis, sample.requestMillis, sample.atSeconds, config);
  return next;
}

/**
 * addCpuSample into `state` itself, for a state only the recommender's loop holds; the sample's
 * fields as arguments, not an object: the loop feeds hundreds a minute.
 */
export function addCpuUsageInPlace(state: AggregateContainerState, usageMillis: number, requestMillis: number, atSeconds: number, config: AggregationConfig = DEFAULT_AGGREGATION_CONFIG): void {
  if (!(usageMillis >= 0)) return;
  const weight = Math.max(requestMillis / 1000, config.minCpuSampleWeight);
  addSampleInPlace(CPU_HISTOGRAM_OPTIONS, state.cpuUsage, usageMillis / 1000, weight, atSeconds);
  state.firstSampleSeconds = state.firstSampleSeconds === null ? atSeconds : Math.min(state.firstSampleSeconds, atSeconds);
  state.lastSampleSeconds = state.lastSampleSeconds === null ? atSeconds : Math.max(state.lastSampleSeconds, atSeconds);
  state.totalSamplesCount += 1;
}

export interface MemorySample {
  usageBytes: number;
  atSeconds: number;
}

function maxMemoryPeak(state: AggregateContainerState): number {
  return Math.max(state.memoryPeakBytes, state.oomPeakBytes);
}

function addMemorySampleInternal(
  state: AggregateContainerState,
  sample: MemorySample,
  isOom: boolean,
  config: AggregationConfig,
): AggregateContainerState {
  if (!acceptsMemorySample(state, sample.usageBytes, sample.atSeconds, isOom)) return state;
  const next = { ...state, memoryPeaks: cloneHistogram(state.memoryPeaks) };
  addMemorySampleInPlace(next, sample.usageBytes, sample.atSeconds, isOom, config);
  return next;
}

/** Out-of-order usage samples are dropped; OOM samples always count. */
function acceptsMemorySample(state: AggregateContainerState, usageBytes: number, atSeconds: number, isOom: boolean): boolean {
  if (!(usageBytes >= 0)) return false;
  return isOom || state.lastMemorySampleSeconds === null || atSeconds >= state.lastMemorySampleSeconds;
}

/**
 * The memory sample written into `state` itself, for a state only the recommender's loop holds: a
 * copy of the state per pod sample (and of ~400 buckets at each new peak) was most of what
 * feeding memory cost.
 */
function addMemorySampleInPlace(state: AggregateContainerState, usageBytes: number, atSeconds: number, isOom: boolean, config: AggregationConfig): void {
  state.lastMemorySampleSeconds = atSeconds;
  let windowEnd = state.memoryWindowEndSeconds ?? atSeconds;
  let addNewPeak = false;
  if (state.memoryWindowEndSeconds !== null && atSeconds < windowEnd) {
    const oldPeak = maxMemoryPeak(state);
    if (oldPeak !== 0 && usageBytes > oldPeak) {
      subtractSampleInPlace(MEMORY_HISTOGRAM_OPTIONS, state.memoryPeaks, oldPeak, 1, windowEnd);
      addNewPeak = true;
    }
  } else {
    // Move to the window that contains this sample and start a fresh peak.
    const interval = config.memoryAggregationIntervalSeconds;
    const shift = Math.floor((atSeconds - windowEnd) / interval) * interval + interval;
    windowEnd += shift;
    state.memoryPeakBytes = 0;
    state.oomPeakBytes = 0;
    addNewPeak = true;
  }
  state.memoryWindowEndSeconds = windowEnd;
  if (addNewPeak) {
    addSampleInPlace(MEMORY_HISTOGRAM_OPTIONS, state.memoryPeaks, usageBytes, 1, windowEnd);
    if (isOom) state.oomPeakBytes = usageBytes;
    else state.memoryPeakBytes = usageBytes;
  }
}

/** Feeds one memory usage observation; only a new peak of its 24h window changes the histogram. */
export function addMemoryPeak(
  state: AggregateContainerState,
  sample: MemorySample,
  config: AggregationConfig = DEFAULT_AGGREGATION_CONFIG,
): AggregateContainerState {
  return addMemorySampleInternal(state, sample, false, config);
}

/** addMemoryPeak into `state` itself, for a state only the recommender's loop holds (as addCpuUsageInPlace). */
export function addMemoryUsageInPlace(state: AggregateContainerState, usageBytes: number, atSeconds: number, config: AggregationConfig = DEFAULT_AGGREGATION_CONFIG): void {
  if (acceptsMemorySample(state, usageBytes, atSeconds, false)) addMemorySampleInPlace(state, usageBytes, atSeconds, false, config);
}

/** The synthetic sample an OOM kill records: max(used + minBump, used × ratio), truncated to bytes. */
export function oomBumpBytes(
  memoryRequestBytes: number,
  recentPeakBytes: number,
  config: Pick<AggregationConfig, 'oomBumpUpRatio' | 'oomMinBumpUpBytes'> = DEFAULT_AGGREGATION_CONFIG,
): number {
  const used = Math.max(memoryRequestBytes, recentPeakBytes);
  return Math.max(used + config.oomMinBumpUpBytes, Math.trunc(used * config.oomBumpUpRatio));
}

export interface OomEvent {
  atSeconds: number;
  memoryRequestBytes: number;
}

export function recordOom(
  state: AggregateContainerState,
  oom: OomEvent,
  config: AggregationConfig = DEFAULT_AGGREGATION_CONFIG,
): AggregateContainerState {
  // An OOM older than the previous window carries no news.
  if (
    state.memoryWindowEndSeconds !== null &&
    oom.atSeconds < state.memoryWindowEndSeconds - config.memoryAggregationIntervalSeconds
  ) {
    return state;
  }
  // The OOM peak is left out of `used` so repeated OOMs do not compound the bump.
  const usageBytes = oomBumpBytes(oom.memoryRequestBytes, state.memoryPeakBytes, config);
  return addMemorySampleInternal(state, { usageBytes, atSeconds: oom.atSeconds }, true, config);
}
