/**
 * autoscaling.k8s.io/v1 VerticalPodAutoscaler, as much of it as the playground simulates.
 * Field names follow the real API so manifests paste in unchanged.
 *
 * Units inside this module: CPU in millicores, memory in BYTES. The recommender works in bytes
 * because its histogram buckets (first bucket 1e7 bytes) and its truncation rules are defined in
 * bytes upstream; `toEngineResources` converts to the engine's MiB at the boundary.
 */

export type VpaUpdateMode = 'Off' | 'Initial' | 'Recreate' | 'Auto' | 'InPlaceOrRecreate';
export type VpaResourceName = 'cpu' | 'memory';
export type ContainerScalingMode = 'Auto' | 'Off';
export type ControlledValues = 'RequestsAndLimits' | 'RequestsOnly';

/** A resource list in VPA-internal units: cpu in millicores, memory in bytes. */
export interface ResourceAmounts {
  cpu?: number;
  memory?: number;
}

export interface CrossVersionObjectReference {
  apiVersion?: string;
  kind: string;
  name: string;
}

export interface ContainerResourcePolicy {
  /** `*` applies to every container without its own policy. */
  containerName: string;
  mode?: ContainerScalingMode;
  minAllowed?: ResourceAmounts;
  maxAllowed?: ResourceAmounts;
  controlledResources?: VpaResourceName[];
  controlledValues?: ControlledValues;
}

export interface VerticalPodAutoscalerSpec {
  targetRef: CrossVersionObjectReference;
  updatePolicy?: {
    updateMode?: VpaUpdateMode;
    /** Overrides the updater's --min-replicas for this VPA. */
    minReplicas?: number;
  };
  resourcePolicy?: { containerPolicies?: ContainerResourcePolicy[] };
}

export interface RecommendedContainerResources {
  containerName: string;
  target: ResourceAmounts;
  lowerBound: ResourceAmounts;
  upperBound: ResourceAmounts;
  uncappedTarget: ResourceAmounts;
}

export type VpaConditionType =
  | 'RecommendationProvided'
  | 'LowConfidence'
  | 'NoPodsMatched'
  | 'FetchingHistory'
  | 'ConfigUnsupported'
  | 'ConfigDeprecated';

export interface VpaCondition {
  type: VpaConditionType;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  /** Sim seconds. */
  lastTransitionTime: number;
}

export interface VerticalPodAutoscalerStatus {
  recommendation?: { containerRecommendations: RecommendedContainerResources[] };
  conditions: VpaCondition[];
}

export interface VerticalPodAutoscaler {
  apiVersion: 'autoscaling.k8s.io/v1';
  kind: 'VerticalPodAutoscaler';
  metadata: { name: string; namespace?: string; creationTimestamp?: number };
  spec: VerticalPodAutoscalerSpec;
  status?: VerticalPodAutoscalerStatus;
}

/** Flag defaults of the recommender and updater (FIDELITY.md §3). */
export const VPA_DEFAULTS = {
  recommenderIntervalSeconds: 60,
  updaterIntervalSeconds: 60,
  targetCpuPercentile: 0.9,
  lowerBoundCpuPercentile: 0.5,
  upperBoundCpuPercentile: 0.95,
  targetMemoryPercentile: 0.9,
  lowerBoundMemoryPercentile: 0.5,
  upperBoundMemoryPercentile: 0.95,
  marginFraction: 0.15,
  podMinCpuMillicores: 25,
  podMinMemoryMb: 250,
  confidenceIntervalSeconds: 24 * 3600,
  histogramHalfLifeSeconds: 24 * 3600,
  memoryAggregationIntervalSeconds: 24 * 3600,
  memoryAggregationIntervalCount: 8,
  oomBumpUpRatio: 1.2,
  oomMinBumpUpBytes: 100 * 1024 * 1024,
  /** Each CPU sample weighs max(request in cores, this). */
  minCpuSampleWeight: 0.1,
  updaterMinReplicas: 2,
  evictionTolerance: 0.5,
  podUpdateThreshold: 0.1,
  podLifetimeUpdateThresholdSeconds: 12 * 3600,
  evictAfterOomThresholdSeconds: 10 * 60,
  /** Upstream MaxResourceAmount: results are capped here (matters when confidence is 0). */
  maxResourceAmount: 1e14,
} as const;

export const BYTES_PER_MIB = 1024 * 1024;

/** The updater/admission behaviour a mode implies; `Auto` currently means Recreate upstream. */
export function effectiveUpdateMode(spec: VerticalPodAutoscalerSpec): VpaUpdateMode {
  const mode = spec.updatePolicy?.updateMode ?? 'Auto';
  return mode === 'Auto' ? 'Recreate' : mode;
}

/** The policy for one container: its own entry, else the `*` entry, else none. */
export function containerPolicyFor(
  spec: VerticalPodAutoscalerSpec,
  containerName: string,
): ContainerResourcePolicy | undefined {
  const policies = spec.resourcePolicy?.containerPolicies ?? [];
  return policies.find((p) => p.containerName === containerName) ?? policies.find((p) => p.containerName === '*');
}

export function toEngineResources(amounts: ResourceAmounts): { cpuMillis?: number; memoryMiB?: number } {
  return {
    ...(amounts.cpu !== undefined ? { cpuMillis: amounts.cpu } : {}),
    ...(amounts.memory !== undefined ? { memoryMiB: amounts.memory / BYTES_PER_MIB } : {}),
  };
}

export function fromEngineResources(r: { cpuMillis?: number; memoryMiB?: number }): ResourceAmounts {
  return {
    ...(r.cpuMillis !== undefined ? { cpu: r.cpuMillis } : {}),
    ...(r.memoryMiB !== undefined ? { memory: Math.round(r.memoryMiB * BYTES_PER_MIB) } : {}),
  };
}
