import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { step } from '../../core/step';
import { deployment, scenario } from '../../testing/fixtures';
import { hpaState } from '../hpa/controller';
import { kedaState } from './state';
import { enText } from '../../../testing/messages';

/**
 * advanced.scalingModifiers in the engine (kedacore/keda controllers/keda/hpa.go: the HPA gets one
 * External metric "composite-metric" with the modifiers' target instead of the triggers' metrics;
 * pkg/scaling/modifiers/formula.go serves the formula's value; pkg/scaling/scale_handler.go: the
 * object is active iff composite > activationTarget).
 */
function world(sm: Record<string, string>, minReplicaCount = 1) {
  const flat = (target: string, rps: number) => ({ target, cpuPerRequestMillis: 1, memoryPerInflightMiB: 0, timeoutMs: 30_000, profile: [{ atMs: 0, rps, rampMs: 0 }] });
  const prom = (name: string, service: string) => ({ type: 'prometheus', name, metadata: { serverAddress: 'http://prometheus:9090', query: `sum(rate(http_requests_total{service="${service}"}[1m]))`, threshold: '1' } });
  const so: ManifestDoc = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'api' },
    spec: { scaleTargetRef: { name: 'api' }, minReplicaCount, maxReplicaCount: 30, pollingInterval: 15, cooldownPeriod: 30, triggers: [prom('web', 'web'), prom('batch', 'batch')], advanced: { scalingModifiers: sm } },
  };
  return createWorld(scenario({ load: [flat('web', 10), flat('batch', 40)] }), [deployment('api', 1, '100m', '64Mi'), deployment('web', 1, '10m', '16Mi'), deployment('batch', 1, '10m', '16Mi'), so]);
}

const run = (w: ReturnType<typeof world>, seconds: number) => {
  for (let i = 0; i < seconds; i++) step(w);
};

describe('KEDA scalingModifiers in the engine', () => {
  it('the generated HPA has one composite-metric External metric with the modifiers target', () => {
    const w = world({ formula: 'web + batch', target: '5' });
    run(w, 20);
    const metrics = hpaState(w).records['default/keda-hpa-api'].hpa.spec.metrics;
    expect(metrics).toHaveLength(1);
    expect(metrics?.[0]).toMatchObject({ type: 'External', external: { metric: { name: 'composite-metric', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'api' } } }, target: { type: 'AverageValue', averageValue: '5' } } });
    expect(kedaState(w).objects['default/api'].so.status?.externalMetricNames).toEqual(['composite-metric']);
  });

  it('scales on the formula: (10 + 40) / 5 → 10 replicas; a ternary picks its branch', () => {
    const sum = world({ formula: 'web + batch', target: '5' });
    run(sum, 240);
    expect(sum.deployments.get('api')!.replicas).toBe(10);
    const pick = world({ formula: 'web > 20 ? web + batch : batch / 2', target: '5' });
    run(pick, 240);
    expect(pick.deployments.get('api')!.replicas).toBe(4); // 40 / 2 = 20 → 20 / 5
  });

  it('activation follows composite > activationTarget, not the triggers', () => {
    const w = world({ formula: 'web + batch', target: '5', activationTarget: '60' }, 0);
    run(w, 120);
    expect(w.deployments.get('api')!.replicas).toBe(0);
    expect(enText(kedaState(w).objects['default/api'].explanation)).toContain('scalingModifiers: web + batch = 50 <= activationTarget 60');
    const on = world({ formula: 'web + batch', target: '5', activationTarget: '49' }, 0);
    run(on, 240);
    expect(on.deployments.get('api')!.replicas).toBe(10);
  });
});
