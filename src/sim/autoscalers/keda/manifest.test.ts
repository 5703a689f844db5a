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
    expect(bad({ pollingInterval: '30' })).toMatchObject({ ok: false, error: expect.stringContaining('spec.pollingInterval in body must be of type integer') });
    expect(bad({ triggers: 'cron' })).toMatchObject({ ok: false, error: expect.stringContaining('spec.triggers in body must be of type array') });
    expect(bad({ triggers: [{ metadata: {} }] })).toMatchObject({ ok: false, error: expect.stringContaining('spec.triggers[0].type: Required value') });
    expect(bad({ triggers: [{ type: 'cron', metricType: 'Average', metadata: {} }] })).toMatchObject({ ok: false, error: expect.stringContaining('Unsupported value: "Average"') });
    expect(bad({ scaleTargetRef: {} })).toMatchObject({ ok: false, error: expect.stringContaining('scaleTargetRef.name: Required value') });
    expect(bad({ idleReplicaCount: 2, minReplicaCount: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('IdleReplicaCount=2 must be less than MinReplicaCount=1') });
    expect(scaledObjectFromManifest({ ...base, metadata: {} }, 0)).toMatchObject({ ok: false, error: expect.stringContaining('metadata.name') });
  });
});
