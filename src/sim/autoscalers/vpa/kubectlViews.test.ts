import { describe, expect, it } from 'vitest';
import { describeEvents, formatMemoryBinary, humanDuration, titleCaseKey } from './kubectlFormat';
import { kubectlDescribeVpa, kubectlGetVpa } from './kubectlViews';
import { formatCpuMillis, formatMemoryBytes } from './quantity';
import type { VerticalPodAutoscaler } from './types';

const vpa: VerticalPodAutoscaler = {
  apiVersion: 'autoscaling.k8s.io/v1',
  kind: 'VerticalPodAutoscaler',
  metadata: { name: 'hamster-vpa', namespace: 'default', creationTimestamp: 0 },
  spec: {
    targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hamster' },
    updatePolicy: { updateMode: 'Auto' },
    resourcePolicy: {
      containerPolicies: [
        { containerName: '*', minAllowed: { cpu: 100, memory: 50 * 1048576 }, maxAllowed: { cpu: 1000, memory: 500 * 1048576 }, controlledResources: ['cpu', 'memory'] },
      ],
    },
  },
  status: {
    conditions: [{ type: 'RecommendationProvided', status: 'True', lastTransitionTime: 60 }],
    recommendation: {
      containerRecommendations: [
        {
          containerName: 'hamster',
          target: { cpu: 587, memory: 262144000 },
          lowerBound: { cpu: 519, memory: 262144000 },
          upperBound: { cpu: 1000, memory: 524288000 },
          uncappedTarget: { cpu: 587, memory: 262144000 },
        },
      ],
    },
  },
};

describe('quantities', () => {
  it('prints canonical DecimalSI forms', () => {
    expect(formatCpuMillis(587)).toBe('587m');
    expect(formatCpuMillis(2000)).toBe('2');
    expect(formatMemoryBytes(262144000)).toBe('262144k');
    expect(formatMemoryBytes(1288490188)).toBe('1288490188');
    expect(formatMemoryBytes(0)).toBe('0');
    expect(formatMemoryBinary(50 * 1048576)).toBe('50Mi');
  });
  it('ages like kubectl', () => {
    expect(humanDuration(59)).toBe('59s');
    expect(humanDuration(150)).toBe('2m30s');
    expect(humanDuration(600)).toBe('10m');
    expect(humanDuration(3 * 3600 + 60)).toBe('3h1m');
    expect(humanDuration(30 * 3600)).toBe('30h');
    expect(humanDuration(3 * 86400 + 3600)).toBe('3d1h');
  });
  it('title-cases keys like kubectl describe', () => {
    expect(titleCaseKey('apiVersion')).toBe('API Version');
    expect(titleCaseKey('containerRecommendations')).toBe('Container Recommendations');
  });
});

describe('kubectl get vpa', () => {
  it('shows the printer columns of the first container', () => {
    expect(kubectlGetVpa([vpa], { nowSeconds: 300 })).toBe(
      ['NAME          MODE   CPU    MEM       PROVIDED   AGE', 'hamster-vpa   Auto   587m   262144k   True       5m'].join('\n'),
    );
  });
  it('leaves recommendation columns empty before one exists', () => {
    const fresh = { ...vpa, status: { conditions: [] } };
    expect(kubectlGetVpa([fresh], { nowSeconds: 5 })).toBe(
      ['NAME          MODE   CPU   MEM   PROVIDED   AGE', 'hamster-vpa   Auto                          5s'].join('\n'),
    );
  });
});

describe('kubectl describe vpa', () => {
  it('lays out spec and status like the custom-resource describer', () => {
    const out = kubectlDescribeVpa(vpa, { nowSeconds: 300, simEpochMs: Date.UTC(2025, 0, 6, 9, 0, 0) });
    expect(out).toContain('Name:         hamster-vpa');
    expect(out).toContain('API Version:  autoscaling.k8s.io/v1');
    expect(out).toContain('  Update Policy:\n    Update Mode:  Auto');
    expect(out).toContain('      Target:\n        Cpu:     587m\n        Memory:  262144k');
    expect(out).toContain('      Min Allowed:\n        Cpu:     100m\n        Memory:  50Mi');
    expect(out).toContain('Last Transition Time:  2025-01-06T09:01:00Z');
    expect(out.trimEnd().endsWith('Events:  <none>')).toBe(true);
  });
  it('lists events in kubectl columns', () => {
    const lines = describeEvents([{ type: 'Normal', reason: 'EvictedByVPA', ageSeconds: 30, from: 'vpa-updater', message: 'Pod was evicted by VPA Updater to apply resource recommendation.' }]);
    expect(lines[1]).toBe('  Type    Reason        Age   From         Message');
    expect(lines[2]).toBe('  ----    ------        ----  ----         -------');
    expect(lines[3]).toContain('Normal  EvictedByVPA  30s   vpa-updater');
  });
  it('sorts by the latest occurrence and prints a repeated event as kubectl does (describe.go DescribeEvents)', () => {
    const lines = describeEvents([
      { type: 'Normal', reason: 'Activated', ageSeconds: 900, firstAgeSeconds: 1680, count: 2, from: 'keda-operator', message: 'from 0 to 1' },
      { type: 'Normal', reason: 'Deactivated', ageSeconds: 1260, from: 'keda-operator', message: 'from 6 to 0' },
    ]);
    expect(lines.slice(3)).toEqual([
      '  Normal  Deactivated  21m                keda-operator  from 6 to 0',
      '  Normal  Activated    15m (x2 over 28m)  keda-operator  from 0 to 1',
    ]);
  });
});
