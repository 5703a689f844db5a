import { describe, expect, it } from 'vitest';
import { readMetricWithFallback, fallbackReplicas } from './fallback';
import { normalizeMetricName } from './triggerMetrics';
import { objectActivity, readTrigger } from './scalers';

const sqs = (md: Record<string, string> = {}) => ({
  type: 'aws-sqs-queue',
  metadata: { queueURL: 'https://sqs.ap-northeast-2.amazonaws.com/123/orders', ...md },
});

describe('queue scalers', () => {
  it('counts visible + in-flight against queueLength 5, active above 0', () => {
    const r = readTrigger(sqs(), 0, { nowMs: 0, queues: { orders: { visible: 20, inFlight: 3 } } });
    expect(r).toMatchObject({ metricName: 's0-aws-sqs-orders', value: 23, target: 5, isActive: true, metricType: 'AverageValue' });
    expect(readTrigger(sqs(), 0, { nowMs: 0, queues: { orders: { visible: 0, inFlight: 0 } } }).isActive).toBe(false);
    expect(readTrigger(sqs(), 0, { nowMs: 0, queues: { orders: { visible: 1, inFlight: 0 } } }).isActive).toBe(true);
  });
  it('can leave in-flight messages out and honours activationQueueLength strictly', () => {
    const r = readTrigger(sqs({ scaleOnInFlight: 'false', activationQueueLength: '10' }), 1, {
      nowMs: 0,
      queues: { orders: { visible: 10, inFlight: 50 } },
    });
    expect(r).toMatchObject({ metricName: 's1-aws-sqs-orders', value: 10, isActive: false });
  });
  it('defaults RabbitMQ to a target of 20', () => {
    const r = readTrigger({ type: 'rabbitmq', metadata: { queueName: 'jobs' } }, 0, { nowMs: 0, queues: { jobs: { visible: 30, inFlight: 5 } } });
    expect(r).toMatchObject({ metricName: 's0-rabbitmq-jobs', target: 20, value: 35, isActive: true });
  });
  it('reports missing queues and injected failures as errors', () => {
    expect(readTrigger(sqs(), 0, { nowMs: 0 }).error).toContain('not found');
    expect(readTrigger(sqs(), 0, { nowMs: 0, queues: { orders: { visible: 9, inFlight: 0 } }, error: 'timeout' })).toMatchObject({
      error: 'timeout',
      isActive: false,
    });
  });
});

describe('prometheus and resource triggers', () => {
  const prom = { type: 'prometheus', metadata: { query: 'rate(x)', threshold: '10', activationThreshold: '50' } };
  it('separates activation from the scaling threshold', () => {
    expect(readTrigger(prom, 0, { nowMs: 0, prometheus: { 'rate(x)': 40 } })).toMatchObject({ isActive: false, value: 40, target: 10 });
    expect(readTrigger(prom, 0, { nowMs: 0, prometheus: { 'rate(x)': 50.5 } }).isActive).toBe(true);
    expect(readTrigger(prom, 0, { nowMs: 0 })).toMatchObject({ value: 0, isActive: false });
  });
  it('keeps cpu/memory-only objects always active, unless a scaler errored', () => {
    const cpu = readTrigger({ type: 'cpu', metadata: { value: '50' } }, 0, { nowMs: 0 });
    const mem = readTrigger({ type: 'memory', metadata: { value: '70' } }, 1, { nowMs: 0 });
    expect(cpu).toMatchObject({ source: 'Resource', metricType: 'Utilization', target: 50 });
    expect(objectActivity([cpu, mem]).isActive).toBe(true);
    expect(objectActivity([{ ...cpu, error: 'x' }, mem]).isActive).toBe(false);
  });
  it('lets cpu plus an idle queue go to zero', () => {
    const cpu = readTrigger({ type: 'cpu', metadata: { value: '50' } }, 0, { nowMs: 0 });
    const q = readTrigger(sqs(), 1, { nowMs: 0, queues: { orders: { visible: 0, inFlight: 0 } } });
    expect(objectActivity([cpu, q]).isActive).toBe(false);
  });
  it('normalises metric names like kedautil.NormalizeString', () => {
    expect(normalizeMetricName('cron-Asia/Seoul-0.5:(x)%')).toBe('cron-Asia-Seoul-0-5--x--');
  });
  it('flags unsupported scaler types', () => {
    expect(readTrigger({ type: 'kafka', metadata: {} }, 0, { nowMs: 0 }).error).toContain('not simulated');
  });
});

describe('fallback', () => {
  const fb = { failureThreshold: 3, replicas: 10 };
  it('passes the error on up to the threshold, then serves target × replicas', () => {
    const first = readMetricWithFallback({ previous: undefined, reading: { error: 'x' }, fallback: fb, metricType: 'AverageValue', targetAverageValue: 10, currentReplicas: 5 });
    expect(first).toMatchObject({ error: true, health: { numberOfFailures: 1, status: 'Failing' } });
    const fourth = readMetricWithFallback({ previous: { numberOfFailures: 3, status: 'Failing' }, reading: { error: 'x' }, fallback: fb, metricType: 'AverageValue', targetAverageValue: 10, currentReplicas: 5 });
    expect(fourth).toMatchObject({ error: false, fallbackActive: true, value: 100, health: { numberOfFailures: 4 } });
  });
  it('resets health on success', () => {
    const ok = readMetricWithFallback({ previous: { numberOfFailures: 7, status: 'Failing' }, reading: { value: 3 }, fallback: fb, metricType: 'AverageValue', targetAverageValue: 10, currentReplicas: 5 });
    expect(ok).toMatchObject({ value: 3, health: { numberOfFailures: 0, status: 'Happy' } });
  });
  it('does not fall back for Value metrics or without a fallback', () => {
    const args = { previous: { numberOfFailures: 9, status: 'Failing' as const }, reading: { error: 'x' }, targetAverageValue: 10, currentReplicas: 5 };
    expect(readMetricWithFallback({ ...args, fallback: fb, metricType: 'Value' }).error).toBe(true);
    expect(readMetricWithFallback({ ...args, fallback: undefined, metricType: 'AverageValue' }).error).toBe(true);
  });
  it('chooses replicas by behavior', () => {
    expect(fallbackReplicas(fb, 6)).toBe(10);
    expect(fallbackReplicas({ ...fb, behavior: 'currentReplicas' }, 6)).toBe(6);
    expect(fallbackReplicas({ ...fb, behavior: 'currentReplicasIfHigher' }, 4)).toBe(10);
    expect(fallbackReplicas({ ...fb, behavior: 'currentReplicasIfHigher' }, 14)).toBe(14);
    expect(fallbackReplicas({ ...fb, behavior: 'currentReplicasIfLower' }, 4)).toBe(4);
  });
});
