import { describe, expect, it } from 'vitest';
import { scaledObjectFromManifest } from './manifest';

const base = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'so', annotations: { 'autoscaling.keda.sh/paused': 'true' } },
  spec: {
    scaleTargetRef: { name: 'web' },
    pollingInterval: 15,
    fallback: { failureThreshold: 3, replicas: 6, behavior: 'currentReplicasIfHigher' },
    advanced: { horizontalPodAutoscalerConfig: { name: 'custom', behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } },
    triggers: [{ type: 'aws-sqs-queue', name: 'orders', metadata: { queueURL: 'https://x/1/orders', queueLength: '5' }, useCachedMetrics: true }],
  },
};

function errorOf(r: ReturnType<typeof scaledObjectFromManifest>): string {
  return r.ok ? '(accepted)' : r.error;
}

describe('scaledObjectFromManifest', () => {
  it('keeps the simulated fields and stamps the creation time', () => {
    const r = scaledObjectFromManifest(base, 42);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scaledObject.metadata).toEqual({ name: 'so', namespace: 'default', annotations: { 'autoscaling.keda.sh/paused': 'true' }, creationTimestamp: 42 });
    expect(r.scaledObject.spec.fallback).toEqual({ failureThreshold: 3, replicas: 6, behavior: 'currentReplicasIfHigher' });
    expect(r.scaledObject.spec.advanced?.horizontalPodAutoscalerConfig?.name).toBe('custom');
    expect(r.scaledObject.spec.triggers[0]).toEqual({ type: 'aws-sqs-queue', name: 'orders', metadata: { queueURL: 'https://x/1/orders', queueLength: '5' }, useCachedMetrics: true });
  });
  it('rejects wrong types as the CRD schema does', () => {
    const bad = (spec: Record<string, unknown>) => scaledObjectFromManifest({ ...base, spec: { ...base.spec, ...spec } }, 0);
    expect(errorOf(bad({ pollingInterval: '30' }))).toContain('spec.pollingInterval in body must be of type integer');
    expect(errorOf(bad({ triggers: 'cron' }))).toContain('spec.triggers in body must be of type array');
    expect(errorOf(bad({ triggers: [{ metadata: {} }] }))).toContain('spec.triggers[0].type: Required value');
    expect(errorOf(bad({ triggers: [{ type: 'cron', metricType: 'Average', metadata: {} }] }))).toContain('Unsupported value: "Average"');
    expect(errorOf(bad({ scaleTargetRef: {} }))).toContain('scaleTargetRef.name: Required value');
    expect(errorOf(bad({ idleReplicaCount: 2, minReplicaCount: 1 }))).toContain('IdleReplicaCount=2 must be less than MinReplicaCount=1');
    expect(errorOf(scaledObjectFromManifest({ ...base, metadata: {} }, 0))).toContain('metadata.name');
  });
});
