import type { FidelityAdapter } from '../../../fidelity/types';
import { oomBumpBytes } from './aggregateState';
import {
  applyConfidence,
  atLeast,
  estimateFromPercentiles,
  historyConfidence,
  podMinimumPerContainer,
  withMargin,
} from './estimator';
import { addSample, CPU_HISTOGRAM_OPTIONS, emptyHistogram, MEMORY_HISTOGRAM_OPTIONS, percentile } from './histogram';
import type { HistogramOptions } from './histogram';
import { maxEvictionsThisLoop, podUpdatePriority, sortByUpdatePriority, updateQueue } from './updater';
import type { ResourceAmounts } from './types';

interface PodPriorityInput {
  name: string;
  outsideRecommendedRange?: boolean;
  scaleUp: boolean;
  resourceDiff: number;
}

function toCandidate(p: PodPriorityInput, ageSeconds: number | null) {
  return {
    name: p.name,
    ageSeconds,
    priority: { outsideRecommendedRange: p.outsideRecommendedRange ?? false, scaleUp: p.scaleUp, resourceDiff: p.resourceDiff },
  };
}

function histogramPercentile(options: HistogramOptions, values: number[], weights: number | number[], p: number): number {
  let h = emptyHistogram(options, 24 * 3600);
  values.forEach((v, i) => {
    const w = Array.isArray(weights) ? weights[i] : weights;
    h = addSample(options, h, v, w, 0);
  });
  return percentile(options, h, p);
}

export const vpaFidelity: FidelityAdapter = {
  component: 'VPA',
  shapes: {
    'VPA:baseCPUMilliCores,baseMemoryBytes,confidenceIntervalSeconds,exponent,firstSampleSecond,lastSampleSecond,multiplier,sampleCount':
      (input: {
        baseCPUMilliCores: number;
        baseMemoryBytes: number;
        confidenceIntervalSeconds: number;
        exponent: number;
        firstSampleSecond: number;
        lastSampleSecond: number;
        multiplier: number;
        sampleCount: number;
      }) => {
        const confidence = historyConfidence(
          {
            firstSampleSeconds: input.firstSampleSecond,
            lastSampleSeconds: input.lastSampleSecond,
            totalSamplesCount: input.sampleCount,
          },
          input.confidenceIntervalSeconds,
        );
        return {
          confidence,
          cpuMilliCores: applyConfidence(input.baseCPUMilliCores, confidence, input.multiplier, input.exponent),
          memoryBytes: applyConfidence(input.baseMemoryBytes, confidence, input.multiplier, input.exponent),
        };
      },
    'VPA:baseCPUMilliCores,cases,sampleCount': (input: {
      baseCPUMilliCores: number;
      sampleCount: number;
      cases: { multiplier: number; exponent: number }[];
    }) => {
      // Without timestamps, spread the samples one minute apart, as the recommender takes them.
      const confidence = historyConfidence({
        firstSampleSeconds: input.sampleCount > 0 ? 0 : null,
        lastSampleSeconds: input.sampleCount > 0 ? (input.sampleCount - 1) * 60 : null,
        totalSamplesCount: input.sampleCount,
      });
      return {
        cpuMilliCores: input.cases.map((c) => applyConfidence(input.baseCPUMilliCores, confidence, c.multiplier, c.exponent)),
      };
    },
    'VPA:baseCPUMilliCores,baseMemoryBytes,marginFraction': (input: {
      baseCPUMilliCores: number;
      baseMemoryBytes: number;
      marginFraction: number;
    }) => ({
      cpuMilliCores: withMargin(input.baseCPUMilliCores, input.marginFraction),
      memoryBytes: withMargin(input.baseMemoryBytes, input.marginFraction),
    }),
    'VPA:containers,estimatedCPUMilliCores,estimatedMemoryBytes,podMinCPUMilliCores,podMinMemoryMb': (input: {
      containers: number;
      estimatedCPUMilliCores: number;
      estimatedMemoryBytes: number;
      podMinCPUMilliCores: number;
      podMinMemoryMb: number;
    }) => {
      const min = podMinimumPerContainer(input.containers, input.podMinCPUMilliCores, input.podMinMemoryMb);
      const r = atLeast({ cpu: input.estimatedCPUMilliCores, memory: input.estimatedMemoryBytes }, min);
      return {
        targetCPUMilliCores: r.cpu,
        targetMemoryBytes: r.memory,
        targetCPUMilliCoresPerContainer: r.cpu,
        targetMemoryBytesPerContainer: r.memory,
      };
    },
    'VPA:estimateCPUMilliCores,estimateMemoryBytes,minCPUMilliCores,minMemoryBytes': (input: {
      estimateCPUMilliCores: number;
      estimateMemoryBytes: number;
      minCPUMilliCores: number;
      minMemoryBytes: number;
    }) => {
      const r = atLeast(
        { cpu: input.estimateCPUMilliCores, memory: input.estimateMemoryBytes },
        { cpu: input.minCPUMilliCores, memory: input.minMemoryBytes },
      );
      return { cpuMilliCores: r.cpu, memoryBytes: r.memory };
    },
    'VPA:cpuPercentile,cpuSamplesCores,memoryPercentile,memorySamplesBytes,weights': (input: {
      cpuPercentile: number;
      cpuSamplesCores: number[];
      memoryPercentile: number;
      memorySamplesBytes: number[];
      weights: number | number[];
    }) => ({
      cpuCores: histogramPercentile(CPU_HISTOGRAM_OPTIONS, input.cpuSamplesCores, input.weights, input.cpuPercentile),
      memoryBytes: histogramPercentile(
        MEMORY_HISTOGRAM_OPTIONS,
        input.memorySamplesBytes,
        input.weights,
        input.memoryPercentile,
      ),
    }),
    'VPA:confidence,containers,cpuP50MilliCores,cpuP90MilliCores,cpuP95MilliCores': (input: {
      confidence: number;
      containers: number;
      cpuP50MilliCores: number;
      cpuP90MilliCores: number;
      cpuP95MilliCores: number;
    }) => {
      const steps = estimateFromPercentiles(
        {
          target: { cpu: input.cpuP90MilliCores, memory: 0 },
          lower: { cpu: input.cpuP50MilliCores, memory: 0 },
          upper: { cpu: input.cpuP95MilliCores, memory: 0 },
        },
        input.confidence,
        input.containers,
      );
      return {
        targetMilliCores: steps.final.target.cpu,
        lowerBoundMilliCores: steps.final.lowerBound.cpu,
        upperBoundMilliCores: steps.final.upperBound.cpu,
      };
    },
    'VPA:memoryRequestBytes,oomBumpUpRatio,oomMinBumpUpBytes,recentPeakBytes': (input: {
      memoryRequestBytes: number;
      oomBumpUpRatio: number;
      oomMinBumpUpBytes: number;
      recentPeakBytes: number;
    }) => ({
      oomSampleBytes: oomBumpBytes(input.memoryRequestBytes, input.recentPeakBytes, {
        oomBumpUpRatio: input.oomBumpUpRatio,
        oomMinBumpUpBytes: input.oomMinBumpUpBytes,
      }),
    }),
    'VPA:containers': (input: {
      containers: {
        requests: ResourceAmounts;
        target: ResourceAmounts;
        lowerBound?: ResourceAmounts;
        upperBound?: ResourceAmounts;
      }[];
    }) => {
      const p = podUpdatePriority(
        input.containers.map((c) => ({
          requests: c.requests,
          recommendation: { target: c.target, lowerBound: c.lowerBound, upperBound: c.upperBound },
        })),
      );
      return { resourceDiff: p.resourceDiff, scaleUp: p.scaleUp, outsideRecommendedRange: p.outsideRecommendedRange };
    },
    'VPA:minChangePriority,podAgeHours,podLifetimeUpdateThresholdHours,pods': (input: {
      minChangePriority: number;
      podAgeHours: number;
      podLifetimeUpdateThresholdHours: number;
      pods: PodPriorityInput[];
    }) => {
      const queue = updateQueue(
        input.pods.map((p) => toCandidate(p, input.podAgeHours * 3600)),
        {
          minChangePriority: input.minChangePriority,
          podLifetimeUpdateThresholdSeconds: input.podLifetimeUpdateThresholdHours * 3600,
          evictAfterOomThresholdSeconds: 600,
        },
      );
      return { evictionOrder: queue.map((c) => c.name) };
    },
    'VPA:pods': (input: { pods: PodPriorityInput[] }) => ({
      evictionOrder: sortByUpdatePriority(input.pods.map((p) => toCandidate(p, null))).map((c) => c.name),
    }),
    'VPA:configuredReplicas,evictionToleranceFraction,minReplicas,runningPods': (input: {
      configuredReplicas: number;
      evictionToleranceFraction: number;
      minReplicas: number;
      runningPods: number;
    }) => ({
      maxEvictionsThisLoop: maxEvictionsThisLoop(
        { configured: input.configuredReplicas, livePods: input.runningPods, running: input.runningPods },
        { minReplicas: input.minReplicas, evictionToleranceFraction: input.evictionToleranceFraction },
      ),
    }),
  },
};
