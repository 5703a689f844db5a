import { describe, expect, it } from 'vitest';
import { buildGeneratedHpa, externalAverageValueDesired, generatedHpaName } from './generatedHpa';
import { pausedState, replicaBoundsError, resolveSpec, type ScaledObject } from './types';

const cronSo: ScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'php-apache-cron', namespace: 'default' },
  spec: {
    scaleTargetRef: { name: 'php-apache' },
    minReplicaCount: 0,
    maxReplicaCount: 2,
    pollingInterval: 30,
    cooldownPeriod: 300,
    triggers: [
      {
        type: 'cron',
        metadata: { timezone: 'Asia/Seoul', start: '00,15,30,45 * * * *', end: '05,20,35,50 * * * *', desiredReplicas: '1' },
      },
    ],
  },
};

describe('generated HPA', () => {
  it("matches the seed's keda-hpa for the cron ScaledObject", () => {
    const hpa = buildGeneratedHpa(cronSo);
    expect(hpa.metadata.name).toBe('keda-hpa-php-apache-cron');
    expect(hpa.spec).toMatchObject({ minReplicas: 1, maxReplicas: 2, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' } });
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'External',
        external: {
          metric: { name: 's0-cron-Asia-Seoul-00,15,30,45xxxx-05,20,35,50xxxx', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'php-apache-cron' } } },
          target: { type: 'AverageValue', averageValue: '1' },
        },
      },
    ]);
  });
  it('honours the advanced name, behavior, metricType and resource triggers', () => {
    const so: ScaledObject = {
      ...cronSo,
      spec: {
        ...cronSo.spec,
        minReplicaCount: 3,
        maxReplicaCount: undefined,
        advanced: { horizontalPodAutoscalerConfig: { name: 'custom', behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } },
        triggers: [
          { type: 'aws-sqs-queue', metricType: 'Value', metadata: { queueURL: 'https://x/1/orders.fifo', queueLength: '2.5' } },
          { type: 'cpu', metadata: { value: '60' } },
        ],
      },
    };
    const hpa = buildGeneratedHpa(so);
    expect(generatedHpaName(so)).toBe('custom');
    expect(hpa.spec.minReplicas).toBe(3);
    expect(hpa.spec.maxReplicas).toBe(100);
    expect(hpa.spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 60 } });
    expect(hpa.spec.metrics[0]).toMatchObject({ external: { metric: { name: 's0-aws-sqs-orders-fifo' }, target: { type: 'Value', value: '2500m' } } });
    expect(hpa.spec.metrics[1]).toEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } });
  });
});

describe('spec defaults and checks', () => {
  it('fills KEDA defaults', () => {
    expect(resolveSpec({})).toEqual({
      pollingIntervalSeconds: 30,
      cooldownPeriodSeconds: 300,
      initialCooldownPeriodSeconds: 0,
      minReplicaCount: 0,
      maxReplicaCount: 100,
      idleReplicaCount: undefined,
      hpaMinReplicas: 1,
      hpaMaxReplicas: 100,
    });
  });
  it('rejects min > max and idle >= min', () => {
    expect(replicaBoundsError({ minReplicaCount: 5, maxReplicaCount: 2 })).toContain('MinReplicaCount=5');
    expect(replicaBoundsError({ minReplicaCount: 2, idleReplicaCount: 2 })).toContain('IdleReplicaCount=2');
    expect(replicaBoundsError({ minReplicaCount: 2, idleReplicaCount: 0 })).toBeNull();
  });
  it('reads the paused annotations', () => {
    expect(pausedState({ 'autoscaling.keda.sh/paused-replicas': '4' })).toEqual({ paused: true, replicas: 4 });
    expect(pausedState({ 'autoscaling.keda.sh/paused': 'true' })).toEqual({ paused: true, replicas: null });
    expect(pausedState({ 'autoscaling.keda.sh/paused': 'false' })).toEqual({ paused: false, replicas: null });
    expect(pausedState({ 'autoscaling.keda.sh/paused': 'yes please' }).paused).toBe(true);
    expect(pausedState(undefined).paused).toBe(false);
  });
});

describe('External AverageValue (what the HPA then does)', () => {
  it('asks for ceil(total / target) outside tolerance, clamped', () => {
    expect(externalAverageValueDesired({ total: 23, targetAverageValue: 5, currentReplicas: 2, minReplicas: 1, maxReplicas: 100 })).toBe(5);
    expect(externalAverageValueDesired({ total: 10.5, targetAverageValue: 5, currentReplicas: 2, minReplicas: 1, maxReplicas: 100 })).toBe(2);
    expect(externalAverageValueDesired({ total: 0, targetAverageValue: 1, currentReplicas: 1, minReplicas: 1, maxReplicas: 2 })).toBe(1);
    expect(externalAverageValueDesired({ total: 500, targetAverageValue: 5, currentReplicas: 2, minReplicas: 1, maxReplicas: 10 })).toBe(10);
  });
});
