import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertHpaManifest, hpaFromKubectlAutoscale, kubectlWarningLine } from './convert';
import { withDefaults } from './defaults';

describe('convertHpaManifest', () => {
  it('turns autoscaling/v1 targetCPUUtilizationPercentage into a v2 CPU metric without a warning', () => {
    const doc = parse(`
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: php-apache}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
`) as unknown;
    const r = convertHpaManifest(doc);
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
  });

  it('accepts v2beta2 with kubectl\'s deprecation warning', () => {
    const r = convertHpaManifest({
      apiVersion: 'autoscaling/v2beta2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        metrics: [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '0.5' } } }],
        behavior: { scaleDown: { stabilizationWindowSeconds: 60 } },
      },
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(kubectlWarningLine)).toEqual([
      'Warning: autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler',
    ]);
    expect(r.hpa.spec.metrics?.[0]).toEqual({ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '500m' } } });
    expect(r.hpa.spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 60 } });
  });

  it('maps v2beta1 target fields', () => {
    const r = convertHpaManifest({
      apiVersion: 'autoscaling/v2beta1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'memory', targetAverageValue: '512Mi' } },
          { type: 'External', external: { metricName: 'queue', targetAverageValue: 30 } },
        ],
      },
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings[0]).toMatch(/^autoscaling\/v2beta1 HorizontalPodAutoscaler is deprecated in v1.22\+, unavailable in v1.25\+/);
    expect(r.hpa.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } },
      { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } },
    ]);
  });

  it('rejects unknown versions like the API server', () => {
    expect(convertHpaManifest({ apiVersion: 'autoscaling/v3', kind: 'HorizontalPodAutoscaler' })).toEqual({
      ok: false,
      error: 'no matches for kind "HorizontalPodAutoscaler" in version "autoscaling/v3"',
    });
  });
});

describe('hpaFromKubectlAutoscale', () => {
  it('creates what `kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10` creates', () => {
    const r = hpaFromKubectlAutoscale({ kind: 'deployment', name: 'php-apache', cpuPercent: 50, min: 1, max: 10 });
    if (!r.ok) throw new Error(r.error);
    expect(r.output).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled');
    expect(r.hpa).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'php-apache', namespace: 'default' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    });
    expect(r.flagWarnings[0]).toMatch(/^Flag --cpu-percent has been deprecated/);
  });

  it('leaves defaults to the server and supports --cpu quantities', () => {
    const bare = hpaFromKubectlAutoscale({ kind: 'deploy', name: 'web', max: 3 });
    if (!bare.ok) throw new Error(bare.error);
    expect(bare.hpa.spec.minReplicas).toBeUndefined();
    expect(withDefaults(bare.hpa.spec).metrics[0]).toEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } });
    const q = hpaFromKubectlAutoscale({ kind: 'deployment', name: 'web', cpu: '500', max: 3, hpaName: 'web-hpa' });
    expect(q.ok && q.hpa.spec.metrics?.[0]).toEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '500m' } } });
    expect(q.ok && q.hpa.metadata.name).toBe('web-hpa');
  });

  it('validates --max and --min like kubectl', () => {
    expect(hpaFromKubectlAutoscale({ kind: 'deployment', name: 'w', max: -1 })).toEqual({ ok: false, error: '--max=MAXPODS is required and must be at least 1, max: -1' });
    expect(hpaFromKubectlAutoscale({ kind: 'deployment', name: 'w', min: 5, max: 2 })).toEqual({
      ok: false,
      error: '--max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5',
    });
  });
});
