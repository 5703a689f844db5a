/**
 * autoscaling/v2 HorizontalPodAutoscaler as the API server stores it, plus the controller's own
 * configuration. Quantities stay strings as written in manifests; the logic parses them with
 * quantity.ts. Times inside the engine are sim seconds (numbers); views turn them into RFC 3339.
 */

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface CrossVersionObjectReference {
  apiVersion?: string;
  kind: string;
  name: string;
}

export type MetricTargetType = 'Utilization' | 'Value' | 'AverageValue';

export interface MetricTarget {
  type: MetricTargetType;
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

export interface MetricIdentifier {
  name: string;
  selector?: LabelSelector;
}

export interface ResourceMetricSource {
  name: string;
  target: MetricTarget;
}

export interface ContainerResourceMetricSource {
  name: string;
  container: string;
  target: MetricTarget;
}

export interface PodsMetricSource {
  metric: MetricIdentifier;
  target: MetricTarget;
}

export interface ObjectMetricSource {
  describedObject: CrossVersionObjectReference;
  metric: MetricIdentifier;
  target: MetricTarget;
}

export interface ExternalMetricSource {
  metric: MetricIdentifier;
  target: MetricTarget;
}

export type MetricSpec =
  | { type: 'Resource'; resource: ResourceMetricSource }
  | { type: 'ContainerResource'; containerResource: ContainerResourceMetricSource }
  | { type: 'Pods'; pods: PodsMetricSource }
  | { type: 'Object'; object: ObjectMetricSource }
  | { type: 'External'; external: ExternalMetricSource };

export type ScalingPolicyType = 'Pods' | 'Percent';
export type ScalingPolicySelect = 'Max' | 'Min' | 'Disabled';

export interface HPAScalingPolicy {
  type: ScalingPolicyType;
  value: number;
  periodSeconds: number;
}

export interface HPAScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: ScalingPolicySelect;
  policies?: HPAScalingPolicy[];
  /** Quantity string ("0.05", "50m"); needs the HPAConfigurableTolerance feature gate. */
  tolerance?: string;
}

export interface HorizontalPodAutoscalerBehavior {
  scaleUp?: HPAScalingRules;
  scaleDown?: HPAScalingRules;
}

export interface HorizontalPodAutoscalerSpec {
  scaleTargetRef: CrossVersionObjectReference;
  minReplicas?: number;
  maxReplicas: number;
  metrics?: MetricSpec[];
  behavior?: HorizontalPodAutoscalerBehavior;
}

export interface MetricValueStatus {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** `{type: ''}` is what the controller stores for a metric it could not read. */
export type MetricStatus =
  | { type: 'Resource'; resource: { name: string; current: MetricValueStatus } }
  | { type: 'ContainerResource'; containerResource: { name: string; container: string; current: MetricValueStatus } }
  | { type: 'Pods'; pods: { metric: MetricIdentifier; current: MetricValueStatus } }
  | { type: 'Object'; object: { describedObject: CrossVersionObjectReference; metric: MetricIdentifier; current: MetricValueStatus } }
  | { type: 'External'; external: { metric: MetricIdentifier; current: MetricValueStatus } }
  | { type: '' };

export type HpaConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface HpaCondition {
  type: HpaConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
  /** Sim seconds. */
  lastTransitionTime: number;
}

export interface HorizontalPodAutoscalerStatus {
  currentReplicas: number;
  desiredReplicas: number;
  currentMetrics?: MetricStatus[];
  conditions?: HpaCondition[];
  /** Sim seconds of the last successful rescale. */
  lastScaleTime?: number;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface HorizontalPodAutoscaler {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  metadata: ObjectMeta;
  spec: HorizontalPodAutoscalerSpec;
  status?: HorizontalPodAutoscalerStatus;
}

/** kube-controller-manager flags that shape the HPA (FIDELITY.md §2 defaults). */
export interface HpaControllerConfig {
  syncPeriodSeconds: number;
  tolerance: number;
  downscaleStabilizationSeconds: number;
  cpuInitializationPeriodSeconds: number;
  initialReadinessDelaySeconds: number;
  /** HPAConfigurableTolerance feature gate: honour behavior.scale{Up,Down}.tolerance. */
  configurableTolerance: boolean;
}

export const DEFAULT_HPA_CONTROLLER_CONFIG: HpaControllerConfig = {
  syncPeriodSeconds: 15,
  tolerance: 0.1,
  downscaleStabilizationSeconds: 300,
  cpuInitializationPeriodSeconds: 300,
  initialReadinessDelaySeconds: 30,
  configurableTolerance: true,
};
