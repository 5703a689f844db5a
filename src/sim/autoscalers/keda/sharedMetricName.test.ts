import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { step } from '../../core/step';
import { deployment, scenario } from '../../testing/fixtures';
import { hpaState } from '../hpa/controller';
import { kedaExternalMetrics, SCALED_OBJECT_LABEL } from './metricsAdapter';
import { triggerMetricName } from './triggerMetrics';

/**
 * Two ScaledObjects in one namespace whose prometheus triggers both get the metric name
 * s0-prometheus. KEDA's generated HPA asks for its metric with the selector
 * scaledobject.keda.sh/name=<its ScaledObject> (controllers/keda/hpa.go), and the metrics
 * apiserver looks the ScaledObject up by that label (pkg/provider/provider.go GetExternalMetric),
 * so each HPA reads its own query: 10/5 → 2 replicas and 40/5 → 8.
 */
function promScaledObject(name: string): ManifestDoc {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name },
    spec: {
      scaleTargetRef: { name },
      minReplicaCount: 1,
      maxReplicaCount: 20,
      pollingInterval: 15,
      triggers: [{ type: 'prometheus', metadata: { serverAddress: 'http://prometheus:9090', query: `sum(rate(http_requests_total{service="${name}"}[1m]))`, threshold: '5' } }],
    },
  };
}

function world() {
  const flat = (target: string, rps: number) => ({ target, cpuPerRequestMillis: 1, memoryPerInflightMiB: 0, timeoutMs: 30_000, profile: [{ atMs: 0, rps, rampMs: 0 }] });
  return createWorld(scenario({ load: [flat('small', 10), flat('large', 40)] }), [
    deployment('small', 1, '100m', '64Mi'),
    deployment('large', 1, '100m', '64Mi'),
    promScaledObject('small'),
    promScaledObject('large'),
  ]);
}

describe('KEDA: ScaledObjects whose triggers share a metric name', () => {
  it('both triggers are named s0-prometheus', () => {
    const so = promScaledObject('small').spec as { triggers: Parameters<typeof triggerMetricName>[0][] };
    expect(triggerMetricName(so.triggers[0], 0)).toBe('s0-prometheus');
  });

  it('scale independently: 10/5 → 2 and 40/5 → 8', () => {
    const w = world();
    for (let i = 0; i < 240; i++) step(w);
    expect(w.deployments.get('small')!.replicas).toBe(2);
    expect(w.deployments.get('large')!.replicas).toBe(8);
    const records = hpaState(w).records;
    const selectorOf = (name: string) => (records[`default/keda-hpa-${name}`].hpa.spec.metrics?.[0] as { external: { metric: { selector: unknown } } }).external.metric.selector;
    expect(selectorOf('large')).toEqual({ matchLabels: { [SCALED_OBJECT_LABEL]: 'large' } });
  });

  it('the adapter answers by the selector label and refuses a query without it', () => {
    const w = world();
    for (let i = 0; i < 30; i++) step(w);
    const ask = (so?: string) => kedaExternalMetrics(w, 's0-prometheus', 'default', so ? { matchLabels: { [SCALED_OBJECT_LABEL]: so } } : undefined);
    expect(ask('small')).toEqual({ valuesMilli: [10_000] });
    expect(ask('large')).toEqual({ valuesMilli: [40_000] });
    expect(ask()).toEqual({ error: 'scaledObject name is not specified' });
    expect(ask('ghost')).toEqual({ error: 'scaledobjects.keda.sh "ghost" not found' });
    expect(kedaExternalMetrics(w, 's0-other', 'default', undefined)).toBeUndefined();
  });
});
