/**
 * Builders shared by the HPA tests (and handy for the engine integrator's own tests): pods,
 * HPA objects and a configurable in-memory metrics client.
 */
import type { HpaMetricsClient } from './metricsClient';
import type { HpaPodInfo } from './podGrouping';
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec } from './types';

export function readyPod(name: string, requestMilli: number, usageMilli: number | undefined, nowSeconds: number): HpaPodInfo {
  const pod: HpaPodInfo = {
    name,
    phase: 'Running',
    startTimeSeconds: nowSeconds - 3600,
    readyStatus: 'True',
    readyTransitionSeconds: nowSeconds - 3590,
    requestMilli,
  };
  if (usageMilli !== undefined) Object.assign(pod, { sampleMilli: usageMilli, sampleTimestampSeconds: nowSeconds, sampleWindowSeconds: 30 });
  return pod;
}

export function cpuMetric(averageUtilization: number): MetricSpec {
  return { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } };
}

export function externalAverageMetric(name: string, averageValue: string): MetricSpec {
  return { type: 'External', external: { metric: { name }, target: { type: 'AverageValue', averageValue } } };
}

export function makeHpa(spec: Partial<HorizontalPodAutoscalerSpec> & Pick<HorizontalPodAutoscalerSpec, 'maxReplicas'>): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php-apache', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, ...spec },
  };
}

export interface FakeMetrics {
  pods?: HpaPodInfo[];
  resourceError?: string;
  external?: Record<string, number[] | { error: string }>;
  object?: Record<string, number | { error: string }>;
  podsMetric?: Record<string, HpaPodInfo[] | { error: string }>;
}

export function fakeMetricsClient(fake: FakeMetrics): HpaMetricsClient {
  const pods = fake.pods ?? [];
  return {
    podResourceMetrics: () => (fake.resourceError ? { error: fake.resourceError } : { pods }),
    podsMetric: (name) => {
      const got = fake.podsMetric?.[name];
      if (!got) return { error: `the server could not find the metric ${name} for pods` };
      return Array.isArray(got) ? { pods: got } : got;
    },
    objectMetric: (name) => {
      const got = fake.object?.[name];
      if (got === undefined) return { error: `the server could not find the metric ${name}` };
      return typeof got === 'number' ? { valueMilli: got } : got;
    },
    externalMetric: (name) => {
      const got = fake.external?.[name];
      if (!got) return { error: `the server could not find the requested resource (get ${name}.external.metrics.k8s.io)` };
      return Array.isArray(got) ? { valuesMilli: got } : got;
    },
    targetPods: () => pods,
  };
}
