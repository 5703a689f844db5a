import { describe, expect, it } from 'vitest';
import { recordHpaEvents } from './eventLog';
import { goTabwriter, humanDuration, rfc1123z } from './kubectlFormat';
import { formatHpaTargets, kubectlDescribeHpa, kubectlGetHpa, kubectlGetHpaYaml } from './kubectlViews';
import { cpuMetric, externalAverageMetric, makeHpa } from './testFixtures';
import type { HorizontalPodAutoscaler } from './types';

describe('humanDuration', () => {
  it.each([
    [45, '45s'],
    [119, '119s'],
    [182, '3m2s'],
    [300, '5m'],
    [3 * 3600 + 60, '3h1m'],
    [10 * 3600, '10h'],
    [2 * 86400, '2d'],
    [3 * 86400 + 3600, '3d1h'],
    [-1, '0s'],
    [-5, '<invalid>'],
  ])('%d s → %s', (s, text) => expect(humanDuration(s)).toBe(text));
});

describe('goTabwriter', () => {
  it('aligns columns per block and ignores the text after the last tab', () => {
    const out = goTabwriter('a:\tx\nlonger:\ty\tz\nplain line\nb:\tq\n', { minwidth: 0, padding: 2 });
    expect(out).toBe('a:       x\nlonger:  y  z\nplain line\nb:  q\n');
  });
});

const withStatus = (hpa: HorizontalPodAutoscaler, status: HorizontalPodAutoscaler['status']): HorizontalPodAutoscaler => ({ ...hpa, status });

describe('kubectl get hpa', () => {
  it('shows <unknown> before the first metric, then cpu: current/target', () => {
    const hpa = makeHpa({ minReplicas: 1, maxReplicas: 10, metrics: [cpuMetric(50)] });
    expect(kubectlGetHpa([{ hpa, createdAtSeconds: 0 }], { nowSeconds: 45 })).toBe(
      'NAME         REFERENCE               TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
        'php-apache   Deployment/php-apache   cpu: <unknown>/50%   1         10        0          45s\n',
    );
    const measured = withStatus(hpa, {
      currentReplicas: 3,
      desiredReplicas: 5,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 78, averageValue: '156m' } } }],
    });
    expect(kubectlGetHpa([{ hpa: measured, createdAtSeconds: 0 }], { nowSeconds: 182 })).toContain('cpu: 78%/50%   1         10        3          3m2s');
  });

  it('formats value targets and truncates after two metrics', () => {
    const specs = [cpuMetric(50), externalAverageMetric('queue', '30'), cpuMetric(70)];
    expect(formatHpaTargets(specs, [{ type: '' }, { type: 'External', external: { metric: { name: 'queue' }, current: { averageValue: '6667m' } } }])).toBe(
      'cpu: <unknown>/50%, 6667m/30 (avg) + 1 more...',
    );
  });
});

describe('kubectl describe hpa', () => {
  it('lays out metrics, conditions and events like kubectl', () => {
    const hpa = withStatus(makeHpa({ minReplicas: 1, maxReplicas: 10, metrics: [cpuMetric(50)] }), {
      currentReplicas: 1,
      desiredReplicas: 1,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0, averageValue: '1m' } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: 0 },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: 0 },
      ],
    });
    const events = recordHpaEvents(recordHpaEvents([], [{ type: 'Warning', reason: 'FailedGetResourceMetric', message: 'boom' }], 15), [{ type: 'Warning', reason: 'FailedGetResourceMetric', message: 'boom' }], 30);
    const text = kubectlDescribeHpa({ hpa, createdAtSeconds: 0, events }, { nowSeconds: 270 });
    expect(text).toContain('\n  resource cpu on pods  (as a percentage of request):  0% (1m) / 50%\n');
    expect(text).toContain('\nDeployment pods:                                       1 current / 1 desired\n');
    expect(text).toContain(`\nCreationTimestamp:                                     ${rfc1123z(0)}\n`);
    expect(text).toContain('\n  Type           Status  Reason            Message\n');
    expect(text).toContain('\n  Warning  FailedGetResourceMetric  4m (x2 over 4m15s)  horizontal-pod-autoscaler  boom\n');
    expect(rfc1123z(0)).toBe('Mon, 01 Jan 2024 00:00:00 +0000');
  });

  it('prints defaulted behavior and Events: <none>', () => {
    const hpa = makeHpa({ maxReplicas: 10, metrics: [cpuMetric(50)], behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } });
    const text = kubectlDescribeHpa({ hpa, createdAtSeconds: 0 }, { nowSeconds: 10 });
    expect(text).toContain('Behavior:\n  Scale Up:\n    Stabilization Window: 0 seconds\n    Select Policy: Max\n    Policies:\n      - Type: Pods     Value: 4    Period: 15 seconds\n');
    expect(text).toContain('  Scale Down:\n    Stabilization Window: 60 seconds\n');
    expect(text).toMatch(/\nEvents:\s+<none>\n$/);
  });
});

describe('kubectl get hpa -o yaml', () => {
  it('prints sorted keys, API defaults and quoted timestamps', () => {
    const hpa = withStatus(makeHpa({ maxReplicas: 10 }), { currentReplicas: 2, desiredReplicas: 2, lastScaleTime: 60 });
    const text = kubectlGetHpaYaml({ hpa, createdAtSeconds: 0 });
    expect(text).toContain('  creationTimestamp: "2024-01-01T00:00:00Z"\n');
    expect(text).toContain('  metrics:\n  - resource:\n      name: cpu\n      target:\n        averageUtilization: 80\n        type: Utilization\n    type: Resource\n  minReplicas: 1\n');
    expect(text).toContain('  lastScaleTime: "2024-01-01T00:01:00Z"\n');
  });
});
