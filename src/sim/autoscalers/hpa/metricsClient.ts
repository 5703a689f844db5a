/**
 * What the HPA reads each sync, as an interface the engine implements over its world: the scale
 * target's pods (pod lister + selector), metrics-server samples, and the custom/external metrics
 * APIs. Errors are strings, as the real clients' error texts (e.g. "no metrics returned from
 * resource metrics API") are part of what the user sees in conditions and events.
 */
import type { HpaPodInfo } from './podGrouping';
import type { CrossVersionObjectReference, LabelSelector } from './types';

export type MetricsClientError = { error: string };

export interface HpaMetricsClient {
  /**
   * metrics.k8s.io for the scale target's pods: every pod the selector lists, each with its
   * request of `resource` (summed over containers, or of `container` only) and its sample if the
   * API returned one. Return `{error}` when the API itself fails (not installed, unavailable).
   * The list may be reused by the next call (the engine's client refills one list): read it
   * before asking again, and do not keep it.
   */
  podResourceMetrics(resource: string, container?: string): { pods: HpaPodInfo[] } | MetricsClientError;
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
