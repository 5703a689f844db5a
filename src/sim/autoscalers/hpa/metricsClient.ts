/**
 * What the HPA reads each sync, as an interface the engine implements over its world: the scale
 * target's pods (pod lister + selector), metrics-server samples, and the custom/external metrics
 * APIs. Errors are strings, as the real clients' error texts (e.g. "no metrics returned from
 * resource metrics API") are part of what the user sees in conditions and events.
 */
import type { HpaPodInfo, PodGroupingOptions } from './podGrouping';
import type { CrossVersionObjectReference, LabelSelector } from './types';

export type MetricsClientError = { error: string };

/**
 * A resource Utilization metric's first pass done over the pods themselves (the counted pods'
 * sums in list order, the ignored pods' names), when every pod is ready or ignored.
 */
export interface ResourceUtilizationTotals {
  readyPodCount: number;
  usageTotal: number;
  requestTotal: number;
  ignored: string[];
}

export interface HpaMetricsClient {
  /**
   * metrics.k8s.io for the scale target's pods: every pod the selector lists, each with its
   * request of `resource` (summed over containers, or of `container` only) and its sample if the
   * API returned one. Return `{error}` when the API itself fails (not installed, unavailable).
   * The list may be reused by the next call (the engine's client refills one list): read it
   * before asking again, and do not keep it.
   */
  podResourceMetrics(resource: string, container?: string): { pods: HpaPodInfo[] } | MetricsClientError;
  /**
   * Optional shortcut for podResourceMetrics followed by resourceUtilizationReplicas' grouping and
   * sums, in one pass over the pods: undefined whenever the calculation could take any path but
   * "every pod ready or ignored, each with its request" (an error, a missing or unready pod),
   * and the caller then takes the full path. It must agree with that path wherever it answers.
   */
  resourceUtilizationTotals?(resource: string, container: string | undefined, grouping: PodGroupingOptions): ResourceUtilizationTotals | undefined;
  /** custom.metrics.k8s.io per-pod metric for the scale target's pods (samples only). */
  podsMetric(metricName: string, metricSelector?: LabelSelector): { pods: HpaPodInfo[] } | MetricsClientError;
  /** custom.metrics.k8s.io metric describing one object. */
  objectMetric(
    metricName: string,
    describedObject: CrossVersionObjectReference,
    metricSelector?: LabelSelector,
  ): { valueMilli: number } | MetricsClientError;
  /** external.metrics.k8s.io: every matching series (the HPA sums them). */
  externalMetric(metricName: string, metricSelector?: LabelSelector): { valuesMilli: number[] } | MetricsClientError;
  /** The scale target's pods as the pod lister returns them (for ready-pod counts). */
  targetPods(): HpaPodInfo[];
}

export function isClientError<T extends object>(result: T | MetricsClientError): result is MetricsClientError {
  return 'error' in result;
}

/**
 * Go's `%+v` of a *metav1.LabelSelector (its generated String()), which appears verbatim in the
 * names of external metrics in events and conditions.
 */
export function formatGoLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return 'nil';
  const labels = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${selector.matchLabels?.[k]},`)
    .join('');
  const expressions = (selector.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}
